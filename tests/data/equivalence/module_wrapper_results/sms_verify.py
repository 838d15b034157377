"""The one module that talks to Ding; it hands its payloads to the account code."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
_sdk = {}


def connect(key):
    _sdk["client"] = ding.Ding(api_key=key)  # site: client


def send(phone):
    res = _sdk["client"].otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER_UUID, phone_number=phone))
    return res.create_authentication_response  # site: send-payload


def check(auth_uuid, code):
    res = _sdk["client"].otp.check(components.CreateCheckRequest(  # site: check
        customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
    return res.create_check_response  # site: check-payload
