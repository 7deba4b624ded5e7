#!/usr/bin/env bash
# Makes podman's Docker-compatible API answer for `paunch --default-runtime podman` and PodmanIT:
# installs Debian's podman, starts a rootful `podman system service` on its usual socket when
# nothing answers there, and copies the local test images from the Docker engine into podman's
# store (nothing can be pulled here). Every step is skipped when already done. Never touches
# dockerd or its socket.
#
# Usage: scripts/provision-podman.sh [IMAGE...]   (default: keelson/busybox:1 keelson/jre17:1)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOCKET=/run/podman/podman.sock
PIDFILE=/run/podman/keelson-service.pid
SERVICE_LOG=/var/log/podman-service.log
ULIMITS=/etc/containers/containers.conf.d/50-keelson-ulimits.conf
IMAGES=("$@")
[ ${#IMAGES[@]} -gt 0 ] || IMAGES=(keelson/busybox:1 keelson/jre17:1)

answers() { curl -fsS --max-time 5 --unix-socket "$SOCKET" http://podman/_ping >/dev/null 2>&1; }
own_service_pid() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

# Rootful podman 4.3 gives every container nofile and nproc limits of 1048576 unless
# containers.conf says otherwise, and runc may only raise a hard limit with CAP_SYS_RESOURCE.
# Where that capability is missing (a sandboxed root, as on our CI machine) no container starts:
# "error setting rlimit type 7: operation not permitted". Capping the defaults at what this root
# has fixes that; podman holds its own nproc hard limit at 32768 there (measured), hence the cap.
has_cap_sys_resource() {
  local eff
  eff=$(awk '/^CapEff:/ {print $2}' /proc/self/status)
  (( (16#$eff >> 24) & 1 ))
}
ensure_ulimits() {
  has_cap_sys_resource && return 1
  local nofile nproc content
  nofile=$(ulimit -Hn); [ "$nofile" = unlimited ] || [ "$nofile" -gt 1048576 ] && nofile=1048576
  nproc=$(ulimit -Hu); [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ] && nproc=32768
  content=$(printf '# written by keelson scripts/provision-podman.sh: no CAP_SYS_RESOURCE here\n[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' \
    "$nofile" "$nofile" "$nproc" "$nproc")
  [ -f "$ULIMITS" ] && [ "$(cat "$ULIMITS")" = "$content" ] && return 1
  mkdir -p "$(dirname "$ULIMITS")"
  printf '%s\n' "$content" >"$ULIMITS"
  log "no CAP_SYS_RESOURCE: capped podman's default ulimits in $ULIMITS (nofile $nofile, nproc $nproc)"
}

start_service() {
  mkdir -p "$(dirname "$SOCKET")"
  log "starting podman system service on unix://$SOCKET (log: $SERVICE_LOG)"
  # exec, so that the recorded pid is podman's own and not a subshell's
  (cd / && exec nohup podman system service --time=0 "unix://$SOCKET" >>"$SERVICE_LOG" 2>&1) &
  echo $! >"$PIDFILE"
  for _ in $(seq 300); do answers && return 0; sleep 0.1; done
  tail -20 "$SERVICE_LOG" >&2
  die "podman system service did not answer on $SOCKET within 30 s"
}

is_root || die "run as root: this sets up the rootful podman service on $SOCKET"
apt_ensure podman curl

conf_changed=false
ensure_ulimits && conf_changed=true

if answers; then
  if $conf_changed; then
    # the service reads containers.conf once, when it starts
    if pid=$(own_service_pid); then
      log "restarting the podman service we started (pid $pid) to read $ULIMITS"
      kill "$pid"; for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$SOCKET"
      start_service
    else
      log "warning: a podman service we did not start answers on $SOCKET; restart it to read $ULIMITS"
    fi
  fi
else
  [ -S "$SOCKET" ] && rm -f "$SOCKET"  # left by a service that is gone
  start_service
fi

for image in "${IMAGES[@]}"; do
  id=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null) \
    || { log "warning: $image is not in the Docker engine (scripts/build-images.sh builds it); not loaded"; continue; }
  if [ "sha256:$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null)" = "$id" ]; then
    continue
  fi
  log "loading $image into podman"
  docker save "$image" | podman load -q >/dev/null
done

# One container through the API proves the whole path (storage, runc, rlimits, network).
out=$(DOCKER_HOST=unix://$SOCKET docker run --rm --label keelson.provision=podman "${IMAGES[0]}" echo podman-ok 2>&1) \
  || die "a container does not run under podman: $out"
[ "$out" = podman-ok ] || die "unexpected output from a podman container: $out"
log "podman answers on unix://$SOCKET ($(podman --version))"
