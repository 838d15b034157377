"""Error codes read from the HTTP error's response, after raise_for_status."""
import os

import requests

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def send(phone):
    try:
        r = requests.post("https://api.ding.live/v1/authentication",  # site: create
                          headers={"X-API-Key": os.environ["DING_API_KEY"]},
                          json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone})
        r.raise_for_status()
    except requests.HTTPError as exc:
        code = exc.response.json()["code"]  # site: error-code
        if code == "invalid_phone_number":
            return "bad number"
        return "error " + code
    return "sent"
