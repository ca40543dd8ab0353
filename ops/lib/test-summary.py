# The end of ops/test.sh's log: the failed tests by name, then one line counting the .NET tests (trx files) and the
# TAP suites (the dashboard's, the ops scripts') in a results folder.
# Usage: test-summary.py <results folder> <failed checks> [<failed step> ...]
import glob, re, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/*.trx"):
    summary = ET.parse(path).getroot().find("t:ResultSummary", ns)
    counters = summary.find("t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
    # Named at the log's end, which is often all a reader of a CI run gets: the trx files go with the run.
    for result in ET.parse(path).getroot().findall("t:Results/t:UnitTestResult", ns):
        if result.get("outcome") not in ("Failed", "Error", "Timeout"): continue
        message = (result.findtext("t:Output/t:ErrorInfo/t:Message", "", ns) or "").strip().splitlines()[:5]
        print(f"test: failed: {result.get('testName')}" + "".join(f"\n  {line}" for line in message))
    # Errors outside any test (a fixture's cleanup, a test host that crashed) fail the run but no test.
    for info in summary.findall("t:RunInfos/t:RunInfo[@outcome='Error']", ns):
        # xUnit also logs each failed test as such an error ("… [FAIL]"): counted above already.
        if (info.findtext("t:Text", "", ns) or "").rstrip().endswith("[FAIL]"): continue
        failed += 1
        text = "\n  ".join((info.findtext("t:Text", "", ns) or "").strip().splitlines()[:15])
        print(f"test: an error outside the tests ({path.rsplit('/', 1)[-1]}):\n  {text}")
for path in glob.glob(f"{sys.argv[1]}/*.tap"):
    tap = open(path).read()
    count = lambda name: int(m.group(1)) if (m := re.search(rf"^# {name} (\d+)$", tap, re.M)) else 0
    passed += count("pass"); failed += count("fail") + count("cancelled"); skipped += count("skipped")
    if count("pass") == 0: failed += 1  # the suite did not run
failed += int(sys.argv[2])  # the generated code and format checks
steps = sys.argv[3:]
if steps:
    print("test: failed steps: " + "; ".join(steps))
    failed = max(failed, len(steps))  # a step that failed with all its tests passing is still a failure
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
