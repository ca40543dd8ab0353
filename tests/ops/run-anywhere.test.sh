#!/usr/bin/env bash
# The README's promise, as a newcomer meets it: a copy of this checkout inside a 0700 folder (like a home folder),
# under a long folder name with spaces, a quote and Vietnamese letters, `ops/run.sh` on a custom port (started
# twice at once) serves from a cluster of its own on that port, loads the sample once, and a restart keeps the data
# as it was; the API tests pass there; its builds leave no build server running; SIGINT stops it, and stopping the
# cluster leaves nothing behind. Prints TAP; exits non-zero if a check fails.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/tests/ops/checks.sh"

home="$(mktemp -d)" # mktemp makes it 0700, as a home folder is
# A long folder name, as a feature branch's checkout may have: the cluster's socket path must stay within
# PostgreSQL's 107 bytes wherever the cluster's folder ends up.
checkout="$home/dự án/isoledger's feature dashboard print-layout-a4-landscape-and-phone"
mkdir -p "$checkout"
# The files git would clone, with the working tree's changes, without build output.
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null) \
  | tar -xf - -C "$checkout"
export ISOLEDGER_PG_PORT="$(free_port)"
api_port="$(free_port)"
export ISOLEDGER_URLS="http://127.0.0.1:$api_port"
unset ConnectionStrings__IsoLedger
log="$home/run.log"
api_pid=""

stop_api() {
  [ -n "$api_pid" ] || return 0
  kill -- "-$api_pid" 2>/dev/null || kill "$api_pid" 2>/dev/null
  wait "$api_pid" 2>/dev/null
  api_pid=""
}
cleanup() {
  stop_api
  "$checkout/ops/db.sh" destroy >/dev/null 2>&1
  rm -rf "$home"
}
trap cleanup EXIT

# Starts ops/run.sh in a session of its own (stop_api stops all it started), writing to the file $1, with SIGINT
# handled as in a terminal (bash would have what it starts in the background ignore it).
launch() {
  python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid()
os.execv(sys.argv[1], sys.argv[1:])' "$checkout/ops/run.sh" >"$1" 2>&1 &
}

# Waits until the API answers /health/ready, while $api_pid runs.
wait_ready() {
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$ISOLEDGER_URLS/health/ready" && return 0
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 1
  done
  echo "# ops/run.sh did not get ready; its log:"
  sed 's/^/#   /' "$log" | tail -n 30
  return 1
}

start_api() {
  : >"$log"
  launch "$log"
  api_pid=$!
  wait_ready
}

# Two started together on a new checkout: one makes the cluster, builds, loads the sample and serves; the other
# waits for that, then stops, saying that the address is taken.
two_runs_at_once() {
  local -a pids logs=("$home/first.log" "$home/second.log")
  launch "${logs[0]}"
  pids[0]=$!
  launch "${logs[1]}"
  pids[1]=$!
  local stopped=""
  for _ in $(seq 1 300); do
    if ! kill -0 "${pids[0]}" 2>/dev/null; then stopped=0; elif ! kill -0 "${pids[1]}" 2>/dev/null; then stopped=1; fi
    [ -z "$stopped" ] || break
    sleep 1
  done
  [ -n "$stopped" ] || { echo "# neither stopped"; kill -- "-${pids[1]}"; api_pid=${pids[0]}; return 1; }
  api_pid=${pids[$((1 - stopped))]}
  log="${logs[$((1 - stopped))]}"
  wait "${pids[$stopped]}"
  local status=$?
  wait_ready || return 1
  [ "$status" != 0 ] && grep -q "something already answers on" "${logs[$stopped]}" && return 0
  echo "# the one that stopped (exit $status):"
  sed 's/^/#   /' "${logs[$stopped]}" | grep -v '^#   *at ' | tail -n 20
  return 1
}

psql_on_port() { "$checkout/ops/db.sh" psql -tAc "$1"; }

echo "TAP version 13"
check "two ops/run.sh at once in a new checkout in a 0700 folder: one serves, the other says the address is taken" \
  two_runs_at_once
check "the cluster runs on the custom port ISOLEDGER_PG_PORT=$ISOLEDGER_PG_PORT" \
  '"$checkout/ops/db.sh" status 2>/dev/null | grep -q "127.0.0.1:$ISOLEDGER_PG_PORT"'
check "the first start loads the sample province into the empty database and says so" \
  'grep -q "The ledger is empty: importing quang-tri-2020.csv" "$log" &&
    [ "$(psql_on_port "select count(distinct stream_id) from mt_events")" = 165 ]'
check "it says that Ctrl-C leaves the cluster running, and how to stop it" \
  'grep -q "cluster keeps running (ops/db.sh stop stops it)" "$log"'
curl -sf -o /dev/null -X POST "$ISOLEDGER_URLS/api/units" \
  -H 'X-Api-Key: dev-recorder' -H 'Content-Type: application/json' \
  -d '{"code":"QT-XA-PORT","name":"UBND Xã Cổng","level":"commune","province":"Quảng Trị","district":"Hải Lăng"}'
check "the API writes to the cluster on the custom port" \
  '[ "$(psql_on_port "select count(*) from mt_events where stream_id = '"'QT-XA-PORT'"'")" = 1 ]'
second_run_fails() {
  timeout 240 "$checkout/ops/run.sh" >"$home/second.log" 2>&1
  local rc=$?
  [ "$rc" != 0 ] && [ "$rc" != 124 ] && grep -q "something already answers on" "$home/second.log"
}
check "a second ops/run.sh on the address the first serves exits non-zero, saying why" second_run_fails
events_before="$(psql_on_port "select count(*) || ':' || max(seq_id) from mt_events")"
stop_api
check "ops/run.sh starts again on the same database" start_api
check "a restart after adding data neither loads the sample again nor changes anything" \
  'grep -q "is not imported" "$log" &&
    [ "$(psql_on_port "select count(*) || '"':'"' || max(seq_id) from mt_events")" = "$events_before" ]'
check "the unit added before the restart is still served" \
  'curl -sf -o /dev/null "$ISOLEDGER_URLS/api/units/QT-XA-PORT" -H "X-Api-Key: dev-viewer"'
check "nothing was written into the checkout" '[ ! -e "$checkout/.data" ]'
# As ops/test.sh runs them (its environment: ops/lib/api-tests.sh), one class, in this checkout.
api_tests_pass() {
  (cd "$checkout" && repo="$checkout" && source ops/lib/local-db.sh && source ops/lib/api-tests.sh \
    && dotnet test tests/IsoLedger.Api.Tests --nologo --filter FullyQualifiedName~CorsProblemTests) \
    >"$home/api-tests.log" 2>&1 && return 0
  grep -E -A 2 'Error Message|error' "$home/api-tests.log" | head -n 6 | sed 's/^/#   /'
  return 1
}
check "the API tests pass in a checkout whose path holds a quote" api_tests_pass
# A build of the scripts' own (ops/codegen.sh), in a session of its own, in an environment that does not turn build
# servers off itself (this one may): nothing of it is left in that session once it has ended.
leaves_no_build_server() {
  env -u MSBUILDDISABLENODEREUSE -u DOTNET_CLI_USE_MSBUILD_SERVER -u UseSharedCompilation \
    python3 -c 'import os, sys; os.setsid(); os.execv(sys.argv[1], sys.argv[1:])' "$checkout/ops/codegen.sh" \
    >"$home/codegen.log" 2>&1 &
  local session=$! left
  wait "$session" || { tail -n 5 "$home/codegen.log" | sed 's/^/#   /'; return 1; }
  sleep 2
  left="$(ps -eo pid=,sid=,args= | awk -v session="$session" '$2 == session')"
  [ -n "$left" ] || return 0
  echo "# left running:"
  cut -c1-150 <<<"$left" | sed 's/^/#   /'
  awk '{ print $1 }' <<<"$left" | xargs -r kill
  return 1
}
check "the scripts' builds leave no MSBuild node or compiler server running" leaves_no_build_server
# As Ctrl-C reaches it in `docker run -it`, where it is the container's first process.
stops_on_interrupt_to_it_alone() {
  kill -INT "$api_pid"
  for _ in $(seq 1 30); do
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 1
  done
  ! kill -0 "$api_pid" 2>/dev/null || return 1
  wait "$api_pid"
  api_pid=""
  ! curl -s -o /dev/null "$ISOLEDGER_URLS/health/ready"
}
check "ops/run.sh stops on SIGINT sent to it alone, and its API with it" stops_on_interrupt_to_it_alone
stop_api
socket="$(sed -n 5p "$("$checkout/ops/db.sh" status 2>/dev/null | sed 's/.*(\(.*\))$/\1/')/postmaster.pid")"
check "stopping the cluster deletes the private socket folder its deep folder got ($socket)" \
  '"$checkout/ops/db.sh" stop 2>/dev/null && [ -n "$socket" ] && [ ! -e "$socket" ]'
checks_done
