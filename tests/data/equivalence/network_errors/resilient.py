"""Network failures handled with requests' exceptions, because the ding SDK sits on requests."""
import requests

import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def client(key):
    return ding.Ding(api_key=key)  # site: client


def _send(sdk, phone):
    return sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER_UUID, phone_number=phone))


def send(sdk, phone):
    try:
        res = _send(sdk, phone)
    except requests.exceptions.Timeout:  # site: timeout-handler
        return "timeout, try later"
    except requests.exceptions.RequestException:
        return "network down"
    return res.create_authentication_response.status.value  # site: create-status


def lookup(sdk, phone):
    try:
        return sdk.lookup.lookup(phone, CUSTOMER_UUID).lookup_response.country_code  # site: lookup
    except (requests.ConnectionError, requests.Timeout):  # site: connection-handler
        return None
