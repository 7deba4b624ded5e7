#!/usr/bin/env bash
# The pilot image (keelson/pilot:dev, with its AppCDS archive) against tini in the same image, as
# container entrypoints on the local engine. Needs root (reads /proc of PID 1), cc, python3 and the
# image (scripts/build-images.sh pilot). RUNS=10 by default. Removes only its own containers.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
work=$(mktemp -d)
trap 'docker ps -aq --filter label=dev.keelson.bench=pilot | xargs -r docker rm -f >/dev/null; rm -rf "$work"' EXIT
cc -O2 -o "$work/stamp" "$root/bench/stamp.c"
chmod 0777 "$work"
echo "engine: Docker $(docker version --format '{{.Server.Version}}'), image ${PILOT_IMAGE:-keelson/pilot:dev}"
python3 "$root/bench/pilot_docker_bench.py" "$work"
