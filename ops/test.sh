#!/usr/bin/env bash
# Runs the whole test suite against the local cluster. Each API test class gets a database of its own,
# created from $ISOLEDGER_TEST_CONNECTION and dropped afterwards; the run database is never touched.
# Ends with one line "tests: N passed, N failed, N skipped"; exits non-zero if anything failed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

"$repo/ops/db.sh" start
export ISOLEDGER_TEST_CONNECTION="${ISOLEDGER_TEST_CONNECTION:-Host=127.0.0.1;Port=${ISOLEDGER_PG_PORT:-5433};Database=isoledger_test;Username=isoledger}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
dotnet test "$repo/IsoLedger.sln" --logger "trx" --results-directory "$results" "$@" || status=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
