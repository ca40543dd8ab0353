#!/usr/bin/env bash
# Publishes the API for a production install: Release, framework-dependent (the server needs the ASP.NET Core 10
# runtime), into one folder to copy to the server (README, "Running it for a province").
# Usage: ops/publish.sh [folder]   (default: artifacts/publish, git-ignored)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/buildable.sh"
usage="usage: ops/publish.sh [folder]   (default: artifacts/publish)"
case "${1:-}" in
  -h | --help) echo "$usage"; exit 0 ;;
  # dotnet publish would take it for an option of its own.
  -*) echo "publish: unknown option '$1' (a folder named so: ./$1); $usage" >&2; exit 2 ;;
esac
[ $# -le 1 ] || { echo "publish: one folder at most; $usage" >&2; exit 2; }
out="${1:-$repo/artifacts/publish}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$repo/src/IsoLedger.Api" -c Release -o "$out" --nologo -v quiet
echo "published: $out/IsoLedger.Api.dll"
