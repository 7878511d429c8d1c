#!/bin/bash
# Healthy when the broker answers an authenticated admin client on the INTERNAL listener.
set -euo pipefail
source /compose/kafka/admin-client.sh
kafka_tool kafka-broker-api-versions > /dev/null 2>&1
