"""Sign-in by SMS, using the client that clients.py built."""
from ding.models import components

from clients import CUSTOMER, client


def send(phone_number):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER, phone_number=phone_number))
    return res.create_authentication_response.authentication_uuid  # site: create-id


def confirm(phone_number, authentication_uuid, code):
    res = client.otp.check(components.CreateCheckRequest(  # site: check
        customer_uuid=CUSTOMER, authentication_uuid=authentication_uuid, check_code=code))
    return res.create_check_response.status.value  # site: check-status


def carrier_of(phone_number):
    res = client.lookup.lookup(phone_number, CUSTOMER)  # site: lookup
    return res.lookup_response.carrier  # site: lookup-carrier
