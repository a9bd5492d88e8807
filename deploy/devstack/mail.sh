# E-mail: GreenMail standalone from Maven Central on 127.0.0.1: SMTP (what the notification service sends to), IMAP,
# and its REST API (what test-support's MailInbox reads). Authentication is off, so every recipient's mailbox is
# made when a mail for it arrives. Sourced by ./relais after lib.sh.

GREENMAIL_VERSION=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$RELAIS_HOME/deploy/devstack/fetch-pom.xml")
GREENMAIL_JAR="$RELAIS_CACHE/greenmail-standalone-$GREENMAIL_VERSION.jar"

mail_up() {
  if is_running mail; then info "GreenMail already running (SMTP 127.0.0.1:$RELAIS_SMTP_PORT)"; return 0; fi
  [ -f "$GREENMAIL_JAR" ] || fetch_downloads
  local port
  for port in "$RELAIS_SMTP_PORT" "$RELAIS_IMAP_PORT" "$RELAIS_MAIL_API_PORT"; do
    port_open "$port" && die "port $port is taken by another program; set RELAIS_SMTP_PORT, RELAIS_IMAP_PORT or RELAIS_MAIL_API_PORT to a free port"
  done
  info "starting GreenMail $GREENMAIL_VERSION: SMTP 127.0.0.1:$RELAIS_SMTP_PORT, IMAP :$RELAIS_IMAP_PORT, API :$RELAIS_MAIL_API_PORT"
  start_bg mail "$RELAIS_LOGS/mail.log" "$(find_java 17)" -Xms32m -Xmx192m -XX:+UseSerialGC \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$RELAIS_SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$RELAIS_IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$RELAIS_MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR"
  wait_for "GreenMail's API" 60 mail http_ok "http://127.0.0.1:$RELAIS_MAIL_API_PORT/api/service/readiness"
  wait_for "GreenMail's SMTP" 30 mail port_open "$RELAIS_SMTP_PORT"
  wait_for "GreenMail's IMAP" 30 mail port_open "$RELAIS_IMAP_PORT"
}

mail_down() { stop_named mail 20; }

mail_status() {
  if is_running mail; then
    echo "mail        running   smtp://127.0.0.1:$RELAIS_SMTP_PORT  imap :$RELAIS_IMAP_PORT  http://127.0.0.1:$RELAIS_MAIL_API_PORT/api/user"
  else
    echo "mail        stopped"
  fi
}
