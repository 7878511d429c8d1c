#!/bin/bash
# Start script of the mongo container. MongoDB runs as a one-member replica set with access
# control. A replica set with access control needs a key file for the members' internal
# authentication (even a set of one): it is generated on the first start into the mongo-config
# volume, readable by mongod only, and never leaves the container. The image's entrypoint creates
# the root user and runs initdb/ (the service users) on the first start, before the replica set
# exists; healthcheck.js initiates the set afterwards.
set -euo pipefail
source /compose/require-secrets.sh MONGO_INITDB_ROOT_PASSWORD INCIDENT_SERVICE_PASSWORD ANALYSIS_SERVICE_PASSWORD \
  NOTIFICATION_SERVICE_PASSWORD

keyfile=/data/configdb/replica-set.key
if [[ ! -s $keyfile ]]; then
  (umask 077 && head -c 756 /dev/urandom | base64 -w 0 > "$keyfile")
fi
chown mongodb:mongodb "$keyfile"
chmod 400 "$keyfile"

exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$keyfile"
