#!/usr/bin/env bash
# Load and memory run (issue #8, item 5); results are written up in docs/performance.md.
#
#   tests/Vaarst.Growth.Load/run-load.sh            # from the repository root; needs wrk (apt-get install -y wrk)
#
# 1. Builds the app and this tool in Release.
# 2. Generates the synthetic organisation (ENGINEERS, default 2,000) into a fresh SQLite file in a temp folder.
# 3. Starts the built app as production runs it (environment Staging: no developer pages, Secure cookies, HSTS,
#    forwarded headers on, as behind the TLS proxy of docs/deployment.md; every client request says
#    X-Forwarded-Proto: https), except that people sign in through development sign-in (Authentication:Mode=Development,
#    which the app refuses only in the Production environment), so generated people can sign in without Entra ID.
# 4. Signs in 40 engineers and 10 line managers (one cookie each) and runs wrk with 50 connections: a 10 s warm-up,
#    a 30 s mixed run (engineers: home, checklist, gap view, evidence library; managers: review queue, team heatmap,
#    team), then 10 s per page. This closed loop says at what rate 50 hammering clients saturate the app.
# 5. Open loop (Vaarst.Growth.Load openloop): the same mix arriving at fixed rates (RATES, default 15,30,50,100,150
#    requests a second, OPEN_SECONDS each, default 20), latency from each request's scheduled time, clients giving up
#    after 10 s; says how many people the box serves with p95 under 200 ms, and how long it takes to drain.
# 6. Opens Blazor circuits through the real protocol (Vaarst.Growth.Load circuits) in steps of CIRCUITS (default
#    200,1000), holds them and reads the app's working set and live GC heap after each step.
# Parts can be skipped: CLOSED_LOOP=0 (no wrk runs), RATES=none, CIRCUITS=none; DATABASE=/path/org.db reuses a
# generated organisation instead of generating one (the file is used in place).
# Prints a Markdown summary and leaves everything (database, logs, results.md) in the temp folder it names.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENGINEERS="${ENGINEERS:-2000}"
CIRCUITS="${CIRCUITS:-200,1000}"
CONNECTIONS="${CONNECTIONS:-50}"
DURATION="${DURATION:-30s}"
PAGE_DURATION="${PAGE_DURATION:-10s}"
PORT="${PORT:-5391}"
RATES="${RATES:-15,30,50,100,150}"
OPEN_SECONDS="${OPEN_SECONDS:-20}"
WORK="$(mktemp -d /tmp/vaarst-load.XXXXXX)"
URL="http://127.0.0.1:$PORT"
WEB_BIN="$REPO/src/Vaarst.Growth.Web/bin/Release/net10.0"
LOAD_DLL="$REPO/tests/Vaarst.Growth.Load/bin/Release/net10.0/Vaarst.Growth.Load.dll"

CLOSED_LOOP="${CLOSED_LOOP:-1}"
if [ "$CLOSED_LOOP" != 0 ]; then
  command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk (or CLOSED_LOOP=0)" >&2; exit 1; }
fi
cd "$REPO"
echo "Working folder: $WORK"

echo "== Build (Release)"
dotnet tool restore >/dev/null
dotnet build -c Release src/Vaarst.Growth.Web -v quiet -nologo >"$WORK/build.log"
dotnet build -c Release tests/Vaarst.Growth.Load -v quiet -nologo >>"$WORK/build.log"

DB="${DATABASE:-$WORK/org.db}"
if [ -z "${DATABASE:-}" ]; then
  echo "== Generate $ENGINEERS engineers"
  dotnet "$WEB_BIN/Vaarst.Growth.Web.dll" data generate --engineers "$ENGINEERS" --database "$DB" | grep -v '^info\|^      ' | tee "$WORK/generate.log"
fi

echo "== Start the app on $URL"
# Each circuit is a socket on both ends, in this shell's processes.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(
  cd "$WEB_BIN"
  exec env ASPNETCORE_ENVIRONMENT=Staging \
    ASPNETCORE_URLS="$URL" \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    Authentication__Mode=Development \
    Database__Provider=Sqlite \
    ConnectionStrings__Growth="Data Source=$DB" \
    Database__SeedDemoData=false \
    Framework__SeedContentPath="$WORK/no-seed-framework" \
    dotnet Vaarst.Growth.Web.dll
) >"$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$URL/health" >/dev/null 2>&1 && break
  kill -0 $APP_PID 2>/dev/null || { echo "The app exited; see $WORK/app.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$URL/health" >/dev/null || { echo "The app did not become healthy; see $WORK/app.log" >&2; exit 1; }

echo "== Sign in 40 engineers and 10 managers"
dotnet "$LOAD_DLL" signin "$URL" 40 10 "$WORK/users.tsv"

# One "path<TAB>cookie" line per person and page they visit; per-page files for the per-page runs.
awk -F'\t' '{ n = split($4, p, ","); for (i = 1; i <= n; i++) print p[i] "\t" $3 }' "$WORK/users.tsv" >"$WORK/mix.tsv"
PAGES=$(cut -f1 "$WORK/mix.tsv" | awk '!seen[$0]++')
for page in $PAGES; do
  awk -F'\t' -v page="$page" '$1 == page' "$WORK/mix.tsv" >"$WORK/page-$(echo "$page" | tr '/' '_').tsv"
done

run_wrk() { # label, requests file, duration
  local load_before load_after out
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$3" --timeout 10s -s "$REPO/tests/Vaarst.Growth.Load/mix.lua" "$URL" -- "$2")
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$out" >>"$WORK/wrk.log"
  local r
  r=$(echo "$out" | grep '^LOADRESULT' | sed 's/^LOADRESULT //')
  eval "$r"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$requests" "$rps" "$p50_ms ms" "$p95_ms ms" "$p99_ms ms" \
    "$not_200" "$socket_errors" "$load_before → $load_after" | tee -a "$WORK/pages.md"
}

{
  echo "| Run | Requests | Requests/s | p50 | p95 | p99 | Not 200 | Timeouts and socket errors | Load average (1/5/15 min) before → after |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} >"$WORK/pages.md"
if [ "$CLOSED_LOOP" != 0 ]; then
  echo "== wrk: $CONNECTIONS connections"
  wrk -t2 -c"$CONNECTIONS" -d10s -s "$REPO/tests/Vaarst.Growth.Load/mix.lua" "$URL" -- "$WORK/mix.tsv" >"$WORK/warmup.log"
  run_wrk "Mix, $DURATION (engineer and manager pages)" "$WORK/mix.tsv" "$DURATION"
  for page in $PAGES; do
    run_wrk "\`$page\` only, $PAGE_DURATION" "$WORK/page-$(echo "$page" | tr '/' '_').tsv" "$PAGE_DURATION"
  done
else
  echo "(closed loop skipped: CLOSED_LOOP=0)" >"$WORK/pages.md"
fi
if [ "$RATES" != none ]; then
  echo "== Open loop: $RATES requests a second, $OPEN_SECONDS s each"
  dotnet "$LOAD_DLL" openloop "$URL" "$WORK/users.tsv" "$APP_PID" "$RATES" "$OPEN_SECONDS" "$WORK/openloop.md" | tee "$WORK/openloop.log"
else
  echo "(open loop skipped: RATES=none)" >"$WORK/openloop.md"
fi
RSS_AFTER_HTTP=$(awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' /proc/$APP_PID/status)

if [ "$CIRCUITS" != none ]; then
  echo "== Circuits: $CIRCUITS"
  dotnet "$LOAD_DLL" circuits "$URL" "$WORK/users.tsv" "$APP_PID" "$CIRCUITS" "$WORK/circuits.md" | tee "$WORK/circuits.log" || true
else
  echo "(circuits skipped: CIRCUITS=none)" >"$WORK/circuits.md"
fi

{
  echo "# Load run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet || echo ' (with local changes)')"
  echo
  echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GB;" \
    "$(dotnet --version) SDK; $ENGINEERS generated engineers; app working set after the HTTP runs: $RSS_AFTER_HTTP."
  echo
  echo "## Prerendered pages, $CONNECTIONS connections, 50 signed-in people"
  echo
  cat "$WORK/pages.md"
  echo
  echo "## Open loop: the mix arriving at fixed rates"
  echo
  cat "$WORK/openloop.md"
  echo
  echo "## Blazor circuits"
  echo
  cat "$WORK/circuits.md"
} >"$WORK/results.md"
echo
cat "$WORK/results.md"
echo "Results: $WORK/results.md"
