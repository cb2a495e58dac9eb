#!/usr/bin/env bash
# Progress benchmark on the large generated province (docs/benchmarks.md, "## Progress").
# Usage: bench/load/progress.sh [WORKDIR] [CACHE_SECONDS]   (defaults /tmp/partrack-bench-progress, 30)
# Builds Release, generates the province once (partrack bench-generate), runs the app on 127.0.0.1:5091 with
# Reporting:DashboardCacheSeconds=CACHE_SECONDS (0 = every request computes), signs in as the coordinator, then
# 16 clients for 20 s each, every run with a 1-connection /health probe beside it:
#   GET /api/plans/{plan}/progress?periodId={Q3}   and   GET /Dashboard?period={Q3}
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-/tmp/partrack-bench-progress}"
CACHE="${2:-30}"
PORT=5091
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
cd "$ROOT"
dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | tail -2
if [ ! -f "$WORK/bench.db" ]; then
  /usr/bin/time -f "generate: %e s, max RSS %M KB" dotnet "$WORK/app/partrack.dll" bench-generate "$WORK/bench.db"
fi

ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite \
  ConnectionStrings__Sqlite="Data Source=$WORK/bench.db" Reporting__Reminders=false Reporting__DashboardCacheSeconds="$CACHE" \
  Logging__LogLevel__Default=Warning dotnet "$WORK/app/partrack.dll" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done

JAR="$WORK/cookies.txt"; rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "UserName=coordinator" --data-urlencode "Password=Demo@2025" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Accounts/Login"
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JAR")

Q=$(sqlite3 "$WORK/bench.db" "SELECT Id FROM ReportPeriod WHERE Kind = 'Q3' ORDER BY Id LIMIT 1")
PLAN=$(sqlite3 "$WORK/bench.db" "SELECT PlanId FROM ReportPeriod WHERE Id = $Q")
echo "cache: $CACHE s; one progress answer: $(curl -s -o /dev/null -w '%{size_download} bytes, %{time_total} s' -H "Cookie: $COOKIE" "$BASE/api/plans/$PLAN/progress?periodId=$Q")"

probe() { wrk -t1 -c1 -d20s --latency -s bench/load/p95.lua "$BASE/health" > "$WORK/probe-$1.txt"; }
for URL in "/api/plans/$PLAN/progress?periodId=$Q" "/Dashboard?period=$Q"; do
  echo "== $URL: wrk -t2 -c16 -d20s --latency -s bench/load/p95.lua (+ 1-connection /health probe)"
  probe run & PROBE=$!
  wrk -t2 -c16 -d20s --latency -s bench/load/p95.lua -H "Cookie: $COOKIE" "$BASE$URL" | grep -E "Requests/sec|  50%|  90%|  99%|p95|Non-2xx"
  wait $PROBE
  echo "   /health probe during it:"; grep -E "  50%|  90%|p95|  99%" "$WORK/probe-run.txt"
done
