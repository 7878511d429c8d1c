# Sourced (bash) by healthcheck.sh and setup.sh: an admin client configuration for the INTERNAL
# listener, written to a file only this container user can read, and a function to run a Kafka
# command-line tool with it.
umask 077
ADMIN_CONFIG=$(mktemp)
cat > "$ADMIN_CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$BROKER_ADMIN_PASSWORD";
PROPERTIES
trap 'rm -f "$ADMIN_CONFIG"' EXIT

# kafka_tool kafka-topics --list  ->  /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:19092 --command-config ... --list
kafka_tool() {
  local tool=$1
  shift
  "/opt/kafka/bin/$tool.sh" --bootstrap-server kafka:19092 --command-config "$ADMIN_CONFIG" "$@"
}
