#!/bin/sh
curl -s https://api.ding.live/v1/authentication \
  -H "X-API-Key: $DING_API_KEY" \
  -d "{\"customer_uuid\": \"$DING_CUSTOMER_UUID\", \"phone_number\": \"$1\"}"
