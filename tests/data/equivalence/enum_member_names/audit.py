"""An audit log that records v1 enum member names (upper case) of statuses and error codes."""
import ding
from ding.models import components, errors

CUSTOMER = "00000000-0000-4000-8000-000000000001"
client = None


def configure(key):
    global client
    client = ding.Ding(api_key=key)  # site: client-key


def start(phone):
    try:
        res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER, phone_number=phone))
    except errors.ErrorResponse as e:
        return "REJECTED:" + e.code.name  # site: error-name
    return "SENT:" + res.create_authentication_response.status.name  # site: status-name
