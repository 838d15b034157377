"""An httpx client with base_url, shared by the whole module."""
import os

import httpx

CUSTOMER = "00000000-0000-4000-8000-000000000001"


def make_client():
    return httpx.Client(base_url="https://api.ding.live/v1", headers={"x-api-key": os.environ["DING_API_KEY"]})  # site: client


def start(client, phone):
    response = client.post("/authentication", json={"customer_uuid": CUSTOMER, "phone_number": phone})  # site: create
    return response.json()["authentication_uuid"]


def check(client, phone, auth_uuid, code):
    response = client.post("/check", json={"customer_uuid": CUSTOMER, "authentication_uuid": auth_uuid,  # site: check
                                           "check_code": code})
    return response.json()["status"] == "valid"
