#!/usr/bin/env bash
# Publishes the API for a production install: Release, framework-dependent (the server needs the ASP.NET Core 10
# runtime), into one folder to copy to the server (README, "Running it for a province").
# Usage: ops/publish.sh [folder]   (default: artifacts/publish, git-ignored)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/buildable.sh"
source "$repo/ops/lib/folder-argument.sh"
folder_argument "usage: ops/publish.sh [folder]   (default: artifacts/publish)" "$@"
out="${1:-$repo/artifacts/publish}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$repo/src/IsoLedger.Api" -c Release -o "$out" --nologo -v quiet
echo "published: $out/IsoLedger.Api.dll"
