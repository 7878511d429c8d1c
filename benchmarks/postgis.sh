#!/usr/bin/env bash
# PostGIS side by side, in one run: JTS in memory (as analysis-service and notification-service use it) against
# PostGIS 3 with GiST indexes over JDBC, on the same generated settlements (1k, 10k, 100k, 1M), hazard zones and
# subscription areas. Checks that both sides return the same answers first, then times each query on each side.
#
# Usage (from the repository root):  benchmarks/postgis.sh [--quick] [--seed N]
#   --quick   1k and 10k settlements, 1k and 10k subscriptions, shorter timing: a smoke run of about 2 minutes
#   --seed N  another data set (default 13)
#
# What it does: installs PostgreSQL and PostGIS with apt-get when missing (Debian/Ubuntu; needs root or sudo),
# builds the benchmarks jar, starts a throwaway PostgreSQL cluster in a temporary directory on a free port
# (loopback only, trust authentication, fsync off: nothing in it survives the run), runs the comparison and
# stops and removes the cluster on exit. About 3 minutes on a quiet 2-core machine, the 1M load included (2026-12-02).
# Prints a Markdown table and writes it to target/benchmark-results/postgis.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) ARGS+=(--quick) ;;
    --seed) ARGS+=(--seed "$2"); shift ;;
    *) echo "unknown option $1 (options: --quick, --seed N)" >&2; exit 2 ;;
  esac
  shift
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# --- PostgreSQL and PostGIS -------------------------------------------------------------------------------------
if [ -z "$(pg_bin)" ]; then
  echo "[postgis] installing PostgreSQL and PostGIS (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgis
fi
PG_BIN="$(pg_bin)"
PG_VERSION="$(basename "$(dirname "$PG_BIN")")"
if ! ls /usr/share/postgresql/"$PG_VERSION"/extension/postgis.control >/dev/null 2>&1; then
  echo "[postgis] installing postgresql-$PG_VERSION-postgis-3 (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION-postgis-3"
fi

# --- build --------------------------------------------------------------------------------------------------------
echo "[postgis] building the benchmarks jar"
./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package

# --- a throwaway cluster ------------------------------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/steppewatch-postgis.XXXXXX")"
as_postgres() {
  # initdb refuses to run as root: the cluster belongs to the postgres user then
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK"; fi
cleanup() {
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=54329
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done

as_postgres "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C >"$WORK/initdb.log"
# shared_buffers large enough to hold the 1M table and its indexes (warm figures); fsync and WAL flushes off only
# speed up the load of a cluster that is thrown away, they change no query plan
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w start -o "-p $PORT -k $WORK \
  -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c maintenance_work_mem=512MB -c max_wal_size=4GB \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
echo "[postgis] PostgreSQL $PG_VERSION on 127.0.0.1:$PORT (data in $WORK, removed at exit)"

# --- the comparison -----------------------------------------------------------------------------------------------
OS="$(. /etc/os-release && echo "$PRETTY_NAME")"
MACHINE="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $OS, kernel $(uname -r)"
# in the background and waited for, so that an interrupt reaches the trap at once and stops the JVM too
java -Xmx4g -Xms4g -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.postgis.PostgisComparison \
  --jdbc "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres" \
  --out target/benchmark-results/postgis.md --machine "$MACHINE" ${ARGS[@]+"${ARGS[@]}"} &
JAVA_PID=$!
trap 'kill "$JAVA_PID" 2>/dev/null; exit 130' INT TERM
wait "$JAVA_PID"
