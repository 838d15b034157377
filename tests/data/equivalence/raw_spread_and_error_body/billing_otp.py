"""requests with a module header dict spread into each call, and the error code read from the
HTTP error's response."""
import os

import requests

API = "https://api.ding.live/v1"
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
AUTH = {"X-API-Key": os.environ["DING_API_KEY"]}


def send(phone):
    try:
        r = requests.post(API + "/authentication", headers={**AUTH, "Accept": "application/json"},  # site: create
                          json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone})
        r.raise_for_status()
    except requests.HTTPError as exc:
        if exc.response.json()["code"] == "negative_balance":  # site: error-code
            return "top up the account"
        return "refused"
    return r.json()["authentication_uuid"]  # site: create-id
