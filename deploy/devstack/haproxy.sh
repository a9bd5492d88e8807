# HAProxy (Debian's package) in scale mode: on each service's usual port it balances round robin over that service's
# instances, health-checking their readiness on the management port; no sticky sessions (web sessions are encrypted
# cookies, command state lives in PostgreSQL). Its own metrics (Prometheus format) and stats page on loopback.
# Sourced by ./relais after services.sh.

export RELAIS_HAPROXY_STATS_PORT="${RELAIS_HAPROXY_STATS_PORT:-18404}"

haproxy_config() {
  local s k name
  cat <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    # an idle live stream (SSE) is cut after this; the browser's EventSource reconnects by itself
    timeout server 60s
    timeout http-keep-alive 10s
    # an instance that died between two health checks: try the connection elsewhere (nothing was sent yet, so
    # any method is safe to retry); a request already sent is answered 502 and the client retries with its key
    retries 2
    retry-on conn-failure empty-response
    option redispatch 1
    # an instance back from a crash starts cold (its JIT has compiled nothing): its share of traffic grows over 20 s
    # instead of half the load landing on it at once
    default-server inter 1s fall 2 rise 2 slowstart 20s on-marked-down shutdown-sessions

frontend stats
    bind 127.0.0.1:$RELAIS_HAPROXY_STATS_PORT
    http-request use-service prometheus-exporter if { path /metrics }
    stats enable
    stats uri /stats
    stats refresh 5s
CFG
  for s in $RELAIS_SERVICES; do
    name=${s%-service}
    printf '\nfrontend %s\n    bind 127.0.0.1:%s\n    default_backend %s\n' "$name" "$(service_port "$s")" "$name"
    printf '\nbackend %s\n    balance roundrobin\n    option httpchk GET /q/health/ready\n    http-check expect status 200\n' "$name"
    for k in $RELAIS_SCALE_INSTANCES; do
      printf '    server %s 127.0.0.1:%s check port %s\n' "$s-$k" "$(instance_port "$(service_port "$s")" "$k")" \
        "$(instance_port "$(management_port "$s")" "$k")"
    done
  done
}

haproxy_up() {
  if is_running haproxy; then info "HAProxy already running"; return 0; fi
  need_cmd haproxy "install Debian's 'haproxy' package (apt-get install -y haproxy)"
  local s
  for s in $RELAIS_SERVICES; do
    port_open "$(service_port "$s")" && die "port $(service_port "$s") is taken by another program (a service of the light stack? ./relais down first)"
  done
  haproxy_config >"$RELAIS_RUN/haproxy.cfg"
  haproxy -c -q -f "$RELAIS_RUN/haproxy.cfg" >>"$RELAIS_LOGS/haproxy.log" 2>&1 || die "the HAProxy configuration is invalid; see $RELAIS_LOGS/haproxy.log"
  info "starting HAProxy on the services' ports (stats http://127.0.0.1:$RELAIS_HAPROXY_STATS_PORT/stats)"
  # -db: in the foreground, so its pid is the one recorded
  start_bg haproxy "$RELAIS_LOGS/haproxy.log" haproxy -db -f "$RELAIS_RUN/haproxy.cfg"
  wait_for "HAProxy" 20 haproxy port_open "$RELAIS_GATEWAY_PORT"
}

haproxy_down() { stop_named haproxy 10; }

haproxy_status() {
  if is_running haproxy; then echo "haproxy     running   stats http://127.0.0.1:$RELAIS_HAPROXY_STATS_PORT/stats"; fi
}
