# Sourced by test.sh: starts a throw-away PostgreSQL cluster on 127.0.0.1 and exports
# PARTRACK_TEST_POSTGRES for the database tests. Silently does nothing when PostgreSQL is absent.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$pgbin" ]; then
  pgdir=/tmp/partrack-pg
  pgport=55432
  runas=""
  [ "$(id -u)" = 0 ] && runas="runuser -u postgres --"
  if ! $runas "$pgbin/pg_isready" -h 127.0.0.1 -p $pgport >/dev/null 2>&1; then
    rm -rf "$pgdir"; mkdir -p "$pgdir"; [ -n "$runas" ] && chown postgres "$pgdir"
    $runas "$pgbin/initdb" -D "$pgdir/data" -U partrack --auth=trust >/dev/null 2>&1
    $runas "$pgbin/pg_ctl" -D "$pgdir/data" -o "-h 127.0.0.1 -p $pgport -k $pgdir" -l "$pgdir/log" -w start >/dev/null 2>&1
  fi
  if $runas "$pgbin/pg_isready" -h 127.0.0.1 -p $pgport >/dev/null 2>&1; then
    export PARTRACK_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=partrack;Database=postgres"
    echo "PostgreSQL for tests on 127.0.0.1:$pgport" >&2
  fi
fi
