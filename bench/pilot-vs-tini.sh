#!/usr/bin/env bash
# Benchmarks the pilot against Debian's tini as PID 1, in one run on this machine (issue 5 item 10).
# Needs: root (unshare --pid), cc, python3, /usr/bin/tini, and the packaged pilot
# (mvn -B package -DskipTests). RUNS=20 samples per figure and STORMS=5 orphan storms by default.
# Prints the machine and a Markdown table (ratios to tini in its last rows); --json FILE also
# writes every sample there.
set -euo pipefail
json=()
if [ "${1:-}" = --json ]; then json=(--json "${2:?--json needs a file}"); fi
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
pilot=$root/pilot/target/assembly/dist/bin/pilot
tini=${TINI:-/usr/bin/tini}
[ -x "$pilot" ] || { echo "no $pilot; run 'mvn -B package -DskipTests' first" >&2; exit 1; }
[ -x "$tini" ] || { echo "no $tini (apt-get install tini)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/stamp" "$root/bench/stamp.c"

# An AppCDS archive for the host JDK, trained the way the image is (scripts/build-images.sh)
JAVA_OPTS="-XX:ArchiveClassesAtExit=$work/pilot.jsa" "$pilot" \
  -config '{"consul": "localhost:8500", "preStart": "true", "logging": {"level": "error"}}' \
  sh -c 'sleep 1' >/dev/null 2>&1

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
  "$(free -g | awk '/Mem:/{print $2}') GB, kernel $(uname -r), $(java -version 2>&1 | head -1)"
us=$'\x1f'
python3 "$root/bench/pilot_bench.py" ${json[@]+"${json[@]}"} "$work/stamp" \
  "tini 0.19 (Debian)=$tini${us}--" \
  "pilot=$pilot" \
  "pilot + AppCDS=env${us}JAVA_OPTS=-XX:SharedArchiveFile=$work/pilot.jsa${us}$pilot"
