"""Django-style handlers on ding-client-sdk 1.3.0, a positional lookup in that SDK's order."""
import os

import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"
sdk = ding.Ding(os.environ["DING_API_KEY"])  # site: client


def send_code(request):
    response = sdk.otp.create_autentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER, phone_number=request["phone"]))
    return {"status": response.create_authentication_response.status.value}  # site: create-status


def resend(request):
    response = sdk.otp.retry(components.RetryAuthenticationRequest(  # site: retry
        customer_uuid=CUSTOMER, authentication_uuid=request["auth"]))
    return {"resent": response.retry_authentication_response.status.value == "approved"}  # site: retry-status


def carrier(request):
    response = sdk.lookup.lookup(CUSTOMER, request["phone"])  # site: lookup
    return {"carrier": response.lookup_response.carrier}
