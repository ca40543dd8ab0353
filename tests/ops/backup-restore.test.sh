#!/usr/bin/env bash
# A backup brings everything back: the sample province is imported into a scratch database and the API runs until
# its async projection has caught up; then ops/backup.sh dumps it, the database is dropped, ops/restore.sh restores
# it, and every table (events in sequence order, streams, every mt_doc_* read model, the projections' progress,
# Wolverine's tables) and every sequence is compared with before. Restoring over the restored data is refused, and
# the API starts on the restored database and reads a unit. Old dumps are deleted by date and database, a failed
# dump leaves no file, a folder it may not write to is said in one line, and both scripts print their usage on
# --help and refuse more arguments than they take.
# Prints TAP; non-zero on failure. See tests/ops/common.sh.
check=backup-restore
source "$(dirname "$0")/common.sh"

# Every table's row count and the md5 of its rows, the events' in sequence order, and every sequence's position.
fingerprint() {
  local table
  psql -d "$database" -v ON_ERROR_STOP=1 -tA -F ' ' \
    -c "select 'events', count(*), md5(coalesce(string_agg(e::text, E'\n' order by seq_id), '')) from mt_events e"
  local tables
  tables="$(psql -d "$database" -tA -c "select tablename from pg_tables where schemaname = 'public' order by 1")"
  for table in $tables; do
    psql -d "$database" -v ON_ERROR_STOP=1 -tA -F ' ' \
      -c "select '$table', count(*), md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) from $table t"
  done
  psql -d "$database" -v ON_ERROR_STOP=1 -tA -F ' ' \
    -c "select 'sequence ' || sequencename, last_value from pg_sequences where schemaname = 'public' order by 1"
}

count() { psql -d "$database" -tA -c "select count(*) from $1"; }

publish_api
create_key admin
scratch_database wtprod_backup
api import "$repo/ops/sample-data/quang-tri-2020.csv" >"$work/import.log" 2>&1 \
  || { cat "$work/import.log" >&2; fail "the import failed"; }
# An import into an empty store records the fold its states were stored by, so the API's start has none to redo.
[ -n "$(psql -d "$database" -tAc "select data->>'version' from mt_doc_unitstatefold")" ] \
  || fail "the import command did not record the fold of the states it stored"
start_api
for _ in $(seq 1 120); do
  [ "$(count mt_doc_dashboardunit)" = "$(count mt_streams)" ] && break
  sleep 0.5
done
[ "$(count mt_doc_dashboardunit)" = "$(count mt_streams)" ] || fail "the dashboard projection did not catch up"
# Stopped, so that nothing (heartbeats, the daemon) changes the database between the fingerprint and the dump.
stop_api
fingerprint >"$work/before"
[ "$(count mt_events)" -gt 0 ] && [ "$(count mt_doc_unit)" -gt 0 ] || fail "the import stored nothing"

dump="$("$repo/ops/backup.sh" "$work/backups")"
psql -d postgres -v ON_ERROR_STOP=1 -qc "drop database \"$database\" with (force)"
"$repo/ops/restore.sh" "$dump" >/dev/null
fingerprint >"$work/after"
diff "$work/before" "$work/after" >&2 || fail "the restored database differs from the one dumped"
if "$repo/ops/restore.sh" "$dump" >/dev/null 2>&1; then fail "restore.sh restored over existing data"; fi

# Keeping N days deletes this database's dumps older than N days, to the hour, and nothing else: not another
# database's, nor those of one whose name goes on after this one's.
old="$work/backups/isoledger-$database-20000101T000000Z.dump"
recent="$work/backups/isoledger-$database-20000102T000000Z.dump"
other="$work/backups/isoledger-otherdb-20000101T000000Z.dump"
longer="$work/backups/isoledger-$database-staging-20000101T000000Z.dump"
touch -d '60 hours ago' "$old" "$other" "$longer"
touch -d '36 hours ago' "$recent"
if ISOLEDGER_BACKUP_KEEP_DAYS=two "$repo/ops/backup.sh" "$work/backups" >/dev/null 2>&1; then
  fail "backup.sh took a number of days that is no number"
fi
[ -e "$old" ] || fail "a refused number of days deleted dumps"
ISOLEDGER_BACKUP_KEEP_DAYS=2 "$repo/ops/backup.sh" "$work/backups" >/dev/null
[ ! -e "$old" ] || fail "a dump 60 hours old was kept with ISOLEDGER_BACKUP_KEEP_DAYS=2"
[ -e "$recent" ] || fail "a dump 36 hours old was deleted with ISOLEDGER_BACKUP_KEEP_DAYS=2"
[ -e "$other" ] || fail "another database's dump was deleted"
[ -e "$longer" ] || fail "the dump of a database whose name goes on after this one's was deleted"

# A dump that fails (here: of a database that does not exist) leaves nothing behind.
if ConnectionStrings__IsoLedger="$server;Database=no_such_database" "$repo/ops/backup.sh" "$work/failed" \
  >/dev/null 2>&1; then
  fail "backup.sh dumped a database that does not exist"
fi
[ -z "$(ls -A "$work/failed")" ] || fail "a failed dump left $(ls "$work/failed")"

# A folder it may not write to (here: one under a file, which no user may make) is said in one line, with the way out.
touch "$work/a-file"
if "$repo/ops/backup.sh" "$work/a-file/backups" >/dev/null 2>"$work/unwritable.log"; then
  fail "backup.sh wrote into a folder under a file"
fi
grep -q "^backup: $(id -un) cannot write to $work/a-file/backups: name a folder" "$work/unwritable.log" &&
  [ "$(grep -c "" "$work/unwritable.log")" = 1 ] || fail "backup.sh did not say in one line that it cannot write there"

# Asked for help, the scripts print how to use them; given more than they take, they refuse.
"$repo/ops/backup.sh" --help | grep -q "^usage: ops/backup.sh" || fail "backup.sh --help printed no usage"
"$repo/ops/restore.sh" --help | grep -q "^usage: ops/restore.sh" || fail "restore.sh --help printed no usage"
if "$repo/ops/backup.sh" "$work/backups" "$work/more" >/dev/null 2>&1; then fail "backup.sh took two folders"; fi
if "$repo/ops/restore.sh" "$dump" "$dump" >/dev/null 2>&1; then fail "restore.sh took two dumps"; fi

start_api
unit="$(psql -d "$database" -tA -c "select id from mt_streams order by id limit 1")"
[ "$(status_of "/api/units/$unit")" = 200 ] || fail "the API could not read unit $unit from the restored database"
awk '{ print "  " $0 }' "$work/after" | grep -E '^  (events|mt_doc_[a-z]+|mt_streams) '
passed
