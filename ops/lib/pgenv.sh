# Sourced by ops/backup.sh, ops/restore.sh and tests/ops: libpq's PG* variables from an Npgsql connection string
# (the form the API's ConnectionStrings__IsoLedger takes), so that pg_dump, pg_restore and psql reach the same
# database. Values containing ';' or quotes are not supported.
# Usage: pg_env_from_connection "Host=...;Port=...;Database=...;Username=...;Password=..."
pg_env_from_connection() {
  local part key value
  local -a parts
  IFS=';' read -ra parts <<< "$1"
  for part in "${parts[@]}"; do
    [[ "$part" == *=* ]] || continue
    key="$(printf %s "${part%%=*}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')"
    value="${part#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
      # Npgsql spells VerifyFull where libpq spells verify-full.
      sslmode) export PGSSLMODE="$(printf %s "$value" | tr '[:upper:]' '[:lower:]' | sed 's/^verify/verify-/')" ;;
    esac
  done
}

# The database backup.sh and restore.sh work on: $ConnectionStrings__IsoLedger when set (as in the service's
# environment file), otherwise the PG* variables as they are.
pg_env_for_isoledger() {
  [ -z "${ConnectionStrings__IsoLedger:-}" ] || pg_env_from_connection "$ConnectionStrings__IsoLedger"
  if [ -z "${PGDATABASE:-}" ]; then
    echo "No database named: set ConnectionStrings__IsoLedger or PGDATABASE (and PGHOST, PGPORT, PGUSER)." >&2
    exit 2
  fi
}
