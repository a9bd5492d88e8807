#!/usr/bin/env bash
# Smoke test of the Kubernetes manifests: the five services' Deployments of deploy/k8s/base, rendered by kustomize
# through deploy/containers/kube-play (one replica, host network, the devstack's addresses), run by `podman kube
# play` from the Relais images (./relais images) on the infrastructure of ./relais infra. Passes when every pod
# is ready by the Deployment's own probes' endpoint and camille starts a journey through the gateway pod and
# reads it back; then removes the pods. What it proves: the Deployments' environment, Secrets, ConfigMaps,
# ports, read-only root filesystem, non-root user and /tmp volume make each image start and work.
# The services listen on their usual ports (8080-8084, 9180-9184): the devstack's services must be stopped.
set -euo pipefail

RELAIS_HOME="${RELAIS_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export RELAIS_HOME
# shellcheck source=deploy/containers/smoke.sh
source "$RELAIS_HOME/deploy/containers/smoke.sh"

OUT="${RELAIS_KUBE_PLAY_LOGS:-$RELAIS_LOGS/kube-play}"
MANIFEST="$RELAIS_RUN/kube-play.yaml"
GATEWAY="http://127.0.0.1:8080"
# service:management port, in the order they start (journey-service first: the others call it)
PODS="journey-service:9181 appointment-service:9182 mediation-service:9183 notification-service:9184 channel-gateway:9180"
mkdir -p "$OUT"
rm -f "$OUT"/*.log

command -v kubectl >/dev/null 2>&1 || ct_die "kubectl (its built-in kustomize renders deploy/k8s) is missing"
smoke_require_images
smoke_require_infrastructure
for pod in $PODS; do
  port_open "${pod#*:}" && ct_die "port ${pod#*:} is taken: stop the devstack's services (./relais down, then ./relais infra)"
done

SECRETS="journey-db-app appointment-db-app mediation-db-app notification-db-app gateway-db-app journey-service
appointment-service mediation-service notification-service channel-gateway relais-secrets"
b64() { printf '%s' "$1" | base64 -w0; }
secret() { # secret <name> <key> <value> [<key> <value>...]: a podman secret holding a Kubernetes Secret's data
  # (podman 4.3 reads a secretKeyRef's secret as the JSON of the data map, values in base64; from a Secret document
  # in the manifest, kube play would store YAML that its own lookup then fails to read)
  local name=$1 data="" sep=""; shift
  while [ $# -gt 0 ]; do data="$data$sep\"$1\":\"$(b64 "$2")\""; sep=","; shift 2; done
  printf '{%s}' "$data" | podman secret create "$name" - >/dev/null
}
remove_pods() { local pod; for pod in $PODS; do podman pod rm -f "${pod%%:*}-pod-0" >/dev/null 2>&1 || true; done; }
remove_secrets() { local name; for name in $SECRETS; do podman secret rm "$name" >/dev/null 2>&1 || true; done; }

# what podman runs: the rendered Deployments and ConfigMaps (podman ignores Services and has no use for the
# monitoring, budget and autoscaler kinds)
kubectl kustomize "$CONTAINERS_DIR/kube-play" | awk '
  function flush() { if (keep) printf "---\n%s", doc; doc = ""; keep = 0 }
  /^---$/ { flush(); next }
  { doc = doc $0 "\n"; if ($0 ~ /^kind: (Deployment|ConfigMap)$/) keep = 1 }
  END { flush() }' >"$MANIFEST" || ct_die "rendering deploy/containers/kube-play failed"
[ "$(grep -c '^kind: Deployment$' "$MANIFEST")" -eq 5 ] || ct_die "the rendered manifests do not hold the five Deployments: $MANIFEST"
# ...and the Secrets that CloudNativePG, Strimzi and the site would provide, from the devstack's own values
remove_pods
remove_secrets
for db in journey appointment mediation notification gateway; do secret "$db-db-app" username "$db" password "$db"; done
secret journey-service password "$RELAIS_JOURNEY_KAFKA_PASSWORD"
secret appointment-service password "$RELAIS_APPOINTMENT_KAFKA_PASSWORD"
secret mediation-service password "$RELAIS_MEDIATION_KAFKA_PASSWORD"
secret notification-service password "$RELAIS_NOTIFICATION_KAFKA_PASSWORD"
secret channel-gateway password "$RELAIS_GATEWAY_KAFKA_PASSWORD"
secret relais-secrets answers-key "$(head -c 32 /dev/urandom | base64)" \
  access-log-signing-key "$(head -c 32 /dev/urandom | base64)" web-secret "$(head -c 36 /dev/urandom | base64)" \
  data-master-keys "m1:$(head -c 32 /dev/urandom | base64)" data-index-key "$(head -c 32 /dev/urandom | base64)" \
  mediation-client-secret relais-dev-mediation-service notification-client-secret relais-dev-notification-service \
  smpp-password "$RELAIS_SMPP_PASSWORD"

teardown() {
  local status=$? c
  trap - EXIT
  if [ "$status" -ne 0 ]; then
    for c in $(podman ps -a --format '{{.Names}}' | grep -E '^(journey|appointment|mediation|notification)-service-pod-0-|^channel-gateway-pod-0-' || true); do
      podman logs "$c" >"$OUT/$c.log" 2>&1 || true
    done
    warn "kube play test failed: logs in $OUT"
  fi
  # podman kube down misses a pod that kube play left half made: the pods by name
  podman kube down "$MANIFEST" >>"$OUT/podman.log" 2>&1 || true
  remove_pods
  remove_secrets
  # the Deployments' emptyDir /tmp, which podman 4.3 makes a named volume
  podman volume rm -f tmp >/dev/null 2>&1 || true
  rm -f "$MANIFEST"
  ct_info "pods removed"
  exit "$status"
}
trap teardown EXIT

started=$(date +%s)
ct_info "podman kube play: the five services' Deployments (deploy/k8s/base/services) from relais/*:$RELAIS_VERSION"
podman kube play --start=false "$MANIFEST" >>"$OUT/podman.log" 2>&1 || ct_die "podman kube play failed; see $OUT/podman.log"
# one pod at a time, as two shared cores allow (the others call journey-service, the gateway calls everyone)
for pod in $PODS; do
  name=${pod%%:*} port=${pod#*:}
  podman pod start "$name-pod-0" >>"$OUT/podman.log" 2>&1 || ct_die "starting pod $name-pod-0 failed; see $OUT/podman.log"
  for ((i = 0; ; i++)); do
    http_ok "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && break
    [ "$i" -lt 120 ] || ct_die "pod $name-pod-0 is not ready after 240 s"
    state=$(podman pod inspect "$name-pod-0" --format '{{.State}}' 2>/dev/null || echo gone)
    case $state in Running|Degraded|Created|Starting) ;; *) ct_die "pod $name-pod-0 is $state" ;; esac
    # the Deployment's restartPolicy (Always) hides a crash: a container started again has failed its start
    restarts=$(podman inspect "$name-pod-0-$name" --format '{{.RestartCount}}' 2>/dev/null || echo 0)
    [ "$restarts" -eq 0 ] || ct_die "the container of $name-pod-0 exited and was restarted; see $OUT"
    sleep 2
  done
  ct_info "$name-pod-0 ready"
done
ct_info "all five pods ready in $(($(date +%s) - started)) s"

smoke_journey "$GATEWAY" "$OUT" "the gateway pod"
ct_info "kube play test passed: the five services ran from the Deployments and served a journey"
