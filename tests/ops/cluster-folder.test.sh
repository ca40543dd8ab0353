#!/usr/bin/env bash
# The name of a checkout's cluster folder (README "The local database"), on copies of the ops scripts in checkouts
# named in Vietnamese and in other scripts: readable in ASCII, apart for two checkouts of one name, and a cluster
# made under the name earlier scripts gave (each byte of a non-ASCII letter a '_') still found there, data and all.
# Prints TAP; exits non-zero if a check fails.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/tests/ops/checks.sh"

base="$(cd "$(mktemp -d)" && pwd -P)"
chmod 0755 "$base"
export XDG_DATA_HOME="$base/data"
if [ "$(id -u)" = 0 ]; then clusters=/var/lib/isoledger/clusters; else clusters="$XDG_DATA_HOME/isoledger/clusters"; fi
unset ISOLEDGER_PG_DATA
export ISOLEDGER_PG_PORT="$(free_port)"
checkouts=()
cleanup() {
  local checkout
  for checkout in "${checkouts[@]}"; do "$checkout/ops/db.sh" destroy >/dev/null 2>&1; done
  rm -rf "$earlier" "$base"
}
trap cleanup EXIT

# A checkout (its ops/ scripts, all the cluster's scripts need) at the path $1.
checkout() {
  mkdir -p "$1" && cp -r "$repo/ops" "$1/"
  checkouts+=("$1")
}
# The folder ops/db.sh status names for the checkout $1.
folder_of() { "$1/ops/db.sh" status 2>/dev/null | sed -n 's|^stopped (\(.*\)/pg)$|\1|p'; }
hash_of() { printf %s "$1" | sha256sum | cut -c1-12; }

vietnamese="$base/one/Dự án Iso Ledger"
checkout "$vietnamese"
namesake="$base/two/Dự án Iso Ledger"
checkout "$namesake"
capitals="$base/ĐỒNG THÁP 2020 – bản mới"
checkout "$capitals"
checkout "$base/东方 ledger"
checkout "$base/中文"

echo "TAP version 13"
check "a checkout named in Vietnamese: its cluster's folder is that name in ASCII letters, then its path's hash" \
  '[ "$(folder_of "$vietnamese")" = "$clusters/Du-an-Iso-Ledger-$(hash_of "$vietnamese")" ]'
check "… and another checkout of that name has another folder" \
  '[ "$(folder_of "$namesake")" = "$clusters/Du-an-Iso-Ledger-$(hash_of "$namesake")" ]'
check "capitals, đ, digits and a dash of another script: ASCII letters and digits, one '-' between them" \
  '[ "$(basename "$(folder_of "$capitals")")" = "DONG-THAP-2020-ban-moi-$(hash_of "$capitals")" ]'
check "letters with no ASCII form are left out; a name left with none is 'checkout'" \
  '[ "$(basename "$(folder_of "$base/东方 ledger")")" = "ledger-$(hash_of "$base/东方 ledger")" ] &&
    [ "$(basename "$(folder_of "$base/中文")")" = "checkout-$(hash_of "$base/中文")" ]'

# What earlier scripts made for this checkout: the same cluster, in the folder named as they named it.
earlier="$clusters/D______n_Iso_Ledger-$(hash_of "$vietnamese")"
ISOLEDGER_PG_DATA="$earlier" "$vietnamese/ops/db.sh" start >/dev/null 2>&1
ISOLEDGER_PG_DATA="$earlier" "$vietnamese/ops/db.sh" psql -qc "create table kept (note text);
  insert into kept values ('made before the upgrade')" >/dev/null
ISOLEDGER_PG_DATA="$earlier" "$vietnamese/ops/db.sh" stop >/dev/null 2>&1
check "a cluster earlier scripts made under the earlier name: start finds it there, with its data" \
  '[ "$(folder_of "$vietnamese")" = "$earlier" ] && "$vietnamese/ops/db.sh" start >/dev/null 2>&1 &&
    [ "$("$vietnamese/ops/db.sh" psql -tAc "select note from kept")" = "made before the upgrade" ] &&
    [ ! -e "$clusters/Du-an-Iso-Ledger-$(hash_of "$vietnamese")" ]'
"$vietnamese/ops/db.sh" stop >/dev/null 2>&1
checks_done
