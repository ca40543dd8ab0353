#!/usr/bin/env bash
# Runs the IsoLedger API at $ISOLEDGER_URLS (default http://127.0.0.1:5080) on the local cluster (started here, see
# ops/lib/local-db.sh for its settings), or on the database named by $ConnectionStrings__IsoLedger when that is set.
# The first time it finds the database without events, it loads the sample province
# (ops/sample-data/quang-tri-2020.csv) unless given --no-sample; a database holding events is never touched.
# Other arguments go to the API.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/buildable.sh"
source "$repo/ops/lib/local-db.sh"
project="$repo/src/IsoLedger.Api"
# What the build below makes (Debug, the target framework of Directory.Build.props).
api_dll="$project/bin/Debug/net10.0/IsoLedger.Api.dll"

load_sample=true
api_args=()
for argument in "$@"; do
  if [ "$argument" = "--no-sample" ]; then load_sample=false; else api_args+=("$argument"); fi
done
urls="${ISOLEDGER_URLS:-http://127.0.0.1:5080}"

# The API would stop on an address something already answers on with a stack trace hundreds of lines long: say so
# first. A wildcard host (*, +, 0.0.0.0, [::]) is tried on the loopback address.
refuse_taken_address() {
  local url address host port
  local -a listed
  IFS=';' read -ra listed <<<"$urls"
  for url in "${listed[@]}"; do
    address="${url#*://}"
    address="${address%%/*}"
    host="${address%:*}"
    port="${address##*:}"
    [[ "$port" =~ ^[0-9]+$ ]] || continue
    case "$host" in '*' | + | 0.0.0.0 | '[::]' | localhost) host=127.0.0.1 ;; '['*']') host="${host:1:-1}" ;; esac
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
      echo "run: something already answers on $host:$port (another ops/run.sh?): stop it, or give this one another" \
        "address, e.g. ISOLEDGER_URLS=http://127.0.0.1:$(next_free_port "$port") ops/run.sh" >&2
      exit 1
    fi
  done
}
refuse_taken_address

# One ops/run.sh of this checkout at a time prepares (cluster, build, sample): two started together would build the
# same files at once and both find the ledger empty. The lock is this script's own file, so nothing is written for
# it; it is released when the API starts, and kept from PostgreSQL and build servers, which would hold it on.
exec {run_lock}<"$repo/ops/run.sh"
if ! flock -n "$run_lock"; then
  echo "run: another ops/run.sh of this checkout is preparing; waiting for it" >&2
  flock "$run_lock"
fi

local_cluster=false
if [ -z "${ConnectionStrings__IsoLedger:-}" ]; then
  "$repo/ops/db.sh" start {run_lock}<&-
  ConnectionStrings__IsoLedger="$(local_db_connection isoledger)"
  local_cluster=true
fi
export ConnectionStrings__IsoLedger
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$project" --nologo -v quiet {run_lock}<&-

# The API runs from its project folder, where it finds its settings and dashboard (as under `dotnet run`).
cd "$project"
if $load_sample; then
  dotnet "$api_dll" import "$repo/ops/sample-data/quang-tri-2020.csv" --if-empty 2>&1 \
    | grep -v -e '^Searching' -e 'for commands$' -e 'PublicKeyToken' -e '^commands$' -e '^\s*$' | sed 's/^/run: /' >&2
fi

# Again: another ops/run.sh that prepared first may have started its API on the same address meanwhile.
refuse_taken_address
exec {run_lock}<&-
# The cluster outlives the API, for the next start and ops/test.sh: said, since PostgreSQL then runs on unseen.
if $local_cluster; then
  echo "run: Ctrl-C stops the API; this checkout's cluster keeps running (ops/db.sh stop stops it)" >&2
fi
# In place of this script, not under `dotnet run`: that ignores a SIGINT sent to it alone and waits for its child, so
# an interrupt that reaches only this process (Ctrl-C in `docker run -it`, where it is the first process; kill -INT)
# stopped nothing.
exec dotnet "$api_dll" --urls "$urls" ${api_args[@]+"${api_args[@]}"}
