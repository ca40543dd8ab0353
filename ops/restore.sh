#!/usr/bin/env bash
# Restores a dump made by ops/backup.sh into the database named like backup.sh's ($ConnectionStrings__IsoLedger or
# PG*). Creates that database when it does not exist; refuses one that holds any table, so a restore never mixes
# with live data. Objects end up owned by the connecting user (the service's), whoever owned them before. Stop
# the API first; start it when this has finished.
# Usage: ops/restore.sh <file.dump>
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/pgenv.sh"
usage="usage: ops/restore.sh <file.dump>"
case "${1:-}" in
  -h | --help) echo "$usage"; exit 0 ;;
  "") echo "$usage" >&2; exit 2 ;;
esac
[ $# = 1 ] || { echo "restore: one dump at a time; $usage" >&2; exit 2; }
dump="$1"
[ -f "$dump" ] || { echo "No such file: $dump" >&2; exit 2; }
# pg_restore would take a name that starts with '-' for an option.
case "$dump" in -*) dump="./$dump" ;; esac
pg_env_for_isoledger
database="$PGDATABASE"
# The server's maintenance database, to create the target from.
maintenance="${ISOLEDGER_MAINTENANCE_DB:-postgres}"
exists="$(psql -d "$maintenance" -v ON_ERROR_STOP=1 -v db="$database" -tA \
  <<< "select 1 from pg_database where datname = :'db'")"
if [ -z "$exists" ]; then
  psql -d "$maintenance" -v ON_ERROR_STOP=1 -v db="$database" -q <<< 'create database :"db"'
else
  tables="$(psql -d "$database" -v ON_ERROR_STOP=1 -tA -c "select count(*) from pg_class c join pg_namespace n
    on n.oid = c.relnamespace where c.relkind in ('r', 'p')
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'")"
  if [ "$tables" != 0 ]; then
    echo "Database $database already holds $tables table(s): restore into an empty or new database." >&2
    exit 1
  fi
fi
pg_restore --dbname="$database" --no-owner --no-privileges --exit-on-error --single-transaction "$dump"
echo "restored $dump into $database"
