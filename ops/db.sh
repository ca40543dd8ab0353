#!/usr/bin/env bash
# The project-local PostgreSQL 15 cluster under .data/ (see README, "The local database").
#   ops/db.sh start    install PostgreSQL 15 if missing, create the cluster if missing, start it, create the databases
#   ops/db.sh stop     stop the cluster
#   ops/db.sh status   say whether it runs
#   ops/db.sh psql     open psql on the run database (extra arguments go to psql)
# PostgreSQL refuses to run as root, so as root the cluster is owned by and run as the OS user $ISOLEDGER_PG_USER.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
data_root="$repo/.data"
cluster="$data_root/pg"
socket_dir="$data_root/run"
log_file="$data_root/postgres.log"
port="${ISOLEDGER_PG_PORT:-5433}"
os_user="${ISOLEDGER_PG_USER:-isoledger}"
db_role="isoledger"
databases=(isoledger isoledger_test)

log() { printf 'db: %s\n' "$*" >&2; }

find_bin_dir() {
  local candidate
  for candidate in /usr/lib/postgresql/15/bin; do
    [ -x "$candidate/pg_ctl" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

install_postgres() {
  if find_bin_dir >/dev/null; then return 0; fi
  [ "$(id -u)" = 0 ] || { log "PostgreSQL 15 is missing; install it (apt-get install postgresql-15) or run as root."; exit 1; }
  log "installing PostgreSQL 15 (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  find_bin_dir >/dev/null || { log "PostgreSQL 15 did not install"; exit 1; }
}

# Runs a command as the cluster's owner: the current user, or $os_user when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$os_user" -- "$@"; else "$@"; fi
}

ensure_owner() {
  [ "$(id -u)" = 0 ] || return 0
  if ! id -u "$os_user" >/dev/null 2>&1; then
    log "creating OS user $os_user to own the cluster"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
  fi
  mkdir -p "$data_root"
  chown "$os_user" "$data_root"
  if ! runuser -u "$os_user" -- test -w "$data_root"; then
    log "$os_user cannot reach $data_root: every folder above it must be searchable by other users (chmod o+x)."
    exit 1
  fi
}

pg() { as_owner "$bin/$1" "${@:2}"; }

is_running() { [ -f "$cluster/PG_VERSION" ] && pg pg_ctl -D "$cluster" status >/dev/null 2>&1; }

start() {
  install_postgres
  bin="$(find_bin_dir)"
  ensure_owner
  mkdir -p "$data_root"
  if [ ! -f "$cluster/PG_VERSION" ]; then
    log "creating cluster in $cluster"
    as_owner mkdir -p "$cluster" "$socket_dir"
    # trust on loopback only: a developer's local cluster, never reachable from outside this machine
    pg initdb -D "$cluster" -U "$db_role" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$cluster/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
  fi
  if ! is_running; then
    log "starting PostgreSQL on 127.0.0.1:$port"
    as_owner mkdir -p "$socket_dir"
    pg pg_ctl -D "$cluster" -l "$log_file" -w -t 60 start >/dev/null
  fi
  for database in "${databases[@]}"; do
    if [ -z "$(pg psql -h 127.0.0.1 -p "$port" -U "$db_role" -d postgres -tAc "select 1 from pg_database where datname = '$database'")" ]; then
      pg createdb -h 127.0.0.1 -p "$port" -U "$db_role" "$database"
    fi
  done
  log "ready: Host=127.0.0.1;Port=$port;Username=$db_role (databases: ${databases[*]})"
}

stop() {
  bin="$(find_bin_dir)" || { log "PostgreSQL 15 is not installed"; return 0; }
  if is_running; then pg pg_ctl -D "$cluster" -m fast -w stop >/dev/null; log "stopped"; else log "not running"; fi
}

status() {
  bin="$(find_bin_dir)" || { echo "not installed"; return 3; }
  if is_running; then echo "running on 127.0.0.1:$port ($cluster)"; else echo "stopped"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  psql) bin="$(find_bin_dir)"; shift; exec "$bin/psql" -h 127.0.0.1 -p "$port" -U "$db_role" -d isoledger "$@" ;;
  *) echo "usage: ops/db.sh start|stop|status|psql [psql arguments]" >&2; exit 2 ;;
esac
