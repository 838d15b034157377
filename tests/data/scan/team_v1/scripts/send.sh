#!/usr/bin/env bash
set -euo pipefail
curl -sS -X POST -H "x-api-key: $DING_API_KEY" https://api.ding.live/v1/authentication \
  -d "{\"customer_uuid\": \"$DING_CUSTOMER_UUID\", \"phone_number\": \"$1\"}"
