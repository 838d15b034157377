"""Plain requests; the JSON statuses are dispatched with match statements."""
import os

import requests

BASE = "https://api.ding.live/v1"
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def send(phone):
    r = requests.post(f"{BASE}/authentication",  # site: create
                      json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone},
                      headers={"X-API-Key": os.environ["DING_API_KEY"]})
    return r.json()["authentication_uuid"]  # site: create-id


def verify(phone, auth_uuid, code):
    r = requests.post(f"{BASE}/check",  # site: check
                      json={"customer_uuid": CUSTOMER_UUID, "authentication_uuid": auth_uuid, "check_code": code},
                      headers={"X-API-Key": os.environ["DING_API_KEY"]})
    match r.json()["status"]:  # site: check-match
        case "valid":
            return 200
        case "invalid" | "expired_auth":
            return 401
        case _:
            return 429
