#!/usr/bin/env bash
# What idle Blazor circuits hold (issue #15): starts the app as page-cpu.sh does, opens CIRCUITS circuits of the page
# mix with the load tool (40 engineers, 10 managers; circuit i shows one page of user i mod 50), then prints the load
# tool's memory table and the largest types of a GC heap dump (dotnet-gcdump report). Results: docs/performance.md.
#
#   CIRCUITS=100 DATABASE=/tmp/org.db tests/Vaarst.Growth.Load/circuit-memory.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRCUITS="${CIRCUITS:-100}"
PORT="${PORT:-5397}"
WORK="$(mktemp -d /tmp/vaarst-circuit-memory.XXXXXX)"
URL="http://127.0.0.1:$PORT"
WEB_BIN="$REPO/src/Vaarst.Growth.Web/bin/Release/net10.0"
LOAD_DLL="$REPO/tests/Vaarst.Growth.Load/bin/Release/net10.0/Vaarst.Growth.Load.dll"

cd "$REPO"
echo "Working folder: $WORK"
dotnet tool restore >/dev/null
dotnet build -c Release src/Vaarst.Growth.Web -v quiet -nologo >"$WORK/build.log"
dotnet build -c Release tests/Vaarst.Growth.Load -v quiet -nologo >>"$WORK/build.log"

DB="${DATABASE:-$WORK/org.db}"
if [ -z "${DATABASE:-}" ]; then
  dotnet "$WEB_BIN/Vaarst.Growth.Web.dll" data generate --engineers 2000 --database "$DB" >"$WORK/generate.log"
fi

(
  cd "$WEB_BIN"
  exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="$URL" ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    Authentication__Mode=Development Database__Provider=Sqlite ConnectionStrings__Growth="Data Source=$DB" \
    Database__SeedDemoData=false Framework__SeedContentPath="$WORK/no-seed-framework" Logging__LogLevel__Default=Warning \
    dotnet Vaarst.Growth.Web.dll
) >"$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$URL/health" >/dev/null 2>&1 && break
  kill -0 $APP_PID 2>/dev/null || { echo "The app exited; see $WORK/app.log" >&2; exit 1; }
  sleep 1
done

dotnet "$LOAD_DLL" signin "$URL" 40 10 "$WORK/users.tsv" >/dev/null
dotnet "$LOAD_DLL" circuits "$URL" "$WORK/users.tsv" "$APP_PID" "$CIRCUITS" "$WORK/circuits.md" >"$WORK/circuits.log" 2>&1 &
LOAD_PID=$!
# The load tool settles 15 s after opening the circuits, then takes its own heap dump and closes them: take this one
# in between, while every circuit is open (dotnet-gcdump forces a full GC first).
for _ in $(seq 1 600); do
  grep -q "^$CIRCUITS circuits started" "$WORK/circuits.log" 2>/dev/null && break
  sleep 1
done
sleep 3
dotnet dotnet-gcdump collect -p "$APP_PID" -o "$WORK/circuits.gcdump" >"$WORK/gcdump.log" 2>&1 || true
wait $LOAD_PID || true
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK/circuits.md"
echo
echo "Largest types in the heap with $CIRCUITS circuits open (dotnet-gcdump report):"
dotnet dotnet-gcdump report "$WORK/circuits.gcdump" 2>&1 | head -40
