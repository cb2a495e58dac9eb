# Sourced by the load scripts: the database the app under load runs on, chosen by PROVIDER.
#   PROVIDER=sqlite (default)  a SQLite file
#   PROVIDER=postgres          a database on the local test server (scripts/start-postgres.sh, 127.0.0.1:55432)
# After `bench_db NAME` (NAME: the SQLite file; for PostgreSQL its base name names the database):
#   DB_TARGET  what the generator verbs take (the file, or the connection string)
#   DB_ENV     the app's settings for it, as env assignments: env "${DB_ENV[@]}" dotnet partrack.dll …
#   db_exists  whether it has already been generated;  sql "SELECT …"  one query, rows on stdout.
# Write queries with "double-quoted" identifiers: both SQLite and PostgreSQL read them.
PROVIDER=${PROVIDER:-sqlite}
case "$PROVIDER" in
  sqlite) command -v sqlite3 >/dev/null || { echo "Thiếu sqlite3: apt-get install sqlite3" >&2; exit 1; } ;;
  postgres)
    source scripts/start-postgres.sh
    [ -n "${PARTRACK_TEST_POSTGRES:-}" ] || { echo "PostgreSQL không chạy được (apt-get install postgresql)." >&2; exit 1; } ;;
  *) echo "PROVIDER phải là sqlite hoặc postgres" >&2; exit 2 ;;
esac

bench_db() {
  if [ "$PROVIDER" = postgres ]; then
    DB_NAME="bench_$(basename "$1" .db | tr -c 'a-z0-9_\n' '_')"
    DB_TARGET="${PARTRACK_TEST_POSTGRES/Database=postgres/Database=$DB_NAME}"
    DB_ENV=(Database__Provider=Postgres "ConnectionStrings__Postgres=$DB_TARGET")
  else
    DB_NAME=$1
    DB_TARGET=$1
    DB_ENV=(Database__Provider=Sqlite "ConnectionStrings__Sqlite=Data Source=$1")
  fi
}

db_exists() {
  if [ "$PROVIDER" = postgres ]; then
    psql "host=127.0.0.1 port=55432 user=partrack dbname=postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1
  else
    [ -f "$DB_TARGET" ]
  fi
}

db_drop() {
  if [ "$PROVIDER" = postgres ]; then
    psql "host=127.0.0.1 port=55432 user=partrack dbname=postgres" -qc "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)"
  else
    rm -f "$DB_TARGET" "$DB_TARGET-wal" "$DB_TARGET-shm"
  fi
}

sql() {
  if [ "$PROVIDER" = postgres ]; then
    psql "host=127.0.0.1 port=55432 user=partrack dbname=$DB_NAME" -Atc "$1"
  else
    sqlite3 "$DB_TARGET" "$1"
  fi
}
