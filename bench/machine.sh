#!/usr/bin/env bash
# Describes the machine a benchmark ran on: CPU, cores, memory, kernel, OS, Docker engine
# (asked through the Engine API, so no docker CLI is needed), storage driver, cgroup version, JDK.
#   bench/machine.sh           "key: value" lines, for people
#   bench/machine.sh --json    one JSON object, for results files
#   bench/machine.sh --markdown  a two-column table, for docs/benchmarks.md
# DOCKER_SOCK overrides the engine socket (default /var/run/docker.sock); JAVA the java binary.
set -euo pipefail

SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
JAVA_BIN=${JAVA:-java}

# The value of a top-level string field of a flat JSON document (the engine's /info and /version).
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" <<<"$2" | head -n1; }

engine_get() { curl -fsS --max-time 10 --unix-socket "$SOCK" "http://localhost$1" 2>/dev/null || true; }

cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
cpu_threads=$(nproc)
sockets=$(grep '^physical id' /proc/cpuinfo | sort -u | wc -l)
cores_per_socket=$(sed -n 's/^cpu cores[[:space:]]*: //p' /proc/cpuinfo | head -n1)
virt=bare-metal
grep -qw hypervisor /proc/cpuinfo && virt="virtual machine"
mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
mem_gib=$(awk -v k="$mem_kib" 'BEGIN {printf "%.1f", k / 1048576}')
os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null || true)
if [ -z "$os" ]; then os=$(uname -s); fi
kernel=$(uname -r)

info=$(engine_get /info)
version=$(engine_get /version)
engine=$(json_field Version "$version")
api=$(json_field ApiVersion "$version")
driver=$(json_field Driver "$info")
cgroup_version=$(json_field CgroupVersion "$info")
cgroup_driver=$(json_field CgroupDriver "$info")
runtime=$(json_field DefaultRuntime "$info")
if [ -z "$engine" ]; then engine="no engine answered on $SOCK"; fi
# Podman's Docker-compatible API answers the same calls; say which engine it was.
if grep -q '"Name":"Podman Engine"' <<<"$version"; then engine="podman $engine"; fi
if [ -z "$cgroup_version" ]; then
  # Engines older than 20.10 do not report it; the mounted hierarchy tells.
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then cgroup_version=2; else cgroup_version=1; fi
fi

jdk=$("$JAVA_BIN" -version 2>&1 | sed -n '2p')
if [ -z "$jdk" ]; then jdk="no java found ($JAVA_BIN)"; fi

keys=(cpu cores memory os kernel docker storage cgroup runtime jdk)
declare -A value=(
  [cpu]="$cpu_model"
  [cores]="$cpu_threads threads (${sockets:-?} socket(s) x ${cores_per_socket:-?} cores), $virt"
  [memory]="$mem_gib GiB"
  [os]="$os"
  [kernel]="$kernel"
  [docker]="$engine${api:+ (API $api)}"
  [storage]="${driver:-unknown}"
  [cgroup]="v$cgroup_version${cgroup_driver:+ ($cgroup_driver driver)}"
  [runtime]="${runtime:-unknown}"
  [jdk]="$jdk"
)

json_escape() { sed 's/\\/\\\\/g; s/"/\\"/g' <<<"$1"; }

case "${1:-}" in
  --json)
    sep='{'
    for k in "${keys[@]}"; do
      printf '%s"%s": "%s"' "$sep" "$k" "$(json_escape "${value[$k]}")"
      sep=', '
    done
    printf '}\n'
    ;;
  --markdown)
    printf '| | |\n|---|---|\n'
    for k in "${keys[@]}"; do printf '| %s | %s |\n' "$k" "${value[$k]}"; done
    ;;
  '')
    for k in "${keys[@]}"; do printf '%-8s %s\n' "$k:" "${value[$k]}"; done
    ;;
  *)
    echo "usage: $0 [--json|--markdown]" >&2
    exit 2
    ;;
esac
