#!/usr/bin/env bash
# Runs the IsoLedger API at $ISOLEDGER_URLS (default http://127.0.0.1:5080) on the local cluster, or on the
# database named by $ConnectionStrings__IsoLedger when that is set. On the first start of an empty local database
# it imports the sample province (ops/sample-data/quang-tri-2020.csv) unless given --no-sample.
# Other arguments go to the API.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
project="$repo/src/IsoLedger.Api"

load_sample=true
api_args=()
for argument in "$@"; do
  if [ "$argument" = "--no-sample" ]; then load_sample=false; else api_args+=("$argument"); fi
done

if [ -n "${ConnectionStrings__IsoLedger:-}" ]; then
  load_sample=false
else
  "$repo/ops/db.sh" start
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$project" --nologo -v quiet

if $load_sample; then
  empty=$("$repo/ops/db.sh" psql -tAc "select to_regclass('public.mt_events') is null")
  if [ "$empty" = "f" ]; then
    empty=$("$repo/ops/db.sh" psql -tAc "select not exists (select 1 from public.mt_events)")
  fi
  if [ "$empty" = "t" ]; then
    echo "run: importing the sample province into the empty database (skip with --no-sample)" >&2
    dotnet run --project "$project" --no-build --no-launch-profile -- import "$repo/ops/sample-data/quang-tri-2020.csv" 2>&1 \
      | grep -v -e '^Searching' -e 'for commands$' -e 'PublicKeyToken' >&2 || true
  fi
fi

urls="${ISOLEDGER_URLS:-http://127.0.0.1:5080}"
exec dotnet run --project "$project" --no-build --no-launch-profile -- --urls "$urls" ${api_args[@]+"${api_args[@]}"}
