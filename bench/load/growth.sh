#!/usr/bin/env bash
# Growth benchmark (issue 17, "costs that grow linearly"): the heavy pages on 1×, 3× and 10× the large province.
#   PROVIDER=sqlite   bash bench/load/growth.sh [WORKDIR]      SCALES="1 3 10" (default)
#   PROVIDER=postgres bash bench/load/growth.sh [WORKDIR]
#   env: DOSSIERS (per ×1, 100000), SAMPLES (requests per CPU figure, 20), WARMUP (requests before measuring a page, 10), SKIP_BUILD=1, PORT, MAX_TIME (s per request, 300),
#        ONLY (a regular expression: only the pages whose name matches, e.g. ONLY=dashboard)
# Per scale: generates the province once (`bench-generate DB --scale N --dossiers N×DOSSIERS`: N × 300 agencies and
# N × 300 province activities, each agency plan keeps 100 activities; DOSSIERS=100000 dossiers of 2025 per ×1, written
# in bulk), prints the generation time and the database's size, starts the app (dashboard cache off, command counter on) and
# prints per page: bytes, database commands, the median of five single requests, the server's CPU time per request
# (SAMPLES=20 requests one at a time), the process's resident memory after them, and time and CPU per 1,000 rows of its
# main list (the framework table's activities; the dashboard's owing agency × activity pairs are not counted here,
# so its "per row" is per activity; the KPI page's dossiers of the year), beside /health and the same bytes served
# statically in the same run. The load average is printed before and after each scale (the machine may be shared).
# Bounded: one request at a time, 127.0.0.1 only; the app is stopped by its pid after each scale.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source bench/load/provider.sh
WORK="${1:-/tmp/partrack-growth-$PROVIDER}"
SCALES="${SCALES:-1 3 10}"
DOSSIERS="${DOSSIERS:-100000}"
SAMPLES="${SAMPLES:-20}"   # requests per CPU figure; at ×10 the progress API costs seconds of CPU each
WARMUP="${WARMUP:-10}"     # requests of each page before it is measured
MAX_TIME="${MAX_TIME:-300}"   # seconds one request may take before curl gives up (bounds a runaway page at ×10)
PORT="${PORT:-$((20000 + RANDOM % 20000))}"
BASE="http://127.0.0.1:$PORT"
CACHED="http://127.0.0.1:$((PORT + 1))"   # a second instance with the dashboard cache on, for "dashboard cached"
mkdir -p "$WORK"
[ -n "${SKIP_BUILD:-}" ] || dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | grep -E " error |rror\(s\)" || true
PID=; CPID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; PID=
  [ -n "$CPID" ] && kill "$CPID" 2>/dev/null && wait "$CPID" 2>/dev/null; CPID=
  return 0
}
trap cleanup EXIT
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
single() { for _ in 1 2 3 4 5; do curl -s -m "$MAX_TIME" -o /dev/null -H "Cookie: $2" -w '%{time_total}\n' "$1"; done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }'; }
cpu() {   # $1 url, $2 cookie, $3 server pid
  local before after; before=$(ticks "$3")
  for _ in $(seq "$SAMPLES"); do curl -s -m "$MAX_TIME" -o /dev/null -H "Cookie: $2" "$1"; done
  after=$(ticks "$3")
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$SAMPLES" 'BEGIN { printf "%.1f", t * 1000 / hz / n }'
}
login() {   # $1 user, $2 base (default $BASE)
  local jar token base=${2:-$BASE}; jar=$(mktemp)
  token=$(curl -s -c "$jar" "$base/Accounts/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=Demo@2025" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Accounts/Login"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"; rm -f "$jar"
}
echo "ParTrack $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), provider $PROVIDER, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-6s %-28s %7s %9s %7s %9s %8s %7s %10s %10s | %9s %9s\n' scale page rows bytes queries single CPU/req RSS_MB "ms/1k rows" "CPU/1k" "static" "/health"
for scale in $SCALES; do
  scale_started=$(date +%s)
  bench_db "$WORK/growth-x$scale.db"
  echo "load average before ×$scale: $(cut -d' ' -f1-3 /proc/loadavg)"
  if ! db_exists; then
    /usr/bin/time -f "generate ×$scale: %e s wall, %U s user + %S s system CPU, max RSS %M KB" dotnet "$WORK/app/partrack.dll" bench-generate "$DB_TARGET" \
      --scale "$scale" --dossiers $((DOSSIERS * scale)) | grep -v '"EventId"' | tail -4
    echo "generated ×$scale, load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  if [ "$PROVIDER" = postgres ]; then SIZE=$(sql "SELECT pg_size_pretty(pg_database_size(current_database()))"); else SIZE="$(du -m "$DB_TARGET" | cut -f1) MB"; fi
  echo "×$scale: $(sql 'SELECT COUNT(*) FROM "Agencies"') agencies, $(sql 'SELECT COUNT(*) FROM "Activities"') activities, \
$(sql 'SELECT COUNT(*) FROM "ReportEntry"') entries, $(sql 'SELECT COUNT(*) FROM "Dossiers"') dossiers; database $SIZE"
  STATIC="$WORK/root-$scale"; rm -rf "$STATIC"; mkdir -p "$STATIC/wwwroot/bench"
  start_app() {   # $1 url, $2 dashboard cache seconds (0: off, and the fragment cache off too), $3 log
    env "${DB_ENV[@]}" ASPNETCORE_URLS="$1" ASPNETCORE_ENVIRONMENT=Production Reporting__Reminders=false Security__SecureCookies=false \
      Reporting__DashboardCacheSeconds="$2" Performance__FragmentCache="$([ "$2" = 0 ] && echo false || echo true)" \
      Diagnostics__CommandCountHeader=true Logging__LogLevel__Default=Warning \
      dotnet "$WORK/app/partrack.dll" --contentRoot "$STATIC" > "$3" 2>&1 &
  }
  start_app "$BASE" 0 "$WORK/app-x$scale.log"; PID=$!
  start_app "$CACHED" 3600 "$WORK/app-cached-x$scale.log"; CPID=$!
  for url in "$BASE" "$CACHED"; do for _ in $(seq 240); do curl -sf -o /dev/null "$url/health" && break; sleep 0.5; done; done
  COORD=$(login coordinator); OFFICER=$(login snv); CACHED_COORD=$(login coordinator "$CACHED")
  PLAN=$(sql 'SELECT "Id" FROM "Plans" WHERE "OwnerAgencyId" IS NULL AND "Title" LIKE '"'%dữ liệu lớn%'"' ORDER BY "Id" LIMIT 1')
  ROWS=$(sql "SELECT COUNT(*) FROM \"Activities\" WHERE \"PlanId\" = $PLAN")
  DOSSIER_ROWS=$(sql "SELECT COUNT(*) FROM \"Dossiers\" WHERE \"ReceivedOn\" BETWEEN '2025-01-01' AND '2025-12-31'")
  Q=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Q3' AND \"PlanId\" = $PLAN")
  YEAR=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Year' AND \"PlanId\" = $PLAN")
  # the report form: the first draft year report of an agency plan (100 entries at every scale)
  REPORT=$(sql "SELECT '/Reports/Periods/' || \"PeriodId\" || '/Agencies/' || \"AgencyId\" FROM \"AgencyReport\" WHERE \"PeriodId\" = $YEAR AND \"State\" = 'Draft' ORDER BY \"AgencyId\" LIMIT 1")
  REPORT_ROWS=$(sql "SELECT COUNT(*) FROM \"ReportEntry\" e JOIN \"AgencyReport\" r ON r.\"Id\" = e.\"ReportId\" WHERE r.\"PeriodId\" = $YEAR AND r.\"State\" = 'Draft' AND r.\"AgencyId\" = (SELECT MIN(\"AgencyId\") FROM \"AgencyReport\" WHERE \"PeriodId\" = $YEAR AND \"State\" = 'Draft')")
  HEALTH=$(single "$BASE/health" "")
  for spec in "framework table|/Plans/$PLAN|$COORD" "Viec cua toi (snv)|/MyWork|$OFFICER" "report form (draft, year)|$REPORT|$COORD|$REPORT_ROWS" \
              "dashboard Q3, cache off|/Dashboard?period=$Q|$COORD" "dashboard Q3, cached|/Dashboard?period=$Q|$CACHED_COORD||cached" \
              "progress API Q3|/api/plans/$PLAN/progress?periodId=$Q|$COORD" \
              "dossier KPIs 2025|/Dossiers/Kpis?From=2025-01-01&To=2025-12-31|$COORD|$DOSSIER_ROWS"; do
    IFS='|' read -r name path cookie rows instance <<<"$spec"; rows=${rows:-$ROWS}
    [[ "$name" =~ ${ONLY:-.} ]] || continue
    base=$BASE; pid=$PID; [ "$instance" = cached ] && { base=$CACHED; pid=$CPID; }
    file="$STATIC/wwwroot/bench/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_').html"
    started=$(date +%s)
    commands=$(curl -s -m "$MAX_TIME" -D - -o "$file" -H "Cookie: $cookie" "$base$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-db-commands" { print $2 }')
    # Warm-up, so each scale's figures are the page's cost and not its first calls' JIT compilation (each scale is a new process).
    for _ in $(seq "$WARMUP"); do curl -s -m "$MAX_TIME" -o /dev/null -H "Cookie: $cookie" "$base$path"; done
    one=$(single "$base$path" "$cookie"); spent=$(cpu "$base$path" "$cookie" "$pid")
    static=$(single "$BASE/bench/$(basename "$file")" "")
    printf '%-6s %-28s %7s %9s %7s %6s ms %5s ms %7s %7.1f ms %7.1f ms | %6s ms %6s ms  (%s s)\n' "×$scale" "$name" "$rows" "$(stat -c %s "$file")" \
      "${commands:-?}" "$one" "$spent" "$(rss_mb "$pid")" "$(awk -v a="$one" -v r="$rows" 'BEGIN { print r ? a * 1000 / r : 0 }')" \
      "$(awk -v a="$spent" -v r="$rows" 'BEGIN { print r ? a * 1000 / r : 0 }')" "$static" "$HEALTH" "$(( $(date +%s) - started ))"
  done
  echo "load average after ×$scale: $(cut -d' ' -f1-3 /proc/loadavg); ×$scale took $(( $(date +%s) - scale_started )) s"
  cleanup
done
