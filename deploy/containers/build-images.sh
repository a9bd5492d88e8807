#!/usr/bin/env bash
# Builds the Relais container images with podman, without a registry or a Docker engine:
#   1. once, the base image relais/jre:17-<hash>: Debian bookworm (mmdebstrap --variant=minbase, podman import)
#      and a JRE made with jlink from the local JDK 17; <hash> is a hash of everything it is made from, so it is
#      rebuilt only when one of them changes;
#   2. one image per service, relais/<service>:<project version>, from its src/main/docker/Dockerfile.jvm and its
#      already built target/quarkus-app (./relais build or mvn package makes them).
# Usage: build-images.sh [service...]   (default: the five services)
set -euo pipefail

RELAIS_HOME="${RELAIS_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=deploy/containers/lib.sh
source "$RELAIS_HOME/deploy/containers/lib.sh"

for cmd in podman mmdebstrap; do
  command -v "$cmd" >/dev/null 2>&1 || ct_die "$cmd is missing: apt-get install -y podman runc mmdebstrap"
done

JDK_HOME="${RELAIS_IMAGE_JDK_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink || echo /usr/lib/jvm/java-17-openjdk-amd64/bin/jlink)")")")}"
[ -x "$JDK_HOME/bin/jlink" ] || ct_die "jlink not found (JDK 17 under $JDK_HOME); set RELAIS_IMAGE_JDK_HOME"
[ -d "$JDK_HOME/jmods" ] || ct_die "$JDK_HOME/jmods is missing: apt-get install -y openjdk-17-jmods"
DEBIAN_SUITE=bookworm
DEBIAN_MIRROR="${RELAIS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# What the services need of the JDK: java.desktop for PDFBox (the gateway's receipts), java.security.sasl and
# jdk.security.auth for Kafka's SCRAM login, jdk.crypto.ec for TLS, jdk.management for Micrometer's JVM metrics.
JRE_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs,jdk.jfr

base_hash() { # a hash of what the base image is made from: recipe, JDK build, module list, this script's base part
  { echo "$DEBIAN_SUITE $JRE_MODULES"; cat "$JDK_HOME/release"; cat "$CONTAINERS_DIR/Containerfile.jre"
    sed -n '/^build_base()/,/^}/p' "${BASH_SOURCE[0]}"; } | sha256sum | cut -c1-12
}

build_base() { # build_base <tag>: the OS tarball, its import, then the JRE layer
  local tag=$1 work started os_tag
  started=$(date +%s)
  work=$(mktemp -d /var/tmp/relais-image.XXXXXX)
  trap 'rm -rf "$work"' RETURN
  os_tag="relais/debian:$DEBIAN_SUITE-${tag##*-}"
  if ! podman image exists "$os_tag"; then
    ct_info "mmdebstrap: Debian $DEBIAN_SUITE minbase (from $DEBIAN_MIRROR)"
    # the apt lists and caches are of no use at run time
    mmdebstrap --quiet --variant=minbase --format=tar \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
      "$DEBIAN_SUITE" "$work/rootfs.tar" "$DEBIAN_MIRROR" >"$work/mmdebstrap.log" 2>&1 \
      || { cat "$work/mmdebstrap.log" >&2; ct_die "mmdebstrap failed"; }
    podman import --quiet --change 'CMD ["/bin/bash"]' "$work/rootfs.tar" "$os_tag" >/dev/null
  fi
  ct_info "jlink: a JRE of $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JDK_HOME/release") with $(tr ',' '\n' <<<"$JRE_MODULES" | wc -l) modules"
  mkdir -p "$work/context"
  "$JDK_HOME/bin/jlink" --module-path "$JDK_HOME/jmods" --add-modules "$JRE_MODULES" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/context/jre"
  podman build --quiet --pull=never --build-arg OS_IMAGE="$os_tag" -f "$CONTAINERS_DIR/Containerfile.jre" \
    -t "$tag" "$work/context" >/dev/null
  ct_info "base image $tag built in $(($(date +%s) - started)) s"
}

build_service() { # build_service <service> <base tag> <version>
  local s=$1 base=$2 version=$3 started app="$RELAIS_HOME/$1/target/quarkus-app"
  [ -f "$app/quarkus-run.jar" ] || ct_die "$s is not built ($app/quarkus-run.jar missing): run ./relais build first"
  started=$(date +%s)
  podman build --quiet --pull=never --build-arg BASE_IMAGE="$base" -f "$RELAIS_HOME/$s/src/main/docker/Dockerfile.jvm" \
    --label "org.opencontainers.image.version=$version" --label "org.opencontainers.image.title=$s" \
    -t "relais/$s:$version" "$RELAIS_HOME/$s" >/dev/null
  ct_info "relais/$s:$version built in $(($(date +%s) - started)) s ($(podman image inspect --format '{{.Size}}' "relais/$s:$version" | awk '{printf "%d MB", $1/1000000}'))"
}

base="relais/jre:17-$(base_hash)"
if podman image exists "$base"; then ct_info "base image $base is up to date"; else build_base "$base"; fi
version=$(relais_version)
for s in ${*:-$RELAIS_IMAGE_SERVICES}; do build_service "$s" "$base" "$version"; done
