#!/usr/bin/env bash
# Takes docs/screenshots/telemetry-trace-{list,callback,mute}.png: starts the AppHost (samples/CallSupervisor.AppHost),
# waits for both instances, mutes an ACS user through the balancer in Chromium, and opens the traces of a callback and
# of the mute in the Aspire dashboard (take.mjs). Stops everything it started, whatever happens.
# Needs what the AppHost needs (redis-server, PostgreSQL's binaries), Chromium (/usr/bin/chromium or CHROMIUM_PATH)
# and Node with npm (playwright-core is installed here on first use).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=samples/telemetry-screenshots
out="${1:-docs/screenshots}"

dotnet build samples/CallSupervisor.AppHost -c Release -nologo -clp:NoSummary -v:q
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm install --no-audit --no-fund --silent)

work="$(mktemp -d)"
# The AppHost binary itself (not `dotnet run`, which would stay between this script and its PID), with the
# settings of its launch profile.
env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
    ASPNETCORE_URLS=http://localhost:18888 \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 \
    ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:18890 \
    ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:18891 \
    ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    samples/CallSupervisor.AppHost/bin/Release/net10.0/CallSupervisor.AppHost >"$work/apphost.log" 2>&1 &
apphost=$!
stop() {
  # SIGTERM: the AppHost stops every resource (redis-server, postgres, the instances, the emulator, the balancer,
  # the dashboard) and its orchestrator before it exits.
  kill -TERM "$apphost" 2>/dev/null || true
  wait "$apphost" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

deadline=$((SECONDS + 600))
until login="$(grep -o 'http://localhost:18888/login?t=[0-9a-f]*' "$work/apphost.log" | head -n 1)" && [ -n "$login" ]; do
  [ "$SECONDS" -lt "$deadline" ] || { cat "$work/apphost.log"; echo "the AppHost did not start" >&2; exit 1; }
  kill -0 "$apphost" 2>/dev/null || { cat "$work/apphost.log"; exit 1; }
  sleep 1
done
for port in 5181 5182 8080; do
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "127.0.0.1:$port is not ready" >&2; exit 1; }
    kill -0 "$apphost" 2>/dev/null || { cat "$work/apphost.log"; exit 1; }
    sleep 2
  done
done

HOME="$work" node "$here/take.mjs" "$login" http://localhost:8080 http://127.0.0.1:5190 "$out"
