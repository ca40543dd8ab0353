#!/usr/bin/env bash
# The end of ops/test.sh's log, as ops/lib/test-summary.py writes it from a run's results: the failed tests by name
# with their messages (a CI log had counted "1 failed" and named none), then the counts.
# Prints TAP; exits non-zero if a check fails.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/tests/ops/checks.sh"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

cat >"$results/api.trx" <<'TRX'
<?xml version="1.0" encoding="utf-8"?>
<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <Results>
    <UnitTestResult testName="IsoLedger.Api.Tests.Units.A_status_is_read" outcome="Passed" />
    <UnitTestResult testName="IsoLedger.Api.Tests.Units.A_day_is_told" outcome="Failed">
      <Output><ErrorInfo><Message>Assert.Equal() Failure
Expected: 2024-02-29
Actual:   2024-03-01</Message></ErrorInfo></Output>
    </UnitTestResult>
  </Results>
  <ResultSummary outcome="Failed"><Counters total="2" passed="1" failed="1" /></ResultSummary>
</TestRun>
TRX
printf 'TAP version 13\nok 1 - a page loads\n1..1\n# pass 1\n# fail 0\n# skipped 0\n' >"$results/browser.tap"
summary="$(python3 "$repo/ops/lib/test-summary.py" "$results" 0 "dotnet test (exit 1)")"

echo "TAP version 13"
check "a failed test is named, with its message's first lines" \
  'grep -qx "test: failed: IsoLedger.Api.Tests.Units.A_day_is_told" <<<"$summary" &&
   grep -qx "  Actual:   2024-03-01" <<<"$summary"'
check "a passed test is not named" '! grep -q "A_status_is_read" <<<"$summary"'
check "the last line counts the .NET tests and the TAP suites together" \
  '[ "$(tail -n 1 <<<"$summary")" = "tests: 2 passed, 1 failed, 0 skipped" ]'
checks_done
