#!/usr/bin/env bash
# Heap per instance of the in-memory indexes (about 3 minutes on a quiet 2-core machine): the notification
# service's subscription index at 100,000 and 1,000,000 subscriptions (and each area shape alone at 100,000), the
# analysis service's settlement index at 1,000,000 settlements. Each case in a fresh JVM of up to 6 GiB: used heap
# after GC, and JOL's retained size where the object walk is affordable
# (org.steppewatch.benchmarks.memory.MemoryFootprint).
#
# Usage, from the repository root:  benchmarks/memory.sh [--quick]
#   --quick  a tenth of every size: a smoke run, figures not comparable
# Prints a Markdown table and writes it to target/benchmark-results/memory.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package
java -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.memory.MemoryFootprint "$@"
