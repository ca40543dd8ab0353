#!/usr/bin/env bash
# The slow reliability scenarios (README, "Guarantees"): API processes under load on a fresh database on the local
# cluster, with faults injected around them — kill -9, PostgreSQL stopped, a node of two killed. Prints a table of
# each scenario's load, faults and lost/doubled events; exits non-zero if any guarantee breaks.
# CHAOS_SECONDS (default 10) sets the length of each load phase; CHAOS_ONLY=1,4 runs only those scenarios.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$repo/ops/db.sh" start
dotnet build "$repo/src/IsoLedger.Api" -c Release --nologo -v quiet
dotnet build "$repo/tests/IsoLedger.Chaos" -c Release --nologo -v quiet

database="isoledger_chaos_$(date +%s)"
"$repo/ops/db.sh" psql -d postgres -qc "create database $database"
cleanup() {
  "$repo/ops/db.sh" start >/dev/null 2>&1 || true
  "$repo/ops/db.sh" psql -d postgres -qc "drop database if exists $database with (force)" || true
}
trap cleanup EXIT

export CHAOS_API_DLL="$repo/src/IsoLedger.Api/bin/Release/net10.0/IsoLedger.Api.dll"
export CHAOS_CONNECTION="Host=127.0.0.1;Port=${ISOLEDGER_PG_PORT:-5433};Database=$database;Username=isoledger"
export CHAOS_REPO="$repo"
dotnet run --project "$repo/tests/IsoLedger.Chaos" -c Release --no-build
