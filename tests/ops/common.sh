# Sourced by tests/ops/*.sh. They test the production install as an operator uses it: the published API started
# with `dotnet IsoLedger.Api.dll` from another folder, in Production, on scratch databases dropped on exit.
#   ISOLEDGER_PUBLISH_DIR      a folder ops/publish.sh filled, to reuse (default: publish into a temporary folder)
#   ISOLEDGER_OPS_TEST_SERVER  the cluster, as a connection string without database
#                              (default: the local cluster, ops/lib/local-db.sh; ops/test.sh has started it)
# A script names itself in $check, calls `passed` at its end, and prints its result as TAP (one test).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo/ops/lib/pgenv.sh"
source "$repo/ops/lib/local-db.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset ConnectionStrings__IsoLedger ASPNETCORE_ENVIRONMENT PGDATABASE
server="${ISOLEDGER_OPS_TEST_SERVER:-$(local_db_connection postgres | sed 's/;Database=postgres//')}"
pg_env_from_connection "$server"
work="$(mktemp -d)"
started="$(date +%s)"
databases=()
api_pid=""
result=FAIL

ops_cleanup() {
  local status=$?
  stop_api
  local database
  for database in "${databases[@]}"; do
    psql -d postgres -qc "drop database if exists \"$database\" with (force)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
  echo "TAP version 13"
  if [ "$result" = PASS ]; then echo "ok 1 - $check"; else echo "not ok 1 - $check"; fi
  echo "1..1"
  echo "# $check: $result ($(( $(date +%s) - started )) s)"
  if [ "$result" = PASS ]; then printf '# pass 1\n# fail 0\n'; else printf '# pass 0\n# fail 1\n'; fi
  exit "$status"
}
trap ops_cleanup EXIT

fail() {
  echo "$check: $*" >&2
  exit 1
}

passed() { result=PASS; }

# Sets $api_dll to the published API.
publish_api() {
  if [ -n "${ISOLEDGER_PUBLISH_DIR:-}" ]; then
    api_dll="$ISOLEDGER_PUBLISH_DIR/IsoLedger.Api.dll"
  else
    "$repo/ops/publish.sh" "$work/publish" >/dev/null
    api_dll="$work/publish/IsoLedger.Api.dll"
  fi
  [ -f "$api_dll" ] || fail "no published API at $api_dll"
}

# The published API's command line, run from a folder that holds no settings of its own.
api() { (cd "$work" && dotnet "$api_dll" "$@"); }

# Creates an empty database, dropped on exit; sets $database and exports ConnectionStrings__IsoLedger for it.
scratch_database() {
  database="$1_$(date +%s)_$$"
  databases+=("$database")
  psql -d postgres -v ON_ERROR_STOP=1 -qc "create database \"$database\""
  export ConnectionStrings__IsoLedger="$server;Database=$database"
}

# `keys create` with the given roles: sets $key and exports the printed configuration lines, as an environment
# file would.
create_key() {
  local line output
  output="$(api keys create --name ops-check --role "$@")" || fail "keys create failed"
  key=""
  while IFS= read -r line; do
    case "$line" in
      "# key: "*) key="${line#\# key: }" ;;
      IsoLedger__ApiKeys__*) export "${line?}" ;;
    esac
  done <<< "$output"
  [ -n "$key" ] || fail "keys create printed no key"
}

# Starts the API in Production on a free port and waits (60 s at most) until /health/ready answers 200; sets $url.
start_api() {
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  url="http://127.0.0.1:$port"
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    exec dotnet "$api_dll" --urls "$url") >"$work/api.log" 2>&1 &
  api_pid=$!
  local _
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ] && return 0
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$work/api.log" >&2
  fail "the API did not answer /health/ready with 200"
}

stop_api() {
  [ -n "$api_pid" ] || return 0
  kill "$api_pid" 2>/dev/null || true
  wait "$api_pid" 2>/dev/null || true
  api_pid=""
}

# The status code of a GET with the created key.
status_of() { curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $key" "$url$1"; }
