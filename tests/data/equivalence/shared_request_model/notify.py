"""One request model sent twice: the first send, then an immediate second try on a new client."""
from ding import Ding
from ding.models.components import CreateAuthenticationRequest, Status

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def send_twice(key, phone):
    primary = Ding(api_key=key)  # site: client
    request = CreateAuthenticationRequest(customer_uuid=CUSTOMER_UUID, phone_number=phone, app_version="2.0")  # site: model
    first = primary.otp.create_authentication(request)  # site: create-first
    second = primary.otp.create_authentication(request)  # site: create-second
    return [first.create_authentication_response.status == Status.PENDING,
            second.create_authentication_response.status == Status.PENDING]
