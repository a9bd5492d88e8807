# Kafka: a single KRaft node (broker + controller) run from Maven Central jars, on 127.0.0.1.
# Sourced by ./relais after lib.sh.

KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$RELAIS_HOME/deploy/devstack/fetch-pom.xml")
KAFKA_LIBS="$RELAIS_CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_DIR="$RELAIS_DATA/kafka"
KAFKA_TOPICS_FILE="$RELAIS_HOME/events/src/main/resources/topics.txt"

kafka_java() { "$(find_java 17)" -Dlog4j2.configurationFile="$RELAIS_HOME/deploy/devstack/kafka-log4j2.properties" -cp "$KAFKA_LIBS/*" "$@"; }

# Each service has its own principal (SCRAM-SHA-512) and may write and read only its topics (deploy/kafka/acls.txt).
# The passwords are made on the first start and kept in the git-ignored run directory, never committed.
KAFKA_CREDENTIALS="$RELAIS_RUN/kafka-credentials.env"
KAFKA_ADMIN_PROPERTIES="$RELAIS_RUN/kafka-admin.properties"
KAFKA_ACLS_FILE="$RELAIS_HOME/deploy/kafka/acls.txt"
# topics behind these prefixes get the same ACLs: the system tests' and each module's component tests'
KAFKA_ACL_PREFIXES=(- st. jt. at. mt. gt. nt.)

kafka_credentials() { # writes a password for each principal that has none yet (a service added later gets its own); prints nothing
  local v
  [ -f "$KAFKA_CREDENTIALS" ] || (umask 077 && : >"$KAFKA_CREDENTIALS")
  for v in RELAIS_KAFKA_ADMIN_PASSWORD RELAIS_KAFKA_CONTROLLER_PASSWORD RELAIS_GATEWAY_KAFKA_PASSWORD \
           RELAIS_JOURNEY_KAFKA_PASSWORD RELAIS_APPOINTMENT_KAFKA_PASSWORD RELAIS_MEDIATION_KAFKA_PASSWORD \
           RELAIS_NOTIFICATION_KAFKA_PASSWORD; do
    grep -q "^$v=" "$KAFKA_CREDENTIALS" || echo "$v=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >>"$KAFKA_CREDENTIALS"
  done
}

kafka_export_credentials() { # exports the services' and the admin's Kafka passwords (services, tests, bench)
  kafka_credentials
  set -a
  # shellcheck disable=SC1090
  . "$KAFKA_CREDENTIALS"
  set +a
}

kafka_node_properties() { # kafka_node_properties <node id> <broker port> <controller port> <log dir> <replication factor>
  local node=$1 port=$2 controller=$3 logs=$4 rf=$5 min_isr=1
  [ "$rf" -gt 1 ] && min_isr=2
  cat <<PROPS
process.roles=broker,controller
node.id=$node
listeners=BROKER://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=BROKER://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=BROKER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT
# clients authenticate with SCRAM-SHA-512 (one principal per service); the controller link with PLAIN
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.broker.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$RELAIS_KAFKA_ADMIN_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$RELAIS_KAFKA_CONTROLLER_PASSWORD" user_controller="$RELAIS_KAFKA_CONTROLLER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:controller
allow.everyone.if.no.acl.found=false
log.dirs=$logs
# Topics are created explicitly with the partition counts the services expect
auto.create.topics.enable=false
num.partitions=6
# one broker: no replicas; a cluster: every record on three brokers, acknowledged once two have it
default.replication.factor=$rf
min.insync.replicas=$min_isr
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$min_isr
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$min_isr
group.initial.rebalance.delay.ms=0
# the controller fences a broker that stopped heartbeating after 3 s (Kafka's default: 9 s), and only then moves its
# partitions' leadership: with the default, a SIGKILLed broker stalled every partition it led for 9-10 s under load
broker.heartbeat.interval.ms=500
broker.session.timeout.ms=3000
PROPS
}

kafka_admin_properties() { # kafka_admin_properties <bootstrap>: the super user's client settings (topics, principals, ACLs)
  (umask 077 && cat >"$KAFKA_ADMIN_PROPERTIES" <<PROPS
bootstrap.servers=$1
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$RELAIS_KAFKA_ADMIN_PASSWORD";
PROPS
  )
}

kafka_write_config() {
  kafka_export_credentials
  {
    kafka_node_properties 1 "$RELAIS_KAFKA_PORT" "$RELAIS_KAFKA_CONTROLLER_PORT" "$KAFKA_DIR/logs" 1
    echo "controller.quorum.bootstrap.servers=127.0.0.1:$RELAIS_KAFKA_CONTROLLER_PORT"
  } >"$KAFKA_DIR/server.properties"
  kafka_admin_properties "127.0.0.1:$RELAIS_KAFKA_PORT"
}

kafka_format() { # kafka_format <properties> <log dir> <cluster id> [--standalone]: once, with the admin's SCRAM credentials
  local props=$1 logs=$2 cluster_id=$3; shift 3
  # the admin's SCRAM credentials are written at format time: a log directory made before (without them) starts over
  if [ -f "$logs/meta.properties" ] && [ ! -f "$logs/.relais-scram" ]; then
    info "Kafka's data predates SASL: formatting it again (local dev data only)"
    rm -rf "$logs"
  fi
  [ -f "$logs/meta.properties" ] && return 0
  kafka_java kafka.tools.StorageTool format "$@" -t "$cluster_id" -c "$props" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$RELAIS_KAFKA_ADMIN_PASSWORD]" >>"$RELAIS_LOGS/kafka.log" 2>&1 \
    || die "Kafka storage format failed; see $RELAIS_LOGS/kafka.log"
  touch "$logs/.relais-scram"
}

kafka_cluster_id() { # kafka_cluster_id <file>: the cluster's id, made once (every node of a cluster is formatted with it)
  [ -s "$1" ] || kafka_java kafka.tools.StorageTool random-uuid >"$1"
  cat "$1"
}

kafka_start_node() { # kafka_start_node <name> <properties>
  start_bg "$1" "$RELAIS_LOGS/$1.log" "$(find_java 17)" -Xms128m -Xmx512m \
    -Dlog4j2.configurationFile="$RELAIS_HOME/deploy/devstack/kafka-log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$2"
}

kafka_provision() { # kafka_provision <bootstrap> <replication factor>: topics, then the services' principals and ACLs
  kafka_java "$RELAIS_HOME/deploy/devstack/CreateTopics.java" "$1" "$KAFKA_TOPICS_FILE" "$KAFKA_ADMIN_PROPERTIES" "$2" \
    >>"$RELAIS_LOGS/kafka.log" 2>&1 || die "creating the Kafka topics failed; see $RELAIS_LOGS/kafka.log"
  info "Kafka topics ready ($(grep -cv '^\s*\(#\|$\)' "$KAFKA_TOPICS_FILE") from events/src/main/resources/topics.txt, replication factor $2)"
  kafka_java "$RELAIS_HOME/deploy/devstack/KafkaSecurity.java" "$KAFKA_ADMIN_PROPERTIES" "$KAFKA_CREDENTIALS" \
    "$KAFKA_ACLS_FILE" "${KAFKA_ACL_PREFIXES[@]}" >>"$RELAIS_LOGS/kafka.log" 2>&1 \
    || die "creating the Kafka principals and ACLs failed; see $RELAIS_LOGS/kafka.log"
  info "Kafka principals and ACLs ready (deploy/kafka/acls.txt)"
}

kafka_up() {
  kafka_export_credentials
  if is_running kafka; then info "Kafka already running on 127.0.0.1:$RELAIS_KAFKA_PORT"; return 0; fi
  [ -d "$KAFKA_LIBS" ] || fetch_downloads
  port_open "$RELAIS_KAFKA_PORT" && die "port $RELAIS_KAFKA_PORT is taken by another program; set RELAIS_KAFKA_PORT to a free port"
  mkdir -p "$KAFKA_DIR"
  kafka_write_config
  kafka_format "$KAFKA_DIR/server.properties" "$KAFKA_DIR/logs" "$(kafka_cluster_id "$KAFKA_DIR/cluster.id")" --standalone
  info "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$RELAIS_KAFKA_PORT"
  kafka_start_node kafka "$KAFKA_DIR/server.properties"
  wait_for "Kafka" 90 kafka port_open "$RELAIS_KAFKA_PORT"
  kafka_provision "127.0.0.1:$RELAIS_KAFKA_PORT" 1
}

kafka_down() { stop_named kafka 30; }

kafka_status() {
  if is_running kafka; then echo "kafka       running   127.0.0.1:$RELAIS_KAFKA_PORT"; else echo "kafka       stopped"; fi
}
