#!/usr/bin/env bash
# Prints the two-tier example's services as Consul sees them: one line per instance with its
# address and the state of its checks. Consul's HTTP API is reached at the Consul container's
# address on its network, which the host can route to; nothing is published.
#   examples/two-tier/catalog.sh [CONSUL_CONTAINER]        (default: two-tier-consul)
set -euo pipefail
container=${1:-two-tier-consul}
address=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$container")
[ -n "$address" ] || { echo "catalog.sh: $container has no address; is it running?" >&2; exit 1; }

# The first match of $1 in stdin; the rest is read too, so grep never dies of SIGPIPE (pipefail).
first() { grep -o "$1" | { head -1; cat >/dev/null; }; }

printf '%-9s %-22s %-18s %s\n' SERVICE ID ADDRESS HEALTH
for service in backend frontend; do
  # the health endpoint's JSON on one line, then one line per instance (see image/render-upstreams.sh)
  curl -fsS "http://$address:8500/v1/health/service/$service" | tr -d ' \t\n' |
    sed 's/"Service":{"ID"/\n&/g' | sed 1d |
    while read -r instance || [ -n "$instance" ]; do
      id=$(first '"ID":"[^"]*"' <<<"$instance" | cut -d'"' -f4)
      ip=$(first '"Address":"[^"]*"' <<<"$instance" | cut -d'"' -f4)
      port=$(first '"Port":[0-9]*' <<<"$instance" | cut -d: -f2)
      health=passing
      grep -q '"Status":"warning"' <<<"$instance" && health=warning
      grep -q '"Status":"critical"' <<<"$instance" && health=critical
      printf '%-9s %-22s %-18s %s\n' "$service" "$id" "$ip:$port" "$health"
    done
done
