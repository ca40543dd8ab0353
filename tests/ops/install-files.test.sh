#!/usr/bin/env bash
# The files of ops/install/ as an operator uses them: the example environment file read by sh, as the README's
# commands read it (db-apply, the backup by cron), gives each setting as systemd reads it for the service.
# Prints TAP; exits non-zero if a check fails.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/tests/ops/checks.sh"
example="$repo/ops/install/isoledger.env.example"

# Each NAME=value line as systemd's EnvironmentFile takes it (the value whole, its enclosing quotes removed), beside
# what `set -a; . file` in sh exports under that name; prints the lines that differ.
settings_sh_reads_otherwise() {
  local line name value read
  while IFS= read -r line; do
    [[ "$line" =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    name="${BASH_REMATCH[1]}"
    value="${BASH_REMATCH[2]}"
    [[ "$value" =~ ^\'(.*)\'$ || "$value" =~ ^\"(.*)\"$ ]] && value="${BASH_REMATCH[1]}"
    read="$(env -i sh -c 'set -a; . "$1" >/dev/null 2>&1; printenv "$2"' sh "$example" "$name")"
    [ "$read" = "$value" ] || echo "#   $name: systemd reads '$value', sh '$read'"
  done <"$example"
}

echo "TAP version 13"
check "the example environment file, read by sh as the README's commands read it, gives each setting whole" \
  '[ -z "$(settings_sh_reads_otherwise | tee /dev/stderr)" ]'
checks_done
