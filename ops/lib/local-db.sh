# Sourced by the ops scripts: where the local PostgreSQL cluster of this checkout lives and how to reach it.
# The one place these settings are made; the scripts hand the API the connection string built here.
#   ISOLEDGER_PG_PORT  the port it listens on (127.0.0.1 only)              default 5433
#   ISOLEDGER_PG_USER  the OS user that owns and runs it when we are root   default isoledger
#   ISOLEDGER_PG_DATA  the folder holding the cluster, its socket and log   default: see below
#
# PostgreSQL refuses to run as root, so as root the cluster runs as an unprivileged user. That user cannot reach
# a folder inside a checkout that lies under a 0700 folder (a home folder, a mktemp -d folder), so the cluster
# never lives in the checkout: by default it lives in a folder of its own, keyed by the checkout's path, under
# /var/lib/isoledger/clusters when we are root, or under ~/.local/share/isoledger/clusters otherwise.

# The physical path: the same checkout reached through a symbolic link is the same checkout, with the same cluster.
local_db_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
local_db_port="${ISOLEDGER_PG_PORT:-5433}"
local_db_os_user="${ISOLEDGER_PG_USER:-isoledger}"
local_db_role="isoledger"

# The folder's name: the checkout folder's name readable in ASCII ("Dự án Iso Ledger" is Du-an-Iso-Ledger: letters
# without their diacritics, anything else between them one '-', none first, at most 40 characters), then a hash of
# its path, which keeps two checkouts of one name apart.
local_db_default_folder() {
  local clusters name hash folder earlier
  if [ "$(id -u)" = 0 ]; then
    clusters=/var/lib/isoledger/clusters
  else
    clusters="${XDG_DATA_HOME:-$HOME/.local/share}/isoledger/clusters"
  fi
  hash="$(printf %s "$local_db_repo" | sha256sum | cut -c1-12)"
  # iconv skips what is no UTF-8 (-c) and then fails; what it wrote is kept.
  name="$(basename "$local_db_repo" | { LC_ALL=C.UTF-8 iconv -c -f UTF-8 -t ASCII//TRANSLIT 2>/dev/null || true; } \
    | LC_ALL=C tr -cs 'A-Za-z0-9._' '-' | cut -c1-40 | sed 's/^[-.]*//; s/-*$//')"
  folder="$clusters/${name:-checkout}-$hash"
  # Scripts before 2026-12 replaced each byte of any other character with '_' ("D______n_Iso_Ledger"): a cluster
  # made under that name is this checkout's, and is used where it is (moving it would break one that is running).
  earlier="$clusters/$(basename "$local_db_repo" | tr -c 'A-Za-z0-9._\n-' '_')-$hash"
  if [ ! -e "$folder" ] && [ -d "$earlier/pg" ]; then folder="$earlier"; fi
  echo "$folder"
}
local_db_folder="${ISOLEDGER_PG_DATA:-$(local_db_default_folder)}"
# Absolute: as root the cluster's commands run from / (ops/db.sh), where a relative folder would name another place.
case "$local_db_folder" in /*) ;; *) local_db_folder="$PWD/$local_db_folder" ;; esac
# Said here: PostgreSQL would name the bad value only in its log, and read a leading 0 as octal.
if ! [[ "$local_db_port" =~ ^[1-9][0-9]{0,4}$ ]] || [ "$local_db_port" -gt 65535 ]; then
  echo "ISOLEDGER_PG_PORT must be a port number (1 to 65535), not '$local_db_port'" >&2
  exit 2
fi

# The first port after $1 that nothing on 127.0.0.1 answers on, for the advice given when a port is taken: the next
# one may be taken too (two PostgreSQL on 5433 and 5434, a second ops/run.sh on 5081).
next_free_port() {
  local candidate=$(($1 + 1))
  while [ "$candidate" -lt 65535 ] && (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; do
    candidate=$((candidate + 1))
  done
  echo "$candidate"
}

# The connection string of a database on this cluster, as the API and the tests take it.
local_db_connection() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s' "$local_db_port" "$1" "$local_db_role"
}
