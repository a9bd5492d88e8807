# Shared helpers for the devstack scripts. Sourced by ./relais; not meant to run alone.
# Every process we start gets a pid file under $RELAIS_RUN so that `down` stops exactly those.

: "${RELAIS_HOME:?RELAIS_HOME must be set by ./relais}"
RELAIS_STATE="${RELAIS_STATE:-$RELAIS_HOME/.relais}"
RELAIS_CACHE="$RELAIS_STATE/cache"
RELAIS_RUN="$RELAIS_STATE/run"
RELAIS_LOGS="$RELAIS_STATE/logs"
RELAIS_DATA="$RELAIS_STATE/data"
mkdir -p "$RELAIS_CACHE" "$RELAIS_RUN" "$RELAIS_LOGS" "$RELAIS_DATA"

# Fixed, documented ports; every one can be overridden from the environment.
export RELAIS_KAFKA_PORT="${RELAIS_KAFKA_PORT:-19092}"
export RELAIS_KAFKA_CONTROLLER_PORT="${RELAIS_KAFKA_CONTROLLER_PORT:-19093}"
export RELAIS_PG_PORT="${RELAIS_PG_PORT:-15432}"
export RELAIS_KEYCLOAK_PORT="${RELAIS_KEYCLOAK_PORT:-18080}"
export RELAIS_KEYCLOAK_MANAGEMENT_PORT="${RELAIS_KEYCLOAK_MANAGEMENT_PORT:-19000}"
export RELAIS_PROMETHEUS_PORT="${RELAIS_PROMETHEUS_PORT:-19090}"
# e-mail and SMS sinks: GreenMail (SMTP, IMAP, its REST API) and the sms-sink module (SMPP, its read API)
export RELAIS_SMTP_PORT="${RELAIS_SMTP_PORT:-12525}"
export RELAIS_IMAP_PORT="${RELAIS_IMAP_PORT:-12143}"
export RELAIS_MAIL_API_PORT="${RELAIS_MAIL_API_PORT:-12080}"
export RELAIS_SMPP_PORT="${RELAIS_SMPP_PORT:-12775}"
export RELAIS_SMS_SINK_HTTP_PORT="${RELAIS_SMS_SINK_HTTP_PORT:-12776}"
# the SMPP bind password of system_id relais (SMPP 3.4 allows 8 characters at most); local only, not a secret
export RELAIS_SMPP_PASSWORD="${RELAIS_SMPP_PASSWORD:-relaisdv}"
export RELAIS_GATEWAY_PORT="${RELAIS_GATEWAY_PORT:-8080}"
export RELAIS_JOURNEY_PORT="${RELAIS_JOURNEY_PORT:-8081}"
export RELAIS_APPOINTMENT_PORT="${RELAIS_APPOINTMENT_PORT:-8082}"
export RELAIS_MEDIATION_PORT="${RELAIS_MEDIATION_PORT:-8083}"
export RELAIS_NOTIFICATION_PORT="${RELAIS_NOTIFICATION_PORT:-8084}"
# health, metrics and OpenAPI of each service: its management interface, on loopback only
export RELAIS_GATEWAY_MANAGEMENT_PORT="${RELAIS_GATEWAY_MANAGEMENT_PORT:-9180}"
export RELAIS_JOURNEY_MANAGEMENT_PORT="${RELAIS_JOURNEY_MANAGEMENT_PORT:-9181}"
export RELAIS_APPOINTMENT_MANAGEMENT_PORT="${RELAIS_APPOINTMENT_MANAGEMENT_PORT:-9182}"
export RELAIS_MEDIATION_MANAGEMENT_PORT="${RELAIS_MEDIATION_MANAGEMENT_PORT:-9183}"
export RELAIS_NOTIFICATION_MANAGEMENT_PORT="${RELAIS_NOTIFICATION_MANAGEMENT_PORT:-9184}"

info() { printf '\033[1;34m[relais]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[relais]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[relais]\033[0m %s\n' "$*" >&2; exit 1; }

need_cmd() { # need_cmd <command> <one sentence saying how to get it>
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"
}

# Maven through the project's wrapper (.mvn/wrapper): the same Maven everywhere, fetched once into ~/.m2/wrapper
maven() { "$RELAIS_HOME/mvnw" -B "$@"; }

pid_file() { echo "$RELAIS_RUN/$1.pid"; }

is_running() { # is_running <name>: true when the pid recorded for <name> is alive
  local f; f=$(pid_file "$1")
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

start_bg() { # start_bg <name> <logfile> <command...>: runs detached, records its pid
  local name=$1 log=$2 flags=$-; shift 2
  # With job control on (an interactive shell), the job already leads a group and setsid would fork,
  # leaving a pid that exits at once; so launch with job control off.
  set +m
  # setsid gives the process its own group, so stop_named can end its children too
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! >"$(pid_file "$name")"
  [[ $flags == *m* ]] && set -m
  return 0
}

stop_named() { # stop_named <name> [seconds]: SIGTERM the recorded process group, SIGKILL after a grace period
  local name=$1 grace=${2:-30} f pid i
  f=$(pid_file "$name")
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < grace * 5; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name did not stop within ${grace}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$f"
}

port_open() { # port_open <port>: something listens on 127.0.0.1:<port>
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_for() { # wait_for <description> <seconds> <name-or-empty> <command...>: retries until the command succeeds
  local what=$1 secs=$2 name=$3 i; shift 3
  for ((i = 0; i < secs * 2; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    if [ -n "$name" ] && ! is_running "$name"; then
      die "$what: the process exited early; see $RELAIS_LOGS/$name.log"
    fi
    sleep 0.5
  done
  die "$what: not ready after ${secs}s; see $RELAIS_LOGS/${name:-relais}.log"
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }

java_major() { # java_major <java binary>: prints the feature version (17, 21, 25...)
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_java() { # find_java <min major>: prints a java binary of at least that version
  local min=$1 j v
  for j in ${RELAIS_JAVA21_HOME:+$RELAIS_JAVA21_HOME/bin/java} /usr/lib/jvm/temurin-*/bin/java /usr/lib/jvm/*/bin/java "$(command -v java)"; do
    [ -x "$j" ] || continue
    v=$(java_major "$j")
    [ -n "$v" ] && [ "${v%%.*}" -ge "$min" ] && { echo "$j"; return 0; }
  done
  return 1
}
