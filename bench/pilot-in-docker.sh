#!/usr/bin/env bash
# The pilot image (keelson/pilot:dev, with its AppCDS archive) against tini in the same image, as
# container entrypoints on the local engine. Needs root (reads /proc of PID 1), cc, python3 and the
# image (scripts/build-images.sh pilot; PILOT_IMAGE picks another tag). RUNS=10 samples per figure
# and STORMS=3 orphan storms by default; --json FILE also writes every sample there. Every container
# carries the label dev.keelson.bench.run=<this run's id> and only those are removed on exit.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
json=()
if [ "${1:-}" = --json ]; then json=(--json "${2:?--json needs a file}"); fi
BENCH_RUN_ID=kbench-pilot-$(date -u +%H%M%S)-$$
export BENCH_RUN_ID
work=$(mktemp -d)
trap 'timeout 120 docker ps -aq --filter "label=dev.keelson.bench.run=$BENCH_RUN_ID" | xargs -r timeout 120 docker rm -f >/dev/null; rm -rf "$work"' EXIT
cc -O2 -o "$work/stamp" "$root/bench/stamp.c"
chmod 0777 "$work"
echo "engine: Docker $(docker version --format '{{.Server.Version}}'), image ${PILOT_IMAGE:-keelson/pilot:dev}"
python3 "$root/bench/pilot_docker_bench.py" ${json[@]+"${json[@]}"} "$work"
