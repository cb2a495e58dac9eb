#!/usr/bin/env bash
# Runs ParTrack on this machine: SQLite database in ./data (created and filled with the Hà Tĩnh demo on
# first run), web app at http://127.0.0.1:5080. The console prints the URL and the demo log-ins.
# Other settings: PARTRACK_URL=http://0.0.0.0:8080 ./run.sh ; Database__Provider=Postgres
# ConnectionStrings__Postgres="Host=...;Database=...;Username=...;Password=..." ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p data
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export ConnectionStrings__Sqlite="${ConnectionStrings__Sqlite:-Data Source=$PWD/data/partrack.db}"
exec dotnet run --project src/ParTrack -c Release --no-launch-profile -- --urls "${PARTRACK_URL:-http://127.0.0.1:5080}" "$@"
