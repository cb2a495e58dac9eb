#!/usr/bin/env bash
# Growth benchmark (issue 17, "costs that grow linearly"): the heavy pages on 1×, 3× and 10× the large province.
#   PROVIDER=sqlite   bash bench/load/growth.sh [WORKDIR]      SCALES="1 3 10" (default)
#   PROVIDER=postgres bash bench/load/growth.sh [WORKDIR]
#   env: DOSSIERS (per ×1, 100000), SAMPLES (requests per CPU figure, 20), SKIP_BUILD=1, PORT
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
SAMPLES="${SAMPLES:-20}"   # requests per CPU figure; at ×10 a cold dashboard costs seconds of CPU each
PORT="${PORT:-$((20000 + RANDOM % 20000))}"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
[ -n "${SKIP_BUILD:-}" ] || dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | grep -E " error |rror\(s\)" || true
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; PID=; }
trap cleanup EXIT
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
single() { for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "Cookie: $2" -w '%{time_total}\n' "$1"; done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }'; }
cpu() {
  local before after; before=$(ticks "$PID")
  for _ in $(seq "$SAMPLES"); do curl -s -o /dev/null -H "Cookie: $2" "$1"; done
  after=$(ticks "$PID")
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$SAMPLES" 'BEGIN { printf "%.1f", t * 1000 / hz / n }'
}
login() {
  local jar token; jar=$(mktemp)
  token=$(curl -s -c "$jar" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=Demo@2025" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Accounts/Login"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"; rm -f "$jar"
}
echo "ParTrack $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), provider $PROVIDER, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-6s %-28s %7s %9s %7s %9s %8s %7s %10s %10s | %9s %9s\n' scale page rows bytes queries single CPU/req RSS_MB "ms/1k rows" "CPU/1k" "static" "/health"
for scale in $SCALES; do
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
  env "${DB_ENV[@]}" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Reporting__Reminders=false Security__SecureCookies=false \
    Reporting__DashboardCacheSeconds=0 Performance__FragmentCache=false Diagnostics__CommandCountHeader=true Logging__LogLevel__Default=Warning \
    dotnet "$WORK/app/partrack.dll" --contentRoot "$STATIC" > "$WORK/app-x$scale.log" 2>&1 &
  PID=$!
  for _ in $(seq 240); do curl -sf -o /dev/null "$BASE/health" && break; sleep 0.5; done
  COORD=$(login coordinator); OFFICER=$(login snv)
  PLAN=$(sql 'SELECT "Id" FROM "Plans" WHERE "OwnerAgencyId" IS NULL AND "Title" LIKE '"'%dữ liệu lớn%'"' ORDER BY "Id" LIMIT 1')
  ROWS=$(sql "SELECT COUNT(*) FROM \"Activities\" WHERE \"PlanId\" = $PLAN")
  DOSSIER_ROWS=$(sql "SELECT COUNT(*) FROM \"Dossiers\" WHERE \"ReceivedOn\" BETWEEN '2025-01-01' AND '2025-12-31'")
  Q=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Q3' AND \"PlanId\" = $PLAN")
  HEALTH=$(single "$BASE/health" "")
  for spec in "framework table|/Plans/$PLAN|$COORD" "Viec cua toi (snv)|/MyWork|$OFFICER" "dashboard Q3, cache off|/Dashboard?period=$Q|$COORD" \
              "progress API Q3|/api/plans/$PLAN/progress?periodId=$Q|$COORD" \
              "dossier KPIs 2025|/Dossiers/Kpis?From=2025-01-01&To=2025-12-31|$COORD|$DOSSIER_ROWS"; do
    IFS='|' read -r name path cookie rows <<<"$spec"; rows=${rows:-$ROWS}
    file="$STATIC/wwwroot/bench/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_').html"
    commands=$(curl -s -D - -o "$file" -H "Cookie: $cookie" "$BASE$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-db-commands" { print $2 }')
    one=$(single "$BASE$path" "$cookie"); spent=$(cpu "$BASE$path" "$cookie")
    static=$(single "$BASE/bench/$(basename "$file")" "")
    printf '%-6s %-28s %7s %9s %7s %6s ms %5s ms %7s %7.1f ms %7.1f ms | %6s ms %6s ms\n' "×$scale" "$name" "$rows" "$(stat -c %s "$file")" \
      "${commands:-?}" "$one" "$spent" "$(rss_mb "$PID")" "$(awk -v a="$one" -v r="$rows" 'BEGIN { print r ? a * 1000 / r : 0 }')" \
      "$(awk -v a="$spent" -v r="$rows" 'BEGIN { print r ? a * 1000 / r : 0 }')" "$static" "$HEALTH"
  done
  echo "load average after ×$scale: $(cut -d' ' -f1-3 /proc/loadavg)"
  cleanup
done
