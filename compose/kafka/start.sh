#!/bin/bash
# Start script of the kafka container (apache/kafka image). The broker and its setup container
# authenticate as the super user `admin` over SASL/SCRAM, whose credential must exist before the
# broker starts: in KRaft mode only `kafka-storage format --add-scram` can create it (KIP-900).
# So the data directory is formatted here, once, with that credential; the image's own start
# script (/etc/kafka/docker/run) then finds it formatted and carries on. The other users are
# created by setup.sh against the running broker.
set -euo pipefail
# the controller's password is only checked here: the broker reads it from its listener settings
source /compose/require-secrets.sh BROKER_ADMIN_PASSWORD BROKER_CONTROLLER_PASSWORD

if [[ ! -f "$KAFKA_LOG_DIRS/meta.properties" ]]; then
  # only what formatting reads: node id, quorum, log directory (listeners are not stored)
  cat > /tmp/format.properties <<PROPERTIES
process.roles=$KAFKA_PROCESS_ROLES
node.id=$KAFKA_NODE_ID
controller.quorum.voters=$KAFKA_CONTROLLER_QUORUM_VOTERS
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://:19092,CONTROLLER://:9093
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_LOG_DIRS
PROPERTIES
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config /tmp/format.properties \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$BROKER_ADMIN_PASSWORD]"
  rm /tmp/format.properties
fi

exec /etc/kafka/docker/run
