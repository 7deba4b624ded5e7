#!/usr/bin/env bash
# Puts Consul 1.8.7 (Debian bullseye's package, checksum-verified) under $KEELSON_CACHE/consul
# and prints the binary's path on stdout. Consul is not packaged for bookworm; bullseye's .deb
# lives in the shared pool/ of the same Debian mirror apt already uses, so the mirror is read
# from apt's own sources rather than written down here.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEB=consul_1.8.7+dfsg1-2+b3_amd64.deb
DEB_SHA256=e4e888bba104daba1d9161f49bfc52649a7e4efd45b1a7ead5bc54f2cb9c89d9
DEST=$KEELSON_CACHE/consul
BIN=$DEST/root/usr/bin/consul

# Prints the main Debian archive URI apt is configured with (deb822 .sources first, then
# sources.list); skips debian-security and copes with "deb [options] URI" lines.
debian_mirror() {
  local m
  m=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
    awk '/^URIs:/ {for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) {print $i; exit}}')
  [ -n "$m" ] || m=$(awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\/.*\/debian\/?$/) {print $i; exit}}' \
    /etc/apt/sources.list 2>/dev/null)
  echo "${m%/}"
}

# Whether $BIN is Consul 1.8.7. The output is captured whole: piping it into `head -1` could end
# consul with SIGPIPE, which pipefail turns into a spurious "no".
is_consul_187() {
  local version
  [ -x "$BIN" ] && version=$("$BIN" version 2>/dev/null) && [[ $version == *"Consul v1.8.7"* ]]
}

if is_consul_187; then
  echo "$BIN"; exit 0
fi
mkdir -p "$DEST"
if ! echo "$DEB_SHA256  $DEST/$DEB" | sha256sum -c --status - 2>/dev/null; then
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list"
  log "downloading $DEB from $mirror"
  curl -fsS --retry 3 -o "$DEST/$DEB.part" "$mirror/pool/main/c/consul/$DEB" \
    || die "download of $mirror/pool/main/c/consul/$DEB failed (bullseye may have moved to Debian's archive mirror)"
  mv "$DEST/$DEB.part" "$DEST/$DEB"
  echo "$DEB_SHA256  $DEST/$DEB" | sha256sum -c --status - || { rm -f "$DEST/$DEB"; die "$DEB: sha256 mismatch"; }
fi
rm -rf "$DEST/root" && dpkg -x "$DEST/$DEB" "$DEST/root"
is_consul_187 || die "$BIN does not report Consul v1.8.7"
log "consul ready: $BIN"
echo "$BIN"
