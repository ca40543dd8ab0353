#!/usr/bin/env bash
# Measures IsoLedger against the limit of its database on this machine, every stage in one run (README, "Benchmark"):
# pgbench baseline, commands and reads over HTTP, projection catch-up and rebuild, import, memory and start time.
# Prints a table and writes bench/results/<date>.json and bench/results/latest.md (with bench/analysis.md appended).
# It measures and prints; it fails only if it cannot run. BENCH_SECONDS (default 10) sets each load phase.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$repo/ops/db.sh" start
dotnet build "$repo/src/IsoLedger.Api" -c Release --nologo -v quiet
dotnet build "$repo/tests/IsoLedger.Bench" -c Release --nologo -v quiet

database="isoledger_bench_$(date +%s)"
"$repo/ops/db.sh" psql -d postgres -qc "create database $database"
trap '"$repo/ops/db.sh" psql -d postgres -qc "drop database if exists $database with (force)" || true' EXIT

export BENCH_API_DLL="$repo/src/IsoLedger.Api/bin/Release/net10.0/IsoLedger.Api.dll"
export BENCH_CONNECTION="Host=127.0.0.1;Port=${ISOLEDGER_PG_PORT:-5433};Database=$database;Username=isoledger"
export BENCH_RESULTS="$repo/bench/results"
export BENCH_NOTES="$repo/bench/analysis.md"
dotnet run --project "$repo/tests/IsoLedger.Bench" -c Release --no-build
