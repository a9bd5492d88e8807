# Scale mode: what ./relais up --scale starts, how one part of it is stopped, killed or restarted, and the
# failover test that ./relais test runs in it. Sourced by ./relais after the other parts.

scale_up() {
  if ! scale_mode && { is_running kafka || services_any_running; }; then
    die "the light stack is running; ./relais down first, then ./relais up --scale"
  fi
  touch "$RELAIS_RUN/scale"
  export RELAIS_KAFKA_BOOTSTRAP
  RELAIS_KAFKA_BOOTSTRAP=$(kafka_cluster_bootstrap)
  infra_up
  services_scale_up
  haproxy_up
  # HAProxy takes an instance in after two good checks a second apart
  wait_for "HAProxy's gateway backend" 30 haproxy http_ok "http://127.0.0.1:$RELAIS_GATEWAY_PORT/"
}

scale_summary() {
  cat <<TXT
Scale mode: Kafka brokers $(kafka_cluster_bootstrap) (replication factor 3, min.insync.replicas 2);
HAProxy on the ports above (stats http://127.0.0.1:$RELAIS_HAPROXY_STATS_PORT/stats), two instances of each service
behind it: ./relais status lists them; ./relais part channel-gateway-1 kill|up, ./relais part kafka-2 kill|up.
TXT
}

scale_part() { # scale_part <kafka-N|service-N> <down|up|kill>
  local name=$1 action=$2 pid
  scale_mode || die "./relais part $name works in scale mode only (./relais up --scale)"
  case $action in
    down) stop_named "$name" 30 ;;
    kill) # what a crash does: no shutdown hook, no goodbye to the group coordinator
      is_running "$name" || die "$name is not running"
      pid=$(cat "$(pid_file "$name")")
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
      rm -f "$(pid_file "$name")"
      info "$name killed (SIGKILL)"
      ;;
    up)
      case $name in
        kafka-[0-9]) kafka_export_credentials; kafka_cluster_node_up "${name#kafka-}"
                     wait_for "$name" 90 "$name" port_open "$(kafka_node_port "${name#kafka-}")" ;;
        *-[0-9]) local s=${name%-*} k=${name##*-}
                 services_environment
                 service_instance_up "$s" "$k"
                 # a restart competes with the load for two cores: under the failover test it has taken 106 s
                 wait_for "$name" 300 "$name" http_ok "http://127.0.0.1:$(instance_port "$(management_port "$s")" "$k")/q/health/ready" ;;
      esac
      ;;
    *) die "usage: ./relais part $name down|up|kill" ;;
  esac
}

scale_test() { # the failover test, in scale mode (./relais test --scale has made way for it)
  info "scale mode: failover under load (system-tests, profile scale)"
  scale_up
  (cd "$RELAIS_HOME" && maven -pl system-tests -am -Pscale test -Dtest='FailoverTest' -Dsurefire.failIfNoSpecifiedTests=false) \
    || { scale_down; die "the failover test failed; the instances' logs are in $RELAIS_LOGS"; }
  scale_down
}

scale_down() { # back to the light infrastructure (PostgreSQL, Keycloak and the sinks stay up)
  services_down
  haproxy_down
  prometheus_down
  kafka_cluster_down
  rm -f "$RELAIS_RUN/scale"
}
