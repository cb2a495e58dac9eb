#!/usr/bin/env bash
# Start-up time (issue 17: first /health and first sign-in page within 3 s of process start), with the demo database:
#   PROVIDER=sqlite   bash bench/load/startup.sh [WORKDIR]
#   PROVIDER=postgres bash bench/load/startup.sh [WORKDIR]     # a fresh database on the local test server
# Runs the Release build: a first start on an empty database (migrates and seeds the demo), then RUNS restarts on it
# (default 3). Each line: seconds from process start to the first 200 from /health and from /Accounts/Login, and
# the process's CPU seconds at that moment (meaningful when other jobs share the cores). 127.0.0.1 only; bounded
# by 120 s per start; the app is stopped by its pid.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source bench/load/provider.sh
WORK="${1:-/tmp/partrack-startup-$PROVIDER}"
RUNS="${RUNS:-3}"
PORT="${PORT:-$((20000 + RANDOM % 20000))}"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
[ -n "${SKIP_BUILD:-}" ] || dotnet build -c Release src/ParTrack -o "$WORK/app" -v q -nologo | grep -E " error |rror\(s\)" || true
bench_db "$WORK/startup.db"; db_drop   # a fresh database each run: the first start migrates and seeds
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; PID=; }
trap cleanup EXIT
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
echo "ParTrack $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), provider $PROVIDER, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 0 "$RUNS"); do
  name="restart $run"; [ "$run" = 0 ] && name="first start (migrate + seed demo)"
  start=$(date +%s.%N)
  env "${DB_ENV[@]}" Demo__SeedOnEmpty=true ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Security__SecureCookies=false \
    Logging__LogLevel__Default=Warning Files__Folder="$WORK/demo-files" dotnet "$WORK/app/partrack.dll" > "$WORK/startup-$run.log" 2>&1 &
  PID=$!
  deadline=$(( $(date +%s) + 120 ))
  until curl -sf -o /dev/null "$BASE/health"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no /health within 120 s; see $WORK/startup-$run.log" >&2; exit 1; }
    kill -0 "$PID" 2>/dev/null || { echo "the app exited; see $WORK/startup-$run.log" >&2; exit 1; }
    sleep 0.02
  done
  health=$(date +%s.%N)
  curl -sf -o /dev/null "$BASE/Accounts/Login"; login=$(date +%s.%N)
  cpu=$(awk -v t="$(ticks "$PID")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }')
  printf '%-36s first /health %5.2f s, first sign-in page %5.2f s, process CPU %s s (goal <= 3 s)\n' "$name:" \
    "$(echo "$health - $start" | bc)" "$(echo "$login - $start" | bc)" "$cpu"
  cleanup
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
