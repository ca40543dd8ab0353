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

# No MSBuild nodes, MSBuild server or compiler server (VBCSCompiler) outlive a script: left waiting for the next build,
# they ran on for a quarter of an hour after ops/test.sh or ops/codegen.sh had ended (what `dotnet build
# --disable-build-servers` does, for every dotnet command these scripts run).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
