# The five Relais services, run from their built Quarkus apps. Sourced by ./relais after lib.sh.

RELAIS_SERVICES="journey-service appointment-service mediation-service notification-service channel-gateway"

service_port() {
  case $1 in
    channel-gateway) echo "$RELAIS_GATEWAY_PORT" ;;
    journey-service) echo "$RELAIS_JOURNEY_PORT" ;;
    appointment-service) echo "$RELAIS_APPOINTMENT_PORT" ;;
    mediation-service) echo "$RELAIS_MEDIATION_PORT" ;;
    notification-service) echo "$RELAIS_NOTIFICATION_PORT" ;;
  esac
}

management_port() { # health, metrics and OpenAPI: the management interface, loopback only
  case $1 in
    channel-gateway) echo "$RELAIS_GATEWAY_MANAGEMENT_PORT" ;;
    journey-service) echo "$RELAIS_JOURNEY_MANAGEMENT_PORT" ;;
    appointment-service) echo "$RELAIS_APPOINTMENT_MANAGEMENT_PORT" ;;
    mediation-service) echo "$RELAIS_MEDIATION_MANAGEMENT_PORT" ;;
    notification-service) echo "$RELAIS_NOTIFICATION_MANAGEMENT_PORT" ;;
  esac
}

services_build_needed() {
  local s jar
  for s in $RELAIS_SERVICES; do
    jar="$RELAIS_HOME/$s/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    # any source, resource or pom newer than the built app means it must be rebuilt
    [ -n "$(find "$RELAIS_HOME/$s/src/main" "$RELAIS_HOME/$s/pom.xml" "$RELAIS_HOME"/*-support/src/main "$RELAIS_HOME/events/src/main" "$RELAIS_HOME/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ] && return 0
  done
  return 1
}

services_build() {
  info "building the services (mvn package, tests skipped; ./relais test runs them)"
  (cd "$RELAIS_HOME" && maven -q -DskipTests package) >"$RELAIS_LOGS/build.log" 2>&1 \
    || die "the build failed; see $RELAIS_LOGS/build.log"
}

answers_key() { # the local stack's key for sealed form answers (gateway seals, journey-service opens)
  local f="$RELAIS_RUN/answers.key"
  [ -s "$f" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$f")
  cat "$f"
}

access_log_signing_key() { # the local stack's Ed25519 seed that signs the access log's digests (journey-service only)
  local f="$RELAIS_RUN/access-log-signing.key"
  [ -s "$f" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$f")
  cat "$f"
}

data_master_key() { # the local stack's master key m1 that wraps each person's data key (journey-service only)
  local f="$RELAIS_RUN/data-master.key"
  [ -s "$f" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$f")
  cat "$f"
}

data_index_key() { # the local stack's HMAC key of the blind index: a person by exact name + birth date (journey-service only)
  local f="$RELAIS_RUN/data-index.key"
  [ -s "$f" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$f")
  cat "$f"
}

web_secret() { # the gateway's key for web sessions, PKCE state and CSRF tokens: kept, so a restart keeps sessions
  local f="$RELAIS_RUN/web.secret"
  [ -s "$f" ] || (umask 077 && head -c 36 /dev/urandom | base64 >"$f")
  cat "$f"
}

# the JVM options of every service (overridable, e.g. to try another heap size)
RELAIS_SERVICE_JVM_OPTS="${RELAIS_SERVICE_JVM_OPTS:--Xms32m -Xmx160m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k \
-Dio.netty.allocator.numDirectArenas=2 -Dio.netty.allocator.numHeapArenas=2}"

# ...and in scale mode, on top: C1 only. Ten service JVMs on two cores, each at a tenth of the load, never repay C2's
# compilations: a fresh scale stack under the failover test went from load average 20-28 and a warm-up p50 of 1.1 s
# to load 6-8 and 118 ms, and a killed gateway restarted in 23 s instead of 106 s (README, "Running at scale").
# One service per machine (Kubernetes, compose) keeps the JVM's default tiered compilation.
RELAIS_SCALE_JVM_OPTS="${RELAIS_SCALE_JVM_OPTS:--XX:TieredStopAtLevel=1}"

port_variable() { # the environment variable that sets a service's own public port
  case $1 in
    channel-gateway) echo RELAIS_GATEWAY_PORT ;;
    journey-service) echo RELAIS_JOURNEY_PORT ;;
    appointment-service) echo RELAIS_APPOINTMENT_PORT ;;
    mediation-service) echo RELAIS_MEDIATION_PORT ;;
    notification-service) echo RELAIS_NOTIFICATION_PORT ;;
  esac
}

# Scale mode (./relais up --scale): two instances of each service; HAProxy listens on the service's usual port and
# balances over them, and instance k listens 100·k above it (gateway 8180 and 8280, management 9280 and 9380…).
RELAIS_SCALE_INSTANCES="1 2"
scale_mode() { [ -f "$RELAIS_RUN/scale" ]; }
instance_port() { echo $(($1 + 100 * $2)); } # instance_port <service port> <k>

services_environment() { # what every instance shares: Kafka passwords, the sealing key, the web secret, how cookies are sent
  # (journey-service alone reads the access log's signing key and the data keys)
  kafka_export_credentials
  RELAIS_ANSWERS_KEY=$(answers_key)
  RELAIS_WEB_SECRET=$(web_secret)
  RELAIS_ACCESS_LOG_SIGNING_KEY=$(access_log_signing_key)
  RELAIS_DATA_MASTER_KEYS="m1:$(data_master_key)"
  RELAIS_DATA_ACTIVE_MASTER_KEY=m1
  RELAIS_DATA_INDEX_KEY=$(data_index_key)
  # the local stack serves the pages over plain http on 127.0.0.1: session cookies cannot be Secure there
  RELAIS_WEB_SECURE_COOKIES="${RELAIS_WEB_SECURE_COOKIES:-false}"
  export RELAIS_ANSWERS_KEY RELAIS_WEB_SECRET RELAIS_WEB_SECURE_COOKIES RELAIS_ACCESS_LOG_SIGNING_KEY \
    RELAIS_DATA_MASTER_KEYS RELAIS_DATA_ACTIVE_MASTER_KEY RELAIS_DATA_INDEX_KEY
}

service_start() { # service_start <name> <service> <port> <management port> [VAR=value...]: one process of a service
  local name=$1 s=$2 port=$3 management=$4 java; shift 4
  java=$(find_java 17) || die "Java 17 or newer is missing: install a JDK (apt-get install -y openjdk-17-jdk)"
  if is_running "$name"; then info "$name already running on 127.0.0.1:$port"; return 0; fi
  port_open "$port" && die "port $port is taken by another program; set the matching RELAIS_*_PORT to a free port"
  port_open "$management" && die "port $management is taken by another program; set the matching RELAIS_*_MANAGEMENT_PORT to a free port"
  info "starting $name on 127.0.0.1:$port"
  # Modest heap and the serial collector: five services and their infrastructure share two cores.
  # Two malloc arenas and two Netty arenas: the JVM's native memory, not the heap, is most of a service's RSS.
  MALLOC_ARENA_MAX=2 start_bg "$name" "$RELAIS_LOGS/$name.log" env "$(port_variable "$s")=$port" \
    "$(port_variable "$s" | sed 's/_PORT$/_MANAGEMENT_PORT/')=$management" "$@" \
    "$java" $RELAIS_SERVICE_JVM_OPTS -jar "$RELAIS_HOME/$s/target/quarkus-app/quarkus-run.jar"
}

services_up() {
  services_build_needed && services_build
  services_environment
  local s
  for s in $RELAIS_SERVICES; do service_start "$s" "$s" "$(service_port "$s")" "$(management_port "$s")"; done
  for s in $RELAIS_SERVICES; do
    wait_for "$s" 120 "$s" http_ok "http://127.0.0.1:$(management_port "$s")/q/health/ready"
  done
}

service_instance_up() { # service_instance_up <service> <k>: instance k of a service in scale mode (also what a fault test restarts)
  local s=$1 k=$2
  RELAIS_SERVICE_JVM_OPTS="$RELAIS_SERVICE_JVM_OPTS $RELAIS_SCALE_JVM_OPTS" service_start "$s-$k" "$s" "$(instance_port "$(service_port "$s")" "$k")" "$(instance_port "$(management_port "$s")" "$k")" \
    "RELAIS_INSTANCE=$s-$k" "RELAIS_KAFKA_BOOTSTRAP=$(kafka_cluster_bootstrap)"
}

services_scale_up() {
  services_build_needed && services_build
  services_environment
  local s k
  # instance by instance number: ten JVMs starting at once on two cores make each start (and Keycloak) crawl
  for k in $RELAIS_SCALE_INSTANCES; do
    for s in $RELAIS_SERVICES; do service_instance_up "$s" "$k"; done
    for s in $RELAIS_SERVICES; do
      wait_for "$s-$k" 180 "$s-$k" http_ok "http://127.0.0.1:$(instance_port "$(management_port "$s")" "$k")/q/health/ready"
    done
  done
}

services_down() {
  local s
  # the gateway first, so no new commands arrive while the others drain their in-flight records
  local k
  for s in channel-gateway notification-service mediation-service appointment-service journey-service; do
    stop_named "$s" 30
    for k in $RELAIS_SCALE_INSTANCES; do stop_named "$s-$k" 30; done
  done
}

services_any_running() {
  local s k
  for s in $RELAIS_SERVICES; do
    is_running "$s" && return 0
    for k in $RELAIS_SCALE_INSTANCES; do is_running "$s-$k" && return 0; done
  done
  return 1
}

service_state() { # service_state <name> <management port>: stopped, starting or ready
  if ! is_running "$1"; then echo stopped
  elif http_ok "http://127.0.0.1:$2/q/health/ready" 2>/dev/null; then echo ready
  else echo starting; fi
}

services_status() {
  local s k port
  for s in $RELAIS_SERVICES; do
    port=$(service_port "$s")
    if scale_mode; then
      for k in $RELAIS_SCALE_INSTANCES; do
        printf '%-22s %-9s http://127.0.0.1:%s\n' "$s-$k" "$(service_state "$s-$k" "$(instance_port "$(management_port "$s")" "$k")")" \
          "$(instance_port "$port" "$k")"
      done
    else
      printf '%-22s %-9s http://127.0.0.1:%s\n' "$s" "$(service_state "$s" "$(management_port "$s")")" "$port"
    fi
  done
}
