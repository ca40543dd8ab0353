#!/usr/bin/env bash
# Checkouts the scripts meet without building anything: one owned by another user, as root (a container given the
# host's clone, sudo); one that is no git checkout (a downloaded archive); one whose path the .NET SDK cannot
# build in; a machine without the .NET 10 SDK; a read-only checkout; and ops/test.sh on a machine without Chromium.
# Each is either handled or refused at once, saying why. Prints TAP; exits non-zero if a check fails.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/tests/ops/checks.sh"
work="$(mktemp -d)"
chmod 0755 "$work"
cleanup() {
  [ "$(id -u)" != 0 ] || umount "$work/read-only" 2>/dev/null
  chmod -R u+w "$work"
  [ ! -d "$work/cluster" ] || ISOLEDGER_PG_DATA="$work/cluster" "$repo/ops/db.sh" destroy >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# The git helper of ops/codegen.sh and ops/format.sh, on the checkout $1.
git_files() { (repo="$1" && source "$repo_lib/repo-git.sh" && require_git_checkout && repo_git ls-files); }
repo_lib="$repo/ops/lib"

echo "TAP version 13"
foreign="$work/foreign"
git init -q "$foreign" && touch "$foreign/README.md" && git -C "$foreign" add README.md
if [ "$(id -u)" = 0 ]; then
  chown -R nobody "$foreign"
  check "as root, the checks read git in a checkout another user owns" \
    '[ "$(git_files "$foreign" 2>"$work/foreign.log")" = README.md ] || { sed "s/^/#   /" "$work/foreign.log"; false; }'
else
  skip "as root, the checks read git in a checkout another user owns" "not root"
fi

mkdir "$work/archive"
check "outside a git checkout, a check says so instead of reporting differences" \
  '! git_files "$work/archive" 2>"$work/archive.log" >/dev/null && grep -q "is not a git checkout" "$work/archive.log"'

# A path holding ';': NuGet would fail on it much later, with "SettingsLoadingContext requires a rooted path".
unbuildable="$work/isoledger;old"
mkdir -p "$unbuildable" && cp -r "$repo/ops" "$unbuildable/"
check "ops/run.sh refuses a checkout whose path the .NET SDK cannot build in, saying why, before making a cluster" \
  '! ISOLEDGER_PG_DATA="$work/cluster" ISOLEDGER_PG_PORT="$(free_port)" ISOLEDGER_URLS="http://127.0.0.1:$(free_port)" \
    timeout 300 "$unbuildable/ops/run.sh" >"$work/run.log" 2>&1 &&
    grep -q "the .NET SDK cannot build in" "$work/run.log" && [ ! -e "$work/cluster" ]'
# A PATH holding everything this one does but the program $1, as on a machine without it; prints it.
path_without() {
  local folder program name without="$work/path-without-$1"
  local -a folders
  mkdir -p "$without"
  IFS=: read -ra folders <<<"$PATH"
  for folder in "${folders[@]}"; do
    for program in "$folder"/*; do
      name="$(basename "$program")"
      [ ! -e "$program" ] || [ "$name" = "$1" ] || [ -e "$without/$name" ] || ln -s "$program" "$without/$name"
    done
  done
  echo "$without"
}
# ops/run.sh in the checkout $1 on a cluster in $work/cluster, its output in $work/$2.log, failing at once.
run_fails_at_once() {
  ! ISOLEDGER_PG_DATA="$work/cluster" ISOLEDGER_PG_PORT="$(free_port)" ISOLEDGER_URLS="http://127.0.0.1:$(free_port)" \
    timeout 60 "$1/ops/run.sh" >"$work/$2.log" 2>&1
}
check "without dotnet, ops/run.sh stops at once saying to install the .NET 10 SDK, before making a cluster" \
  'PATH="$(path_without dotnet)" run_fails_at_once "$repo" no-dotnet &&
    grep -q "^run: the .NET 10 SDK is missing (no dotnet on PATH): install it" "$work/no-dotnet.log" &&
    [ ! -e "$work/cluster" ] || { tail -n 5 "$work/no-dotnet.log" | sed "s/^/#   /"; false; }'
# A dotnet with an older SDK alone (or the runtime alone: none), as --list-sdks lists them.
mkdir -p "$work/old-dotnet"
printf '#!/bin/sh\necho "8.0.404 [/usr/share/dotnet/sdk]"\n' >"$work/old-dotnet/dotnet"
chmod +x "$work/old-dotnet/dotnet"
check "… and with an older SDK alone, names the SDKs it found" \
  'PATH="$work/old-dotnet:$PATH" run_fails_at_once "$repo" old-dotnet &&
    grep -q "^run: the .NET 10 SDK is missing (its SDKs: 8.0.404)" "$work/old-dotnet.log" && [ ! -e "$work/cluster" ]'
# A checkout the build may not write into: mounted read-only (as root), or without write permission (anyone else).
readonly_checkout="$work/read-only"
mkdir -p "$readonly_checkout" && cp -r "$repo/ops" "$readonly_checkout/"
if [ "$(id -u)" != 0 ]; then
  chmod -R a-w "$readonly_checkout"
elif ! { mount --bind "$readonly_checkout" "$readonly_checkout" && mount -o remount,bind,ro "$readonly_checkout"; } \
  2>/dev/null; then
  umount "$readonly_checkout" 2>/dev/null
  readonly_checkout=""
fi
if [ -n "$readonly_checkout" ]; then
  check "a read-only checkout: ops/run.sh stops at once saying to clone it where one may write, before a cluster" \
    'run_fails_at_once "$readonly_checkout" read-only &&
      grep -q "^run: $readonly_checkout is read-only for $(id -un), and the build writes into it" \
        "$work/read-only.log" &&
      grep -q "git clone" "$work/read-only.log" && [ ! -e "$work/cluster" ] ||
      { tail -n 5 "$work/read-only.log" | sed "s/^/#   /"; false; }'
else
  skip "a read-only checkout: ops/run.sh stops at once saying to clone it" "root could not mount a read-only folder"
fi
if [ "$(id -u)" != 0 ]; then
  check "without Chromium, ops/test.sh stops at once saying what to install, before starting a cluster" \
    '! PATH="$(path_without chromium)" ISOLEDGER_PG_DATA="$work/cluster" ISOLEDGER_PG_PORT="$(free_port)" \
      timeout 60 "$repo/ops/test.sh" >"$work/test.log" 2>&1 &&
      grep -q "^test: chromium missing; install them (sudo apt-get install chromium)" "$work/test.log" &&
      [ ! -e "$work/cluster" ] || { tail -n 5 "$work/test.log" | sed "s/^/#   /"; false; }'
else
  skip "without Chromium, ops/test.sh stops at once saying what to install, before starting a cluster" \
    "as root it installs Chromium"
fi
checks_done
