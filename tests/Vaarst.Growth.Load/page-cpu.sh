#!/usr/bin/env bash
# Server CPU per prerendered page (issue #15): how much CPU the app spends on one request for each page of the mix,
# read from the app process's own CPU time (/proc/PID/stat), one request at a time, so it is the cost of a page and
# not of queueing. Results are written up in docs/performance.md.
#
#   tests/Vaarst.Growth.Load/page-cpu.sh             # from the repository root; Linux (reads /proc)
#   ENGINEERS=2000 REQUESTS=100 DATABASE=/tmp/org.db tests/Vaarst.Growth.Load/page-cpu.sh
#
# Builds the app and the load tool in Release, generates the synthetic organisation (or uses DATABASE, a generated
# one), starts the app as run-load.sh does (environment Staging, development sign-in), signs in, sends every page 100
# times to warm up (tiered JIT settles), then REQUESTS requests per page and prints milliseconds of CPU per request.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENGINEERS="${ENGINEERS:-2000}"
REQUESTS="${REQUESTS:-100}"
PORT="${PORT:-5398}"
WORK="$(mktemp -d /tmp/vaarst-page-cpu.XXXXXX)"
URL="http://127.0.0.1:$PORT"
WEB_BIN="$REPO/src/Vaarst.Growth.Web/bin/Release/net10.0"
LOAD_DLL="$REPO/tests/Vaarst.Growth.Load/bin/Release/net10.0/Vaarst.Growth.Load.dll"
TICKS_PER_SECOND="$(getconf CLK_TCK)"

cd "$REPO"
echo "Working folder: $WORK"
dotnet build -c Release src/Vaarst.Growth.Web -v quiet -nologo >"$WORK/build.log"
dotnet build -c Release tests/Vaarst.Growth.Load -v quiet -nologo >>"$WORK/build.log"

DB="${DATABASE:-$WORK/org.db}"
if [ -z "${DATABASE:-}" ]; then
  dotnet "$WEB_BIN/Vaarst.Growth.Web.dll" data generate --engineers "$ENGINEERS" --database "$DB" >"$WORK/generate.log"
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

dotnet "$LOAD_DLL" signin "$URL" 4 1 "$WORK/users.tsv" >/dev/null
ENGINEER="$(awk -F'\t' '$1 == "engineer" { print $3; exit }' "$WORK/users.tsv")"
ENGINEER_ID="$(awk -F'\t' '$1 == "engineer" { print $2; exit }' "$WORK/users.tsv")"
MANAGER="$(awk -F'\t' '$1 == "manager" { print $3; exit }' "$WORK/users.tsv")"
ITEM="$(sqlite3 "$DB" "SELECT ChecklistItemId FROM EvidenceSupports s JOIN ChecklistItems c ON c.Id = s.ChecklistItemId WHERE c.PersonId = $ENGINEER_ID LIMIT 1" 2>/dev/null || true)"
PAGES=("engineer /" "engineer /gap" "engineer /evidence" "engineer /checklist" "manager /reviews" "manager /team" "manager /team/heatmap")
[ -n "$ITEM" ] && PAGES+=("engineer /checklist/items/$ITEM")

get() { curl -s -o /dev/null -H "Cookie: $1" -H "X-Forwarded-Proto: https" "$URL$2"; }
cpu() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }

for page in "${PAGES[@]}"; do
  set -- $page; cookie=$ENGINEER; [ "$1" = manager ] && cookie=$MANAGER
  for _ in $(seq 1 100); do get "$cookie" "$2"; done
done
sleep 5

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| Page | CPU per request |"
echo "| --- | ---: |"
for page in "${PAGES[@]}"; do
  set -- $page; cookie=$ENGINEER; [ "$1" = manager ] && cookie=$MANAGER
  before=$(cpu)
  for _ in $(seq 1 "$REQUESTS"); do get "$cookie" "$2"; done
  after=$(cpu)
  echo "| \`$2\` ($1) | $(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$REQUESTS" 'BEGIN { printf "%.1f", t * 1000 / hz / n }') ms |"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
