#!/usr/bin/env bash
# Formats the C# code as .editorconfig says (dotnet format: whitespace, style and analyzers such as unused usings).
# --check: changes nothing and fails if anything is not formatted, or if a line of the C# in src/ and tests/, the
# dashboard's JavaScript, HTML and CSS (src/), the browser tests (tests/*.mjs), the shell scripts (ops/, tests/) or
# the test project files passes 120 columns (generated code aside); ops/test.sh runs this, so CI keeps the format.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/buildable.sh"
source "$repo/ops/lib/repo-git.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "${1:-}" != "--check" ]; then
  dotnet format "$repo/IsoLedger.sln"
  exit 0
fi

require_git_checkout
status=0
# The whitespace and the code style of .editorconfig; not `dotnet format analyzers` (the .NET and xunit analyzers):
# every build reports those as errors (Directory.Build.props), the one ops/test.sh tests with among them, and on
# this solution they were a quarter of the whole check's time.
formatted=true
dotnet format style "$repo/IsoLedger.sln" --verify-no-changes || formatted=false
dotnet format whitespace "$repo/IsoLedger.sln" --verify-no-changes --no-restore || formatted=false
$formatted || {
  echo "format: run ops/format.sh to format the code as .editorconfig says" >&2
  status=1
}
# Counted in characters (awk would count the bytes of Vietnamese letters).
long_lines="$(cd "$repo" \
  && repo_git ls-files 'src/*.cs' 'tests/*.cs' 'tests/*.mjs' 'tests/*.sh' 'ops/*.sh' 'tests/*.csproj' \
    'src/*.js' 'src/*.html' 'src/*.css' \
  | grep -v '/Internal/Generated/' | python3 -c '
import sys
for path in sys.stdin.read().split():
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if len(line.rstrip("\n")) > 120: print(f"{path}:{number}: {len(line.rstrip(chr(10)))} columns")
')"
if [ -n "$long_lines" ]; then
  printf '%s\n' "$long_lines" >&2
  echo "format: $(printf '%s\n' "$long_lines" | wc -l) lines pass 120 columns (src/, tests/, ops/)" >&2
  status=1
fi
exit $status
