# PostgreSQL from Debian's packages: one private cluster on 127.0.0.1, one role and one database per
# service (plus *_test and *_system databases per service for the test suites). Sourced by ./relais after lib.sh.

RELAIS_DATABASES="journey appointment mediation notification gateway"

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "PostgreSQL server is missing: install Debian's 'postgresql' package (apt-get install -y postgresql)"
  echo "$d"
}

# initdb and pg_ctl refuse to run as root: as root, the cluster belongs to the 'postgres' user and lives
# where that user can reach it (a clone under a private temp dir is not traversable by others).
if [ "$(id -u)" = 0 ]; then
  PG_DATA="${RELAIS_PG_DATA:-/var/tmp/relais-pg-$(printf '%s' "$RELAIS_HOME" | md5sum | cut -c1-10)}"
else
  PG_DATA="${RELAIS_PG_DATA:-$RELAIS_DATA/pg}"
fi

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_psql() { pg_as_owner "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$RELAIS_PG_PORT" -U postgres -d postgres "$@"; }

pg_running() { pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# pg_stat_statements (PostgreSQL's contrib, in Debian's server package) counts every statement: the bench divides them by
# commands, and an operator finds a slow query with it; its cost is a hash update per statement.
pg_start() {
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $RELAIS_PG_PORT -k $PG_DATA -c max_connections=200 -c shared_preload_libraries=pg_stat_statements" start >>"$RELAIS_LOGS/postgres.log" 2>&1 \
    || die "PostgreSQL did not start; see $PG_DATA/server.log"
}

postgres_up() {
  local bin; bin=$(pg_bindir)
  if pg_running; then info "PostgreSQL already running on 127.0.0.1:$RELAIS_PG_PORT"; else
    port_open "$RELAIS_PG_PORT" && die "port $RELAIS_PG_PORT is taken by another program; set RELAIS_PG_PORT to a free port"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      mkdir -p "$PG_DATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DATA"
      chmod 700 "$PG_DATA"
      pg_as_owner "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        >>"$RELAIS_LOGS/postgres.log" 2>&1 || die "initdb failed; see $RELAIS_LOGS/postgres.log"
    fi
    info "starting PostgreSQL on 127.0.0.1:$RELAIS_PG_PORT (data in $PG_DATA)"
    # The server log goes inside the data dir (owned by the cluster's user); `relais logs postgres` reads it.
    pg_start
    echo "$PG_DATA" >"$RELAIS_RUN/postgres.datadir"
  fi
  local db
  for db in $RELAIS_DATABASES; do
    pg_psql <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$db', '$db') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$db')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '${db}_test', '$db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}_test')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '${db}_system', '$db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}_system')\gexec
SQL
  done
  # The benchmark's scratch database for the raw PostgreSQL baseline (no _test/_system variants).
  pg_psql <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', 'bench', 'bench') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', 'bench', 'bench') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'bench')\gexec
GRANT pg_read_all_stats TO bench;
SQL
  # the statement counters of every database, read from the bench's (a cluster started before this change lacks the library)
  pg_psql -d bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >>"$RELAIS_LOGS/postgres.log" 2>&1 \
    || warn "pg_stat_statements is not loaded: restart PostgreSQL (./relais down, ./relais infra) for the bench's SQL table"
  info "PostgreSQL databases ready: $RELAIS_DATABASES (and *_test for component tests, *_system for system tests)"
}

postgres_down() {
  local datadir
  datadir=$(cat "$RELAIS_RUN/postgres.datadir" 2>/dev/null) || return 0
  PG_DATA="$datadir"
  if pg_running; then pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w stop >>"$RELAIS_LOGS/postgres.log" 2>&1; fi
  rm -f "$RELAIS_RUN/postgres.datadir"
}

postgres_status() {
  if pg_running; then echo "postgres    running   127.0.0.1:$RELAIS_PG_PORT  (data $PG_DATA)"; else echo "postgres    stopped"; fi
}

postgres_part() { # postgres_part <down-fast|down-immediate|up>: what the fault tests do to the database under load
  local datadir
  datadir=$(cat "$RELAIS_RUN/postgres.datadir" 2>/dev/null) || die "PostgreSQL is not running under ./relais"
  PG_DATA="$datadir"
  case $1 in
    # fast: clients are disconnected, open transactions roll back, a checkpoint is written
    down-fast) pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w stop >>"$RELAIS_LOGS/postgres.log" 2>&1 ;;
    # immediate: no checkpoint, the next start replays the WAL, as after a crash of the server
    down-immediate) pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m immediate -w stop >>"$RELAIS_LOGS/postgres.log" 2>&1 ;;
    up) pg_running || pg_start ;;
    *) die "usage: ./relais part postgres down-fast|down-immediate|up" ;;
  esac
  info "postgres $1"
}
