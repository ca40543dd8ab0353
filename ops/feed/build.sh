#!/usr/bin/env bash
# Rebuilds the project-local feed's metapackage from its nuspec (see README, "The local package feed").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rm -f "$here"/Patched.DistributedLock.Core.*.nupkg
dotnet pack "$here/src/Patched.DistributedLock.Core.csproj" --nologo -v quiet
ls "$here"/*.nupkg
