#!/usr/bin/env bash
# Everything the programs and their tests need on this machine, each step skipped when done:
# a Docker engine, Consul 1.8.7 (for the pilot's tests), the locally built base images, and podman's
# API service (for `--default-runtime podman` and PodmanIT; optional: without it PodmanIT skips).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ms() { echo $(($(date +%s%N) / 1000000)); }
step() { local t0; t0=$(ms); "$@"; log "$(basename "$1") took $(($(ms) - t0)) ms"; }
start=$(ms)
apt_ensure curl unzip
apt_ensure docker-registry  # a local registry for the launcher's pull tests (never started as a service)
step "$KEELSON_ROOT/scripts/provision-engine.sh"
step "$KEELSON_ROOT/scripts/provision-consul.sh" >/dev/null
step "$KEELSON_ROOT/scripts/build-images.sh" base
podman() { "$KEELSON_ROOT/scripts/provision-podman.sh" || log "no podman API service here; PodmanIT will be skipped"; }
step podman
log "provisioned in $(($(ms) - start)) ms"
