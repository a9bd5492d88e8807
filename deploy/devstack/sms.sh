# SMS: the sms-sink module, a small real SMSC (SMPP 3.4) on 127.0.0.1 that keeps what it receives and shows it on
# GET /messages. Built from this repository when its jar is missing or older than its sources. Sourced by ./relais
# after lib.sh.

SMS_SINK_DIR="$RELAIS_HOME/sms-sink"
SMS_SINK_JAR="$SMS_SINK_DIR/target/relais-sms-sink.jar"
# it runs from a copy: a later `mvn package` or `clean` rewrites target/ under a running JVM
SMS_SINK_RUN_DIR="$RELAIS_DATA/sms-sink"

sms_build_needed() {
  [ -f "$SMS_SINK_JAR" ] || return 0
  [ -n "$(find "$SMS_SINK_DIR/src/main" "$SMS_SINK_DIR/pom.xml" "$RELAIS_HOME/pom.xml" -newer "$SMS_SINK_JAR" -print -quit 2>/dev/null)" ]
}

sms_up() {
  if is_running sms; then info "SMS sink already running (SMPP 127.0.0.1:$RELAIS_SMPP_PORT)"; return 0; fi
  if sms_build_needed; then
    info "building the SMS sink (sms-sink module)"
    (cd "$RELAIS_HOME" && maven -q -pl sms-sink -am package -DskipTests) >"$RELAIS_LOGS/build-sms.log" 2>&1 \
      || die "building the SMS sink failed; see $RELAIS_LOGS/build-sms.log"
  fi
  local port
  for port in "$RELAIS_SMPP_PORT" "$RELAIS_SMS_SINK_HTTP_PORT"; do
    port_open "$port" && die "port $port is taken by another program; set RELAIS_SMPP_PORT or RELAIS_SMS_SINK_HTTP_PORT to a free port"
  done
  rm -rf "$SMS_SINK_RUN_DIR" && mkdir -p "$SMS_SINK_RUN_DIR"
  cp -r "$SMS_SINK_JAR" "$SMS_SINK_DIR/target/lib" "$SMS_SINK_RUN_DIR/"
  info "starting the SMS sink: SMPP 127.0.0.1:$RELAIS_SMPP_PORT (system_id relais), HTTP :$RELAIS_SMS_SINK_HTTP_PORT"
  # it reads RELAIS_SMPP_PORT, RELAIS_SMS_SINK_HTTP_PORT and RELAIS_SMPP_PASSWORD from the environment (lib.sh exports them)
  start_bg sms "$RELAIS_LOGS/sms.log" "$(find_java 17)" -Xms16m -Xmx96m -XX:+UseSerialGC -jar "$SMS_SINK_RUN_DIR/relais-sms-sink.jar"
  wait_for "the SMS sink's HTTP API" 30 sms http_ok "http://127.0.0.1:$RELAIS_SMS_SINK_HTTP_PORT/health"
  wait_for "the SMS sink's SMPP port" 30 sms port_open "$RELAIS_SMPP_PORT"
}

sms_down() { stop_named sms 10; }

sms_status() {
  if is_running sms; then
    echo "sms         running   smpp://127.0.0.1:$RELAIS_SMPP_PORT  http://127.0.0.1:$RELAIS_SMS_SINK_HTTP_PORT/messages"
  else
    echo "sms         stopped"
  fi
}
