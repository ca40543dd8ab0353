#!/usr/bin/env bash
# Writes Wolverine's handler code for every endpoint into src/IsoLedger.Api/Internal/Generated, so the API loads it
# instead of compiling it with Roslyn at run time (less memory, faster first requests). Run it after adding or changing
# an endpoint, and commit the result.
# --check: also fails if the committed code differs from what the endpoints generate now (ops/test.sh runs this).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/buildable.sh"
source "$repo/ops/lib/repo-git.sh"
api="$repo/src/IsoLedger.Api"
generated="$api/Internal/Generated"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ "${1:-}" != "--check" ] || require_git_checkout

# Built with the code generated before, that build is the one ops/test.sh then tests (the API is not compiled twice);
# `codegen write` generates every handler from the endpoints anew whatever the assembly holds. Stale code may no
# longer compile against the endpoints it was generated from: then the API is built without it.
dotnet build "$api" --nologo -v quiet >/dev/null 2>&1 || {
  rm -rf "$generated"
  dotnet build "$api" --nologo -v quiet >/dev/null
}
log="$(mktemp)"
earlier="$(mktemp -d)"
trap 'rm -rf "$log" "$earlier"' EXIT
# Written into an empty folder, so a handler no endpoint generates any more is gone.
[ ! -d "$generated" ] || mv "$generated" "$earlier/"
# Generating code builds the host without starting it: no database is contacted.
# What it says is shown only when it fails (JasperFx names every assembly it searches for commands).
(cd "$api" && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__IsoLedger="Host=127.0.0.1;Database=codegen" \
  dotnet bin/Debug/net10.0/IsoLedger.Api.dll codegen write >"$log" 2>&1) || { cat "$log" >&2; exit 1; }
# A file written again with the same text keeps its time: the next build then finds the API up to date.
(cd "$generated" && find . -name '*.cs' -print0 | while IFS= read -r -d '' file; do
  ! cmp -s "$file" "$earlier/Generated/$file" || touch -r "$earlier/Generated/$file" "$file"
done)
echo "codegen: $(find "$generated" -name '*.cs' | wc -l) files in ${generated#"$repo"/}"

# Against the index, so that code regenerated and staged counts as committed.
if [ "${1:-}" = "--check" ] && ! {
  repo_git diff --quiet -- "$generated" && [ -z "$(repo_git ls-files --others -- "$generated")" ]
}; then
  { repo_git diff --name-only -- "$generated"; repo_git ls-files --others -- "$generated"; } >&2
  echo "codegen: the committed generated code is stale; ops/codegen.sh has rewritten it: commit the changes" >&2
  exit 1
fi
