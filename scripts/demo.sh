#!/usr/bin/env bash
# The end-to-end demo on a fresh machine: provision (engine, Consul, images), build both programs,
# then let paunch apply examples/hello-world.yml and show the container it made.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$KEELSON_ROOT/scripts/provision.sh"
cd "$KEELSON_ROOT"
log "building paunch and pilot (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests
"$KEELSON_ROOT/scripts/build-images.sh" pilot

log "paunch apply --file examples/hello-world.yml --config-id hello"
bin/paunch apply --default-runtime docker --file examples/hello-world.yml --config-id hello
log "paunch list"
bin/paunch list --default-runtime docker
log "the container paunch made (docker ps), and its output"
docker ps --all --filter label=config_id=hello --format 'table {{.Names}}\t{{.Image}}\t{{.Status}}\t{{.Labels}}'
docker logs hello
