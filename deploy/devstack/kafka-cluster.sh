# Kafka as a cluster, for the scale mode (./relais up --scale): three KRaft nodes on loopback, each broker and
# controller, one quorum of three voters. Topics get three replicas and min.insync.replicas=2, so a producer with
# acks=all (every Relais producer) loses nothing when one broker dies. Sourced by ./relais after kafka.sh.

KAFKA_CLUSTER_DIR="$RELAIS_DATA/kafka-cluster"
KAFKA_CLUSTER_NODES="1 2 3"

# node i listens on the single broker's ports moved by 2(i-1): 19092/19093, 19094/19095, 19096/19097
kafka_node_port() { echo $((RELAIS_KAFKA_PORT + 2 * ($1 - 1))); }
kafka_node_controller_port() { echo $((RELAIS_KAFKA_CONTROLLER_PORT + 2 * ($1 - 1))); }

kafka_cluster_bootstrap() { # every broker, so a client (re)starting while one is down still finds the cluster
  local i list=
  for i in $KAFKA_CLUSTER_NODES; do list="${list:+$list,}127.0.0.1:$(kafka_node_port "$i")"; done
  echo "$list"
}

kafka_cluster_node_up() { # kafka_cluster_node_up <node>: formats once, starts it (also what a fault test restarts)
  local i=$1 dir="$KAFKA_CLUSTER_DIR/node-$1" voters= n
  is_running "kafka-$i" && return 0
  port_open "$(kafka_node_port "$i")" && die "port $(kafka_node_port "$i") is taken by another program; set RELAIS_KAFKA_PORT to a free range"
  for n in $KAFKA_CLUSTER_NODES; do voters="${voters:+$voters,}$n@127.0.0.1:$(kafka_node_controller_port "$n")"; done
  mkdir -p "$dir"
  {
    kafka_node_properties "$i" "$(kafka_node_port "$i")" "$(kafka_node_controller_port "$i")" "$dir/logs" 3
    echo "controller.quorum.voters=$voters"
  } >"$dir/server.properties"
  kafka_format "$dir/server.properties" "$dir/logs" "$(kafka_cluster_id "$KAFKA_CLUSTER_DIR/cluster.id")"
  kafka_start_node "kafka-$i" "$dir/server.properties"
}

kafka_cluster_up() {
  kafka_export_credentials
  [ -d "$KAFKA_LIBS" ] || fetch_downloads
  is_running kafka && die "the single-broker Kafka is running: stop the light stack first (./relais down)"
  mkdir -p "$KAFKA_CLUSTER_DIR"
  info "starting Kafka $KAFKA_VERSION as a cluster of three KRaft nodes on $(kafka_cluster_bootstrap)"
  local i
  for i in $KAFKA_CLUSTER_NODES; do kafka_cluster_node_up "$i"; done
  for i in $KAFKA_CLUSTER_NODES; do wait_for "Kafka node $i" 90 "kafka-$i" port_open "$(kafka_node_port "$i")"; done
  kafka_admin_properties "$(kafka_cluster_bootstrap)"
  kafka_provision "$(kafka_cluster_bootstrap)" 3
}

kafka_cluster_down() {
  local i
  for i in $KAFKA_CLUSTER_NODES; do stop_named "kafka-$i" 30; done
}

kafka_cluster_status() {
  local i
  for i in $KAFKA_CLUSTER_NODES; do
    if is_running "kafka-$i"; then echo "kafka-$i     running   127.0.0.1:$(kafka_node_port "$i")"; fi
  done
}
