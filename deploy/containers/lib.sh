# Shared settings of the container scripts (build-images.sh, compose-test.sh). Sourced, not run.
# podman runs as root here with the settings of containers.conf beside this file (runc, capped ulimits).

: "${RELAIS_HOME:?RELAIS_HOME must be set}"
CONTAINERS_DIR="$RELAIS_HOME/deploy/containers"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$CONTAINERS_DIR/containers.conf}"

# the services that get an image, each from its src/main/docker/Dockerfile.jvm
RELAIS_IMAGE_SERVICES="journey-service appointment-service mediation-service notification-service channel-gateway"

relais_version() { # the project version from the root pom (the images' tag: never "latest")
  sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$RELAIS_HOME/pom.xml"
}

ct_info() { printf '\033[1;34m[containers]\033[0m %s\n' "$*"; }
ct_die() { printf '\033[1;31m[containers]\033[0m %s\n' "$*" >&2; exit 1; }
