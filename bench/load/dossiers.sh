#!/usr/bin/env bash
# Dossier import and KPI benchmark (issue 12), one run per database:
#   PROVIDER=sqlite   bash bench/load/dossiers.sh [WORKDIR]     # default /tmp/partrack-dossiers-$PROVIDER
#   PROVIDER=postgres bash bench/load/dossiers.sh [WORKDIR]     # on the local test server (scripts/start-postgres.sh)
# 1. a fresh demo registry (no plans), then ROWS (default 1,000,000) dossiers of YEAR (2025) written as one CSV by
#    bench/load/dossiers-csv.py and imported ONCE by `partrack dossiers import` under /usr/bin/time -v: rows/s, peak RSS;
# 2. the app on a random loopback port: GET /Dossiers/Kpis and GET /api/kpis over the whole year, p50/p95 at 16 clients
#    (wrk -t2 -c16, DURATION s each, default 10) beside /health in the same run, plus one request at a time.
# Bounded: one import, three wrk runs; the server is stopped by its pid on exit. Env: ROWS, YEAR, DURATION, PORT, SKIP_IMPORT=1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source bench/load/provider.sh
WORK="${1:-/tmp/partrack-dossiers-$PROVIDER}"
ROWS="${ROWS:-1000000}"; YEAR="${YEAR:-2025}"; DURATION="${DURATION:-10}"
PORT="${PORT:-$((20000 + RANDOM % 20000))}"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
bench_db "$WORK/dossiers.db"
dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | grep -E " error |rror\(s\)" || true
echo "ParTrack $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), provider $PROVIDER, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"

if [ -z "${SKIP_IMPORT:-}" ]; then
  db_drop
  env "${DB_ENV[@]}" Demo__SeedPlans=false dotnet "$WORK/app/partrack.dll" demo > "$WORK/demo.log" 2>&1
  # The agencies current at the year's end (merged bodies' dossiers would be refused for no reason of the benchmark's).
  sql "SELECT \"Name\" FROM \"Agencies\" WHERE \"ValidTo\" IS NULL AND \"Level\" <> 'District' ORDER BY \"Id\"" > "$WORK/agencies.txt"
  CSV="$WORK/dossiers-$ROWS.csv"
  [ -s "$CSV" ] || python3 bench/load/dossiers-csv.py "$ROWS" "$YEAR" "$WORK/agencies.txt" > "$CSV"
  echo "file: $ROWS rows, $(du -m "$CSV" | cut -f1) MB, $(wc -l < "$WORK/agencies.txt") agencies"
  echo "load average before the import: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -v env "${DB_ENV[@]}" dotnet "$WORK/app/partrack.dll" dossiers import "$CSV" --source bench > "$WORK/import.out" 2> "$WORK/import.time" \
    || { tail -20 "$WORK/import.time" >&2; exit 1; }
  echo "load average after the import:  $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -v "^Dòng" "$WORK/import.out" | tail -1
  WALL=$(grep "Elapsed (wall clock)" "$WORK/import.time" | awk '{ print $NF }' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  RSS=$(grep "Maximum resident set size" "$WORK/import.time" | awk '{ print $NF }')
  CPU=$(grep -E "^\s+(User|System) time" "$WORK/import.time" | awk '{ s += $NF } END { print s }')
  echo "import: wall ${WALL}s, CPU ${CPU}s, $(awk -v r="$ROWS" -v w="$WALL" 'BEGIN { printf "%.0f", r / w }') rows/s ($(awk -v r="$ROWS" -v c="$CPU" 'BEGIN { printf "%.0f", r / c }') rows per CPU second), peak RSS $((RSS / 1024)) MB"
  echo "stored: $(sql 'SELECT COUNT(*) FROM "Dossiers"') dossiers"
fi

PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT
env "${DB_ENV[@]}" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Reporting__Reminders=false Security__SecureCookies=false \
  Demo__SeedOnEmpty=false Logging__LogLevel__Default=Warning dotnet "$WORK/app/partrack.dll" > "$WORK/app.log" 2>&1 &
PID=$!
for _ in $(seq 240); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/health" >/dev/null || { echo "the app did not start; see $WORK/app.log" >&2; exit 1; }
jar=$(mktemp)
token=$(curl -s -c "$jar" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "UserName=coordinator" --data-urlencode "Password=Demo@2025" \
  --data-urlencode "__RequestVerificationToken=$token" "$BASE/Accounts/Login"
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"); rm -f "$jar"

PAGE="$BASE/Dossiers/Kpis?From=$YEAR-01-01&To=$YEAR-12-31"
API="$BASE/api/kpis?from=$YEAR-01-01&to=$YEAR-12-31"
for url in "$PAGE" "$API"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$url")
  [ "$code" = 200 ] || { echo "$url answered $code (not signed in?)" >&2; exit 1; }
done
single() { for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $COOKIE" -w '%{time_total}\n' "$1"; done | sort -n | sed -n 2p | awk '{ printf "%.0f", $1 * 1000 }'; }
run() { wrk -t2 -c16 -d"${DURATION}s" --timeout 30s --latency -s bench/load/plans-p95.lua -H "Cookie: $COOKIE" "$1" | grep '^RESULT'; }
echo "load average before the load runs: $(cut -d' ' -f1-3 /proc/loadavg); 16 clients, ${DURATION}s each"
echo "one at a time (median of 3): KPI page $(single "$PAGE") ms, GET /api/kpis $(single "$API") ms, /health $(single "$BASE/health") ms"
echo "/health          $(run "$BASE/health")"
echo "/Dossiers/Kpis   $(run "$PAGE")"
echo "GET /api/kpis    $(run "$API")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
