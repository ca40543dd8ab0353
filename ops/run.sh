#!/usr/bin/env bash
# Runs the IsoLedger API at $ISOLEDGER_URLS (default http://127.0.0.1:5080) on the local cluster,
# or on the database named by $ConnectionStrings__IsoLedger when that is set.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

if [ -z "${ConnectionStrings__IsoLedger:-}" ]; then
  "$repo/ops/db.sh" start
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
urls="${ISOLEDGER_URLS:-http://127.0.0.1:5080}"
exec dotnet run --project "$repo/src/IsoLedger.Api" --no-launch-profile -- --urls "$urls" "$@"
