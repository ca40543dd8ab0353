#!/usr/bin/env bash
# The local PostgreSQL 15 cluster of this checkout (see README, "The local database").
#   ops/db.sh start         install PostgreSQL 15 if missing, create the cluster if missing, start it, create the
#                           databases
#   ops/db.sh stop          stop the cluster
#   ops/db.sh status        say whether it runs, where and on which port
#   ops/db.sh psql [args]   open psql on the run database (extra arguments go to psql)
#   ops/db.sh connection [database]   print the connection string of a database (default: the run database)
#   ops/db.sh destroy       stop the cluster and delete its folder, with every database in it
# Settings (port, OS user, folder): ops/lib/local-db.sh.
set -euo pipefail
source "$(dirname "$0")/lib/local-db.sh"

cluster="$local_db_folder/pg"
socket_dir="$local_db_folder/run"
log_file="$local_db_folder/postgres.log"
port="$local_db_port"
os_user="$local_db_os_user"
db_role="$local_db_role"
databases=(isoledger isoledger_test)

log() { printf 'db: %s\n' "$*" >&2; }

find_bin_dir() {
  local candidate=/usr/lib/postgresql/15/bin
  [ -x "$candidate/pg_ctl" ] && { echo "$candidate"; return 0; }
  return 1
}

install_postgres() {
  if find_bin_dir >/dev/null; then return 0; fi
  [ "$(id -u)" = 0 ] || {
    log "PostgreSQL 15 is missing; install it (apt-get install postgresql-15) or run as root."
    exit 1
  }
  log "installing PostgreSQL 15 (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  find_bin_dir >/dev/null || { log "PostgreSQL 15 did not install"; exit 1; }
}

# Runs a command as the cluster's owner: the current user, or $os_user when we are root. From / because the
# current folder may be one that user cannot enter.
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u "$os_user" -- "$@"); else "$@"; fi
}

# The cluster's folder belongs to its owner; as root the folders above it are made by us, searchable by all.
prepare_folder() {
  if [ "$(id -u)" = 0 ]; then
    if ! id -u "$os_user" >/dev/null 2>&1; then
      log "creating OS user $os_user to own the cluster"
      useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
    fi
    mkdir -p "$(dirname "$local_db_folder")"
    mkdir -p -m 0700 "$local_db_folder"
    chown "$os_user" "$local_db_folder"
    if ! as_owner test -w "$local_db_folder"; then
      log "$os_user cannot write to $local_db_folder: choose a folder it can reach with ISOLEDGER_PG_DATA."
      exit 1
    fi
  else
    mkdir -p -m 0700 "$local_db_folder"
  fi
  # Says which checkout a folder under clusters/ belongs to, for whoever cleans up.
  printf '%s\n' "$local_db_repo" >"$local_db_folder/checkout"
}

pg() { as_owner "$bin/$1" "${@:2}"; }

# The port a running cluster listens on (line 4 of postmaster.pid), or nothing.
running_port() {
  [ -f "$cluster/PG_VERSION" ] && pg pg_ctl -D "$cluster" status >/dev/null 2>&1 || return 0
  as_owner sed -n 4p "$cluster/postmaster.pid"
}

# When another checkout's cluster holds the port, says which and what to do.
explain_taken_port() {
  local pid_file
  for pid_file in "$(dirname "$local_db_folder")"/*/pg/postmaster.pid; do
    [ -f "$pid_file" ] && [ "$(sed -n 4p "$pid_file")" = "$port" ] || continue
    log "port $port is taken by the cluster of $(cat "$(dirname "$(dirname "$pid_file")")/checkout" 2>/dev/null \
      || echo "another checkout"): stop it there (ops/db.sh stop) or choose another ISOLEDGER_PG_PORT."
  done
}

start() {
  install_postgres
  bin="$(find_bin_dir)"
  prepare_folder
  if [ ! -f "$cluster/PG_VERSION" ]; then
    log "creating cluster in $cluster"
    as_owner mkdir -p "$cluster" "$socket_dir"
    # trust on loopback only: a developer's local cluster, never reachable from outside this machine
    pg initdb -D "$cluster" -U "$db_role" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # The port is not written here: it is given at every start, so ISOLEDGER_PG_PORT is the one place it is set.
    as_owner tee -a "$cluster/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket_dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
  fi
  local current
  current="$(running_port)"
  if [ -n "$current" ] && [ "$current" != "$port" ]; then
    log "the cluster in $cluster already runs on port $current, not $port; stop it first (ops/db.sh stop)."
    exit 1
  fi
  if [ -z "$current" ]; then
    log "starting PostgreSQL on 127.0.0.1:$port (cluster: $cluster)"
    # PostgreSQL refuses a socket path over 107 bytes (".../run/.s.PGSQL.<port>"): a cluster in a deep folder (a long
    # home or checkout name) gets a private folder of its own for it at each start (mktemp: no other user can take
    # it first). Every connection the scripts and the API make is TCP; the socket is PostgreSQL's own.
    local socket="$socket_dir"
    if [ "$(printf %s "$socket_dir" | wc -c)" -gt 80 ]; then
      socket="$(as_owner mktemp -d /tmp/isoledger-pg.XXXXXXXX)"
    else
      as_owner mkdir -p "$socket_dir"
    fi
    if ! pg pg_ctl -D "$cluster" -l "$log_file" -o "-p $port -k '$socket'" -w -t 60 start >/dev/null; then
      log "PostgreSQL did not start; the end of $log_file:"
      as_owner tail -n 5 "$log_file" >&2 || true
      explain_taken_port
      exit 1
    fi
  fi
  for database in "${databases[@]}"; do
    if [ -z "$(pg psql -h 127.0.0.1 -p "$port" -U "$db_role" -d postgres -tAc \
      "select 1 from pg_database where datname = '$database'")" ]; then
      pg createdb -h 127.0.0.1 -p "$port" -U "$db_role" "$database"
    fi
  done
  log "ready: $(local_db_connection isoledger) (databases: ${databases[*]})"
}

stop() {
  bin="$(find_bin_dir)" || { log "PostgreSQL 15 is not installed"; return 0; }
  if [ -n "$(running_port)" ]; then
    pg pg_ctl -D "$cluster" -m fast -w stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

status() {
  bin="$(find_bin_dir)" || { echo "not installed"; return 3; }
  local current
  current="$(running_port)"
  if [ -n "$current" ]; then
    echo "running on 127.0.0.1:$current ($cluster)"
  else
    echo "stopped ($cluster)"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  psql)
    # This checkout's cluster, on the port it runs on: the configured port may be another checkout's cluster.
    bin="$(find_bin_dir)"
    shift
    current="$(running_port)"
    [ -n "$current" ] || { log "this checkout's cluster is not running ($cluster): ops/db.sh start"; exit 1; }
    exec "$bin/psql" -h 127.0.0.1 -p "$current" -U "$db_role" -d isoledger "$@"
    ;;
  destroy)
    stop
    rm -rf "$local_db_folder"
    log "deleted $local_db_folder"
    ;;
  connection)
    # The port this checkout's cluster runs on, if it runs (where the API and the tests must go).
    if bin="$(find_bin_dir)" && [ -n "$(running_port)" ]; then local_db_port="$(running_port)"; fi
    local_db_connection "${2:-isoledger}"
    echo
    ;;
  *)
    echo "usage: ops/db.sh start|stop|status|destroy|psql [psql arguments]|connection [database]" >&2
    exit 2
    ;;
esac
