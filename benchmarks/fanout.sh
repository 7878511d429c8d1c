#!/usr/bin/env bash
# Fan-out benchmark: one assessment alerting N webhook subscriptions, on each store of the embedded MongoDB.
#
# Wraps notification-service's FanOutBenchmark (profile fanout-benchmark; docs/alerts.md, "Fan-out benchmark"):
# the service, the embedded MongoDB, the embedded Kafka broker and a local webhook receiver share one JVM. Every
# round is timed from publishing the assessment to the last delivery recorded SENT, and fails the run if a delivery
# is lost, duplicated or not recorded. Each store runs in a JVM of its own: a warm-up round (cold), then the rounds.
#
# Usage (from the repository root):
#   benchmarks/fanout.sh                       both stores, 50,000 subscriptions, 10,000 warm-up, 3 rounds
#   benchmarks/fanout.sh --store h2            only the H2 file backend (the one-command run's store); or memory
#   benchmarks/fanout.sh --subscriptions 100000 --warmup 20000 --rounds 3
#   benchmarks/fanout.sh --quick               a smoke run: 5,000 subscriptions, 2,000 warm-up, 1 round
# About 6 minutes on a quiet 2-core machine for both stores with the defaults, the build included (2026-12-02).
# Prints a Markdown table at the end and writes it to target/benchmark-results/fanout.md.
set -euo pipefail
cd "$(dirname "$0")/.."

stores="memory h2"
subscriptions=50000
warmup=10000
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --store) stores="$2"; [ "$stores" = both ] && stores="memory h2"; shift 2 ;;
    --subscriptions) subscriptions="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --quick) subscriptions=5000; warmup=2000; rounds=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
echo "building notification-service and what it needs ..."
./mvnw -q -B -ntp -DskipTests -pl notification-service -am package

rows=()
for store in $stores; do
  echo "fan-out on the $store store: $subscriptions subscriptions, $warmup warm-up, $rounds rounds ..."
  rm -f "notification-service/target/fanout-benchmark-$store.rows.md"
  # -Dtest narrows the upstream modules' tests to none; the profile runs the benchmark in notification-service
  ./mvnw -q -B -ntp -pl notification-service -am -Pfanout-benchmark verify -Dtest=FanOutBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.mongo="$store" -Dbenchmark.subscriptions="$subscriptions" \
    -Dbenchmark.warmup="$warmup" -Dbenchmark.rounds="$rounds"
  while IFS= read -r line; do rows+=("$line"); done < "notification-service/target/fanout-benchmark-$store.rows.md"
done

java_version=$(java -version 2>&1 | head -1)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr)
mkdir -p target/benchmark-results
{
  echo "Fan-out: $(nproc) cores, $java_version, $os; service, embedded MongoDB (mongo-java-server), Kafka and"
  echo "receiver in one JVM (-Xmx4g); deliveries/s from publishing to the last delivery recorded SENT; $(( $(date +%s) - started )) s in all."
  echo
  echo "| store | round | warm/cold | deliveries | deliveries/s (to last SENT) | to last receipt | lost | duplicates |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > target/benchmark-results/fanout.md
echo
cat target/benchmark-results/fanout.md
