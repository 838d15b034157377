"""The otp namespace of the factory's client, kept in a module-level name."""
from ding.models import components

from factory import build

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
otp = build().otp  # site: alias


def send(phone):
    res = otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER_UUID, phone_number=phone))
    return res.create_authentication_response.authentication_uuid  # site: create-id
