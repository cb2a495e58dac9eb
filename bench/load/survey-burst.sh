#!/usr/bin/env bash
# Public survey form under a bounded burst (issue 13), beside /health. Starts ParTrack (Release) on loopback
# with a fresh demo database, finds the demo's open campaign's link through the API, then runs
# survey-burst.py (TOTAL posts by CLIENTS threads, each GET + timed POST) while wrk probes /health with one
# connection for the same time. The burst limit is raised for the run (all clients share 127.0.0.1).
# Bounded: TOTAL (default 400) posts, DURATION (default 20 s) of /health probing; server stopped by its pid.
# Needs wrk, curl, python3. Usage: bench/load/survey-burst.sh [port]; PROVIDER=postgres as the other scripts.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-$((20000 + RANDOM % 20000))}"
TOTAL="${TOTAL:-400}"
CLIENTS="${CLIENTS:-16}"
DURATION="${DURATION:-20}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/survey-load.XXXXXX)"
source bench/load/provider.sh
bench_db "$WORK/survey_$$.db"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  db_drop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

dotnet build src/ParTrack -c Release -v q -nologo >/dev/null
env "${DB_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production Demo__SeedOnEmpty=true Files__Folder="$WORK/files" \
  Security__SecureCookies=false Logging__LogLevel__Default=Warning Satisfaction__PostsPerMinute=1000000 \
  dotnet src/ParTrack/bin/Release/net10.0/partrack.dll --urls "$BASE" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start; log:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

JAR="$WORK/cookies"
TOKEN=$(curl -fs -c "$JAR" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -d "UserName=coordinator" -d "Password=Demo@2025" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Accounts/Login"
FORM=$(curl -fs -b "$JAR" "$BASE/api/satisfaction/campaigns" | python3 -c 'import json,sys; print(next(c["formUrl"] for c in json.load(sys.stdin) if c["state"]=="Open"))')
echo "form: $FORM; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("/health beside it: requests %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
wrk -t1 -c1 -d"${DURATION}s" -s "$WORK/report.lua" "$BASE/health" | grep '/health' &
WRK_PID=$!
python3 bench/load/survey-burst.py "$FORM" "$TOTAL" "$CLIENTS"
wait "$WRK_PID"
