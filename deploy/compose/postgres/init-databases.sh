#!/bin/bash
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d): one role and one
# database per service, as deploy/devstack/postgres.sh makes them, each owned by its role. The passwords come from
# the RELAIS_<SERVICE>_DB_PASSWORD variables given to this container (compose.yaml passes the services' own).
set -euo pipefail
for pair in journey:RELAIS_JOURNEY_DB_PASSWORD appointment:RELAIS_APPOINTMENT_DB_PASSWORD \
            mediation:RELAIS_MEDIATION_DB_PASSWORD notification:RELAIS_NOTIFICATION_DB_PASSWORD \
            gateway:RELAIS_GATEWAY_DB_PASSWORD; do
  db=${pair%%:*} variable=${pair#*:}
  password=${!variable:?$variable is not set}
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$db" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
SQL
done
