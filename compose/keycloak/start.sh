#!/bin/bash
# Start script of the keycloak container: refuses to import the realm with a missing or example
# secret (an empty client secret would let anyone take tokens with every role), then runs Keycloak
# with the arguments given in docker-compose.yml.
set -euo pipefail
source /compose/require-secrets.sh STEPPEWATCH_ADMIN_PASSWORD KC_BOOTSTRAP_ADMIN_PASSWORD
exec /opt/keycloak/bin/kc.sh "$@"
