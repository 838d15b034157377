"""The URL is built in a variable before the call."""
import os

import requests

BASE_URL = "https://api.ding.live/v1"
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def start(phone):
    url = BASE_URL + "/authentication"
    payload = {"customer_uuid": CUSTOMER_UUID, "phone_number": phone}
    resp = requests.post(url, json=payload, headers={"X-API-Key": os.environ["DING_API_KEY"]})  # site: create
    return resp.json()["authentication_uuid"]


def check(phone, auth_uuid, code):
    url = BASE_URL + "/check"
    resp = requests.post(url, json={"customer_uuid": CUSTOMER_UUID, "authentication_uuid": auth_uuid,  # site: check
                                    "check_code": code}, headers={"X-API-Key": os.environ["DING_API_KEY"]})
    return resp.json()["status"]  # site: check-status
