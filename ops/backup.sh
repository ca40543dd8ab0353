#!/usr/bin/env bash
# Dumps the IsoLedger database (pg_dump custom format: compressed, restorable table by table) into a dated file.
# The database: $ConnectionStrings__IsoLedger when set (source the service's environment file, or use the systemd
# timer in ops/install), otherwise the PG* variables. ISOLEDGER_BACKUP_KEEP_DAYS=N then deletes this database's
# dumps in the folder older than N days. pg_dump must be of the server's major version or newer.
# Usage: ops/backup.sh [folder]   (default: /var/backups/isoledger); prints the dump's path.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/pgenv.sh"
pg_env_for_isoledger
folder="${1:-/var/backups/isoledger}"
mkdir -p "$folder"
file="$folder/isoledger-$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under another name first, so that a dump cut short never looks like a complete one.
pg_dump --format=custom --file="$file.partial" "$PGDATABASE"
mv "$file.partial" "$file"
if [ -n "${ISOLEDGER_BACKUP_KEEP_DAYS:-}" ]; then
  find "$folder" -maxdepth 1 -name "isoledger-$PGDATABASE-*.dump" -mtime "+$ISOLEDGER_BACKUP_KEEP_DAYS" -delete
fi
echo "$file"
