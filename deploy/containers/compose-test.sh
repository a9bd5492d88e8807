#!/usr/bin/env bash
# Runs the Relais images (./relais images) with podman-compose on the devstack's infrastructure and drives one
# journey through HAProxy in front of two gateway containers, then removes everything it started.
#   deploy/compose/compose.devstack.yaml: the five services, host network, ports 2808x / 2918x;
#   HAProxy (the Debian package, deploy/compose/haproxy/haproxy.cfg) on 127.0.0.1:28080 -> gateways 28086 and 28087;
#   camille (password grant of the test client) starts a journey on the portal API and reads it back.
# Needs the infrastructure of ./relais infra (Kafka, PostgreSQL, Keycloak, mail and SMS sinks) running; it never
# starts or stops it. podman-compose 1.0.3 ignores depends_on conditions and health checks: readiness is polled here.
set -euo pipefail

RELAIS_HOME="${RELAIS_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export RELAIS_HOME
# shellcheck source=deploy/containers/smoke.sh
source "$RELAIS_HOME/deploy/containers/smoke.sh"

COMPOSE_FILE="$RELAIS_HOME/deploy/compose/compose.devstack.yaml"
HAPROXY_CFG="$RELAIS_HOME/deploy/compose/haproxy/haproxy.cfg"
OUT="${RELAIS_COMPOSE_TEST_LOGS:-$RELAIS_LOGS/compose-test}"
HAPROXY_PORT=28080
MANAGEMENT_PORTS="29181 29182 29183 29184 29186 29187"
PORTAL="http://127.0.0.1:$HAPROXY_PORT"
mkdir -p "$OUT"
rm -f "$OUT"/*.log

command -v podman-compose >/dev/null 2>&1 || ct_die "podman-compose is missing: apt-get install -y podman-compose"
command -v haproxy >/dev/null 2>&1 || ct_die "haproxy is missing: apt-get install -y haproxy"
smoke_require_images
smoke_require_infrastructure
# the containers use the devstack's topics and databases: beside ./relais up's services they would share their work
port_open "$RELAIS_JOURNEY_MANAGEMENT_PORT" && ct_die "the devstack's services are running (./relais up): stop them first, the containers would join their consumer groups"
for port in $HAPROXY_PORT 28081 28082 28083 28084 28086 28087 $MANAGEMENT_PORTS; do
  port_open "$port" && ct_die "port $port is taken: the compose test needs 2808x and 2918x"
done

# the services' Kafka passwords are the devstack's (smoke_require_infrastructure); the keys are for this run only
RELAIS_ANSWERS_KEY=$(head -c 32 /dev/urandom | base64)
RELAIS_WEB_SECRET=$(head -c 36 /dev/urandom | base64)
RELAIS_ACCESS_LOG_SIGNING_KEY=$(head -c 32 /dev/urandom | base64)
RELAIS_DATA_MASTER_KEYS="m1:$(head -c 32 /dev/urandom | base64)"
RELAIS_DATA_ACTIVE_MASTER_KEY=m1
RELAIS_DATA_INDEX_KEY=$(head -c 32 /dev/urandom | base64)
export RELAIS_ANSWERS_KEY RELAIS_WEB_SECRET RELAIS_ACCESS_LOG_SIGNING_KEY \
  RELAIS_DATA_MASTER_KEYS RELAIS_DATA_ACTIVE_MASTER_KEY RELAIS_DATA_INDEX_KEY

# -p: podman-compose 1.0.3 ignores the file's name:; --podman-path: its host-network bug (see podman-hostnet)
compose() { podman-compose -p relais-ct --podman-path "$CONTAINERS_DIR/podman-hostnet" -f "$COMPOSE_FILE" "$@" >>"$OUT/podman-compose.log" 2>&1; }
ours() { podman ps -a --filter name='^relais-ct-' --format '{{.Names}}' "$@"; }
haproxy_pid=
teardown() {
  local status=$? c
  trap - EXIT
  if [ "$status" -ne 0 ]; then
    for c in $(ours); do podman logs "$c" >"$OUT/$c.log" 2>&1 || true; done
    warn "compose test failed: logs in $OUT"
  fi
  if [ -n "$haproxy_pid" ]; then kill "$haproxy_pid" 2>/dev/null || true; wait "$haproxy_pid" 2>/dev/null || true; fi
  # stopped here rather than by podman-compose down, whose 1-second default cuts the services' graceful shutdown
  # (quarkus.shutdown.timeout is 10 s): the gateways first, then the services they call
  podman stop -t 30 relais-ct-gateway-1 relais-ct-gateway-2 >/dev/null 2>&1 || true
  ours | xargs -r podman stop -t 30 >/dev/null 2>&1 || true
  ours | xargs -r podman rm -f >/dev/null 2>&1 || true
  # the bridge network podman-compose 1.0.3 makes for the project even though no container uses it
  podman network rm -f relais-ct_default >/dev/null 2>&1 || true
  ct_info "containers removed"
  exit "$status"
}
trap teardown EXIT

await_ready() { # await_ready <management port>...: polls readiness, fails fast when one of our containers exited
  local port i exited
  for port in "$@"; do
    for ((i = 0; ; i++)); do
      http_ok "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && break
      [ "$i" -lt 120 ] || ct_die "the container with management port $port is not ready after 240 s"
      exited=$(ours --filter status=exited)
      [ -z "$exited" ] || ct_die "a container exited: $exited"
      sleep 2
    done
  done
}

started=$(date +%s)
# one at a time, as two shared cores allow: JVMs starting together starve each other past their start-up timeouts
# (mediation- and notification-service's OIDC client gives Keycloak's discovery 2 s); journey-service first (the
# others call it), the two gateways last and together (they call everyone, and have no OIDC client)
for pair in journey-service:29181 appointment-service:29182 mediation-service:29183 notification-service:29184; do
  ct_info "starting ${pair%%:*} from relais/${pair%%:*}:$RELAIS_VERSION"
  compose up -d "${pair%%:*}" || ct_die "podman-compose up failed; see $OUT/podman-compose.log"
  await_ready "${pair#*:}"
done
ct_info "starting gateway-1 and gateway-2"
compose up -d gateway-1 gateway-2 || ct_die "podman-compose up failed; see $OUT/podman-compose.log"
# podman-compose 1.0.3 exits 0 even when a container could not be made
[ "$(ours | wc -l)" -eq 6 ] || ct_die "$(ours | wc -l) of 6 containers exist; see $OUT/podman-compose.log"
await_ready 29186 29187
ct_info "all six containers ready in $(($(date +%s) - started)) s"

ct_info "starting HAProxy on 127.0.0.1:$HAPROXY_PORT in front of gateway-1 (28086) and gateway-2 (28087)"
HAPROXY_BIND=127.0.0.1:$HAPROXY_PORT GATEWAY_1=127.0.0.1:28086 GATEWAY_2=127.0.0.1:28087 \
  GATEWAY_1_MANAGEMENT_PORT=29186 GATEWAY_2_MANAGEMENT_PORT=29187 \
  haproxy -db -f "$HAPROXY_CFG" >"$OUT/haproxy.log" 2>&1 &
haproxy_pid=$!
# HAProxy takes a server in after two good checks: until then it answers 503
for ((i = 0; i < 30; i++)); do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$PORTAL/api/portal/journeys") || true
  [ "$code" = 401 ] && break
  sleep 1
done
[ "$code" = 401 ] || ct_die "HAProxy does not pass requests to the gateways (last status $code)"

smoke_journey "$PORTAL" "$OUT" HAProxy
for server in gateway-1 gateway-2; do
  grep -q "gateways/$server " "$OUT/haproxy.log" || ct_die "HAProxy never sent a request to $server"
done
ct_info "compose test passed: both gateways answered through HAProxy"
