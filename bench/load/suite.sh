#!/usr/bin/env bash
# The performance suite of issue 17 on the large generated province, one command per database:
#   PROVIDER=sqlite   bash bench/load/suite.sh [WORKDIR]
#   PROVIDER=postgres bash bench/load/suite.sh [WORKDIR]
# Every figure is printed beside its reference measured in the same run (the same bytes served as a static
# file by the same app) or beside its goal (docs/benchmarks.md, "## Suite"). Bounded: DURATION seconds per wrk
# or save run (default 10), 16 clients, 127.0.0.1 only; the servers are stopped by their pids on exit.
# Env: PROVIDER, DURATION, WARMUP (requests of a page before measuring it, 40), PORT (default a random high port), SKIP_SAVES=1, SKIP_STARTUP=1, SINGLE_ONLY=1 (no load runs: one
# request at a time, its time and the server's CPU time per request), SAVES_ONLY=1 (only the autosave runs).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source bench/load/provider.sh
WORK="${1:-/tmp/partrack-suite-$PROVIDER}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-40}"   # requests of each page before it is measured
PORT="${PORT:-$((20000 + RANDOM % 20000))}"
BASE="http://127.0.0.1:$PORT"
COLD="http://127.0.0.1:$((PORT + 1))"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
bench_db "$WORK/bench.db"
dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | grep -E "error|Warn|Error" || true
dotnet build -c Release bench/ParTrack.Load -o "$WORK/load" -v q -nologo | grep -E " error " || true
if ! db_exists; then
  /usr/bin/time -f "generate: %e s, max RSS %M KB" dotnet "$WORK/app/partrack.dll" bench-generate "$DB_TARGET"
fi

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
STATIC="$WORK/root"; rm -rf "$STATIC"; mkdir -p "$STATIC/wwwroot/bench"
# $1 base url, $2 dashboard cache seconds
start_app() {
  env "${DB_ENV[@]}" ASPNETCORE_URLS="$1" ASPNETCORE_ENVIRONMENT=Production Reporting__Reminders=false Security__SecureCookies=false \
    Reporting__DashboardCacheSeconds="$2" Performance__FragmentCache="$([ "$2" = 0 ] && echo false || echo true)" Diagnostics__CommandCountHeader=true Logging__LogLevel__Default=Warning \
    dotnet "$WORK/app/partrack.dll" --contentRoot "$STATIC" > "$WORK/app-$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 120); do curl -sf "$1/health" >/dev/null && return 0; sleep 0.5; done
  echo "the app did not start; see $WORK/app-$2.log" >&2; exit 1
}
start_app "$BASE" 30
start_app "$COLD" 0

# $1 base, $2 user: prints the Cookie header value of a signed-in session
login() {
  local jar token; jar=$(mktemp)
  token=$(curl -s -c "$jar" "$1/Accounts/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "UserName=$2" --data-urlencode "Password=Demo@2025" \
    --data-urlencode "__RequestVerificationToken=$token" "$1/Accounts/Login"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"; rm -f "$jar"
}
COORD=$(login "$BASE" coordinator); OFFICER=$(login "$BASE" snv); COLD_COORD=$(login "$COLD" coordinator)
echo "$COORD" > "$WORK/cookie.header"

PLAN=$(sql 'SELECT "Id" FROM "Plans" WHERE "OwnerAgencyId" IS NULL AND "Title" LIKE '"'%dữ liệu lớn%'"' ORDER BY "Id" LIMIT 1')
Q=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Q3' AND \"PlanId\" = $PLAN")
YEAR=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Year' AND \"PlanId\" = $PLAN")
sql "SELECT '/Reports/Periods/' || \"PeriodId\" || '/Agencies/' || \"AgencyId\" FROM \"AgencyReport\" WHERE \"PeriodId\" = $YEAR AND \"State\" = 'Draft' ORDER BY \"AgencyId\" LIMIT 160" > "$WORK/save-urls.txt"
REPORT=$(head -1 "$WORK/save-urls.txt")

echo "ParTrack $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), provider $PROVIDER, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); 16 clients, ${DURATION}s per run (wrk -t2 -c16 --latency)"
echo "entries: $(sql 'SELECT COUNT(*) FROM "ReportEntry"'), activities: $(sql 'SELECT COUNT(*) FROM "Activities"'), agencies: $(sql 'SELECT COUNT(*) FROM "Agencies"')"

# wrk's p50, p95 (ms) and requests/s of one url: "p50 p95 rps"
load() {
  [ -n "${SINGLE_ONLY:-}" ] && { echo "- - -"; return; }
  local args=(-t2 -c16 -d"${DURATION}s" --timeout 10s --latency -s bench/load/plans-p95.lua)
  [ -n "${2:-}" ] && args+=(-H "Cookie: $2")
  wrk "${args[@]}" "$1" | grep '^RESULT' | sed -E 's/.*p50_ms=([0-9.]+) p95_ms=([0-9.]+).*rps=([0-9.]+).*/\1 \2 \3/'
}
# median of five single requests, in ms
single() {
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "Cookie: $2" -w '%{time_total}\n' "$1"; done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }'
}
# the server's CPU time per request over 20 single requests, in ms: what a request costs, even on a busy machine
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu() {   # $1 url, $2 cookie, $3 server pid
  local before after; before=$(ticks "$3")
  for _ in $(seq 20); do curl -s -o /dev/null -H "Cookie: $2" "$1"; done
  after=$(ticks "$3")
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t * 1000 / hz / 20 }'
}
printf '\n%-34s %9s %6s %9s %8s %9s %9s %8s | %9s %8s %7s\n' "page (16 clients)" bytes queries "single" "CPU/req" p50 p95 req/s "static p95" req/s "ratio"
page() {   # $1 name, $2 base, $3 path, $4 cookie
  local name=$1 url="$2$3" cookie=$4 pid=${PIDS[0]} file="$STATIC/wwwroot/bench/$(echo "$1" | tr -c 'a-zA-Z0-9\n' '_').html"
  [ "$2" = "$COLD" ] && pid=${PIDS[1]}
  # Warm-up: the first request renders what is kept (on the cached instance), so the queries column is a repeat's
  # commands; the others let the JIT finish the page's code (tier-up after ~30 calls), so "single" is what a viewer
  # pays on a server that has been running, not the start-up's compilation.
  for _ in $(seq "$WARMUP"); do curl -s -o /dev/null -H "Cookie: $cookie" "$url"; done
  local headers; headers=$(curl -s -D - -o "$file" -H "Cookie: $cookie" "$url")
  echo "$headers" | head -1 | grep -q " 200" || { echo "$name: $url did not answer 200" >&2; return; }
  local commands; commands=$(echo "$headers" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-db-commands" { print $2 }')
  local one; one=$(single "$url" "$cookie")
  local spent; spent=$(cpu "$url" "$cookie" "$pid")
  read -r p50 p95 rps <<<"$(load "$url" "$cookie")"
  read -r _ sp95 srps <<<"$(load "$BASE/bench/$(basename "$file")")"
  printf '%-34s %9s %6s %7s ms %5s ms %6s ms %6s ms %8s | %6s ms %8s %6.1fx\n' \
 "$name" "$(stat -c %s "$file")" "${commands:-?}" "$one" "$spent" "$p50" "$p95" "$rps" \
    "$sp95" "$srps" "$(awk -v a="$p95" -v b="$sp95" 'BEGIN { print (b > 0 ? a / b : 0) }')"
}
if [ -n "${SAVES_ONLY:-}" ]; then page() { :; }; else
  read -r _ hp95 hrps <<<"$(load "$BASE/health")"
  printf '%-34s %9s %6s %9s %8s %9s %6s ms %8s\n' "/health" "" "" "" "" "" "$hp95" "$hrps"
fi
page "framework table (coordinator)" "$BASE" "/Plans/$PLAN" "$COORD"
page "Viec cua toi (snv)" "$BASE" "/MyWork" "$OFFICER"
page "report form, 100 entries" "$BASE" "$REPORT" "$COORD"
page "dashboard Q3, cached" "$BASE" "/Dashboard?period=$Q" "$COORD"
page "dashboard Q3, cache off" "$COLD" "/Dashboard?period=$Q" "$COLD_COORD"
page "progress API Q3, cache off" "$COLD" "/api/plans/$PLAN/progress?periodId=$Q" "$COLD_COORD"
# A page of 100 activities (the line above is the default page, 500): what an integration walking the list pays per request.
page "progress API Q3, limit=100" "$COLD" "/api/plans/$PLAN/progress?periodId=$Q&limit=100" "$COLD_COORD"
# The fixed part of a page (tallies, obligations, report texts), and one agency's activities (the draft report's agency).
page "progress API Q3, limit=10" "$COLD" "/api/plans/$PLAN/progress?periodId=$Q&limit=10" "$COLD_COORD"
page "progress API Q3, one agency" "$COLD" "/api/plans/$PLAN/progress?periodId=$Q&agencyId=${REPORT##*/}&limit=100" "$COLD_COORD"
echo "goals: each page p95 within 5x of its static p95; dashboard with the cache off: single request <= 20 ms (CPU/req: server CPU time per request, 20 requests one at a time)"

if [ -z "${SKIP_SAVES:-}" ]; then
  echo
  for MODE in autosave-one autosave-all; do
    goal=50; [ "$MODE" = autosave-all ] && goal=150
    printf '%-14s (goal p95 <= %s ms): ' "$MODE" "$goal"
    dotnet "$WORK/load/partrack-load.dll" "$BASE" "$WORK/cookie.header" "$WORK/save-urls.txt" 16 "$DURATION" $MODE | tr '\n' ' '; echo
  done
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
cleanup; PIDS=()

if [ -z "${SKIP_STARTUP:-}" ]; then
  # Start-up with the demo database (SQLite file in WORK): first start makes and seeds it, the second opens it.
  DEMO="$WORK/demo.db"; rm -f "$DEMO" "$DEMO-wal" "$DEMO-shm"
  for run in "first start (migrate + seed demo)" "restart on the demo database"; do
    start=$(date +%s.%N)
    Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$DEMO" Demo__SeedOnEmpty=true ASPNETCORE_URLS="$BASE" \
      ASPNETCORE_ENVIRONMENT=Production Security__SecureCookies=false Logging__LogLevel__Default=Warning \
      Files__Folder="$WORK/demo-files" dotnet "$WORK/app/partrack.dll" > "$WORK/startup.log" 2>&1 &
    PIDS=($!)
    until curl -sf -o /dev/null "$BASE/health"; do sleep 0.02; done; health=$(date +%s.%N)
    curl -sf -o /dev/null "$BASE/Accounts/Login"; login=$(date +%s.%N)
    printf '%-36s first /health %5.2f s, first sign-in page %5.2f s (goal <= 3 s)\n' "$run:" \
      "$(echo "$health - $start" | bc)" "$(echo "$login - $start" | bc)"
    cleanup; wait "${PIDS[0]}" 2>/dev/null || true; PIDS=()
  done
fi
