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

load_sample=true
api_args=()
for argument in "$@"; do
  if [ "$argument" = "--no-sample" ]; then load_sample=false; else api_args+=("$argument"); fi
done

if [ -z "${ConnectionStrings__IsoLedger:-}" ]; then
  "$repo/ops/db.sh" start
  ConnectionStrings__IsoLedger="$(local_db_connection isoledger)"
fi
export ConnectionStrings__IsoLedger
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# No compiler or MSBuild servers left running after the API stops (they outlived it for a user who is not root).
dotnet build "$project" --nologo -v quiet --disable-build-servers

if $load_sample; then
  dotnet run --project "$project" --no-build --no-launch-profile -- \
    import "$repo/ops/sample-data/quang-tri-2020.csv" --if-empty 2>&1 \
    | grep -v -e '^Searching' -e 'for commands$' -e 'PublicKeyToken' -e '^commands$' -e '^\s*$' | sed 's/^/run: /' >&2
fi

urls="${ISOLEDGER_URLS:-http://127.0.0.1:5080}"
exec dotnet run --project "$project" --no-build --no-launch-profile -- --urls "$urls" ${api_args[@]+"${api_args[@]}"}
