#!/usr/bin/env bash
# Reporting benchmark on the large generated province (docs/benchmarks.md, "## Reporting").
# Usage: bench/load/reporting.sh [WORKDIR]   (default /tmp/partrack-bench; PROVIDER=sqlite|postgres, bench/load/provider.sh)
# 1. builds the app (Release), generates the province into WORKDIR/bench.db (partrack bench-generate);
# 2. runs the app on 127.0.0.1:5090 on that file, signs in as the demo coordinator;
# 3. load, 16 clients, 20 s each, every run with a 1-connection /health probe beside it:
#    wrk /health alone; wrk /Dashboard and the same bytes as a static file; report saves (bench/ParTrack.Load, only the save request timed):
#    the page's autosave with one item changed and with every item changed, then the "Lưu nháp" button
#    (GET the page, POST the form) with one item changed;
# 4. times the year's consolidated DOCX and XLSX.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-/tmp/partrack-bench}"
PORT=5090
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
cd "$ROOT"
source bench/load/provider.sh
bench_db "$WORK/bench.db"
dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | tail -2
dotnet build -c Release bench/ParTrack.Load -o "$WORK/load" -v q -nologo | tail -2
if ! db_exists; then
  /usr/bin/time -f "generate: %e s, max RSS %M KB" dotnet "$WORK/app/partrack.dll" bench-generate "$DB_TARGET"
fi
echo "provider: $PROVIDER, database: $DB_NAME"

# The content root is a scratch folder whose wwwroot receives the static copy of the dashboard.
STATIC="$WORK/root"; rm -rf "$STATIC"; mkdir -p "$STATIC/wwwroot/bench"
env "${DB_ENV[@]}" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Reporting__Reminders=false Security__SecureCookies=false \
  Logging__LogLevel__Default=Warning dotnet "$WORK/app/partrack.dll" --contentRoot "$STATIC" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done

# Sign in as the coordinator; the cookie jar keeps the session and antiforgery cookies.
JAR="$WORK/cookies.txt"; rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "UserName=coordinator" --data-urlencode "Password=Demo@2025" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Accounts/Login"
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JAR")
echo "$COOKIE" > "$WORK/cookie.header"

Q=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Q3' ORDER BY \"Id\" LIMIT 1")     # Q3 (9 tháng)
YEAR=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Year' ORDER BY \"Id\" LIMIT 1")  # Năm
sql "SELECT '/Reports/Periods/' || \"PeriodId\" || '/Agencies/' || \"AgencyId\" FROM \"AgencyReport\" WHERE \"PeriodId\" = $YEAR AND \"State\" = 'Draft' ORDER BY \"AgencyId\" LIMIT 160" > "$WORK/save-urls.txt"
echo "entries: $(sql 'SELECT COUNT(*) FROM "ReportEntry"'), reports: $(sql 'SELECT COUNT(*) FROM "AgencyReport"'), draft reports to save: $(wc -l < "$WORK/save-urls.txt")"

probe() { wrk -t1 -c1 -d20s --latency -s bench/load/p95.lua "$BASE/health" > "$WORK/probe-$1.txt"; }
echo "== /health alone: wrk -t2 -c16 -d20s --latency $BASE/health"
wrk -t2 -c16 -d20s --latency "$BASE/health" | grep -E "Requests/sec|  50%|  90%|  99%|Latency|Non-2xx"
echo "== /Dashboard?period=$Q: wrk -t2 -c16 -d20s --latency -s bench/load/p95.lua -H 'Cookie: …' (+ 1-connection /health probe)"
probe dashboard & PROBE=$!
wrk -t2 -c16 -d20s --latency -s bench/load/p95.lua -H "Cookie: $COOKIE" "$BASE/Dashboard?period=$Q" | grep -E "Requests/sec|  50%|  90%|  99%|p95|Latency|Non-2xx"
wait $PROBE
echo "   /health probe during it:"; grep -E "  50%|  90%|p95|  99%" "$WORK/probe-dashboard.txt"
curl -s -H "Cookie: $COOKIE" -o "$STATIC/wwwroot/bench/dashboard.html" "$BASE/Dashboard?period=$Q"
echo "== the same bytes as a static file ($(stat -c %s "$STATIC/wwwroot/bench/dashboard.html") bytes): wrk -t2 -c16 -d20s --latency $BASE/bench/dashboard.html"
wrk -t2 -c16 -d20s --latency -s bench/load/p95.lua "$BASE/bench/dashboard.html" | grep -E "Requests/sec|  50%|  90%|  99%|p95|Non-2xx"
for MODE in autosave-one autosave-all form-one; do
  echo "== report saves ($MODE): partrack-load $BASE cookie urls 16 20 $MODE (+ 1-connection /health probe)"
  probe saves & PROBE=$!
  dotnet "$WORK/load/partrack-load.dll" "$BASE" "$WORK/cookie.header" "$WORK/save-urls.txt" 16 20 $MODE
  wait $PROBE
  echo "   /health probe during it:"; grep -E "  50%|  90%|p95|  99%" "$WORK/probe-saves.txt"
done

echo "== year report: DOCX and XLSX (period $YEAR)"
for h in Docx Xlsx; do
  curl -s -o "$WORK/year.$h" -H "Cookie: $COOKIE" -w "$h: %{http_code} %{size_download} bytes in %{time_total} s\n" "$BASE/Reports/Periods/$YEAR?handler=$h"
done
