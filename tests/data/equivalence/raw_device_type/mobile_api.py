"""The device type from a conditional and from a mapping, in a raw body."""
import os

import requests

URL = "https://api.ding.live/v1/authentication"
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
PLATFORMS = {"iphone": "IOS", "pixel": "ANDROID"}


def send(phone, user_agent):
    body = {
        "customer_uuid": CUSTOMER_UUID,
        "phone_number": phone,
        "device_type": "IOS" if "iPhone" in user_agent else "ANDROID",
    }
    r = requests.post(URL, json=body, headers={"X-API-Key": os.environ["DING_API_KEY"]})  # site: create-conditional
    return r.status_code


def send_for(phone, model):
    r = requests.post(URL, headers={"X-API-Key": os.environ["DING_API_KEY"]},  # site: create-mapping
                      json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone,
                            "device_type": PLATFORMS.get(model, "WEB")})
    return r.status_code
