"""A login gate whose accepted check outcomes are a module constant."""
import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"
ACCEPTED = (components.CheckStatus.VALID, components.CheckStatus.ALREADY_VALIDATED)


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def send_and_login(client, phone, code_of):
    created = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-2
        customer_uuid=CUSTOMER, phone_number=phone))
    res = client.otp.check(components.CreateCheckRequest(  # site: check-2
        customer_uuid=CUSTOMER, authentication_uuid=created.create_authentication_response.authentication_uuid,
        check_code=code_of(phone)))
    return res.create_check_response.status in ACCEPTED  # site: check-2-gate
