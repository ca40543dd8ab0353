#!/usr/bin/env bash
# The slow reliability scenarios (README, "Guarantees"): API processes under load on a fresh database on the local
# cluster, with faults injected around them — kill -9, PostgreSQL stopped, a node of two killed. Prints a table of
# each scenario's load, faults and lost/doubled events; exits non-zero if any guarantee breaks.
# CHAOS_SECONDS (default 10) sets the length of each load phase; CHAOS_ONLY=1,4 runs only those scenarios.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/scratch.sh"
scratch_setup isoledger_chaos tests/IsoLedger.Chaos

export CHAOS_API_DLL="$api_dll" CHAOS_CONNECTION="$scratch_connection" CHAOS_REPO="$repo"
dotnet run --project "$repo/tests/IsoLedger.Chaos" -c Release --no-build
