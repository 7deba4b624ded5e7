#!/usr/bin/env bash
# The end-to-end demo on a fresh machine: provision (engine, Consul, images), build both programs,
# then let paunch apply examples/two-tier: a Consul server, a backend and a frontend whose PID 1 is
# the pilot. Shows both services healthy in Consul, that a second apply changes nothing, and that a
# stopped backend leaves Consul and the frontend's onChange runs; then starts it again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$KEELSON_ROOT/scripts/provision.sh"
cd "$KEELSON_ROOT"
log "building paunch and pilot (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests
scripts/build-images.sh consul two-tier

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
catalog() { examples/two-tier/catalog.sh two-tier-consul; }
# Waits until the catalog has exactly $1 passing backend(s) and a passing frontend, and nothing else.
await_catalog() {
  local backends=$1 deadline=$((SECONDS + 120)) table
  while :; do
    table=$(catalog 2>/dev/null || true)
    if [ "$(grep -c '^backend .* passing$' <<<"$table")" = "$backends" ] &&
      [ "$(grep -c '^frontend .* passing$' <<<"$table")" = 1 ] &&
      [ "$(grep -cv ' passing$' <<<"$table")" = 1 ]; then
      echo "$table"
      return 0
    fi
    [ $SECONDS -lt $deadline ] || { echo "$table"; die "Consul did not show the expected services within 120 s"; }
    sleep 1
  done
}

# Waits until the frontend's onChange has rendered $1 upstream(s), and shows its last log lines.
await_frontend() {
  local deadline=$((SECONDS + 60))
  until docker logs two-tier-frontend 2>&1 | tail -1 | grep -q "render-upstreams: $1 backend"; do
    [ $SECONDS -lt $deadline ] || die "the frontend's onChange did not render $1 upstream(s) within 60 s"
    sleep 1
  done
  echo "frontend log:"
  docker logs two-tier-frontend 2>&1 | tail -2 | sed 's/^/  /'
}

step "docker network create two-tier (paunch runs containers on networks; it does not make them)"
docker network inspect two-tier >/dev/null 2>&1 || docker network create two-tier >/dev/null
echo "network two-tier ready"

step "bin/paunch apply --file examples/two-tier/two-tier.yml --config-id two-tier"
bin/paunch apply --file examples/two-tier/two-tier.yml --config-id two-tier

step "Consul's catalog once both pilots have registered their services and passed a health check"
await_catalog 1
await_frontend 1

step "applying again changes nothing"
bin/paunch apply --file examples/two-tier/two-tier.yml --config-id two-tier

step "docker stop two-tier-backend-1: its pilot deregisters it; the frontend's onChange runs"
docker stop two-tier-backend-1 >/dev/null
await_frontend 0
catalog

step "bin/paunch state started --config-id two-tier (starts the exited backend again)"
bin/paunch state started --config-id two-tier
await_catalog 1
await_frontend 1

step "next"
cat <<'TEXT'
Scale the backend to three:  bin/paunch apply --file examples/two-tier/two-tier-scaled.yml --config-id two-tier
What Consul sees:            examples/two-tier/catalog.sh
The frontend's upstreams:    docker exec two-tier-frontend cat /www/frontend/upstreams.txt
Remove it all:               bin/paunch delete two-tier && docker network rm two-tier
More: examples/two-tier/README.md
TEXT
