#!/usr/bin/env bash
# Where a prerendered page's server time goes (issue #15): starts the app as page-cpu.sh does, requests one page in a
# loop (one request at a time), records a dotnet-trace sample profile of the app meanwhile, converts it to Speedscope
# and prints the breakdown (trace-summary.py). Results are written up in docs/performance.md.
#
#   DATABASE=/tmp/org.db tests/Vaarst.Growth.Load/page-trace.sh /checklist [engineer|manager] [seconds]
#
# DATABASE is a generated organisation (`Vaarst.Growth.Web.dll data generate --engineers 2000 --database FILE`);
# without it one is generated. Needs the local tools (`dotnet tool restore`). Keeps the trace in the folder it names.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAGE="${1:-/checklist}"
ROLE="${2:-engineer}"
SECONDS_TO_TRACE="${3:-15}"
PORT="${PORT:-5399}"
WORK="$(mktemp -d /tmp/vaarst-page-trace.XXXXXX)"
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
LOOP_PID=
trap 'kill $APP_PID 2>/dev/null || true; [ -n "$LOOP_PID" ] && kill $LOOP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$URL/health" >/dev/null 2>&1 && break
  kill -0 $APP_PID 2>/dev/null || { echo "The app exited; see $WORK/app.log" >&2; exit 1; }
  sleep 1
done

dotnet "$LOAD_DLL" signin "$URL" 4 1 "$WORK/users.tsv" >/dev/null
COOKIE="$(awk -F'\t' -v role="$ROLE" '$1 == role { print $3; exit }' "$WORK/users.tsv")"
get() { curl -s -o /dev/null -H "Cookie: $COOKIE" -H "X-Forwarded-Proto: https" "$URL$PAGE"; }
for _ in $(seq 1 200); do get; done

( while true; do get; done ) &
LOOP_PID=$!
dotnet dotnet-trace collect -p "$APP_PID" --profile dotnet-sampled-thread-time --duration "00:00:00:$SECONDS_TO_TRACE" \
  -o "$WORK/trace.nettrace" >"$WORK/trace.log" 2>&1
kill $LOOP_PID 2>/dev/null || true
LOOP_PID=
dotnet dotnet-trace convert --format Speedscope "$WORK/trace.nettrace" -o "$WORK/trace" >>"$WORK/trace.log" 2>&1
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$REPO/tests/Vaarst.Growth.Load/trace-summary.py" "$WORK"/trace*.speedscope.json
