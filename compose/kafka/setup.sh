#!/bin/bash
# One-shot setup of the Kafka broker, run by the kafka-setup container on every `docker compose up`
# once the broker is healthy; the services start after it has succeeded. All steps are idempotent:
#   - the six public topics and their dead-letter topics, operations.v1 (operators' events, no DLT:
#     nothing in the stack consumes it) and reference.v1 (the reference data, compacted, no DLT: its
#     readers skip what they cannot read) - the services do not create topics here
#     (STEPPEWATCH_EVENTING_CREATE_TOPICS=false),
#   - a SCRAM-SHA-512 credential per service and for the partner user, from .env (set again on every
#     run, so a password changed in .env takes effect here),
#   - the ACLs of acls.txt.
set -euo pipefail
source /compose/require-secrets.sh BROKER_ADMIN_PASSWORD INCIDENT_SERVICE_PASSWORD ANALYSIS_SERVICE_PASSWORD \
  NOTIFICATION_SERVICE_PASSWORD PARTNER_PASSWORD
source /compose/kafka/admin-client.sh

for topic in incidents.v1 assessments.v1 alerts.v1 contamination.v1 findings.v1 notices.v1; do
  for name in "$topic" "$topic.DLT"; do
    kafka_tool kafka-topics --create --if-not-exists --topic "$name" --partitions 3 --replication-factor 1
  done
done
kafka_tool kafka-topics --create --if-not-exists --topic operations.v1 --partitions 3 --replication-factor 1
kafka_tool kafka-topics --create --if-not-exists --topic reference.v1 --partitions 3 --replication-factor 1 \
  --config cleanup.policy=compact

scram_user() {
  kafka_tool kafka-configs --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
scram_user incident-service "$INCIDENT_SERVICE_PASSWORD"
scram_user analysis-service "$ANALYSIS_SERVICE_PASSWORD"
scram_user notification-service "$NOTIFICATION_SERVICE_PASSWORD"
scram_user partner "$PARTNER_PASSWORD"

while read -r principal operation resource; do
  [[ -z $principal || $principal == \#* ]] && continue
  case $resource in
    topic:*) target=(--topic "${resource#topic:}") ;;
    group:*) target=(--group "${resource#group:}") ;;
    group-prefix:*) target=(--resource-pattern-type prefixed --group "${resource#group-prefix:}") ;;
    cluster) target=(--cluster) ;;
    *) echo "acls.txt: unknown resource $resource" >&2; exit 1 ;;
  esac
  kafka_tool kafka-acls --add --allow-principal "User:$principal" --operation "$operation" "${target[@]}" > /dev/null
done < /compose/kafka/acls.txt

echo "Kafka topics, users and ACLs are in place"
