"""Raw retry: resend a code; after the window ends v1 answered expired_auth."""
import os

import requests

API = "https://api.ding.live/v1"
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def headers():
    return {"X-API-Key": os.environ["DING_API_KEY"]}


def start(phone_number):
    r = requests.post(API + "/authentication", headers=headers(),  # site: create
                      json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone_number})
    return r.json()["authentication_uuid"]


def resend(phone_number, authentication_uuid):
    r = requests.post(API + "/retry", headers=headers(),  # site: retry
                      json={"customer_uuid": CUSTOMER_UUID, "authentication_uuid": authentication_uuid})
    return r.json()["status"]  # site: retry-status
