#!/usr/bin/env bash
# Measures paunch against the raw Docker engine floor, in one run, on this machine.
#
#   bench/launcher.sh [--runs N] [--image IMAGE] [--out FILE]
#
# Every repetition measures, in this order:
#   fixed cost   java -version; paunch --version; paunch apply --dry-run of 50 entries (nothing exists)
#   engine floor 50 x create+start through the Engine API with curl, one after another; 50 x force
#                removal one after another; the same 50 + 50 with all calls in parallel (xargs -P 50)
#   paunch       cold apply of 1, 10 and 50 entries (each deleted afterwards, timed); re-apply of the
#                50 unchanged; delete of the 50; cold apply of 50 again, then cleanup of them; then
#                the same cold apply and cleanup of 50 with --parallel 1 (paunch's one-by-one order)
# Every figure is the wall time of the whole command, JVM start-up included. Ratios are taken
# against the floor measured in the same repetition, then summarised (median, min, max) over all.
#
# Results: a table on stdout and bench/results/launcher-<UTC timestamp>.json (or --out FILE).
# Everything created carries the label dev.keelson.bench.run=<run id> (paunch containers also a
# unique managed_by), and is removed by that label on exit, Ctrl-C included. Other containers on
# the engine are never touched.
#
# Needs: scripts/provision.sh (engine, keelson/busybox:1), curl, awk; builds paunch when
# launcher/target/assembly/dist is missing (mvn -B -q package -DskipTests).
# DOCKER_SOCK picks the engine socket (default /var/run/docker.sock) for both sides: curl, and
# paunch through DOCKER_HOST=unix://$DOCKER_SOCK. A wedged engine fails the run instead of hanging
# it: every API call gives up after API_TIMEOUT seconds (default 120), every paunch command after
# PAUNCH_TIMEOUT (default 600).
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
export DOCKER_HOST=unix://$SOCK
API=v1.41
PAUNCH=$ROOT/bin/paunch
API_TIMEOUT=${API_TIMEOUT:-120}
PAUNCH_TIMEOUT=${PAUNCH_TIMEOUT:-600}
RUNS=3
IMAGE=keelson/busybox:1
SIZES=(1 10 50)
N=50
THREADS=$(nproc)
CLK_TCK=$(getconf CLK_TCK)
OUT=

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) RUNS=${1#*=}; shift ;;
    --image) IMAGE=${2:?--image needs a name}; shift 2 ;;
    --image=*) IMAGE=${1#*=}; shift ;;
    --out) OUT=${2:?--out needs a file}; shift 2 ;;
    --out=*) OUT=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "launcher.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$RUNS" in '' | *[!0-9]* | 0) echo "launcher.sh: --runs wants a positive integer, got '$RUNS'" >&2; exit 2 ;; esac

log() { printf '[launcher.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---- the Engine API, through curl ----------------------------------------------------------------

# api METHOD PATH [JSON-BODY]: prints the response body; fails (with the body on stderr) on >= 400.
api() {
  local out
  if ! out=$(curl -sS --max-time "$API_TIMEOUT" --fail-with-body --unix-socket "$SOCK" -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "http://localhost/$API$2"); then
    printf '%s %s failed: %s\n' "$1" "$2" "$out" >&2
    return 1
  fi
  printf '%s' "$out"
}

# create_start NAME SET: one container as a user of the API would make it, then started.
create_start() {
  local body id
  body=$(printf '{"Image":"%s","Cmd":["sleep","600"],"Labels":{"dev.keelson.bench.run":"%s","dev.keelson.bench.set":"%s"}}' \
    "$IMAGE" "$RUN_ID" "$2")
  id=$(api POST "/containers/create?name=$1" "$body" | sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p')
  [ -n "$id" ] || { echo "create $1: no id in the response" >&2; return 1; }
  api POST "/containers/$id/start" >/dev/null
}

remove() { api DELETE "/containers/$1?force=true" >/dev/null; }

# ids_with_label KEY=VALUE: ids of every container (any state) carrying that label.
ids_with_label() {
  curl -sS --max-time "$API_TIMEOUT" --fail --unix-socket "$SOCK" -G "http://localhost/$API/containers/json" \
    --data-urlencode all=1 --data-urlencode "filters={\"label\":[\"$1\"]}" |
    grep -o '"Id":"[0-9a-f]*"' | cut -d'"' -f4 || true
}

count_running() {
  curl -sS --max-time "$API_TIMEOUT" --fail --unix-socket "$SOCK" -G "http://localhost/$API/containers/json" \
    --data-urlencode "filters={\"label\":[\"$1\"],\"status\":[\"running\"]}" |
    grep -o '"Id":"' | wc -l
}

export -f api create_start remove
export SOCK API IMAGE API_TIMEOUT

# ---- set-up and clean-up -------------------------------------------------------------------------

RUN_ID=kbench-$(date -u +%H%M%S)-$$
export RUN_ID
RUN_LABEL=dev.keelson.bench.run=$RUN_ID
MANAGED_BY=$RUN_ID
WORK=$(mktemp -d "${TMPDIR:-/tmp}/launcher-bench.XXXXXX")
SAMPLES=$WORK/samples

cleanup() {
  local status=$? ids pass
  trap - EXIT INT TERM
  API_TIMEOUT=30
  # A create may still land after a listing when we were interrupted mid-call; list again.
  for pass in 1 2 3; do
    ids=$(ids_with_label "$RUN_LABEL")
    [ -n "$ids" ] || break
    log "removing $(wc -w <<<"$ids") container(s) labelled $RUN_LABEL (pass $pass)"
    # shellcheck disable=SC2016 # expanded by the inner bash
    xargs -r -n 1 -P 16 bash -c 'remove "$1" || true' _ <<<"$ids"
  done
  ids=$(ids_with_label "$RUN_LABEL")
  if [ -n "$ids" ]; then
    log "the engine did not remove $(wc -w <<<"$ids") container(s) labelled $RUN_LABEL; remove them later with:"
    log "  docker ps -aq --filter label=$RUN_LABEL | xargs -r docker rm -f"
    [ "$status" -ne 0 ] || status=1
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

curl -sS --max-time 10 --fail --unix-socket "$SOCK" "http://localhost/_ping" >/dev/null 2>&1 ||
  die "no Docker engine answers on $SOCK; run scripts/provision.sh"
curl -sS --max-time 30 --fail --unix-socket "$SOCK" "http://localhost/$API/images/$IMAGE/json" >/dev/null 2>&1 ||
  die "image $IMAGE is missing; run scripts/provision.sh"
if [ ! -x "$ROOT/launcher/target/assembly/dist/bin/paunch" ]; then
  log "paunch is not built; running mvn -B -q package -DskipTests"
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi

# ---- measuring -----------------------------------------------------------------------------------

now_ns() { date +%s%N; }

# timed RUN METRIC COMMAND...: runs the command, records its wall time in seconds.
timed() {
  local run=$1 metric=$2 t0 t1
  shift 2
  t0=$(now_ns)
  "$@"
  t1=$(now_ns)
  printf '%s %s %s\n' "$run" "$metric" "$(awk -v d=$((t1 - t0)) 'BEGIN {printf "%.3f", d / 1e9}')" >>"$SAMPLES"
}

# paunch_ok LOG ARGS...: runs paunch with its output in LOG; shows LOG and fails when paunch fails.
paunch_ok() {
  local out=$1
  shift
  if ! timeout "$PAUNCH_TIMEOUT" "$PAUNCH" "$@" >"$out" 2>&1; then
    log "paunch $* failed (or took longer than $PAUNCH_TIMEOUT s):"
    cat "$out" >&2
    return 1
  fi
}

# write_config FILE PREFIX COUNT: COUNT detached busybox entries running sleep.
write_config() {
  local i
  for ((i = 1; i <= $3; i++)); do
    printf '%s-c%03d:\n  image: %s\n  command: [sleep, "600"]\n  detach: true\n' "$2" "$i" "$IMAGE"
  done >"$1"
}

expect_none() {
  local got
  got=$(ids_with_label "$1" | wc -l)
  [ "$got" -eq 0 ] || die "expected no containers labelled $1, found $got"
}

expect_running() {
  local want=$1 label=$2 got
  got=$(count_running "$label")
  [ "$got" -eq "$want" ] || die "expected $want running containers labelled $label, found $got"
}

# The machine's busy CPU time so far, in clock ticks: every CPU's user, nice, system, irq, softirq
# and steal time (not idle or iowait), from /proc/stat.
# (printf: mawk prints sums past 2^31 in exponent form, which bash arithmetic cannot read)
cpu_busy_ticks() { awk '$1 == "cpu" {printf "%.0f\n", $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }

# timed_cpu RUN METRIC COMMAND...: as timed, and also the CPU seconds the whole machine spent
# meanwhile as METRIC_cpu: the engine's work (dockerd, containerd, runc, the kernel) and curl's.
timed_cpu() {
  local run=$1 metric=$2 c0 c1
  c0=$(cpu_busy_ticks)
  timed "$@"
  c1=$(cpu_busy_ticks)
  printf '%s %s_cpu %s\n' "$run" "$metric" "$(awk -v d=$((c1 - c0)) -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", d / hz}')" >>"$SAMPLES"
}

seq_create() { local i; for i in $(seq -w 1 "$N"); do create_start "$1-$i" "$1"; done; }
# The inner bash expands $0/$1 (xargs hands it the arguments); functions come from export -f.
# shellcheck disable=SC2016
par_create() { seq -w 1 "$N" | xargs -n 1 -P "$N" bash -c 'create_start "$0-$1" "$0"' "$1"; }
seq_remove() { local id; for id in "$@"; do remove "$id"; done; }
# shellcheck disable=SC2016
par_remove() { printf '%s\n' "$@" | xargs -n 1 -P "$N" bash -c 'remove "$0"'; }

floor() {
  local r=$1 set ids
  set=$RUN_ID-r$r-seq
  timed_cpu "$r" floor_create_start_seq_50 seq_create "$set"
  expect_running "$N" "dev.keelson.bench.set=$set"
  mapfile -t ids < <(ids_with_label "dev.keelson.bench.set=$set")
  timed_cpu "$r" floor_remove_seq_50 seq_remove "${ids[@]}"

  set=$RUN_ID-r$r-par
  timed "$r" floor_create_start_par_50 par_create "$set"
  expect_running "$N" "dev.keelson.bench.set=$set"
  mapfile -t ids < <(ids_with_label "dev.keelson.bench.set=$set")
  timed "$r" floor_remove_par_50 par_remove "${ids[@]}"
  expect_none "$RUN_LABEL"
}

launcher() {
  local r=$1 n id file common label
  common=(--managed-by "$MANAGED_BY")
  for n in "${SIZES[@]}"; do
    id=$RUN_ID-r$r-n$n
    file=$WORK/$id.yaml
    label=config_id=$id
    write_config "$file" "$id" "$n"
    if [ "$n" -eq "$N" ]; then
      timed "$r" paunch_dry_run_50 paunch_ok "$WORK/out" apply --dry-run --file "$file" --config-id "$id" "${common[@]}"
    fi
    timed_cpu "$r" "paunch_apply_cold_$n" paunch_ok "$WORK/out" apply --file "$file" --config-id "$id" \
      --label "$RUN_LABEL" "${common[@]}"
    expect_running "$n" "$label"
    if [ "$n" -eq "$N" ]; then
      timed "$r" paunch_reapply_50 paunch_ok "$WORK/out" apply --file "$file" --config-id "$id" \
        --label "$RUN_LABEL" "${common[@]}"
      grep -q 'No action taken' "$WORK/out" || { cat "$WORK/out" >&2; die "re-apply of unchanged $id was not a no-op"; }
      expect_running "$n" "$label"
    fi
    timed "$r" "paunch_delete_$n" paunch_ok "$WORK/out" delete "$id" "${common[@]}"
    expect_none "$label"
  done
  # cleanup (no config id kept) removes every container of our unique managed_by: the 50 again.
  id=$RUN_ID-r$r-n$N
  paunch_ok "$WORK/out" apply --file "$WORK/$id.yaml" --config-id "$id" --label "$RUN_LABEL" "${common[@]}"
  expect_running "$N" "config_id=$id"
  timed_cpu "$r" paunch_cleanup_50 paunch_ok "$WORK/out" cleanup "${common[@]}"
  expect_none "config_id=$id"
  # The same cold apply and cleanup one container at a time: what parallelism buys.
  timed "$r" paunch_apply_cold_50_p1 paunch_ok "$WORK/out" apply --parallel 1 --file "$WORK/$id.yaml" \
    --config-id "$id" --label "$RUN_LABEL" "${common[@]}"
  expect_running "$N" "config_id=$id"
  timed "$r" paunch_cleanup_50_p1 paunch_ok "$WORK/out" cleanup --parallel 1 "${common[@]}"
  expect_none "config_id=$id"
}

# The JVM alone, with the flags bin/paunch's launcher passes.
java_version() { "${JAVA:-java}" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xshare:auto -version >/dev/null 2>&1; }

# paunch's class-data archive (docs/launcher.md#start-up-time) comes from its first runs: the first
# real command records the classes it loads, the next builds the archive from that in the
# background. This bench keeps its own archive and makes it before anything is timed, so no figure
# includes a recording or a build running alongside; the recording run is a dry run of the 50.
prepare_archive() {
  local file=$WORK/archive.yaml i
  write_config "$file" "$RUN_ID-archive" "$N"
  for i in 1 2; do
    paunch_ok "$WORK/out" apply --dry-run --file "$file" --config-id "$RUN_ID-archive" --managed-by "$MANAGED_BY"
  done
  for ((i = 0; i < 1200; i++)); do
    if compgen -G "$PAUNCH_CDS_DIR/paunch-*.jsa" >/dev/null && ! compgen -G "$PAUNCH_CDS_DIR/*.building" >/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  die "paunch's class-data archive was not built within 120 s (in $PAUNCH_CDS_DIR)"
}

fixed_cost() {
  local r=$1
  timed "$r" jvm_java_version java_version
  timed "$r" paunch_version paunch_ok "$WORK/out" --version
}

: >"$SAMPLES"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "run id $RUN_ID, $RUNS repetition(s), image $IMAGE, engine socket $SOCK"
export PAUNCH_CDS_DIR=$WORK/cds
log "making paunch's class-data archive in $PAUNCH_CDS_DIR"
prepare_archive
for ((r = 1; r <= RUNS; r++)); do
  log "repetition $r/$RUNS: fixed cost"
  fixed_cost "$r"
  log "repetition $r/$RUNS: engine floor"
  floor "$r"
  log "repetition $r/$RUNS: paunch"
  launcher "$r"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- summarising ---------------------------------------------------------------------------------

# Per-repetition ratios against the floor of the same repetition.
awk -v threads="$THREADS" '{v[$1 " " $2] = $3; runs[$1] = 1}
  END {
    for (r in runs) {
      # About the best ratio to the sequential floor any client could reach: the CPU time the
      # sequential calls cost, spread over every thread with nothing lost to contention.
      printf "%s ratio_cpu_bound_create_start %.3f\n", r, v[r " floor_create_start_seq_50_cpu"] / (threads * v[r " floor_create_start_seq_50"])
      printf "%s ratio_cpu_bound_removal %.3f\n", r, v[r " floor_remove_seq_50_cpu"] / (threads * v[r " floor_remove_seq_50"])
      # The same with the CPU time the parallel paunch run took (paunch included): calls that overlap
      # cost the engine more CPU each than calls one after another. When the ratio paunch reached is
      # close to this one, its run was bound by the CPU of the machine.
      printf "%s ratio_cpu_used_apply_cold_50 %.3f\n", r, v[r " paunch_apply_cold_50_cpu"] / (threads * v[r " floor_create_start_seq_50"])
      printf "%s ratio_cpu_used_cleanup_50 %.3f\n", r, v[r " paunch_cleanup_50_cpu"] / (threads * v[r " floor_remove_seq_50"])
      printf "%s ratio_apply_cold_50_vs_seq_floor %.3f\n", r, v[r " paunch_apply_cold_50"] / v[r " floor_create_start_seq_50"]
      printf "%s ratio_apply_cold_50_vs_par_floor %.3f\n", r, v[r " paunch_apply_cold_50"] / v[r " floor_create_start_par_50"]
      printf "%s ratio_cleanup_50_vs_seq_removal %.3f\n", r, v[r " paunch_cleanup_50"] / v[r " floor_remove_seq_50"]
      printf "%s ratio_delete_50_vs_seq_removal %.3f\n", r, v[r " paunch_delete_50"] / v[r " floor_remove_seq_50"]
      printf "%s ratio_cleanup_50_vs_par_removal %.3f\n", r, v[r " paunch_cleanup_50"] / v[r " floor_remove_par_50"]
      printf "%s ratio_apply_cold_50_p1_vs_seq_floor %.3f\n", r, v[r " paunch_apply_cold_50_p1"] / v[r " floor_create_start_seq_50"]
      printf "%s ratio_apply_cold_50_vs_p1 %.3f\n", r, v[r " paunch_apply_cold_50"] / v[r " paunch_apply_cold_50_p1"]
      printf "%s ratio_cleanup_50_vs_p1 %.3f\n", r, v[r " paunch_cleanup_50"] / v[r " paunch_cleanup_50_p1"]
      # 1 and 10 against the pace per container of the sequential floor, scaled to that many.
      printf "%s ratio_apply_cold_1_vs_seq_floor_pace %.3f\n", r, v[r " paunch_apply_cold_1"] / (v[r " floor_create_start_seq_50"] / 50)
      printf "%s ratio_apply_cold_10_vs_seq_floor_pace %.3f\n", r, v[r " paunch_apply_cold_10"] / (v[r " floor_create_start_seq_50"] / 5)
    }
  }' "$SAMPLES" | sort -k1,1n -k2,2 >"$WORK/ratios"
cat "$WORK/ratios" >>"$SAMPLES"

METRICS=(
  jvm_java_version paunch_version paunch_dry_run_50
  floor_create_start_seq_50 floor_create_start_par_50 floor_remove_seq_50 floor_remove_par_50
  floor_create_start_seq_50_cpu floor_remove_seq_50_cpu
  paunch_apply_cold_1 paunch_apply_cold_10 paunch_apply_cold_50 paunch_apply_cold_50_cpu paunch_reapply_50
  paunch_delete_1 paunch_delete_10 paunch_delete_50 paunch_cleanup_50 paunch_cleanup_50_cpu
  paunch_apply_cold_50_p1 paunch_cleanup_50_p1
  ratio_apply_cold_50_vs_seq_floor ratio_cpu_bound_create_start ratio_cpu_used_apply_cold_50 ratio_apply_cold_50_vs_par_floor
  ratio_cleanup_50_vs_seq_removal ratio_cpu_bound_removal ratio_cpu_used_cleanup_50 ratio_cleanup_50_vs_par_removal ratio_delete_50_vs_seq_removal
  ratio_apply_cold_1_vs_seq_floor_pace ratio_apply_cold_10_vs_seq_floor_pace
  ratio_apply_cold_50_vs_p1 ratio_cleanup_50_vs_p1 ratio_apply_cold_50_p1_vs_seq_floor
)
declare -A DESC=(
  [jvm_java_version]="JVM alone: java -version (paunch's flags)"
  [paunch_version]="paunch --version"
  [paunch_dry_run_50]="paunch apply --dry-run, 50 entries"
  [floor_create_start_seq_50]="engine: create+start 50, sequential"
  [floor_create_start_par_50]="engine: create+start 50, parallel"
  [floor_remove_seq_50]="engine: force-remove 50, sequential"
  [floor_remove_par_50]="engine: force-remove 50, parallel"
  [floor_create_start_seq_50_cpu]="engine: CPU seconds of the sequential create+start"
  [floor_remove_seq_50_cpu]="engine: CPU seconds of the sequential removal"
  [paunch_apply_cold_1]="paunch apply, 1 new"
  [paunch_apply_cold_10]="paunch apply, 10 new"
  [paunch_apply_cold_50]="paunch apply, 50 new"
  [paunch_reapply_50]="paunch apply, 50 unchanged"
  [paunch_delete_1]="paunch delete, 1"
  [paunch_delete_10]="paunch delete, 10"
  [paunch_delete_50]="paunch delete, 50"
  [paunch_cleanup_50]="paunch cleanup, 50"
  [paunch_apply_cold_50_cpu]="  CPU seconds of the machine during that apply"
  [paunch_cleanup_50_cpu]="  CPU seconds of the machine during that cleanup"
  [paunch_apply_cold_50_p1]="paunch apply --parallel 1, 50 new"
  [paunch_cleanup_50_p1]="paunch cleanup --parallel 1, 50"
  [ratio_apply_cold_50_vs_seq_floor]="apply 50 new / engine seq create+start 50"
  [ratio_apply_cold_50_vs_par_floor]="apply 50 new / engine par create+start 50"
  [ratio_cpu_bound_create_start]="  limit: create+start CPU s / (threads x seq s)"
  [ratio_cpu_bound_removal]="  limit: removal CPU s / (threads x seq s)"
  [ratio_cpu_used_apply_cold_50]="  limit at the apply's CPU s / (threads x seq s)"
  [ratio_cpu_used_cleanup_50]="  limit at the cleanup's CPU s / (threads x seq s)"
  [ratio_cleanup_50_vs_seq_removal]="cleanup 50 / engine seq removal 50"
  [ratio_delete_50_vs_seq_removal]="delete 50 / engine seq removal 50"
  [ratio_cleanup_50_vs_par_removal]="cleanup 50 / engine par removal 50"
  [ratio_apply_cold_1_vs_seq_floor_pace]="apply 1 new / engine seq create+start pace x1"
  [ratio_apply_cold_10_vs_seq_floor_pace]="apply 10 new / engine seq create+start pace x10"
  [ratio_apply_cold_50_vs_p1]="apply 50 new / apply --parallel 1"
  [ratio_cleanup_50_vs_p1]="cleanup 50 / cleanup --parallel 1"
  [ratio_apply_cold_50_p1_vs_seq_floor]="apply --parallel 1 50 / engine seq create+start"
)
# Targets of issue 4 item 5, on the median: metric -> "operator bound".
declare -A TARGET=(
  [ratio_apply_cold_50_vs_seq_floor]="<= 0.6"
  [paunch_reapply_50]="< 0.5"
  [ratio_cleanup_50_vs_seq_removal]="<= 0.5"
)

# summary METRIC: "median min max v1,v2,..." over the repetitions (values in repetition order).
summary() {
  local in_order
  in_order=$(awk -v m="$1" '$2 == m {printf "%s%s", sep, $3; sep = ","}' "$SAMPLES")
  awk -v m="$1" '$2 == m {print $3}' "$SAMPLES" | sort -g | awk -v all="$in_order" '
    {v[NR] = $1}
    END {
      if (NR == 0) exit 1
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.3f %.3f %.3f %s\n", med, v[1], v[NR], all
    }'
}

verdict() {
  local op bound
  read -r op bound <<<"$2"
  awk -v x="$1" -v op="$op" -v b="$bound" 'BEGIN {
    ok = (op == "<=") ? (x <= b) : (x < b)
    print (ok ? "met" : "NOT met")
  }'
}

mkdir -p "$ROOT/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
json=${OUT:-$ROOT/bench/results/launcher-$stamp.json}
mkdir -p "$(dirname "$json")"
{
  printf '{\n  "benchmark": "launcher",\n  "started": "%s",\n  "finished": "%s",\n' "$started" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "command": "bench/launcher.sh --runs %s",\n  "runs": %s,\n  "image": "%s",\n' "$RUNS" "$RUNS" "$IMAGE"
  printf '  "engine_socket": "%s",\n' "$SOCK"
  printf '  "git": "%s",\n' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf '  "loadavg_before": "%s",\n  "loadavg_after": "%s",\n' "$load_before" "$load_after"
  printf '  "machine": %s,\n  "metrics": {\n' "$("$ROOT/bench/machine.sh" --json)"
  sep=''
  for m in "${METRICS[@]}"; do
    read -r med lo hi all <<<"$(summary "$m")"
    unit=s
    [[ $m == ratio_* ]] && unit=ratio
    printf '%s    "%s": {"description": "%s", "unit": "%s", "median": %s, "min": %s, "max": %s, "values": [%s]' \
      "$sep" "$m" "${DESC[$m]}" "$unit" "$med" "$lo" "$hi" "$all"
    if [ -n "${TARGET[$m]:-}" ]; then
      printf ', "target": "%s", "met": %s' "${TARGET[$m]}" "$([ "$(verdict "$med" "${TARGET[$m]}")" = met ] && echo true || echo false)"
    fi
    printf '}'
    sep=$',\n'
  done
  printf '\n  }\n}\n'
} >"$json"

printf '\nlauncher benchmark: %s repetition(s); wall seconds, JVM start-up included; ratios per repetition\n' "$RUNS"
printf '%-48s %8s %8s %8s   %-8s %s\n' "" median min max target "(issue 4 item 5, on the median)"
for m in "${METRICS[@]}"; do
  read -r med lo hi _ <<<"$(summary "$m")"
  if [ -n "${TARGET[$m]:-}" ]; then
    printf '%-48s %8s %8s %8s   %-8s %s\n' "${DESC[$m]}" "$med" "$lo" "$hi" "${TARGET[$m]}" "$(verdict "$med" "${TARGET[$m]}")"
  else
    printf '%-48s %8s %8s %8s\n' "${DESC[$m]}" "$med" "$lo" "$hi"
  fi
done
printf '\nload average before/after: %s / %s\nresults: %s\n' "$load_before" "$load_after" "${json#"$ROOT"/}"
