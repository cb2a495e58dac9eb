#!/usr/bin/env bash
# PAR Index results page under load, beside the health endpoint (issue 5: results page p95 < 300 ms at
# 16 concurrent clients). Starts ParTrack (Release) on loopback with a fresh SQLite demo database in a
# temporary folder, signs in as the demo coordinator, then runs wrk with 16 connections for a fixed time
# against last year's published results page and against /health, and prints p50/p95/p99.
# Bounded: DURATION seconds per endpoint (default 20), 2 wrk threads, 127.0.0.1 only; the server is
# stopped (by its pid) and the temporary folder removed on exit.
# Needs wrk (apt-get install -y wrk) and curl. Usage: bench/load/parindex-results.sh [port]
# PROVIDER=postgres runs it on a new database on the local PostgreSQL test server (bench/load/provider.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-5091}"
DURATION="${DURATION:-20}"
CONNECTIONS=16
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/parindex-load.XXXXXX)"
source bench/load/provider.sh
bench_db "$WORK/parindex_$$.db"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  db_drop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

dotnet build src/ParTrack -c Release -v q -nologo >/dev/null
env "${DB_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production Demo__SeedOnEmpty=true \
Files__Folder="$WORK/files" \
Demo__SeedOnEmpty=true \
Security__SecureCookies=false \
Logging__LogLevel__Default=Warning \
  dotnet src/ParTrack/bin/Release/net10.0/partrack.dll --urls "$BASE" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

# Start-up migrates and seeds the demo (both rounds): wait up to 120 s.
for _ in $(seq 1 120); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start; log:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

# Sign in as the coordinator (antiforgery token from the login form, cookies in a jar).
JAR="$WORK/cookies"
TOKEN=$(curl -fs -c "$JAR" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -d "UserName=coordinator" -d "Password=Demo@2025" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Accounts/Login"
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JAR")

# Last year's published round is the demo's first round (lowest id).
ROUND=$(curl -fs -b "$JAR" "$BASE/ParIndex" | grep -o 'href="/ParIndex/Rounds/[0-9]*"' | grep -o '[0-9]*' | sort -n | head -1)
RESULTS="$BASE/ParIndex/Rounds/$ROUND/Results"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$RESULTS")
[ "$STATUS" = 200 ] || { echo "results page gave $STATUS (not signed in?)" >&2; exit 1; }
# wrk sends the session as a Cookie header: check it is signed in (a redirect to the log-in page would look fast).
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$RESULTS")
[ "$STATUS" = 200 ] || { echo "results page with the cookie header gave $STATUS" >&2; exit 1; }
UNITS=$(curl -fs -b "$JAR" "$RESULTS" | grep -c 'data-col="rank"' || true)

cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

echo "ParTrack $(git rev-parse --short HEAD), $PROVIDER, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results page: $RESULTS ($UNITS units ranked), $CONNECTIONS connections, ${DURATION}s, 2 wrk threads"
curl -fs -b "$JAR" -o /dev/null "$RESULTS"   # warm-up
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -H "Cookie: $COOKIE" -s "$WORK/report.lua" "$RESULTS" | tail -1
echo "health: $BASE/health, same load"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/report.lua" "$BASE/health" | tail -1
