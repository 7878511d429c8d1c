#!/usr/bin/env bash
# The broker's ceiling next to the outbox relay's, on this machine (2 minutes on a quiet 2-core machine, 2026-12-02).
#
# 1. Kafka's own ProducerPerformance and ConsumerPerformance (kafka-tools, the project's Kafka version) against the
#    embedded KRaft broker of the one-command run, with records the size of a real IncidentAssessed and AlertIssued
#    and the services' producer settings (acks=all, idempotence): org.steppewatch.benchmarks.broker.BrokerCeiling.
# 2. The outbox relay (eventing's OutboxRelay with its real store and leases) emptying an outbox of waiting events
#    into the same kind of broker, on both stores of the embedded MongoDB (memory and H2 file backends):
#    eventing's OutboxRelayBenchmark (profile relay-benchmark).
#
# Usage, from the repository root:  benchmarks/broker.sh [--quick]
#   --quick  a tenth of the records and events: a smoke run of about 2 minutes, figures not comparable
# Prints two Markdown tables and writes them to target/benchmark-results/broker.md.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
relay_size=()
if [[ "${1:-}" == "--quick" ]]; then
  quick="--quick"
  relay_size=(-Dbenchmark.events=200 -Dbenchmark.keys=20)
fi

./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package
java -Xmx2g -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.broker.BrokerCeiling $quick

./mvnw -q -B -ntp -pl eventing -am -Prelay-benchmark verify -Dtest=OutboxRelayBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.results="$PWD/target" "${relay_size[@]}"

results=target/benchmark-results
{ cat "$results/broker-tools.md"; echo; cat "$results/relay.md"; } > "$results/broker.md"
echo
cat "$results/broker.md"
echo "(written to $results/broker.md)"
