#!/bin/bash
# One KRaft node (broker and controller) with SASL/SCRAM-SHA-512 as the devstack runs it (deploy/devstack/kafka.sh):
# clients log in with SCRAM, the controller link with PLAIN, and the broker refuses whatever deploy/kafka/acls.txt
# does not allow. The admin's SCRAM credentials can only be written when the storage is formatted, hence this script
# instead of the image's own start-up. Needs RELAIS_KAFKA_ADMIN_PASSWORD and RELAIS_KAFKA_CONTROLLER_PASSWORD.
set -euo pipefail
: "${RELAIS_KAFKA_ADMIN_PASSWORD:?}" "${RELAIS_KAFKA_CONTROLLER_PASSWORD:?}"
KAFKA=/opt/kafka
DATA=/var/lib/kafka/data
CONFIG=/tmp/server.properties
cat >"$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=kafka:9093
listeners=BROKER://0.0.0.0:9092,CONTROLLER://kafka:9093
advertised.listeners=BROKER://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=BROKER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.broker.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$RELAIS_KAFKA_ADMIN_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$RELAIS_KAFKA_CONTROLLER_PASSWORD" user_controller="$RELAIS_KAFKA_CONTROLLER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:controller
allow.everyone.if.no.acl.found=false
log.dirs=$DATA
auto.create.topics.enable=false
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
if [ ! -f "$DATA/meta.properties" ]; then
  "$KAFKA/bin/kafka-storage.sh" format --standalone -t "$("$KAFKA/bin/kafka-storage.sh" random-uuid)" -c "$CONFIG" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$RELAIS_KAFKA_ADMIN_PASSWORD]"
fi
exec "$KAFKA/bin/kafka-server-start.sh" "$CONFIG"
