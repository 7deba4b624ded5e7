# Shared helpers for the provisioning scripts. Sourced, not executed.
set -euo pipefail

# Root of the checkout, whatever directory the caller ran from.
KEELSON_ROOT=${KEELSON_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# Downloaded and extracted tools live here; ignored by git, safe to delete.
KEELSON_CACHE=${KEELSON_CACHE:-$KEELSON_ROOT/.cache}

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }
is_debian() { [ -f /etc/debian_version ]; }

# Installs Debian packages that are missing; apt-get update only when something is missing.
apt_ensure() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  is_root && is_debian || die "packages missing (${missing[*]}); install them or run as root on Debian"
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
