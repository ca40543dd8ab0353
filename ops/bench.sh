#!/usr/bin/env bash
# Measures IsoLedger against the limit of its database on this machine, every stage in one run (README, "Benchmark"):
# pgbench baseline, commands and reads over HTTP, projection catch-up and rebuild, import, memory and start time.
# Prints a table and writes bench/results/<date>.json and bench/results/latest.md (with bench/analysis.md appended).
# It measures and prints; it fails only if it cannot run. BENCH_SECONDS (default 10) sets each load phase.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/scratch.sh"
# HTTP load comes from wrk (C, like pgbench for the baseline), so the client takes little of the CPU it measures.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "bench: wrk is missing; install it (sudo apt-get install wrk)" >&2
    exit 1
  fi
fi
scratch_setup isoledger_bench tests/IsoLedger.Bench

export BENCH_API_DLL="$api_dll" BENCH_CONNECTION="$scratch_connection"
export BENCH_RESULTS="$repo/bench/results" BENCH_NOTES="$repo/bench/analysis.md"
dotnet run --project "$repo/tests/IsoLedger.Bench" -c Release --no-build
