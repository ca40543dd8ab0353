# Sourced by ops/backup.sh and ops/publish.sh, which take one folder at most: --help prints their usage, and an
# option (which mkdir, pg_dump or dotnet publish would take for one of their own) or a second folder is refused.
# Usage: folder_argument "<usage line>" "$@"
folder_argument() {
  local usage="$1" name
  name="$(basename "$0" .sh)"
  shift
  case "${1:-}" in
    -h | --help) echo "$usage"; exit 0 ;;
    -*) echo "$name: unknown option '$1' (a folder named so: ./$1); $usage" >&2; exit 2 ;;
  esac
  [ $# -le 1 ] || { echo "$name: one folder at most; $usage" >&2; exit 2; }
}
