#!/usr/bin/env bash
# Load test of the plan pages on the generated large province (300 agencies, a province plan of 300
# activities, 300 agency plans of 100 activities each), with Debian's wrk on loopback:
# /health, the province framework table (/Plans/{id}) as the coordinator, "Việc của tôi" (/MyWork) as
# Sở Nội vụ's officer — each for DURATION with THREADS threads and CONNS connections, in one run.
# Usage: bash bench/load/plans-run.sh   (env: PARTRACK_LARGE_DB, PORT, THREADS, CONNS, DURATION)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${PARTRACK_LARGE_DB:-/tmp/partrack-large.db}
PORT=${PORT:-5197}
THREADS=${THREADS:-2}
CONNS=${CONNS:-16}
DURATION=${DURATION:-20s}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "Thiếu wrk: apt-get install wrk" >&2; exit 1; }

dotnet build -c Release src/ParTrack -nologo -v q >/dev/null
DLL=src/ParTrack/bin/Release/net10.0/partrack.dll
[ -f "$DB" ] || dotnet "$DLL" generate-large "$DB"

if curl -s -o /dev/null "$BASE/health"; then echo "Cổng $PORT đang bận; đặt PORT=... khác." >&2; exit 1; fi
ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Sqlite="Data Source=$DB" Demo__SeedOnEmpty=false Security__SecureCookies=false \
  Logging__LogLevel__Default=Warning dotnet "$DLL" --urls "$BASE" >/tmp/partrack-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
kill -0 $APP 2>/dev/null || { echo "Ứng dụng không chạy được; xem /tmp/partrack-bench-app.log" >&2; exit 1; }

# Sign in through the real form; print the Cookie header value for wrk.
login() {
  local jar; jar=$(mktemp)
  local token
  token=$(curl -s -c "$jar" "$BASE/Accounts/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$BASE/Accounts/Login" \
    --data-urlencode "UserName=$1" --data-urlencode "Password=Demo@2025" --data-urlencode "__RequestVerificationToken=$token"
  awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"
  rm -f "$jar"
}
COORD=$(login coordinator)
OFFICER=$(login snv)
PLAN=$(sqlite3 "$DB" "SELECT Id FROM Plans WHERE OwnerAgencyId IS NULL ORDER BY Id LIMIT 1")

# Each page must answer 200 with its content before it is measured (a redirect to the log-in would be fast and wrong).
check() { curl -s -H "Cookie: $2" -o /tmp/partrack-bench-page.html -w '%{http_code}' "$BASE$1" | grep -q 200 && grep -q "$3" /tmp/partrack-bench-page.html \
  || { echo "Trang $1 không trả về nội dung mong đợi" >&2; exit 1; }; }
check "/Plans/$PLAN" "$COORD" "framework-table"
check "/MyWork" "$OFFICER" "Tất cả việc theo lĩnh vực"
for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $COORD" "$BASE/Plans/$PLAN"; curl -s -o /dev/null -H "Cookie: $OFFICER" "$BASE/MyWork"; done

run() {
  local name=$1 url=$2 cookie=${3:-}
  local args=(-t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/load/plans-p95.lua)
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  printf '%-28s ' "$name"
  wrk "${args[@]}" "$BASE$url" | grep '^RESULT' | sed 's/^RESULT //'
}
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  wrk -t$THREADS -c$CONNS -d$DURATION --latency  db: $DB  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run "/health" "/health"
run "/Plans/$PLAN (framework)" "/Plans/$PLAN" "$COORD"
run "/MyWork (snv)" "/MyWork" "$OFFICER"
kill -0 $APP 2>/dev/null || { echo "Ứng dụng đã dừng giữa chừng; xem /tmp/partrack-bench-app.log" >&2; exit 1; }
