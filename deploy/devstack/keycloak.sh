# Keycloak for the local dev stack: the real server from its distribution zip, no container.
# Sourced by ./relais after lib.sh. Defines keycloak_up, keycloak_down, keycloak_status, keycloak_token.
#
# The zip comes from Maven Central into $RELAIS_CACHE (deploy/devstack/fetch-pom.xml, property
# keycloak.version). It is unpacked once into $RELAIS_CACHE/keycloak-<version> and built once
# (`kc.sh build`); later ups start the built server with `start --optimized`.
# Every up starts from an empty dev-file database and imports deploy/keycloak/relais-realm.json,
# so the realm is always exactly what that file says.

# Build-time options (26.5: db, health, metrics, features... are build-time; `cache` is not, it is
# given at start). Changing this list triggers a rebuild on the next up.
KEYCLOAK_BUILD_OPTS=(--db=dev-file --health-enabled=true --metrics-enabled=true)
KEYCLOAK_REALM_FILE="$RELAIS_HOME/deploy/keycloak/relais-realm.json"
# The devstack's FranceConnect: a second realm on the same Keycloak, and the relais realm's broker configuration for it
# (identity provider and mappers, added after the import; production points the same settings at FranceConnect).
KEYCLOAK_FRANCECONNECT_SIM_FILE="$RELAIS_HOME/deploy/keycloak/franceconnect-sim-realm.json"
KEYCLOAK_FRANCECONNECT_BROKER_FILE="$RELAIS_HOME/deploy/keycloak/franceconnect-broker.json"
# Password-grant clients for tests and scripts only: never imported by `up`, added on demand (infra, test, token,
# demo, bench) through the admin API, so a stack started for users has no client that takes passwords directly.
KEYCLOAK_TEST_CLIENTS_FILE="$RELAIS_HOME/deploy/keycloak/relais-test-clients.json"
# The realm's login theme (loginTheme "relais"): French, light, with a help block for people without an account.
KEYCLOAK_THEME_DIR="$RELAIS_HOME/deploy/keycloak/themes/relais"
KEYCLOAK_URL="http://127.0.0.1:$RELAIS_KEYCLOAK_PORT"
KEYCLOAK_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}"

_keycloak_version() { # KEYCLOAK_VERSION if set, else the newest dist zip in the cache, else 26.5.6
  local z v=
  if [ -n "${KEYCLOAK_VERSION:-}" ]; then echo "$KEYCLOAK_VERSION"; return; fi
  for z in "$RELAIS_CACHE"/keycloak-quarkus-dist-*.zip; do
    [ -f "$z" ] || continue
    z=${z##*/keycloak-quarkus-dist-}
    v=$(printf '%s\n%s\n' "$v" "${z%.zip}" | sed '/^$/d' | sort -V | tail -n 1)
  done
  echo "${v:-26.5.6}"
}

_keycloak_home() { echo "$RELAIS_CACHE/keycloak-$(_keycloak_version)"; }

_keycloak_java_home() { # prints a JAVA_HOME of Java 21 or newer, or dies
  local j
  j=$(find_java 21) || die "Keycloak needs Java 21 or newer and none was found; install one (e.g. Temurin 21 or 25 under /usr/lib/jvm) or set RELAIS_JAVA21_HOME to its home."
  j=$(readlink -f "$j")
  echo "${j%/bin/java}"
}

_keycloak_unpack() { # unpacks the dist zip once
  local version=$1 home=$2 zip tmp
  [ -x "$home/bin/kc.sh" ] && return 0
  zip="$RELAIS_CACHE/keycloak-quarkus-dist-$version.zip"
  [ -f "$zip" ] || die "Keycloak $version is missing: $zip not found; fetch it with: ./mvnw -q -f deploy/devstack/fetch-pom.xml validate (or set KEYCLOAK_VERSION to a version present in $RELAIS_CACHE)."
  need_cmd unzip "install unzip (apt-get install unzip)."
  info "unpacking Keycloak $version into $home"
  tmp=$(mktemp -d "$RELAIS_CACHE/.keycloak-unzip.XXXXXX")
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; die "could not unpack $zip"; }
  [ -x "$tmp/keycloak-$version/bin/kc.sh" ] || { rm -rf "$tmp"; die "$zip does not contain keycloak-$version/bin/kc.sh"; }
  rm -rf "$home"
  mv "$tmp/keycloak-$version" "$home"
  rm -rf "$tmp"
}

_keycloak_build() { # runs `kc.sh build` when the recorded build options differ from KEYCLOAK_BUILD_OPTS
  local home=$1 java_home=$2 marker="$1/.relais-build" wanted
  wanted="${KEYCLOAK_BUILD_OPTS[*]}"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$wanted" ]; then return 0; fi
  info "building Keycloak ($wanted); this happens once"
  rm -f "$marker"
  echo "=== kc.sh build ${wanted} ($(date '+%F %T')) ===" >>"$RELAIS_LOGS/keycloak.log"
  env JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP" \
    "$home/bin/kc.sh" build "${KEYCLOAK_BUILD_OPTS[@]}" >>"$RELAIS_LOGS/keycloak.log" 2>&1 ||
    die "kc.sh build failed; see $RELAIS_LOGS/keycloak.log"
  echo "$wanted" >"$marker"
}

keycloak_up() {
  if is_running keycloak; then
    info "keycloak already running (pid $(cat "$(pid_file keycloak)")) at $KEYCLOAK_URL"
    return 0
  fi
  local version home java_home
  version=$(_keycloak_version)
  home=$(_keycloak_home)
  [ -f "$KEYCLOAK_REALM_FILE" ] || die "realm file missing: $KEYCLOAK_REALM_FILE"
  port_open "$RELAIS_KEYCLOAK_PORT" && die "port $RELAIS_KEYCLOAK_PORT is already taken by another process; stop it or set RELAIS_KEYCLOAK_PORT."
  port_open "$RELAIS_KEYCLOAK_MANAGEMENT_PORT" && die "port $RELAIS_KEYCLOAK_MANAGEMENT_PORT is already taken by another process; stop it or set RELAIS_KEYCLOAK_MANAGEMENT_PORT."
  need_cmd curl "install curl (apt-get install curl)."
  java_home=$(_keycloak_java_home) || exit 1
  _keycloak_unpack "$version" "$home"
  _keycloak_build "$home" "$java_home"

  # A clean realm on every up: drop the dev-file database, import the realm file again.
  rm -rf "$home/data/h2"
  mkdir -p "$home/data/import"
  rm -f "$home/data/import/"*.json
  cp "$KEYCLOAK_REALM_FILE" "$home/data/import/relais-realm.json"
  # the identity provider citizens sign in with, simulated (README, "Signing in with FranceConnect")
  cp "$KEYCLOAK_FRANCECONNECT_SIM_FILE" "$home/data/import/franceconnect-sim-realm.json"

  # The theme is copied afresh at every up (Keycloak caches themes while it runs): an edit shows at the next up.
  [ -f "$KEYCLOAK_THEME_DIR/login/theme.properties" ] || die "login theme missing: $KEYCLOAK_THEME_DIR/login/theme.properties"
  rm -rf "$home/themes/relais"
  mkdir -p "$home/themes"
  cp -R "$KEYCLOAK_THEME_DIR" "$home/themes/relais"

  info "starting Keycloak $version on $KEYCLOAK_URL (management 127.0.0.1:$RELAIS_KEYCLOAK_MANAGEMENT_PORT)"
  echo "=== kc.sh start ($(date '+%F %T')) ===" >>"$RELAIS_LOGS/keycloak.log"
  start_bg keycloak "$RELAIS_LOGS/keycloak.log" env \
    JAVA_HOME="$java_home" \
    JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$home/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$RELAIS_KEYCLOAK_PORT" \
    --http-management-host=127.0.0.1 --http-management-port="$RELAIS_KEYCLOAK_MANAGEMENT_PORT" \
    --hostname-strict=false --cache=local
  wait_for "keycloak" 180 keycloak http_ok "$KEYCLOAK_URL/realms/relais/.well-known/openid-configuration"
  keycloak_franceconnect_broker
  info "keycloak ready: $KEYCLOAK_URL (realm relais, admin console $KEYCLOAK_URL/admin, admin/admin)"
}

keycloak_down() {
  if is_running keycloak; then info "stopping keycloak"; fi
  stop_named keycloak 30
}

keycloak_status() {
  if is_running keycloak; then
    echo "keycloak: running (pid $(cat "$(pid_file keycloak)")) $KEYCLOAK_URL/realms/relais"
  else
    echo "keycloak: stopped ($KEYCLOAK_URL)"
  fi
}

keycloak_admin_token() {
  curl -sS --max-time 10 "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
    --data-urlencode username=admin --data-urlencode password=admin | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

keycloak_franceconnect_broker() { # the relais realm brokers franceconnect-sim as it would FranceConnect (local URLs)
  local admin
  admin=$(keycloak_admin_token)
  [ -n "$admin" ] || die "keycloak: no admin token from $KEYCLOAK_URL"
  curl -sS --fail --max-time 20 -o /dev/null -X POST "$KEYCLOAK_URL/admin/realms/relais/partialImport" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary "@$KEYCLOAK_FRANCECONNECT_BROKER_FILE" \
    || die "keycloak: importing the FranceConnect broker ($KEYCLOAK_FRANCECONNECT_BROKER_FILE) failed"
}

keycloak_test_clients() { # adds the test overlay's clients to the running realm (idempotent: existing ones are kept)
  local admin
  admin=$(keycloak_admin_token)
  [ -n "$admin" ] || die "keycloak_test_clients: no admin token from $KEYCLOAK_URL"
  curl -sS --fail --max-time 20 -o /dev/null -X POST "$KEYCLOAK_URL/admin/realms/relais/partialImport" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary "@$KEYCLOAK_TEST_CLIENTS_FILE" \
    || die "keycloak_test_clients: importing $KEYCLOAK_TEST_CLIENTS_FILE failed"
  info "keycloak: test clients added (relais-test, relais-test-expiring, relais-test-no-subject)"
}

keycloak_token() { # keycloak_token <user> [password]: prints an access token (password grant on relais-test)
  local user=${1:?usage: keycloak_token <user> [password]} password=${2:-relais-demo} body token
  body=$(curl -sS --max-time 10 "$KEYCLOAK_URL/realms/relais/protocol/openid-connect/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=relais-test \
    --data-urlencode scope=openid \
    --data-urlencode "username=$user" --data-urlencode "password=$password") ||
    { warn "keycloak_token: Keycloak does not answer at $KEYCLOAK_URL"; return 1; }
  token=$(printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { warn "keycloak_token: no token for $user: $body"; return 1; }
  printf '%s\n' "$token"
}
