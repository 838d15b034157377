"""Human labels made from v1 statuses with string methods."""
import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def start(client, phone):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER, phone_number=phone))
    return res.create_authentication_response.status.value.title()  # site: create-label
