#!/usr/bin/env bash
# The local cluster's life as people meet it (ops/db.sh, README "The local database"), on scratch clusters of this
# checkout in a temporary folder on free ports: two starts at once, a folder named relative to the current one, a root
# whose umask is strict, a postmaster.pid left behind whose PID another process has got since, a port another program or
# another checkout's cluster holds (named by what listens, not by stale pid files; a free one suggested), a cluster
# older scripts left in the checkout's .data/, a cluster made by a PostgreSQL that is not installed, the cluster of a
# checkout that is gone, a creation cut short, a folder that cannot be made, a disk without room for a cluster, a
# destroy in a folder holding other files.
# Prints TAP; exits non-zero if a check fails.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/tests/ops/checks.sh"
db="$repo/ops/db.sh"

base="$(mktemp -d)"
# As root the clusters' owner (ISOLEDGER_PG_USER) must get through to them.
chmod 0755 "$base"
export ISOLEDGER_PG_PORT="$(free_port)"
export ISOLEDGER_PG_DATA="$base/clusters/one"
owner="$(if [ "$(id -u)" = 0 ]; then echo "${ISOLEDGER_PG_USER:-isoledger}"; else id -un; fi)"
background_pids=()
cleanup() {
  kill "${background_pids[@]}" 2>/dev/null
  local cluster
  for cluster in "$base"/clusters/* "$base"/strict/cluster; do
    [ ! -d "$cluster" ] || ISOLEDGER_PG_DATA="$cluster" "$db" destroy >/dev/null 2>&1
  done
  umount "$base/small" 2>/dev/null
  rm -rf "$base"
}
trap cleanup EXIT

# Runs a command as the clusters' owner, in place of this shell (so that $! is its PID).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    exec setpriv --reuid="$owner" --regid="$(id -g "$owner")" --clear-groups -- "$@"
  else
    exec "$@"
  fi
}

two_starts_at_once() {
  "$db" start >"$base/first.log" 2>&1 &
  local first=$!
  "$db" start >"$base/second.log" 2>&1 &
  local second=$! status=0
  wait "$first" || status=1
  wait "$second" || status=1
  [ "$status" = 0 ] || sed 's/^/#   /' "$base/first.log" "$base/second.log"
  [ "$status" = 0 ]
}

# What a restart of the machine (or kill -9 and a late reaper) leaves: postmaster.pid naming a live process of the
# cluster's owner that is no postmaster.
stale_pid_file() {
  local pid_file="$ISOLEDGER_PG_DATA/pg/postmaster.pid" saved
  saved="$(cat "$pid_file")" && "$db" stop >/dev/null 2>&1 || return 1
  (as_owner sleep 600) &
  impostor=$!
  background_pids+=("$impostor")
  { echo "$impostor"; tail -n +2 <<<"$saved"; } >"$pid_file"
  [ "$(id -u)" != 0 ] || chown "$owner" "$pid_file"
}

echo "TAP version 13"
check "two ops/db.sh start at once on a new cluster both succeed" two_starts_at_once
check "a relative ISOLEDGER_PG_DATA names the folder under the current one" \
  '(cd "$base" && ISOLEDGER_PG_DATA=clusters/one "$db" status | grep -qF "($base/clusters/one/pg)")'
check "as root with umask 027 a cluster in a new folder starts (its owner can reach it)" \
  '(umask 027 && export ISOLEDGER_PG_DATA="$base/strict/cluster" ISOLEDGER_PG_PORT="$(free_port)" &&
    "$db" start >/dev/null 2>&1 && "$db" stop >/dev/null 2>&1)'
stale_pid_file
check "a postmaster.pid naming another live process: status says stopped" \
  '"$db" status >/dev/null; [ $? = 3 ]'
check "… start starts the cluster and leaves that process alone" \
  '"$db" start >/dev/null 2>&1 && "$db" status >/dev/null && kill -0 "$impostor"'

"$db" stop >/dev/null 2>&1
taken_port="$(free_port)"
# The port after it too, where it is free: the advice must name one that is.
python3 -c 'import socket, sys, time; s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen()
try:
    after = socket.socket(); after.bind(("127.0.0.1", int(sys.argv[1]) + 1)); after.listen()
except OSError:
    pass
time.sleep(600)' "$taken_port" &
holder=$!
background_pids+=("$holder")
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$taken_port") 2>/dev/null && break; sleep 0.1; done
# What another checkout's cluster that did not stop leaves: a postmaster.pid naming that port, its PID long gone.
mkdir -p "$base/clusters/gone/pg"
echo "$base/gone checkout" >"$base/clusters/gone/checkout"
printf '%s\n' 999999 "$base/clusters/gone/pg" 1700000000 "$taken_port" >"$base/clusters/gone/pg/postmaster.pid"
check "a port another program holds: start fails and says to choose another ISOLEDGER_PG_PORT" \
  '! ISOLEDGER_PG_PORT="$taken_port" "$db" start 2>"$base/taken.log" && grep -q "ISOLEDGER_PG_PORT=" "$base/taken.log"'
suggested_port="$(sed -n 's/.*e\.g\. ISOLEDGER_PG_PORT=\([0-9]*\) .*/\1/p' "$base/taken.log")"
check "… suggesting a port nothing listens on" \
  '[ -n "$suggested_port" ] && ! (exec 3<>"/dev/tcp/127.0.0.1/$suggested_port") 2>/dev/null'
check "… and names that program, not the cluster whose stale postmaster.pid names the port" \
  'grep -q "is taken by python3 (PID $holder, user $(id -un))" "$base/taken.log" &&
    ! grep -q "gone checkout" "$base/taken.log" || { sed "s/^/#   /" "$base/taken.log"; false; }'
rm -rf "$base/clusters/gone"

# Another checkout's cluster (its folder's checkout file names it) running on the port this one is given.
other_port="$(free_port)"
ISOLEDGER_PG_DATA="$base/clusters/other" ISOLEDGER_PG_PORT="$other_port" "$db" start >/dev/null 2>&1
echo "$base/other checkout" >"$base/clusters/other/checkout"
other_pid="$(head -n 1 "$base/clusters/other/pg/postmaster.pid")"
check "a port another checkout's cluster holds: start names that checkout and how to stop its cluster" \
  '! ISOLEDGER_PG_PORT="$other_port" "$db" start 2>"$base/other.log" &&
    grep -qF "is taken by the cluster of the checkout $base/other checkout (PID $other_pid): stop it" \
      "$base/other.log" && grep -qF "(ISOLEDGER_PG_DATA='"'"'$base/clusters/other'"'"' ops/db.sh stop)" \
      "$base/other.log" || { sed "s/^/#   /" "$base/other.log"; false; }'
ISOLEDGER_PG_DATA="$base/clusters/other" "$db" stop >/dev/null 2>&1

# A checkout whose .data/ holds the cluster older scripts kept there (before clusters moved out of checkouts).
old_checkout="$base/old checkout"
mkdir -p "$old_checkout/.data/pg" && cp -r "$repo/ops" "$old_checkout/"
echo 15 >"$old_checkout/.data/pg/PG_VERSION"
check "a cluster older scripts left in the checkout's .data/: start says where and what to do, in one line" \
  '"$old_checkout/ops/db.sh" start 2>"$base/old.log" >/dev/null && "$old_checkout/ops/db.sh" stop 2>/dev/null &&
    [ "$(grep -c "$old_checkout/.data holds a cluster older scripts made" "$base/old.log")" = 1 ] &&
    grep "$old_checkout/.data holds" "$base/old.log" | grep -qF "ISOLEDGER_PG_DATA='"'"'$old_checkout/.data'"'"'" &&
    grep "$old_checkout/.data holds" "$base/old.log" | grep -qF "rm -rf '"'"'$old_checkout/.data'"'"'" ||
    { sed "s/^/#   /" "$base/old.log"; false; }'
check "… status says it too, and says nothing once ISOLEDGER_PG_DATA names it" \
  '{ "$old_checkout/ops/db.sh" status; ISOLEDGER_PG_DATA="$old_checkout/.data" "$old_checkout/ops/db.sh" status; } \
      2>"$base/old-status.log" >/dev/null
    [ "$(grep -c "$old_checkout/.data holds a cluster" "$base/old-status.log")" = 1 ]'
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
  check "… and git ignores it (git status lists no cluster files)" \
    'git -C "$repo" check-ignore -q .data/pg/PG_VERSION'
else
  skip "… and git ignores it (git status lists no cluster files)" "not a git checkout"
fi
check "a port that is no number is refused, named" \
  '! ISOLEDGER_PG_PORT=5o433 "$db" status 2>"$base/port.log" && grep -q "ISOLEDGER_PG_PORT must be" "$base/port.log"'

mkdir -p "$base/clusters/future/pg"
echo 99 >"$base/clusters/future/pg/PG_VERSION"
check "a cluster made by a PostgreSQL that is not installed: start says which and what to do" \
  '! ISOLEDGER_PG_DATA="$base/clusters/future" "$db" start 2>"$base/future.log" &&
    grep -q "PostgreSQL 99, which is not installed" "$base/future.log" &&
    grep -q "ops/db.sh destroy" "$base/future.log"'

# What deleting a checkout without ops/db.sh destroy leaves: its cluster, whose checkout file names a missing folder.
ISOLEDGER_PG_DATA="$base/clusters/orphan" ISOLEDGER_PG_PORT="$(free_port)" "$db" start >/dev/null 2>&1
echo "$base/deleted checkout" >"$base/clusters/orphan/checkout"
check "status names the cluster of a checkout that is gone, with the command that deletes it, which does" \
  '"$db" status >/dev/null 2>"$base/orphan.log"
    grep -qF "$base/clusters/orphan holds the cluster of $base/deleted checkout, which is not there any more;" \
      "$base/orphan.log" && grep -qF "ISOLEDGER_PG_DATA='"'"'$base/clusters/orphan'"'"' ops/db.sh destroy" \
      "$base/orphan.log" && ISOLEDGER_PG_DATA="$base/clusters/orphan" "$db" destroy >/dev/null 2>&1 &&
    [ ! -e "$base/clusters/orphan" ] || { sed "s/^/#   /" "$base/orphan.log"; false; }'

# What a first start cut short leaves (Ctrl-C, kill -9, the machine stopping during initdb): a half-made pg.partial/,
# or, from earlier scripts, a pg/ that initdb had begun without writing PG_VERSION yet.
mkdir -p "$base/clusters/cut/pg.partial/base" "$base/clusters/early/pg/global" "$base/clusters/early/pg/base"
echo "half" >"$base/clusters/cut/pg.partial/postgresql.conf"
[ "$(id -u)" != 0 ] || chown -R "$owner" "$base/clusters/cut" "$base/clusters/early"
starts_after_cut_short() {
  local cut
  for cut in cut early; do
    ISOLEDGER_PG_DATA="$base/clusters/$cut" ISOLEDGER_PG_PORT="$(free_port)" "$db" start >"$base/$cut.log" 2>&1 &&
      ISOLEDGER_PG_DATA="$base/clusters/$cut" "$db" destroy >/dev/null 2>&1 ||
      { sed "s/^/#   /" "$base/$cut.log"; return 1; }
  done
}
check "a creation cut short (a pg.partial/ left, or a pg/ without PG_VERSION): the next start makes the cluster" \
  starts_after_cut_short
# A folder no user can make (under a file), as a home folder not one's own or a read-only disk refuses one.
touch "$base/a-file"
check "a cluster's folder that cannot be made: start says so in one line, naming ISOLEDGER_PG_DATA" \
  '! ISOLEDGER_PG_DATA="$base/a-file/cluster" "$db" start 2>"$base/unmade.log" &&
    [ "$(grep -c "" "$base/unmade.log")" = 1 ] &&
    grep -q "cannot make or write to $base/a-file/cluster, the cluster.s folder: .* ISOLEDGER_PG_DATA" \
      "$base/unmade.log" || { sed "s/^/#   /" "$base/unmade.log"; false; }'
# A folder on a disk without room for a cluster: a small tmpfs, which only root may mount.
small="$base/small"
mkdir -p "$small"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=12m,mode=0755 tmpfs "$small" 2>/dev/null; then
  check "no room for a new cluster: start says so in one line, with the way out, and leaves no half-made cluster" \
    '! ISOLEDGER_PG_DATA="$small/cluster" ISOLEDGER_PG_PORT="$(free_port)" "$db" start 2>"$base/small.log" &&
      [ "$(grep -c "" "$base/small.log")" = 2 ] && grep -q "no room for a new cluster in $small/cluster" \
        "$base/small.log" && grep -q "ISOLEDGER_PG_DATA" "$base/small.log" &&
      [ ! -e "$small/cluster/pg" ] && [ ! -e "$small/cluster/pg.partial" ] ||
      { sed "s/^/#   /" "$base/small.log"; false; }'
  umount "$small"
else
  skip "no room for a new cluster: start says so in one line, with the way out" "only root may mount a small tmpfs"
fi

echo "the operator's notes" >"$ISOLEDGER_PG_DATA/notes.txt"
check "destroy deletes the cluster and keeps the other files of its folder" \
  '"$db" destroy >/dev/null 2>&1 && [ ! -e "$ISOLEDGER_PG_DATA/pg" ] && [ -f "$ISOLEDGER_PG_DATA/notes.txt" ]'
checks_done
