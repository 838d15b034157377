"""A create that relied on the blocked_number exception to refuse blocked numbers."""
from ding import Ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def connect(key):
    return Ding(api_key=key)  # site: client


def register(sdk, phone):
    try:
        res = sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone))
    except errors.ErrorResponse as e:  # site: error
        if e.code == errors.Code.BLOCKED_NUMBER:  # site: blocked-code
            return "blocked"
        return "invalid"
    return "sent" if res.create_authentication_response.status == components.Status.PENDING else "held"  # site: status
