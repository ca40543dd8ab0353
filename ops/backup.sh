#!/usr/bin/env bash
# Dumps the IsoLedger database (pg_dump custom format: compressed, restorable table by table) into a dated file.
# The database: $ConnectionStrings__IsoLedger when set (source the service's environment file, or use the systemd
# timer in ops/install), otherwise the PG* variables. ISOLEDGER_BACKUP_KEEP_DAYS=N then deletes this database's
# dumps in the folder older than N days. pg_dump must be of the server's major version or newer.
# Usage: ops/backup.sh [folder]   (default: /var/backups/isoledger); prints the dump's path.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/ops/lib/pgenv.sh"
source "$repo/ops/lib/folder-argument.sh"
folder_argument "usage: ops/backup.sh [folder]   (default: /var/backups/isoledger)" "$@"
pg_env_for_isoledger
folder="${1:-/var/backups/isoledger}"
keep_days="${ISOLEDGER_BACKUP_KEEP_DAYS:-}"
if [ -n "$keep_days" ] && ! [[ "$keep_days" =~ ^[0-9]+$ ]]; then
  echo "backup: ISOLEDGER_BACKUP_KEEP_DAYS must be a whole number of days, not '$keep_days'" >&2
  exit 2
fi
# Said in one line with the way out: as another user than the service's, the default folder is not writable, and
# mkdir's or pg_dump's own words named neither.
if ! mkdir -p "$folder" 2>/dev/null || ! [ -w "$folder" ]; then
  echo "backup: $(id -un) cannot write to $folder: name a folder it may write to (ops/backup.sh ~/backups)," \
    "or run it as the user the folder belongs to (sudo -u isoledger)" >&2
  exit 1
fi
file="$folder/isoledger-$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under another name first, so that a dump cut short never looks like a complete one; and deleted then (a
# full disk, a lost connection), so that failing nights do not pile them up.
trap 'rm -f "$file.partial"' EXIT
pg_dump --format=custom --file="$file.partial" "$PGDATABASE"
mv "$file.partial" "$file"
if [ -n "$keep_days" ]; then
  # In minutes: find's -mtime +N counts whole days and so keeps dumps up to N+1 days old. The date's digits in the
  # name, so that the dumps of a database whose name goes on after this one's ("<name>-staging") are not taken.
  digits='[0-9][0-9][0-9][0-9][0-9][0-9]'
  find "$folder" -maxdepth 1 -name "isoledger-$PGDATABASE-${digits}[0-9][0-9]T${digits}Z.dump" \
    -mmin "+$((10#$keep_days * 1440))" -delete
fi
echo "$file"
