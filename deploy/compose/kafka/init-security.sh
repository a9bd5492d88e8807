#!/bin/bash
# Once the broker answers: the topics of events/src/main/resources/topics.txt, one SCRAM principal per service with
# its password, and exactly the ACLs of deploy/kafka/acls.txt (plus each principal's own consumer groups), as
# deploy/devstack/KafkaSecurity.java does for the devstack. Idempotent: runs at every `up`, then exits.
set -euo pipefail
: "${RELAIS_KAFKA_ADMIN_PASSWORD:?}"
BIN=/opt/kafka/bin
ADMIN=/tmp/admin.properties
cat >"$ADMIN" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$RELAIS_KAFKA_ADMIN_PASSWORD";
PROPS
SERVER=(--bootstrap-server kafka:9092 --command-config "$ADMIN")
until "$BIN/kafka-topics.sh" "${SERVER[@]}" --list >/dev/null 2>&1; do echo "waiting for kafka:9092"; sleep 2; done

while read -r topic partitions; do
  case $topic in '' | \#*) continue ;; esac
  "$BIN/kafka-topics.sh" "${SERVER[@]}" --create --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1
done </relais/topics.txt

password_variable() {
  case $1 in
    channel-gateway) echo RELAIS_GATEWAY_KAFKA_PASSWORD ;;
    journey-service) echo RELAIS_JOURNEY_KAFKA_PASSWORD ;;
    appointment-service) echo RELAIS_APPOINTMENT_KAFKA_PASSWORD ;;
    mediation-service) echo RELAIS_MEDIATION_KAFKA_PASSWORD ;;
    notification-service) echo RELAIS_NOTIFICATION_KAFKA_PASSWORD ;;
  esac
}
principals=$(grep -v '^\s*\(#\|$\)' /relais/acls.txt | awk '{print $1}' | sort -u)
for principal in $principals; do
  variable=$(password_variable "$principal")
  password=${!variable:?no password for $principal ($variable)}
  "$BIN/kafka-configs.sh" "${SERVER[@]}" --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
  "$BIN/kafka-acls.sh" "${SERVER[@]}" --add --allow-principal "User:$principal" --operation READ \
    --group "$principal" --resource-pattern-type prefixed
  # one call per principal and operation: kafka-acls grants every listed operation on every listed topic
  for operation in READ WRITE; do
    topics=$(awk -v p="$principal" -v o="$operation" '$1 == p && $2 == o {printf " --topic %s", $3}' /relais/acls.txt)
    [ -z "$topics" ] || "$BIN/kafka-acls.sh" "${SERVER[@]}" --add --allow-principal "User:$principal" --operation "$operation" $topics
  done
done
echo "kafka: topics, principals and ACLs ready"
