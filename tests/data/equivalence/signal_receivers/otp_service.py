"""Sends the v1 responses to whoever listens."""
import os

import ding
from ding.models import components

from signals import code_checked, code_sent

CUSTOMER = "00000000-0000-4000-8000-000000000001"
sdk = ding.Ding(api_key=os.environ["DING_API_KEY"])  # site: client


def send_code(phone):
    res = sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER, phone_number=phone))
    code_sent.send(res.create_authentication_response)  # site: create-send
    return res.create_authentication_response.authentication_uuid


def check_code(phone, auth, code):
    res = sdk.otp.check(components.CreateCheckRequest(  # site: check
        customer_uuid=CUSTOMER, authentication_uuid=auth, check_code=code))
    result = res.create_check_response
    code_checked.send(result)  # site: check-send
    return result.authentication_uuid is not None
