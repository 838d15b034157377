"""Moving an account to a new number: confirm the old number's code, then verify the new one."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
client = ding.Ding(api_key="unused")


def connect(key):
    global client
    client = ding.Ding(api_key=key)  # site: client


def start(phone_number):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-old
        customer_uuid=CUSTOMER_UUID, phone_number=phone_number))
    return res.create_authentication_response.authentication_uuid


def confirm_and_move(auth_uuid, code, new_phone_number):
    """Check the code of the running verification, then start one for the new number."""
    res = client.otp.check(components.CreateCheckRequest(  # site: check-old
        customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
    if res.create_check_response.status != components.CheckStatus.VALID:  # site: check-old-status
        return None
    started = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-new
        customer_uuid=CUSTOMER_UUID, phone_number=new_phone_number))
    return started.create_authentication_response.authentication_uuid
