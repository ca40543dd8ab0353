# Sourced by the scripts that build with the .NET SDK, after setting $repo.
# In a checkout whose path holds a character MSBuild or NuGet reads as syntax (';' separates lists, '%' escapes, '*'
# matches, and dotnet's command line drops '"'), the build would fail later with an error that names none of them.
# Stops at once, saying why.
case "$repo" in
  *[\;%*\"]*)
    echo "$(basename "$0" .sh): the .NET SDK cannot build in $repo: its path holds one of ; % * \"," \
      "which MSBuild and NuGet read as syntax. Move the checkout (or clone it) to a folder without them." >&2
    exit 1
    ;;
esac

# Said at once, before a cluster is made: without an SDK the build stopped on "dotnet: command not found", or, with
# the runtime alone or an older SDK, on errors naming neither. A newer SDK builds net10.0 too.
dotnet_sdks="$(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | paste -sd' ')" || true
if ! grep -qE '(^| )(1[0-9]|[2-9][0-9])\.' <<<"$dotnet_sdks"; then
  dotnet_found="no dotnet on PATH"
  ! command -v dotnet >/dev/null || dotnet_found="its SDKs: ${dotnet_sdks:-none}"
  echo "$(basename "$0" .sh): the .NET 10 SDK is missing ($dotnet_found): install it" \
    "(learn.microsoft.com/dotnet/core/install/linux), put dotnet on PATH, and run this again" >&2
  exit 1
fi

# The build writes its output (bin/, obj/) into the checkout: in a read-only one (mounted so, or another user's) it
# stopped on an access error deep in MSBuild's output.
if ! [ -w "$repo" ]; then
  echo "$(basename "$0" .sh): $repo is read-only for $(id -un), and the build writes into it (bin/, obj/):" \
    "clone it into a folder you may write to (git clone '$repo' ~/IsoLedger) and run it there" >&2
  exit 1
fi

# No MSBuild nodes, MSBuild server or compiler server (VBCSCompiler) outlive a script: left waiting for the next build,
# they ran on for a quarter of an hour after ops/test.sh or ops/codegen.sh had ended (what `dotnet build
# --disable-build-servers` does, for every dotnet command these scripts run).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
