# What the container smoke tests (compose-test.sh, kube-play-test.sh) share: the devstack's settings and helpers,
# its Kafka passwords, and the one journey each drives through what it started. Sourced, not run.

# shellcheck source=deploy/devstack/lib.sh
source "$RELAIS_HOME/deploy/devstack/lib.sh"
# shellcheck source=deploy/devstack/keycloak.sh
source "$RELAIS_HOME/deploy/devstack/keycloak.sh"
# shellcheck source=deploy/containers/lib.sh
source "$RELAIS_HOME/deploy/containers/lib.sh"

smoke_require_images() { # every Relais image at the project's version
  local s
  RELAIS_VERSION=$(relais_version)
  export RELAIS_VERSION
  for s in $RELAIS_IMAGE_SERVICES; do
    podman image exists "relais/$s:$RELAIS_VERSION" || ct_die "image relais/$s:$RELAIS_VERSION is missing: run ./relais images first"
  done
}

smoke_require_infrastructure() { # ./relais infra's Kafka, PostgreSQL and Keycloak, and its Kafka passwords exported
  port_open "$RELAIS_KAFKA_PORT" && port_open "$RELAIS_PG_PORT" && port_open "$RELAIS_KEYCLOAK_PORT" \
    || ct_die "the devstack's infrastructure is not running (Kafka $RELAIS_KAFKA_PORT, PostgreSQL $RELAIS_PG_PORT, Keycloak $RELAIS_KEYCLOAK_PORT): ./relais infra"
  local credentials="$RELAIS_RUN/kafka-credentials.env"
  [ -f "$credentials" ] || ct_die "no Kafka passwords in $credentials: start the infrastructure with ./relais infra"
  set -a
  # shellcheck disable=SC1090
  . "$credentials"
  set +a
}

smoke_journey() { # smoke_journey <gateway base URL> <out dir> <what>: camille starts a journey there and reads it back
  local base=$1 out=$2 what=$3 token body journey code i
  keycloak_test_clients >/dev/null
  token=$(keycloak_token camille) || ct_die "no token for camille"
  local auth=(-H "Authorization: Bearer $token" -H 'Accept: application/json')
  local started; started=$(date +%s)
  body=$(curl -sS --fail-with-body --max-time 20 "${auth[@]}" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: smoke-test-$(date +%s%N)" -d '{"procedureId":"aide-logement"}' "$base/api/portal/journeys") \
    || ct_die "starting a journey through $what failed: $body"
  journey=$(printf '%s' "$body" | sed -n 's/.*"journeyId":"\([^"]*\)".*/\1/p')
  [ -n "$journey" ] || ct_die "no journeyId in the answer: $body"
  ct_info "camille started journey $journey through $what"
  # read it back until the projection has it
  for ((i = 0; i < 40; i++)); do
    code=$(curl -s -o "$out/journey.json" -w '%{http_code}' --max-time 10 "${auth[@]}" "$base/api/portal/journeys/$journey") || true
    [ "$code" = 200 ] && grep -q "\"$journey\"" "$out/journey.json" && break
    sleep 0.5
  done
  [ "$code" = 200 ] || ct_die "journey $journey not readable through $what (last status $code)"
  # and again, so that a balancer in front spreads the reads over its servers
  for _ in 1 2 3 4; do
    curl -sS --fail --max-time 10 -o /dev/null "${auth[@]}" "$base/api/portal/journeys/$journey" || ct_die "reading journey $journey again failed"
  done
  ct_info "journey $journey read back in $(($(date +%s) - started)) s: $(grep -o '"procedureId":"[^"]*"\|"status":"[^"]*"' "$out/journey.json" | tr '\n' ' ')"
}
