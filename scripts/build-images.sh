#!/usr/bin/env bash
# Builds the local images everything runs on; nothing can be pulled, so every image starts FROM scratch
# with files from this machine's Debian packages.
#   keelson/busybox:1   busybox-static + tini-static (about 2 MB): the test and example workload image
#   keelson/jre17:1     jlinked JDK 17 runtime + the glibc libraries it needs + busybox + tini
#   keelson/pilot:dev   keelson/jre17:1 + the pilot distribution (only with the 'pilot' argument,
#                       after `mvn package` has produced pilot/target/dist; KEELSON_PILOT_IMAGE
#                       names another tag, e.g. for a benchmark that must not replace a shared one)
#   keelson/consul:1.8.7  Debian's Consul (scripts/provision-consul.sh) + the glibc libraries it
#                       needs + busybox, FROM scratch ('consul' argument)
#   keelson/two-tier:dev  keelson/pilot:dev + the pilot configs and scripts of examples/two-tier
#                       ('two-tier' argument; builds 'pilot' first)
# Usage: build-images.sh [base] [pilot] [consul] [two-tier]   (default: base). An image whose
# inputs did not change is not rebuilt: each build directory's content hash is stored as a label and
# compared.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PREFIX=${KEELSON_IMAGE_PREFIX:-keelson}
WORK=$KEELSON_CACHE/images
JDK=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
# Modules the pilot needs: jnr (jdk.unsupported), consul-api's HttpClient 4 (java.naming),
# the Prometheus exporter (jdk.httpserver), Jackson/gson (java.sql), SLF4J (java.logging).
JRE_MODULES=java.base,java.logging,java.naming,java.net.http,java.sql,java.management,jdk.httpserver,jdk.unsupported

write_users() {
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$1/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$1/etc/group"
}

install_busybox() {
  local rootfs=$1
  cp /bin/busybox "$rootfs/bin/"
  for applet in $("$rootfs/bin/busybox" --list); do [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"; done
  cp /usr/bin/tini-static "$rootfs/bin/tini"
}

# Builds $2 from directory $1 unless an image with the same content hash exists.
build_if_changed() {
  local dir=$1 tag=$2 hash current
  hash=$(cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  current=$(docker image inspect --format '{{index .Config.Labels "dev.keelson.content"}}' "$tag" 2>/dev/null || true)
  if [ "$current" = "$hash" ]; then log "$tag is up to date"; return 0; fi
  log "building $tag"
  DOCKER_BUILDKIT=0 docker build -q --label "dev.keelson.content=$hash" -t "$tag" "$dir" >/dev/null 2>&1 \
    || DOCKER_BUILDKIT=0 docker build --label "dev.keelson.content=$hash" -t "$tag" "$dir"
}

build_busybox() {
  local dir=$WORK/busybox rootfs=$WORK/busybox/rootfs
  rm -rf "$dir" && mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,root}
  install_busybox "$rootfs"
  write_users "$rootfs"
  chmod 1777 "$rootfs/tmp"
  printf 'FROM scratch\nCOPY rootfs/ /\nENV PATH=/bin\nCMD ["/bin/sh"]\n' >"$dir/Dockerfile"
  build_if_changed "$dir" "$PREFIX/busybox:1"
}

build_jre() {
  local dir=$WORK/jre17 rootfs=$WORK/jre17/rootfs
  [ -x "$JDK/bin/jlink" ] || die "no jlink in $JDK (set JDK17_HOME)"
  # jlink output is deterministic for a given JDK; reuse it when the JDK and module list did not change
  local stamp="$JDK $("$JDK/bin/java" -version 2>&1 | head -1) $JRE_MODULES"
  if [ "$(cat "$dir/.jlink-stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir" && mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,opt,lib64,lib/x86_64-linux-gnu}
    log "jlink $JRE_MODULES"
    "$JDK/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
      --compress=2 --generate-cds-archive --output "$rootfs/opt/java"
    # every shared library the runtime needs, and the dynamic loader (cp -L resolves merged-/usr links)
    find "$rootfs/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 | xargs -0 ldd 2>/dev/null |
      awk '/=> \//{print $3} /^\t\/lib64\//{print $1}' | sort -u | while read -r lib; do
        case $lib in
          "$rootfs"/*) ;;
          /lib64/*) cp -L "$lib" "$rootfs/lib64/" ;;
          *) cp -L "$lib" "$rootfs/lib/x86_64-linux-gnu/" ;;
        esac
      done
    echo "$stamp" >"$dir/.jlink-stamp"
  fi
  install_busybox "$rootfs"
  write_users "$rootfs"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  chmod 1777 "$rootfs/tmp"
  printf 'FROM scratch\nCOPY rootfs/ /\nENV PATH=/opt/java/bin:/bin JAVA_HOME=/opt/java\nCMD ["java","-version"]\n' >"$dir/Dockerfile"
  build_if_changed "$dir" "$PREFIX/jre17:1"
}

build_pilot() {
  local dist=$KEELSON_ROOT/pilot/target/assembly/dist dir=$WORK/pilot
  [ -x "$dist/bin/pilot" ] || die "$dist/bin/pilot is missing; run 'mvn -B package -DskipTests' first"
  rm -rf "$dir" && mkdir -p "$dir/pilot/native"
  cp -r "$dist/bin" "$dist/lib" "$dir/pilot/"
  # jffi unpacks its native library into java.io.tmpdir at start, which fails on a read-only rootfs;
  # ship it unpacked and point jffi at it (bin/pilot does when /opt/pilot/native exists)
  (cd "$dir/pilot/native" && unzip -q -j "$dist"/lib/jffi-*-native.jar 'jni/x86_64-Linux/*')
  # AppCDS training run: the same flags and classpath as at run time, exercising config loading,
  # hooks, the app, signal trapping and jnr (the app outlives the background jnr load), so the
  # dynamic archive holds the classes a real start needs (java-stack.md §3, §5.4)
  cat >"$dir/Dockerfile" <<EOF
FROM $PREFIX/jre17:1
COPY pilot/ /opt/pilot/
ENV PATH=/opt/pilot/bin:/opt/java/bin:/bin
RUN JAVA_OPTS=-XX:ArchiveClassesAtExit=/opt/pilot/pilot.jsa /opt/pilot/bin/pilot \\
      -config '{"consul": "localhost:8500", "preStart": "true", "postStop": ["true"], "logging": {"level": "error"}}' \\
      sh -c 'trap "" USR2; sleep 1; kill -USR2 \$PPID; exit 0' \\
 && /opt/pilot/bin/pilot true && test -s /opt/pilot/pilot.jsa
ENTRYPOINT ["/opt/pilot/bin/pilot"]
EOF
  build_if_changed "$dir" "${KEELSON_PILOT_IMAGE:-$PREFIX/pilot:dev}"
}

# Copies the shared libraries and loader that the dynamically linked binary $1 needs into rootfs $2.
copy_libraries() {
  local binary=$1 rootfs=$2
  mkdir -p "$rootfs/lib64" "$rootfs/lib/x86_64-linux-gnu"
  ldd "$binary" | awk '/=> \//{print $3} /^\t\/lib64\//{print $1}' | sort -u | while read -r lib; do
    case $lib in
      /lib64/*) cp -L "$lib" "$rootfs/lib64/" ;;
      *) cp -L "$lib" "$rootfs/lib/x86_64-linux-gnu/" ;;
    esac
  done
}

build_consul() {
  local dir=$WORK/consul rootfs=$WORK/consul/rootfs consul
  consul=$("$KEELSON_ROOT/scripts/provision-consul.sh")
  rm -rf "$dir" && mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev}
  cp "$consul" "$rootfs/bin/consul"
  copy_libraries "$consul" "$rootfs"
  install_busybox "$rootfs"
  write_users "$rootfs"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  chmod 1777 "$rootfs/tmp"
  # a single-node server keeping its state in memory; the HTTP API listens on every address so that
  # containers on the same network (and the host, through the container's address) reach it
  cat >"$dir/Dockerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ENV PATH=/bin
EXPOSE 8500
ENTRYPOINT ["/bin/consul"]
CMD ["agent", "-dev", "-client", "0.0.0.0", "-log-level", "warn"]
EOF
  build_if_changed "$dir" "$PREFIX/consul:1.8.7"
}

build_two_tier() {
  local dir=$WORK/two-tier
  rm -rf "$dir" && mkdir -p "$dir"
  cp -r "$KEELSON_ROOT/examples/two-tier/image" "$dir/etc"
  cat >"$dir/Dockerfile" <<EOF
FROM $PREFIX/pilot:dev
COPY etc/ /etc/two-tier/
RUN chmod 755 /etc/two-tier/*.sh && mkdir -p /www/backend /www/frontend \\
 && echo backend >/www/backend/index.html && echo none >/www/frontend/upstreams.txt
EOF
  build_if_changed "$dir" "$PREFIX/two-tier:dev"
}

targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(base)
docker version >/dev/null 2>&1 || die "no Docker engine answers; run scripts/provision-engine.sh first"
for target in "${targets[@]}"; do
  case $target in
    base) build_busybox; build_jre ;;
    pilot) build_pilot ;;
    consul) build_consul ;;
    two-tier) build_pilot; build_two_tier ;;
    *) die "unknown target '$target' (base, pilot, consul, two-tier)" ;;
  esac
done
