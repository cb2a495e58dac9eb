#!/usr/bin/env bash
# Runs ParTrack on this machine: SQLite database in ./data (created and filled with the Hà Tĩnh demo on
# first run), web app at http://127.0.0.1:5080. The console prints the URL and the demo log-ins.
# Other settings: PARTRACK_URL=http://0.0.0.0:8080 ./run.sh ; Database__Provider=Postgres
# ConnectionStrings__Postgres="Host=...;Database=...;Username=...;Password=..." ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p data
# PDF plans are read with pdftotext; .doc/.rtf/.odt/.xls/.ods are converted by LibreOffice. On a fresh Debian
# machine run as root, install them: poppler-utils now (small), LibreOffice in the background (large), so the
# app starts at once and conversion works when it is done. Without them the upload page says what is missing.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  if ! command -v pdftotext >/dev/null; then
    echo "Cài poppler-utils (đọc kế hoạch PDF)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/tmp/partrack-apt.log 2>&1 \
      || echo "Không cài được poppler-utils; xem /tmp/partrack-apt.log. Tệp PDF sẽ chưa đọc được." >&2
  fi
  if ! command -v soffice >/dev/null && [ -z "${PARTRACK_NO_LIBREOFFICE:-}" ]; then
    echo "Đang cài LibreOffice ở chế độ nền (đọc .doc, .rtf, .odt, .xls, .ods); nhật ký: /tmp/partrack-libreoffice.log"
    ( (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui) >/tmp/partrack-libreoffice.log 2>&1 &)
  fi
fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
# The console stays readable for a person; a server (docs/deployment.md) logs JSON lines.
export Logging__Console__FormatterName="${Logging__Console__FormatterName:-simple}"
# The demo is asked for explicitly (a production database starts empty: partrack admin create USER), and
# this plain-HTTP loopback run lets the browser send its cookies without TLS (production behind a TLS proxy
# keeps Secure cookies: docs/deployment.md).
export Demo__SeedOnEmpty="${Demo__SeedOnEmpty:-true}"
export Security__SecureCookies="${Security__SecureCookies:-false}"
export ConnectionStrings__Sqlite="${ConnectionStrings__Sqlite:-Data Source=$PWD/data/partrack.db}"
exec dotnet run --project src/ParTrack -c Release --no-launch-profile -- --urls "${PARTRACK_URL:-http://127.0.0.1:5080}" "$@"
