#!/usr/bin/env bash
# Runs every test suite of CallSupervisor: Core unit tests, adapter/emulator tests, bUnit component tests and
# Playwright browser tests, audit tests on SQLite and PostgreSQL, scale-out tests on Redis. On a fresh Debian
# machine it installs what the browser, audit and scale-out tests need (Chromium, PostgreSQL, Redis).
set -euo pipefail
cd "$(dirname "$0")"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# The audit tests start a real PostgreSQL server themselves (initdb + pg_ctl on a free loopback port); they need
# its binaries, not a running service.
have_postgres() {
  local bin
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/postgres" ] && return 0
  done
  return 1
}
# The scale-out tests start their own Redis server too (redis-server on a free loopback port, nothing persisted).
have_redis() {
  [ -x /usr/bin/redis-server ] || command -v redis-server >/dev/null 2>&1
}

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
have_postgres || missing+=(postgresql)
have_redis || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing ${missing[*]} for the browser, audit and scale-out tests (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    for package in "${missing[@]}"; do
      # A half-upgraded system can report unmet dependencies: repair once, then retry.
      apt-get install -y -qq "$package" >/dev/null || { apt-get install -y -qq -f >/dev/null && apt-get install -y -qq "$package" >/dev/null; }
    done
  else
    if [[ " ${missing[*]} " == *" chromium "* ]]; then
      echo "Chromium is needed for the browser tests and was not found at $CHROMIUM." >&2
      echo "Install it (e.g. 'sudo apt-get install chromium') or set CHROMIUM_PATH to a Chromium binary." >&2
    fi
    if [[ " ${missing[*]} " == *" postgresql "* ]]; then
      echo "PostgreSQL is needed for the audit tests (initdb, pg_ctl, postgres under /usr/lib/postgresql/*/bin)." >&2
      echo "Install it (e.g. 'sudo apt-get install postgresql'); the tests start and stop their own server." >&2
    fi
    if [[ " ${missing[*]} " == *" redis-server "* ]]; then
      echo "Redis is needed for the scale-out tests (redis-server at /usr/bin/redis-server or on PATH)." >&2
      echo "Install it (e.g. 'sudo apt-get install redis-server'); the tests start and stop their own server." >&2
    fi
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed (dotnet was not found on PATH)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Each host watches its settings files for changes with an inotify instance of its own, and the suites start a few
# hundred hosts (in-memory apps, app processes, emulators), many at once: on a busy machine that ran out of the user's
# inotify instances (128 by default) and hosts failed to start. Nothing edits the settings during a run, so the test
# hosts do not watch them (the apps' own processes inherit this too).
export DOTNET_hostBuilder__reloadConfigOnChange=false
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
