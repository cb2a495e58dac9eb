#!/usr/bin/env bash
# Load test of the plan pages on the generated large province (300 agencies, a province plan of 300
# activities, 300 agency plans of 100 activities each), with Debian's wrk on loopback, in one run:
# /health; the province framework table (/Plans/{id}) as the coordinator; "Việc của tôi" (/MyWork) as
# Sở Nội vụ's officer; and the same bytes as those two pages served as static files by the same app
# (what serving the HTML costs without building it) — each for DURATION with THREADS threads and CONNS
# connections.
# Usage: bash bench/load/plans-run.sh
#   env: PROVIDER=sqlite|postgres (bench/load/provider.sh), PARTRACK_LARGE_DB, PORT, THREADS, CONNS, DURATION
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/load/provider.sh
bench_db "${PARTRACK_LARGE_DB:-/tmp/partrack-large.db}"
PORT=${PORT:-5197}
THREADS=${THREADS:-2}
CONNS=${CONNS:-16}
DURATION=${DURATION:-20s}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "Thiếu wrk: apt-get install wrk" >&2; exit 1; }

dotnet build -c Release src/ParTrack -nologo -v q >/dev/null
DLL=$PWD/src/ParTrack/bin/Release/net10.0/partrack.dll
db_exists || dotnet "$DLL" generate-large "$DB_TARGET"

if curl -s -o /dev/null "$BASE/health"; then echo "Cổng $PORT đang bận; đặt PORT=... khác." >&2; exit 1; fi
# The app's content root is a scratch folder whose wwwroot receives the static copies of the pages.
ROOT=$(mktemp -d /tmp/partrack-bench-root.XXXXXX); mkdir -p "$ROOT/wwwroot/bench"
env "${DB_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production Demo__SeedOnEmpty=false Reporting__Reminders=false Security__SecureCookies=false \
  Logging__LogLevel__Default=Warning dotnet "$DLL" --urls "$BASE" --contentRoot "$ROOT" >/tmp/partrack-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$ROOT"' EXIT
for _ in $(seq 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
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
PLAN=$(sql 'SELECT "Id" FROM "Plans" WHERE "OwnerAgencyId" IS NULL ORDER BY "Id" LIMIT 1')

# Each page must answer 200 with its content before it is measured (a redirect to the log-in would be fast and wrong);
# its bytes become the static copy.
check() { curl -s -H "Cookie: $2" -o "$ROOT/wwwroot/bench/$4.html" -w '%{http_code}' "$BASE$1" | grep -q 200 && grep -q "$3" "$ROOT/wwwroot/bench/$4.html" \
  || { echo "Trang $1 không trả về nội dung mong đợi" >&2; exit 1; }; }
check "/Plans/$PLAN" "$COORD" "framework-table" plan
check "/MyWork" "$OFFICER" "Tất cả việc theo lĩnh vực" mywork
for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $COORD" "$BASE/Plans/$PLAN"; curl -s -o /dev/null -H "Cookie: $OFFICER" "$BASE/MyWork"; done
curl -sf -o /dev/null "$BASE/bench/plan.html" || { echo "Bản tĩnh của trang không phục vụ được" >&2; exit 1; }

run() {
  local name=$1 url=$2 cookie=${3:-}
  local args=(-t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s bench/load/plans-p95.lua)
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  printf '%-34s ' "$name"
  wrk "${args[@]}" "$BASE$url" | grep '^RESULT' | sed 's/^RESULT //'
}
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  provider: $PROVIDER  wrk -t$THREADS -c$CONNS -d$DURATION --latency  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pages: framework $(stat -c %s "$ROOT/wwwroot/bench/plan.html") bytes, MyWork $(stat -c %s "$ROOT/wwwroot/bench/mywork.html") bytes"
run "/health" "/health"
run "/Plans/$PLAN (framework)" "/Plans/$PLAN" "$COORD"
run "  same bytes, static file" "/bench/plan.html"
run "/MyWork (snv)" "/MyWork" "$OFFICER"
run "  same bytes, static file" "/bench/mywork.html"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -0 $APP 2>/dev/null || { echo "Ứng dụng đã dừng giữa chừng; xem /tmp/partrack-bench-app.log" >&2; exit 1; }
