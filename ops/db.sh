#!/usr/bin/env bash
# The local PostgreSQL cluster of this checkout (see README, "The local database").
#   ops/db.sh start         install PostgreSQL (15 or newer) if missing, create the cluster if missing, start it,
#                           create the databases
#   ops/db.sh stop          stop the cluster
#   ops/db.sh status        say whether it runs, where and on which port
#   ops/db.sh psql [args]   open psql on the run database (extra arguments go to psql)
#   ops/db.sh connection [database]   print the connection string of a database (default: the run database)
#   ops/db.sh destroy       stop the cluster and delete it, with every database in it
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

# The PostgreSQL binaries for this cluster: those of the version that made it (its data can be read by no other
# major version), or for a new cluster the newest installed from 15 on (Debian 12 ships 15, Debian 13 17).
find_bin_dir() {
  local version
  if [ -f "$cluster/PG_VERSION" ]; then
    version="$(cat "$cluster/PG_VERSION")"
  else
    version="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/pg_ctl' 2>/dev/null \
      | cut -d/ -f5 | grep -E '^[0-9]+$' | sort -n | tail -n 1)"
    [ -n "$version" ] && [ "$version" -ge 15 ] || return 1
  fi
  [ -x "/usr/lib/postgresql/$version/bin/pg_ctl" ] && echo "/usr/lib/postgresql/$version/bin"
}

install_postgres() {
  if find_bin_dir >/dev/null; then return 0; fi
  if [ -f "$cluster/PG_VERSION" ]; then
    log "the cluster in $cluster was made by PostgreSQL $(cat "$cluster/PG_VERSION"), which is not installed:" \
      "install it (apt-get install postgresql-$(cat "$cluster/PG_VERSION")), or delete the cluster and every" \
      "database in it (ops/db.sh destroy) to make a new one."
    exit 1
  fi
  [ "$(id -u)" = 0 ] || {
    log "PostgreSQL 15 or newer is missing; install it (sudo apt-get install postgresql) or run as root."
    exit 1
  }
  # The distribution's own version: Debian 13 has no postgresql-15 package.
  log "installing PostgreSQL (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  find_bin_dir >/dev/null || {
    log "this system's PostgreSQL is older than 15: install PostgreSQL 15 or newer (postgresql.org/download)"
    exit 1
  }
}

# Runs a command as the cluster's owner: the current user, or $os_user when we are root. From / because the
# current folder may be one that user cannot enter.
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u "$os_user" -- "$@"); else "$@"; fi
}

# The cluster's folder belongs to its owner; as root the folders above it are made by us, searchable by all (whatever
# root's umask: a hardened 027 or 077 would keep the owner out of its own folder).
prepare_folder() {
  if [ "$(id -u)" = 0 ]; then
    if ! id -u "$os_user" >/dev/null 2>&1; then
      log "creating OS user $os_user to own the cluster"
      useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
    fi
    { (umask 022 && mkdir -p "$(dirname "$local_db_folder")") && mkdir -p -m 0700 "$local_db_folder" &&
      chown "$os_user" "$local_db_folder"; } 2>/dev/null || refuse_folder root
    as_owner test -w "$local_db_folder" || refuse_folder "$os_user"
  elif ! mkdir -p -m 0700 "$local_db_folder" 2>/dev/null || ! [ -w "$local_db_folder" ]; then
    refuse_folder "$(id -un)"
  fi
  # Says which checkout a folder under clusters/ belongs to, for whoever cleans up.
  printf '%s\n' "$local_db_repo" 2>/dev/null >"$local_db_folder/checkout" || refuse_folder "$(id -un)"
}

# A folder that cannot be made or written (a home folder that is not one's own, as in a container run as another
# user; a read-only or full disk): said in one line, with the way out, instead of mkdir's or chown's own words.
refuse_folder() {
  log "$1 cannot make or write to $local_db_folder, the cluster's folder: name one it may write to, on a disk" \
    "with room, with ISOLEDGER_PG_DATA"
  exit 1
}

# One start or destroy of a cluster at a time: two started together (two ops/run.sh, ops/run.sh and ops/test.sh)
# would both create it. The second waits, then finds it made and running. The lock is on the folder itself, and
# is released when this script ends; PostgreSQL must not inherit it (see start).
lock_folder() {
  exec {folder_lock}<"$local_db_folder"
  flock "$folder_lock"
}

# Older scripts kept the cluster in the checkout's .data/ (pg/, run/, postgres.log: the layout of a cluster's folder
# here). Its data is not moved: it may be running, be owned by another user, or be on a disk without room for a copy.
# Every start and status says where it is and what to do, so that no one takes the new, empty cluster for a loss.
tell_of_cluster_in_checkout() {
  local old="$local_db_repo/.data"
  [ -d "$old/pg" ] && ! [ "$old" -ef "$local_db_folder" ] || return 0
  log "$old holds a cluster older scripts made, which these no longer use (this checkout's is $local_db_folder):" \
    "to keep using it, run with ISOLEDGER_PG_DATA='$old'; once its data is not needed, delete it (rm -rf '$old')."
}

# A checkout deleted without ops/db.sh destroy leaves its cluster beside this one's, data and all (running on, if it
# ran): status names them (three at most, then how many more), with the command that deletes one.
tell_of_clusters_of_gone_checkouts() {
  local folder checkout gone=0
  for folder in "$(dirname "$local_db_folder")"/*/; do
    folder="${folder%/}"
    checkout="$(cat "$folder/checkout" 2>/dev/null)" && [ -n "$checkout" ] && [ ! -e "$checkout" ] || continue
    gone=$((gone + 1))
    [ "$gone" -gt 3 ] || log "$folder holds the cluster of $checkout, which is not there any more;" \
      "ISOLEDGER_PG_DATA='$folder' ops/db.sh destroy deletes it"
  done
  [ "$gone" -le 3 ] || log "… and $((gone - 3)) more clusters there of checkouts that are gone (the file checkout in" \
    "each folder names its checkout)"
}

pg() { as_owner "$bin/$1" "${@:2}"; }

# Whether the postmaster named in postmaster.pid runs. pg_ctl and PostgreSQL take any live process with that PID
# for it: a process that got the PID after a restart of the machine, or a postmaster killed with -9 that its
# parent has not reaped (a zombie: a container's init may reap late or never), would pass for the cluster running
# and keep it from starting.
postmaster_alive() {
  local pid process
  pid="$(head -n 1 "$cluster/postmaster.pid" 2>/dev/null)" && [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  process="$(cat "/proc/$pid/status" 2>/dev/null)" || return 1
  grep -q '^Name:[[:space:]]*postgres$' <<<"$process" && ! grep -q '^State:[[:space:]]*Z' <<<"$process"
}

# The port a running cluster listens on (line 4 of postmaster.pid), or nothing.
running_port() {
  postmaster_alive || return 0
  sed -n 4p "$cluster/postmaster.pid"
}

# The process listening on 127.0.0.1:$port (or on a wildcard address), found through the kernel's socket table,
# which every user may read: its PID when this user may see the process's sockets (its own, or any as root), else the
# postmaster of the socket's owner started on that port (as ops/db.sh starts them, with -p), whose command line
# every user may read. Prints "<uid> <pid>", "<uid>" when the process is hidden, nothing when no socket listens.
port_holder() {
  local hex uid inode pid candidate
  hex="$(printf '%04X' "$port")"
  read -r uid inode < <(awk -v port="$hex" '$4 == "0A" {
      split($2, address, ":")
      if (address[2] == port && address[1] ~ /^(0100007F|0+|0+FFFF00000100007F)$/) { print $8, $10; exit }
    }' /proc/net/tcp /proc/net/tcp6 2>/dev/null) || return 0
  # find fails on the processes this user may not see, and on those that end meanwhile.
  pid="$(find /proc/[0-9]*/fd -lname "socket:\[$inode\]" -print -quit 2>/dev/null | cut -d/ -f3)" || true
  if [ -z "$pid" ]; then
    for candidate in $(find /proc -mindepth 1 -maxdepth 1 -name '[0-9]*' -uid "$uid" -printf '%f\n' 2>/dev/null); do
      [ "$(cat "/proc/$candidate/comm" 2>/dev/null)" = postgres ] \
        && tr '\0' ' ' <"/proc/$candidate/cmdline" 2>/dev/null | grep -q -- " -p $port " \
        && pid="$candidate" && break
    done
  fi
  echo "$uid $pid"
}

# Says what holds the port and what to do, told by the process that listens: a postmaster.pid left by a cluster
# that did not stop names a port its postmaster no longer holds.
refuse_taken_port() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 0
  local uid pid user holder advice="stop it" data folder checkout
  read -r uid pid < <(port_holder; echo)
  user="$(id -nu "$uid" 2>/dev/null || echo "$uid")"
  if [ -z "$uid" ]; then
    holder="another program, which this user cannot tell (as root, ss -ltnp 'sport = :$port' shows which)"
  elif [ -z "$pid" ]; then
    holder="a program of the user $user, which this user cannot see (as root, ss -ltnp 'sport = :$port' shows it)"
  elif [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != postgres ]; then
    holder="$(cat "/proc/$pid/comm" 2>/dev/null || echo "a program") (PID $pid, user $user)"
  else
    # Its data folder (-D): ops/db.sh keeps it as pg/ in the cluster's folder.
    data="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | sed -n '/^-D$/{n;p;q}')"
    folder="$(dirname "${data:-/}")"
    if checkout="$(cat "$folder/checkout" 2>/dev/null)"; then
      holder="the cluster of the checkout $checkout (PID $pid)"
    elif [ "$(basename "$folder")" = .data ] && [ -f "$folder/../ops/db.sh" ]; then
      holder="the cluster older scripts kept in $folder (PID $pid)"
    else
      holder="PostgreSQL (PID $pid, user $user${data:+, data in $data})"
      folder=""
    fi
    # From any checkout: the one named may be gone.
    [ -z "$folder" ] || advice="stop it (ISOLEDGER_PG_DATA='$folder' ops/db.sh stop)"
  fi
  log "port $port on 127.0.0.1 is taken by $holder: $advice, or give this checkout's cluster another port," \
    "e.g. ISOLEDGER_PG_PORT=$(next_free_port "$port") ops/run.sh"
  exit 1
}

# Made in pg.partial/ and renamed pg/ once whole: a creation cut short (Ctrl-C, a full disk, the machine stopping)
# leaves no pg/ that looks made and would never start, and the next start makes it again. A pg/ without PG_VERSION,
# which initdb writes before any data, is what earlier scripts left of one: it is made again too.
create_cluster() {
  local partial="$local_db_folder/pg.partial" output
  log "creating cluster in $cluster"
  as_owner rm -rf "$partial" "$cluster"
  as_owner mkdir -p "$partial" "$socket_dir"
  # trust on loopback only: a developer's local cluster, never reachable from outside this machine
  if ! output="$(pg initdb -D "$partial" -U "$db_role" --auth=trust --encoding=UTF8 --locale=C.UTF-8 2>&1)"; then
    as_owner rm -rf "$partial"
    if grep -q 'No space left on device' <<<"$output"; then
      log "no room for a new cluster in $local_db_folder ($(df -Pm "$local_db_folder" | awk 'NR == 2 { print $4 }')" \
        "MB free; it needs about 50 MB, and room to grow): free space there, or name a folder on another disk" \
        "with ISOLEDGER_PG_DATA"
    else
      log "initdb could not create the cluster in $cluster:"
      tail -n 5 <<<"$output" >&2
    fi
    exit 1
  fi
  # The port is not written here: it is given at every start, so ISOLEDGER_PG_PORT is the one place it is set.
  as_owner tee -a "$partial/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket_dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
  as_owner mv "$partial" "$cluster"
}

start() {
  tell_of_cluster_in_checkout
  prepare_folder
  lock_folder
  install_postgres
  bin="$(find_bin_dir)"
  [ -f "$cluster/PG_VERSION" ] || create_cluster
  local current
  current="$(running_port)"
  if [ -n "$current" ] && [ "$current" != "$port" ]; then
    log "the cluster in $cluster already runs on port $current, not $port; stop it first (ops/db.sh stop)."
    exit 1
  fi
  if [ -z "$current" ]; then
    refuse_taken_port
    # Left by a PostgreSQL that did not stop (killed, or the machine restarted); see postmaster_alive.
    if [ -f "$cluster/postmaster.pid" ]; then
      log "removing the postmaster.pid of a PostgreSQL that did not stop"
      as_owner rm -f "$cluster/postmaster.pid"
    fi
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
    if ! pg pg_ctl -D "$cluster" -l "$log_file" -o "-p $port -k '$socket'" -w -t 60 start \
      >/dev/null {folder_lock}<&-; then
      log "PostgreSQL did not start; the end of $log_file:"
      as_owner tail -n 5 "$log_file" >&2 || true
      refuse_taken_port
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
  if [ -n "$(running_port)" ]; then
    bin="$(find_bin_dir)"
    local socket
    socket="$(sed -n 5p "$cluster/postmaster.pid")"
    pg pg_ctl -D "$cluster" -m fast -w stop >/dev/null
    # The private socket folder of a cluster in a deep folder (see start), empty once PostgreSQL has stopped.
    case "$socket" in /tmp/isoledger-pg.*) as_owner rmdir "$socket" 2>/dev/null || true ;; esac
    log "stopped"
  else
    log "not running"
  fi
}

status() {
  tell_of_cluster_in_checkout
  tell_of_clusters_of_gone_checkouts
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
    shift
    current="$(running_port)"
    [ -n "$current" ] || { log "this checkout's cluster is not running ($cluster): ops/db.sh start"; exit 1; }
    bin="$(find_bin_dir)"
    exec "$bin/psql" -h 127.0.0.1 -p "$current" -U "$db_role" -d isoledger "$@"
    ;;
  destroy)
    [ -d "$local_db_folder" ] || { log "no cluster in $local_db_folder"; exit 0; }
    lock_folder
    stop
    # What start made and nothing else: ISOLEDGER_PG_DATA may name a folder that holds other files too.
    rm -rf "$cluster" "$cluster.partial" "$socket_dir" "$log_file" "$local_db_folder/checkout"
    if rmdir "$local_db_folder" 2>/dev/null; then
      log "deleted $local_db_folder"
    else
      log "deleted the cluster in $local_db_folder; other files there are kept"
    fi
    ;;
  connection)
    # The port this checkout's cluster runs on, if it runs (where the API and the tests must go).
    if [ -n "$(running_port)" ]; then local_db_port="$(running_port)"; fi
    local_db_connection "${2:-isoledger}"
    echo
    ;;
  *)
    echo "usage: ops/db.sh start|stop|status|destroy|psql [psql arguments]|connection [database]" >&2
    exit 2
    ;;
esac
