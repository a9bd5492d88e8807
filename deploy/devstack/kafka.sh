# Kafka: a single KRaft node (broker + controller) run from Maven Central jars, on 127.0.0.1.
# Sourced by ./relais after lib.sh.

KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$RELAIS_HOME/deploy/devstack/fetch-pom.xml")
KAFKA_LIBS="$RELAIS_CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_DIR="$RELAIS_DATA/kafka"
KAFKA_TOPICS_FILE="$RELAIS_HOME/events/src/main/resources/topics.txt"

kafka_java() { "$(find_java 17)" -Dlog4j2.configurationFile="$RELAIS_HOME/deploy/devstack/kafka-log4j2.properties" -cp "$KAFKA_LIBS/*" "$@"; }

kafka_write_config() {
  cat >"$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$RELAIS_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$RELAIS_KAFKA_PORT,CONTROLLER://127.0.0.1:$RELAIS_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$RELAIS_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/logs
# Topics are created explicitly with the partition counts the services expect
auto.create.topics.enable=false
num.partitions=6
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

kafka_up() {
  if is_running kafka; then info "Kafka already running on 127.0.0.1:$RELAIS_KAFKA_PORT"; return 0; fi
  [ -d "$KAFKA_LIBS" ] || fetch_downloads
  port_open "$RELAIS_KAFKA_PORT" && die "port $RELAIS_KAFKA_PORT is taken by another program; set RELAIS_KAFKA_PORT to a free port"
  mkdir -p "$KAFKA_DIR"
  kafka_write_config
  if [ ! -f "$KAFKA_DIR/logs/meta.properties" ]; then
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >>"$RELAIS_LOGS/kafka.log" 2>&1 \
      || die "Kafka storage format failed; see $RELAIS_LOGS/kafka.log"
  fi
  info "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$RELAIS_KAFKA_PORT"
  start_bg kafka "$RELAIS_LOGS/kafka.log" "$(find_java 17)" -Xms128m -Xmx512m \
    -Dlog4j2.configurationFile="$RELAIS_HOME/deploy/devstack/kafka-log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties"
  wait_for "Kafka" 90 kafka port_open "$RELAIS_KAFKA_PORT"
  kafka_java "$RELAIS_HOME/deploy/devstack/CreateTopics.java" "127.0.0.1:$RELAIS_KAFKA_PORT" "$KAFKA_TOPICS_FILE" \
    >>"$RELAIS_LOGS/kafka.log" 2>&1 || die "creating the Kafka topics failed; see $RELAIS_LOGS/kafka.log"
  info "Kafka topics ready ($(grep -cv '^\s*\(#\|$\)' "$KAFKA_TOPICS_FILE") from events/src/main/resources/topics.txt)"
}

kafka_down() { stop_named kafka 30; }

kafka_status() {
  if is_running kafka; then echo "kafka       running   127.0.0.1:$RELAIS_KAFKA_PORT"; else echo "kafka       stopped"; fi
}
