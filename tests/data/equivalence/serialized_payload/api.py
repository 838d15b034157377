"""A JSON API that hands the v1 response model to its caller as a dict."""
import json

import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def start(client, phone):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER, phone_number=phone))
    body = res.create_authentication_response
    data = body.to_dict()  # site: create-dict
    return sorted(data)


def start_json(client, phone):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-json
        customer_uuid=CUSTOMER, phone_number=phone))
    return sorted(json.loads(res.create_authentication_response.to_json()))  # site: create-json-keys
