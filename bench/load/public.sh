#!/usr/bin/env bash
# Public site and open-data API under load (docs/benchmarks.md, "## Public site").
# Usage: PROVIDER=sqlite|postgres bench/load/public.sh [WORKDIR] [CACHE_SECONDS]   (defaults /tmp/partrack-bench-public, 300)
# Builds Release, runs the app on 127.0.0.1:5093 on a fresh demo database (the demo publishes the 2025 9-month progress
# and last year's PAR Index) with Public:CacheSeconds=CACHE_SECONDS (0 = every request reads the snapshot from the
# database), then 16 anonymous clients for 15 s per address, each run with a 1-connection /health probe beside it.
# Requests carry no If-None-Match, so every answer is a full 200 (the 304 path is cheaper still).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-/tmp/partrack-bench-public}"
CACHE="${2:-300}"
PORT=5093
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
cd "$ROOT"
source bench/load/provider.sh
bench_db "$WORK/public-$PROVIDER.db"
db_drop
dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | tail -2

env "${DB_ENV[@]}" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Demo__SeedOnEmpty=true Reporting__Reminders=false \
  Public__CacheSeconds="$CACHE" Public__RequestsPerMinute=1000000 Logging__LogLevel__Default=Warning \
  dotnet "$WORK/app/partrack.dll" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -sf "$BASE/cong-khai/plan-progress/2025-9M" >/dev/null && break; sleep 1; done
echo "provider: $PROVIDER; cache: $CACHE s"

probe() { wrk -t1 -c1 -d15s --latency -s bench/load/p95.lua "$BASE/health" > "$WORK/probe.txt"; }
for URL in /cong-khai /cong-khai/plan-activities/2025-9M /cong-khai/tai-ve/plan-activities/2025-9M.csv \
           "/api/public/datasets/plan-activities/2025-9M?pageSize=100" /cong-khai/datapackage.json; do
  echo "== $URL ($(curl -s -o /dev/null -w '%{size_download} bytes' "$BASE$URL")): wrk -t2 -c16 -d15s (+ /health probe)"
  probe & PROBE=$!
  wrk -t2 -c16 -d15s --latency -s bench/load/p95.lua "$BASE$URL" | grep -E "Requests/sec|  50%|p95|Non-2xx|errors"
  wait $PROBE
  echo "   /health probe:"; grep -E "  50%|p95" "$WORK/probe.txt"
done
