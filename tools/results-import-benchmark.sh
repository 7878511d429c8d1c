#!/usr/bin/env bash
# Times POST /api/v1/results/import with a generated CSV of N rows (default 100,000) against a running stack
# (the one-command run, or any other), and prints rows per second. The rows are synthetic (HG in water at random
# points in central Kazakhstan, values 0.01-5 ug/L, sampled in 2025) and are stored like any import: run it on a
# stack whose data you may fill, not on a production one.
#   STEPPEWATCH_ADMIN_PASSWORD=... tools/results-import-benchmark.sh [rows] [incident-service URL]
set -euo pipefail
ROWS=${1:-100000}
BASE=${2:-http://localhost:8081}
ISSUER=${STEPPEWATCH_ISSUER_URI:-http://localhost:8084}
: "${STEPPEWATCH_ADMIN_PASSWORD:?set STEPPEWATCH_ADMIN_PASSWORD (the secret of the steppewatch-cli client)}"

CSV=$(mktemp --suffix=.csv)
trap 'rm -f "$CSV"' EXIT
python3 - "$ROWS" > "$CSV" <<'PY'
import random, sys
rows = int(sys.argv[1])
rnd = random.Random(12)  # seeded: every run imports the same file
print("substance,medium,value,unit,sampledOn,lon,lat,laboratory")
for i in range(rows):
    print(f"HG,water,{rnd.uniform(0.01, 5):.4f},ug/L,2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d},"
          f"{rnd.uniform(66, 76):.5f},{rnd.uniform(46, 52):.5f},import benchmark")
PY
TOKEN=$(curl -sf -u "steppewatch-cli:$STEPPEWATCH_ADMIN_PASSWORD" -d grant_type=client_credentials \
  "$ISSUER/oauth2/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
echo "importing $ROWS rows ($(du -h "$CSV" | cut -f1)) into $BASE"
START=$(date +%s.%N)
STATUS=$(curl -s -o /tmp/results-import-answer.json -w '%{http_code}' "$BASE/api/v1/results/import" \
  -H "Authorization: Bearer $TOKEN" -H 'content-type: text/csv' --data-binary @"$CSV")
END=$(date +%s.%N)
python3 - "$STATUS" "$START" "$END" "$ROWS" <<'PY'
import json, sys
status, start, end, rows = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
if status != "201":
    print(f"refused: HTTP {status}: {open('/tmp/results-import-answer.json').read()[:2000]}")
    sys.exit(1)
imported = json.load(open("/tmp/results-import-answer.json"))["imported"]
seconds = end - start
print(f"HTTP {status}: {imported} rows in {seconds:.1f} s = {imported / seconds:,.0f} rows/s (request to answer)")
PY
