#!/usr/bin/env bash
# Runs the whole test suite against the local cluster, after checking that python3, curl, Chromium and npm are there
# (as root it installs those missing; anyone else is told which, before anything runs):
#  0. the committed handler code is what the endpoints generate now (ops/codegen.sh --check), and the code is
#     formatted as .editorconfig says, with no line in src/ past 120 columns (ops/format.sh --check);
#  1. dotnet test: each API test class gets a database of its own, created from $ISOLEDGER_TEST_CONNECTION and dropped
#     afterwards; the run database is never touched;
#  2. the dashboard in headless Chromium (tests/IsoLedger.Browser.Tests) against an API on a fresh database holding the
#     sample province;
#  3. the ops scripts as a newcomer and an operator meet them (tests/ops/*.test.sh: a copy of the checkout in a 0700
#     folder on a custom port, restarts; the local cluster's life: starts at once, stale pid files, taken ports; its
#     folder's name; the published API started as installed; the example env file read by sh; backup and restore),
#     each printing TAP.
# Ends with one line "tests: N passed, N failed, N skipped"; exits non-zero if anything failed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/buildable.sh"
source "$repo/ops/lib/local-db.sh"

# What the suite needs besides the .NET SDK and PostgreSQL (which ops/db.sh installs), checked before anything runs:
# missing, it stopped the suite only after the .NET tests, minutes in. Root installs it; anyone else is told.
missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
command -v chromium >/dev/null || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || {
    echo "test: ${missing[*]} missing; install them (sudo apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

"$repo/ops/db.sh" start
source "$repo/ops/lib/api-tests.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$(mktemp -d)"
api_pid=""
browser_db="isoledger_browser"
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true
  "$repo/ops/db.sh" psql -d postgres -qc "drop database if exists $browser_db with (force)" >/dev/null 2>&1 || true
  rm -rf "$results"
}
trap cleanup EXIT
status=0
checks=0
# Each step that fails is named here and in the summary: a step can fail with every test it ran passing (a fixture
# that failed to clean up, a script that exited early), and the log's end is often all a reader gets.
failed_steps=()
step_failed() { status=1; failed_steps+=("$1"); }
# The browser tests' packages are fetched while the .NET checks and tests run: npm mostly waits on the network.
(cd "$repo/tests/IsoLedger.Browser.Tests" && npm ci --no-audit --no-fund --loglevel=error) >"$results/npm-ci.log" 2>&1 &
npm_pid=$!
"$repo/ops/codegen.sh" --check || { step_failed "ops/codegen.sh --check"; checks=$((checks + 1)); }
"$repo/ops/format.sh" --check || { step_failed "ops/format.sh --check"; checks=$((checks + 1)); }
dotnet test "$repo/IsoLedger.sln" --logger "trx" --results-directory "$results" "$@" \
  || step_failed "dotnet test (exit $?)"

# --- The dashboard in a real browser ---
wait "$npm_pid" || { cat "$results/npm-ci.log" >&2; exit 1; }
cat "$results/npm-ci.log"

"$repo/ops/db.sh" psql -d postgres -qc "drop database if exists $browser_db with (force)"
"$repo/ops/db.sh" psql -d postgres -qc "create database $browser_db"
browser_connection="$(local_db_connection "$browser_db")"
export ASPNETCORE_ENVIRONMENT=Development
# The API that dotnet test built, run from its project folder as `dotnet run --no-build` runs it (its settings and
# dashboard are found there), without the MSBuild evaluation that `dotnet run` makes before each start.
api_project="$repo/src/IsoLedger.Api"
api_dll="$api_project/bin/Debug/net10.0/IsoLedger.Api.dll"
(cd "$api_project" && ConnectionStrings__IsoLedger="$browser_connection" \
  dotnet "$api_dll" import "$repo/ops/sample-data/quang-tri-2020.csv") >"$results/browser-import.log" 2>&1 \
  || { cat "$results/browser-import.log" >&2; exit 1; }
# A port no one holds (ISOLEDGER_BROWSER_TEST_PORT to choose one): on a taken port the suite's own API could not
# start and the browser would test whatever answered there.
browser_port="${ISOLEDGER_BROWSER_TEST_PORT:-$(
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
browser_url="http://127.0.0.1:$browser_port"
(cd "$api_project" && ConnectionStrings__IsoLedger="$browser_connection" Serilog__MinimumLevel__Default=Warning \
  exec dotnet "$api_dll" --urls "$browser_url") >"$results/browser-api.log" 2>&1 &
api_pid=$!
# Asked five times a second (60 s at most): it is ready in a few seconds, and each second waited is the suite's.
for _ in $(seq 1 300); do
  kill -0 "$api_pid" 2>/dev/null || break
  curl -sf -o /dev/null "$browser_url/health/ready" && break
  sleep 0.2
done
if kill -0 "$api_pid" 2>/dev/null; then
  (cd "$repo/tests/IsoLedger.Browser.Tests" && ISOLEDGER_URL="$browser_url" node --test --test-reporter=tap) \
    | tee "$results/browser.tap" || step_failed "the browser tests"
else
  echo "test: the browser tests' API did not start on $browser_url; the end of its log:" >&2
  tail -n 20 "$results/browser-api.log" >&2
  # Counted in the summary as the failure it is.
  printf 'TAP version 13\nnot ok 1 - the browser tests API starts on %s\n1..1\n' "$browser_url" >"$results/browser.tap"
  step_failed "the browser tests' API start"
fi

# --- The ops scripts ---
export ISOLEDGER_PUBLISH_DIR="$results/publish"
"$repo/ops/publish.sh" "$ISOLEDGER_PUBLISH_DIR" >/dev/null
for script in "$repo"/tests/ops/*.test.sh; do
  name="$(basename "$script" .test.sh)"
  echo "ops: $name"
  bash "$script" | tee "$results/ops-$name.tap" || step_failed "tests/ops/$name.test.sh"
done

python3 "$repo/ops/lib/test-summary.py" "$results" "$checks" "${failed_steps[@]}"
exit $status
