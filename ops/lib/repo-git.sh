# Sourced by ops/codegen.sh and ops/format.sh, after setting $repo: git on this checkout, for their checks.
# As root on a checkout another user cloned (a container given the host's clone, sudo), git refuses to read it
# ("dubious ownership") unless told to trust it. These scripts run the checkout's code anyway: they trust it for
# their own git commands, and only those.
repo_git() { git -c safe.directory='*' -C "$repo" "$@"; }

# Outside a git checkout (a downloaded archive) a check would take git's failure for a difference: says so instead.
require_git_checkout() {
  repo_git rev-parse --git-dir >/dev/null 2>&1 && return 0
  echo "$(basename "$0" .sh): $repo is not a git checkout, and --check compares with what git holds:" \
    "clone the repository (git clone) to check" >&2
  exit 1
}
