# Sourced by ops/chaos.sh and ops/bench.sh: Release builds and a scratch database on the local cluster,
# dropped when the script exits. Sets $api_dll and $scratch_connection.
# Usage: scratch_setup <database-prefix> <project>...
source "$repo/ops/lib/buildable.sh"
source "$repo/ops/lib/local-db.sh"

scratch_setup() {
  local prefix="$1"
  shift
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  "$repo/ops/db.sh" start
  local project
  for project in src/IsoLedger.Api "$@"; do dotnet build "$repo/$project" -c Release --nologo -v quiet; done
  scratch_database="${prefix}_$(date +%s)"
  "$repo/ops/db.sh" psql -d postgres -qc "create database $scratch_database"
  trap scratch_cleanup EXIT
  api_dll="$repo/src/IsoLedger.Api/bin/Release/net10.0/IsoLedger.Api.dll"
  scratch_connection="$(local_db_connection "$scratch_database")"
}

scratch_cleanup() {
  # The cluster may have been stopped on purpose (ops/chaos.sh); bring it back to drop the database.
  "$repo/ops/db.sh" start >/dev/null 2>&1 || true
  "$repo/ops/db.sh" psql -d postgres -qc "drop database if exists $scratch_database with (force)" || true
}
