#!/usr/bin/env bash
# ParTrack as a province with more users runs it, on this machine, loopback only: PostgreSQL
# (scripts/start-postgres.sh), two app instances ("a" and "b") on random high ports, and Debian's nginx in
# front sharing requests between them round-robin. Every response says which instance served it in the
# X-Instance header. Stops everything on Ctrl+C, on SIGTERM, or after CLUSTER_SECONDS (if set).
#
#   bash scripts/cluster.sh [--Setting:Key=value …]     extra settings go to both instances
#
# Environment: PARTRACK_DLL  an already built partrack.dll (default: build src/ParTrack in Release)
#              CLUSTER_PORT  nginx's port (default: random); CLUSTER_DB the database (default: a new one,
#              dropped on exit unless CLUSTER_KEEP_DB=1); CLUSTER_SECONDS stop after this many seconds.
# Prints "Cụm ParTrack sẵn sàng: http://127.0.0.1:PORT" when both instances answer through nginx, and the
# folder with the logs (a.log, b.log, nginx-*.log) and the evidence folder both instances share.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v nginx >/dev/null || { echo "Thiếu nginx (Debian: apt-get install nginx)." >&2; exit 1; }
source scripts/start-postgres.sh
[ -n "${PARTRACK_TEST_POSTGRES:-}" ] || { echo "Không khởi động được PostgreSQL (Debian: apt-get install postgresql)." >&2; exit 1; }

free_port() {
  local p
  while :; do
    # Below the kernel's ephemeral range (32768–60999 on Debian), so a test host binding port 0 cannot take it meanwhile.
    p=$(shuf -i 20000-32000 -n 1)
    ss -ltn "sport = :$p" | grep -q ":$p " || { echo "$p"; return; }
  done
}

dir=$(mktemp -d /tmp/partrack-cluster.XXXXXX)
mkdir -p "$dir/files" "$dir/nginx-tmp"
chmod 777 "$dir/nginx-tmp"   # nginx's workers run as nobody when started by root
db=${CLUSTER_DB:-partrack_cluster_$(date +%s)_$RANDOM}
pg="${PARTRACK_TEST_POSTGRES/Database=postgres/Database=$db}"
port_a=$(free_port); port_b=$(free_port); port_n=${CLUSTER_PORT:-$(free_port)}
pids=()

stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -z "${CLUSTER_DB:-}" ] && [ -z "${CLUSTER_KEEP_DB:-}" ]; then
    psql "host=127.0.0.1 port=55432 user=partrack dbname=postgres" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  echo "Đã dừng cụm ParTrack (nhật ký: $dir)." >&2
}
trap stop EXIT INT TERM

if [ -n "${PARTRACK_DLL:-}" ]; then
  dll=$PARTRACK_DLL
else
  dotnet build src/ParTrack -c Release -v q -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
  dll=src/ParTrack/bin/Release/net10.0/partrack.dll
fi
dll=$(readlink -f "$dll")   # each instance runs in the app's folder, so its appsettings.json is read

# One instance: the same database and evidence folder as the other, nginx as its only trusted proxy.
start_instance() {
  local name=$1 port=$2; shift 2
  # The demo (seeded by the first instance, which starts alone) and cookies over the loopback's plain HTTP;
  # a province behind a TLS proxy keeps Secure cookies and no demo (docs/deployment.md).
  ASPNETCORE_ENVIRONMENT=Production Demo__SeedOnEmpty="${Demo__SeedOnEmpty:-true}" \
  Security__SecureCookies="${Security__SecureCookies:-false}" \
  Database__Provider=Postgres ConnectionStrings__Postgres="$pg" \
  Storage__Files="$dir/files" Instance__Name="$name" ForwardedHeaders__KnownProxies=127.0.0.1 \
    bash -c 'cd "$(dirname "$0")" && exec dotnet "$0" "$@"' "$dll" --urls "http://127.0.0.1:$port" "$@" >"$dir/$name.log" 2>&1 &
  pids+=($!)
}

wait_ready() {
  local url=$1 pid=$2
  for _ in $(seq 1 600); do
    curl -fsS "$url/health" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "Phiên bản dừng bất thường; xem $dir" >&2; return 1; }
    sleep 0.5
  done
  echo "Hết thời gian chờ $url; xem $dir" >&2; return 1
}

# Instance a first: it migrates the new database and seeds the demo; b starts on the finished database.
start_instance a "$port_a" --Demo:SeedOnEmpty=true "$@"
wait_ready "http://127.0.0.1:$port_a" "${pids[-1]}"
start_instance b "$port_b" --Demo:SeedOnEmpty=false "$@"
wait_ready "http://127.0.0.1:$port_b" "${pids[-1]}"

cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log $dir/nginx-access.log;
  client_body_temp_path $dir/nginx-tmp/body;
  proxy_temp_path $dir/nginx-tmp/proxy;
  fastcgi_temp_path $dir/nginx-tmp/fastcgi;
  uwsgi_temp_path $dir/nginx-tmp/uwsgi;
  scgi_temp_path $dir/nginx-tmp/scgi;
  client_max_body_size 25m;            # evidence files are up to 20 MB
  upstream partrack {                  # round-robin: no session affinity is needed
    server 127.0.0.1:$port_a;
    server 127.0.0.1:$port_b;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$port_n;
    location / {
      proxy_pass http://partrack;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 300s;         # long imports and exports
    }
  }
}
CONF
nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" &
pids+=($!)
wait_ready "http://127.0.0.1:$port_n" "${pids[-1]}"

echo "Cụm ParTrack sẵn sàng: http://127.0.0.1:$port_n (a: $port_a, b: $port_b, cơ sở dữ liệu $db; nhật ký và tệp: $dir)"
if [ -n "${CLUSTER_SECONDS:-}" ]; then
  sleep "$CLUSTER_SECONDS" & pids+=($!)
  wait "${pids[-1]}" || true
else
  wait -n "${pids[@]}" || true   # until Ctrl+C or one part stops
fi
