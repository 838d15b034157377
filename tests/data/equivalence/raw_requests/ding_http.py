"""The v1 API called with plain requests, no SDK."""
import os

import requests

API = "https://api.ding.live/v1"
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def _headers():
    return {"X-API-Key": os.environ["DING_API_KEY"], "Content-Type": "application/json"}


def send(phone):
    r = requests.post(API + "/authentication", headers=_headers(),  # site: create
                      json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone, "ip": "203.0.113.5"})
    r.raise_for_status()
    return r.json()["authentication_uuid"]  # site: create-id


def check(auth_uuid, code):
    r = requests.post(API + "/check", headers=_headers(),  # site: check
                      json={"customer_uuid": CUSTOMER_UUID, "authentication_uuid": auth_uuid, "check_code": code})
    return r.json()["status"] == "valid"  # site: check-status


def lookup(phone):
    r = requests.get(f"{API}/lookup/{phone}", headers={**_headers(), "customer-uuid": CUSTOMER_UUID})  # site: lookup
    data = r.json()
    return {"carrier": data["carrier"], "mobile": data["line_type"] == "Mobile"}  # site: lookup-read
