# Prometheus from Debian's packages, scraping the four services. Sourced by ./relais after lib.sh.

PROM_DIR="$RELAIS_DATA/prometheus"

prometheus_up() {
  if is_running prometheus; then info "Prometheus already running on 127.0.0.1:$RELAIS_PROMETHEUS_PORT"; return 0; fi
  need_cmd prometheus "install Debian's 'prometheus' package (apt-get install -y prometheus)"
  port_open "$RELAIS_PROMETHEUS_PORT" && die "port $RELAIS_PROMETHEUS_PORT is taken by another program; set RELAIS_PROMETHEUS_PORT to a free port"
  mkdir -p "$PROM_DIR"
  # deploy/prometheus holds the config with the default ports; move them where the environment says (scale mode:
  # two targets per service, its instances, and HAProxy's own metrics)
  local gw=$RELAIS_GATEWAY_MANAGEMENT_PORT jo=$RELAIS_JOURNEY_MANAGEMENT_PORT ap=$RELAIS_APPOINTMENT_MANAGEMENT_PORT
  local me=$RELAIS_MEDIATION_MANAGEMENT_PORT no=$RELAIS_NOTIFICATION_MANAGEMENT_PORT
  if scale_mode; then
    gw="$(instance_port "$gw" 1)', '127.0.0.1:$(instance_port "$gw" 2)"; jo="$(instance_port "$jo" 1)', '127.0.0.1:$(instance_port "$jo" 2)"
    ap="$(instance_port "$ap" 1)', '127.0.0.1:$(instance_port "$ap" 2)"; me="$(instance_port "$me" 1)', '127.0.0.1:$(instance_port "$me" 2)"
    no="$(instance_port "$no" 1)', '127.0.0.1:$(instance_port "$no" 2)"
  fi
  {
    sed -e "s/127.0.0.1:9180/127.0.0.1:$gw/; s/127.0.0.1:9181/127.0.0.1:$jo/" \
        -e "s/127.0.0.1:9182/127.0.0.1:$ap/; s/127.0.0.1:9183/127.0.0.1:$me/" \
        -e "s/127.0.0.1:9184/127.0.0.1:$no/" \
        -e "s#rules/#$RELAIS_HOME/deploy/prometheus/rules/#" \
        "$RELAIS_HOME/deploy/prometheus/prometheus.yml"
    if scale_mode; then
      printf '  - job_name: haproxy\n    static_configs:\n      - targets: [%s]\n' "'127.0.0.1:$RELAIS_HAPROXY_STATS_PORT'"
    fi
  } >"$RELAIS_RUN/prometheus.yml"
  info "starting Prometheus on 127.0.0.1:$RELAIS_PROMETHEUS_PORT"
  start_bg prometheus "$RELAIS_LOGS/prometheus.log" prometheus --config.file="$RELAIS_RUN/prometheus.yml" \
    --storage.tsdb.path="$PROM_DIR" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$RELAIS_PROMETHEUS_PORT" --web.enable-lifecycle
  wait_for "Prometheus" 60 prometheus http_ok "http://127.0.0.1:$RELAIS_PROMETHEUS_PORT/-/ready"
}

prometheus_down() { stop_named prometheus 20; }

prometheus_status() {
  if is_running prometheus; then echo "prometheus  running   http://127.0.0.1:$RELAIS_PROMETHEUS_PORT"; else echo "prometheus  stopped"; fi
}
