#!/usr/bin/env bash
# Runs every test suite of CallSupervisor: Core unit tests, adapter/emulator tests, bUnit component tests and
# Playwright browser tests. On a fresh Debian machine it installs what the browser tests need (Chromium).
set -euo pipefail
cd "$(dirname "$0")"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Chromium for the browser tests (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # A half-upgraded system can report unmet dependencies: repair once, then retry.
    apt-get install -y -qq chromium >/dev/null || { apt-get install -y -qq -f >/dev/null && apt-get install -y -qq chromium >/dev/null; }
  else
    echo "Chromium is needed for the browser tests and was not found at $CHROMIUM." >&2
    echo "Install it (e.g. 'sudo apt-get install chromium') or set CHROMIUM_PATH to a Chromium binary." >&2
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed (dotnet was not found on PATH)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> Building (Release)"
dotnet build CallSupervisor.sln -c Release -nologo -clp:NoSummary -warnaserror

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
echo "==> Testing"
set +e
dotnet test CallSupervisor.sln -c Release --no-build -nologo 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects (each prints "Passed!/Failed!  - Failed: n, Passed: n, Skipped: n").
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
       n++
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s; if (n == 0) exit 1 }' "$LOG"
exit "$status"
