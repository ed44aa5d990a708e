#!/usr/bin/env bash
# Installs Redis and PostgreSQL from Debian's packages (once) and starts them on 127.0.0.1 (if they
# are not already running), then prints the variables the store tests read. Safe to run again.
#   eval "$(bash .ci/backends.sh)"
set -euo pipefail
log() { echo "backends: $*" >&2; }

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Redis: in memory only (no snapshots), loopback only.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting redis-server on 127.0.0.1:6379"
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes --logfile /tmp/dramabot-ci-redis.log
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

# PostgreSQL: Debian's cluster, run by the unprivileged postgres user (pg_ctlcluster drops to it).
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx main; then
  log "creating PostgreSQL $version cluster main"
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk '$2 == "main" {print $4}' | grep -qx online; then
  log "starting PostgreSQL $version on 127.0.0.1"
  pg_ctlcluster "$version" main start -- -o "-c listen_addresses=127.0.0.1" >&2
fi
port=$(pg_lsclusters -h | awk '$2 == "main" {print $3}')
for _ in $(seq 50); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.1; done
as_postgres() { su postgres -s /bin/sh -c "cd / && $1"; }
as_postgres "psql -q -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'dramabot'\"" | grep -q 1 ||
  as_postgres "psql -q -p $port -c \"CREATE ROLE dramabot LOGIN PASSWORD 'dramabot'\"" >&2
as_postgres "psql -q -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'dramabot_test'\"" | grep -q 1 ||
  as_postgres "createdb -p $port -O dramabot dramabot_test" >&2

echo "export TEST_REDIS_URL=redis://127.0.0.1:6379"
echo "export TEST_POSTGRES_URL=postgres://dramabot:dramabot@127.0.0.1:$port/dramabot_test"
