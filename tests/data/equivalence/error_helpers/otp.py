"""Errors turned into user messages by a helper, as many teams do."""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
sdk = ding.Ding(api_key="")


class OtpError(Exception):
    def __init__(self, code, message):
        super().__init__(code, message)
        self.code, self.message = code, message


def user_message(error: errors.ErrorResponse) -> str:
    if error.code == errors.Code.INVALID_PHONE_NUMBER:  # site: helper-code
        return "Please check the number"
    return error.message  # site: helper-message


def configure(key):
    global sdk
    sdk = ding.Ding(api_key=key)  # site: client


def send(phone):
    try:
        res = sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone))
    except errors.ErrorResponse as e:  # site: create-error
        raise OtpError(e.code, user_message(e))  # site: raise-code
    return res.create_authentication_response.authentication_uuid


def send_quietly(phone):
    try:
        return send(phone)
    except OtpError as e:
        return e.message  # site: quiet-message
