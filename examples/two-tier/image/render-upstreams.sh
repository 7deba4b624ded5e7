#!/bin/sh
# The frontend's onChange hook: asks Consul for the passing instances of "backend" and rewrites the
# upstream list the frontend serves (/www/frontend/upstreams.txt), one address:port per line.
# Written to a temporary file and renamed, so a reader never sees half a list.
set -eu -o pipefail
consul=${CONSUL:-two-tier-consul:8500}
list=/www/frontend/upstreams.txt

# The health endpoint's JSON on one line with no blanks (busybox has no JSON parser).
passing() {
  wget -q -O - "http://$consul/v1/health/service/backend?passing" | tr -d ' \t\n'
  echo
}

# The first match of $1 in stdin; the rest is read too, so grep never dies of SIGPIPE (pipefail).
first() { grep -o "$1" | { head -1; cat >/dev/null; }; }

# One line per instance: each service block starts at "Service":{"ID"; its first Address and Port
# are the service's own (its tagged addresses come after them and carry the same values).
passing | sed 's/"Service":{"ID"/\n&/g' | sed 1d |
  while read -r instance; do
    address=$(echo "$instance" | first '"Address":"[^"]*"' | cut -d'"' -f4)
    port=$(echo "$instance" | first '"Port":[0-9]*' | cut -d: -f2)
    echo "$address:$port"
  done | sort >"$list.new"
mv "$list.new" "$list"
echo "render-upstreams: $(wc -l <"$list") backend(s): $(tr '\n' ' ' <"$list")"
