#!/usr/bin/env bash
# Report -> signed webhook latency under load (issue 13). Run from the repository root:
#
#   benchmarks/latency.sh            # 1, 10 and 50 reports/s for 60 s each, with one and then two instances
#                                    # of each service (14 minutes on a quiet 2-core machine on 2026-12-02, build included,
#                                    # 4.6 of them waiting for the 50/s backlog before the second configuration)
#   benchmarks/latency.sh --one-instance   # 60 s per rate, one instance of each service only
#   benchmarks/latency.sh --quick    # 10 s per rate, one instance of each service (a smoke run, about 3 minutes)
#   add --keep to keep the temporary directory: the stack's data and log (stack.log)
#
# Builds the one-command launcher (local/target/steppewatch.jar) and the benchmarks jar, starts the launcher in a
# fresh temporary data directory on free ports, subscribes 1,000 webhooks to a receiver inside the driver, and
# prints a Markdown table, also written to target/benchmark-results/latency.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests -pl local,benchmarks -am package
exec java -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.latency.LatencyBenchmark "$@"
