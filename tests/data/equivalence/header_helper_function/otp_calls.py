"""Raw requests whose headers come from a small helper function (no shared dict constant)."""
import os

import requests

API = "https://api.ding.live/v1"
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def ding_auth():
    return {"X-API-Key": os.environ["DING_API_KEY"], "Content-Type": "application/json"}  # site: auth


def start(phone):
    r = requests.post(f"{API}/authentication", headers=ding_auth(),  # site: create
                      json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone})
    return r.json()["authentication_uuid"]  # site: create-id


def confirm(phone, auth_uuid, code):
    r = requests.post(f"{API}/check", headers=ding_auth(), json={  # site: check
        "customer_uuid": CUSTOMER_UUID, "authentication_uuid": auth_uuid, "check_code": code})
    return r.json()["status"] == "valid"  # site: check-status
