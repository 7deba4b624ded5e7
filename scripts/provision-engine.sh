#!/usr/bin/env bash
# Makes sure a Docker engine answers on the default socket.
# An engine that already answers is used as it is: never restarted, never reconfigured
# (a second dockerd would delete docker0 under the running one).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

engine_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

apt_ensure docker.io busybox-static tini
if engine_answers; then
  log "engine answers: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  exit 0
fi
is_root || die "no Docker engine answers and we are not root; start one, then re-run"
if pgrep -x dockerd >/dev/null; then
  log "dockerd is running but not answering yet; waiting for it"
else
  log "starting dockerd in the background (log: /var/log/dockerd.log)"
  nohup dockerd >/var/log/dockerd.log 2>&1 &
fi
for _ in $(seq 600); do engine_answers && break; sleep 0.1; done
engine_answers || { tail -30 /var/log/dockerd.log >&2; die "dockerd did not answer within 60 s"; }
log "engine answers: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
