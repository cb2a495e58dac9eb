#!/usr/bin/env bash
# Runs every test project and prints one line of totals: "N passed, N failed[, N skipped]".
# On a fresh machine it first installs what the tests need (as root, from Debian):
# Chromium for browser tests, poppler-utils (pdftotext) and LibreOffice for the importer's
# PDF/DOCX tests, PostgreSQL for the database tests, nginx for the cluster test; and the npm tools of the
# API lint and fuzz.
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium  >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice   >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v nginx     >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)   # the cluster test (scripts/cluster.sh)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${need[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/tmp/partrack-apt.log 2>&1 \
      || echo "Cài đặt gói thất bại; xem /tmp/partrack-apt.log" >&2
  else
    echo "Thiếu: ${need[*]} (cần quyền root để cài)." >&2
  fi
fi

# The API checks' npm tools (Spectral, Portman, Newman; versions pinned in tests/api/package-lock.json).
if [ ! -d tests/api/node_modules ]; then
  (cd tests/api && npm ci --no-audit --no-fund >/tmp/partrack-npm.log 2>&1) \
    || echo "npm ci trong tests/api thất bại; xem /tmp/partrack-npm.log" >&2
fi

# axe-core for the browser tests' accessibility checks (version pinned in tests/ParTrack.E2E/axe/package-lock.json).
if [ ! -d tests/ParTrack.E2E/axe/node_modules ]; then
  (cd tests/ParTrack.E2E/axe && npm ci --no-audit --no-fund >>/tmp/partrack-npm.log 2>&1) \
    || echo "npm ci trong tests/ParTrack.E2E/axe thất bại; xem /tmp/partrack-npm.log" >&2
fi

# PostgreSQL on loopback for the database tests, unless one is given.
if [ -z "${PARTRACK_TEST_POSTGRES:-}" ]; then
  source scripts/start-postgres.sh || true
fi

# Every test app is a web host; with its configuration reloaded on change each holds inotify watches, and a
# parallel run of hundreds of hosts exceeds the usual per-user limit of 128 instances (an IOException at
# start-up). Tests never edit configuration files, so reloading is off; the limit is raised where allowed.
export DOTNET_hostBuilder__reloadConfigOnChange=false
if [ "$(id -u)" = 0 ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)" -lt 1024 ]; then
  sysctl -q -w fs.inotify.max_user_instances=1024 2>/dev/null || true
fi

results=TestResults
rm -rf "$results"
status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  dotnet test "$proj" --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

# One line of totals over all projects, summed from the TRX files.
p=0; f=0; s=0; n=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  n=$((n+1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  p=$((p + $(get passed))); f=$((f + $(get failed) + $(get error) + $(get timeout))); s=$((s + $(get notExecuted)))
done
# The code is formatted by .editorconfig's rules (dotnet format, whitespace and style): counted as one check.
if bash scripts/format-check.sh >"$results/format.log" 2>&1; then p=$((p + 1)); else f=$((f + 1)); status=1; cat "$results/format.log"; fi
[ $n -eq 0 ] && f=1
[ $n -lt $(ls tests/*/*.csproj | wc -l) ] && status=1
line="$p passed, $f failed"; [ $s -gt 0 ] && line="$line, $s skipped"
echo "$line"
exit $status
