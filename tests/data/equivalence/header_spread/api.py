"""Shared header dict spread into each call with a per-request id."""
import os
import uuid

import requests

DING = "https://api.ding.live/v1"
HEADERS = {"X-API-Key": os.environ.get("DING_API_KEY", ""), "Accept": "application/json"}  # site: headers


def send(phone, customer_uuid):
    response = requests.post(f"{DING}/authentication",  # site: create
                             headers={**HEADERS, "X-Request-Id": str(uuid.uuid4())},
                             json={"customer_uuid": customer_uuid, "phone_number": phone})
    return response.json()["status"]  # site: create-status
