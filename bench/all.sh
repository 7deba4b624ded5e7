#!/usr/bin/env bash
# Every benchmark in one run: the machine, paunch against the raw Engine API, the pilot against
# Debian's tini (in a fresh pid namespace and as a container entrypoint).
#
#   bench/all.sh [--runs N] [--quick] [--skip launcher|pilot-host|pilot-docker]...
#
#   --runs N   launcher repetitions (default 3); the pilot takes RUNS samples per figure
#              (default 20 on the host, 10 in containers) and STORMS orphan storms (5 / 3)
#   --quick    a smoke check: 1 launcher repetition, 5 pilot samples, 1 orphan storm
#   --skip P   leave out one part (repeatable)
#
# Builds what is missing first: the distributions (mvn -B -q -DskipTests package, when missing or
# older than a source or pom of theirs) and the pilot
# image (scripts/build-images.sh pilot, a no-op when the image already holds this checkout's
# pilot; PILOT_IMAGE=tag builds and measures another tag than keelson/pilot:dev). DOCKER_SOCK
# points every part at another engine socket (for a smoke check against podman's Docker API).
# Writes bench/results/<UTC timestamp>/: results.json (every sample of every part, the machine,
# the command, the commit), summary.md (ratios and target verdicts, for docs/benchmarks.md) and
# one .log per part. A part that fails is reported in the summary; the exit status is then 1.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
LAUNCHER_RUNS=3
QUICK=false
SKIP=()
export PILOT_IMAGE=${PILOT_IMAGE:-keelson/pilot:dev}
# DOCKER_SOCK (default /var/run/docker.sock) points every part at one engine, the docker CLI too.
if [ -n "${DOCKER_SOCK:-}" ]; then export DOCKER_HOST=unix://$DOCKER_SOCK; fi

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
log() { printf '[all.sh] %s\n' "$*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) LAUNCHER_RUNS=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) LAUNCHER_RUNS=${1#*=}; shift ;;
    --quick) QUICK=true; shift ;;
    --skip) SKIP+=("${2:?--skip needs a part}"); shift 2 ;;
    --skip=*) SKIP+=("${1#*=}"); shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "all.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$LAUNCHER_RUNS" in '' | *[!0-9]* | 0) echo "all.sh: --runs wants a positive integer, got '$LAUNCHER_RUNS'" >&2; exit 2 ;; esac
for p in ${SKIP[@]+"${SKIP[@]}"}; do
  case "$p" in launcher | pilot-host | pilot-docker) ;; *) echo "all.sh: no part '$p' to skip" >&2; exit 2 ;; esac
done
# Pilot sample counts: the pilot scripts' own defaults (or RUNS/STORMS from the environment).
PILOT_HOST_ENV=() PILOT_DOCKER_ENV=()
if $QUICK; then
  LAUNCHER_RUNS=1
  PILOT_HOST_ENV=(RUNS=5 STORMS=1) PILOT_DOCKER_ENV=(RUNS=5 STORMS=1)
fi
wanted() { [[ " ${SKIP[*]-} " != *" $1 "* ]]; }

# ---- building what is missing --------------------------------------------------------------------

# A distribution is out of date when a source or pom of the modules it holds is newer than its jar:
# measuring yesterday's build would be easy to miss.
stale() {
  local jar
  jar=$(find "$ROOT/$1/target/assembly/dist/lib" -name "keelson-$1-*.jar" 2>/dev/null | head -n1)
  [ -n "$jar" ] || return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/config/pom.xml" "$ROOT/config/src/main" "$ROOT/$1/pom.xml" \
    "$ROOT/$1/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]
}
if stale launcher || stale pilot; then
  log "building the distributions: mvn -B -q -DskipTests package"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
# The container benchmark measures the image, so it first makes sure the image holds this pilot.
pilot_docker() {
  log "pilot image $PILOT_IMAGE: scripts/build-images.sh pilot"
  KEELSON_PILOT_IMAGE=$PILOT_IMAGE "$ROOT/scripts/build-images.sh" pilot &&
    env ${PILOT_DOCKER_ENV[@]+"${PILOT_DOCKER_ENV[@]}"} "$ROOT/bench/pilot-in-docker.sh" --json "$OUT/pilot-docker.json"
}

# ---- running -------------------------------------------------------------------------------------

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP
mkdir -p "$OUT"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
t0=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
git=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || git="$git (with uncommitted changes)"
failed=()

# part NAME COMMAND...: runs one benchmark, its output shown and kept in NAME.log.
part() {
  local name=$1
  shift
  wanted "$name" || { log "skipping $name"; return 0; }
  log "$name: $*"
  if ! "$@" 2>&1 | tee "$OUT/$name.log"; then
    log "$name failed; see $OUT/$name.log"
    failed+=("$name")
  fi
}

"$ROOT/bench/machine.sh" --json >"$OUT/machine.json"
"$ROOT/bench/machine.sh"
part launcher "$ROOT/bench/launcher.sh" --runs "$LAUNCHER_RUNS" --out "$OUT/launcher.json"
part pilot-host env ${PILOT_HOST_ENV[@]+"${PILOT_HOST_ENV[@]}"} "$ROOT/bench/pilot-vs-tini.sh" --json "$OUT/pilot-host.json"
part pilot-docker pilot_docker

# ---- summarising ---------------------------------------------------------------------------------

command="bench/all.sh --runs $LAUNCHER_RUNS"
$QUICK && command="bench/all.sh --quick"
for p in ${SKIP[@]+"${SKIP[@]}"}; do command="$command --skip $p"; done
failed_json=
for p in ${failed[@]+"${failed[@]}"}; do failed_json="$failed_json${failed_json:+, }\"$p\""; done
printf '{"stamp": "%s", "command": "%s", "quick": %s, "git": "%s", "started": "%s", "finished": "%s", "seconds": %s, "loadavg_before": "%s", "loadavg_after": "%s", "failed": [%s]}\n' \
  "$STAMP" "$command" "$QUICK" "$git" "$started" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(($(date +%s) - t0))" \
  "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$failed_json" >"$OUT/run.json"
python3 "$ROOT/bench/summarize.py" "$OUT"
log "results: ${OUT#"$ROOT"/}/results.json, summary: ${OUT#"$ROOT"/}/summary.md"
[ ${#failed[@]} -eq 0 ]
