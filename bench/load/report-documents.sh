#!/usr/bin/env bash
# The province report's documents on the large generated province (docs/benchmarks.md, "## Report documents").
# Usage: bench/load/report-documents.sh [WORKDIR]   (default /tmp/partrack-bench-docs; PROVIDER=sqlite|postgres)
# Builds the app (Release), generates the province once (partrack bench-generate), runs it on a random loopback
# port, signs in as the coordinator, then times three times each, one request at a time, in the same run:
# the trivial /health, and the year report drafted and rendered as DOCX, the XLSX annex, the data sheet and the PDF.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-/tmp/partrack-bench-docs}"
PORT=$((20000 + RANDOM % 20000))
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
cd "$ROOT"
source bench/load/provider.sh
bench_db "$WORK/bench.db"
dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | tail -2
if ! db_exists; then
  /usr/bin/time -f "generate: %e s, max RSS %M KB" dotnet "$WORK/app/partrack.dll" bench-generate "$DB_TARGET"
fi
env "${DB_ENV[@]}" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Reporting__Reminders=false Security__SecureCookies=false \
  Logging__LogLevel__Default=Warning dotnet "$WORK/app/partrack.dll" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 90); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done

JAR="$WORK/cookies.txt"; rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "UserName=coordinator" --data-urlencode "Password=Demo@2025" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Accounts/Login"
YEAR=$(sql "SELECT \"Id\" FROM \"ReportPeriod\" WHERE \"Kind\" = 'Year' ORDER BY \"Id\" LIMIT 1")
echo "provider: $PROVIDER; year period $YEAR; reports: $(sql 'SELECT COUNT(*) FROM "AgencyReport"'), entries: $(sql 'SELECT COUNT(*) FROM "ReportEntry"')"
for run in 1 2 3; do
  echo "== run $run"
  curl -s -o /dev/null -b "$JAR" -w "health: %{http_code} in %{time_total} s\n" "$BASE/health"
  for h in Docx Xlsx DataSheet; do
    curl -s -o "$WORK/year.$h" -b "$JAR" -w "$h: %{http_code} %{size_download} bytes in %{time_total} s\n" "$BASE/Reports/Periods/$YEAR?handler=$h"
  done
  curl -s -o "$WORK/year.pdf" -b "$JAR" -w "pdf (API): %{http_code} %{size_download} bytes in %{time_total} s\n" "$BASE/api/reports/consolidated?periodId=$YEAR&format=pdf"
done
command -v pdfinfo >/dev/null && pdfinfo "$WORK/year.pdf" | grep Pages
