"""Handlers written when ErrorResponse (HTTP 400) and SDKError (everything else) were disjoint."""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Gateway:
    def __init__(self, key):
        self.sdk = ding.Ding(api_key=key)  # site: client

    def send(self, phone):
        try:
            res = self.sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
                customer_uuid=CUSTOMER_UUID, phone_number=phone))
        except errors.SDKError as e:  # site: sdk-error
            return ("outage", e.status_code)
        except errors.ErrorResponse as e:  # site: error-response
            return ("rejected", e.code.value)
        return ("sent", res.create_authentication_response.status.value)

    def send_broad(self, phone):
        try:
            self.sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-broad
                customer_uuid=CUSTOMER_UUID, phone_number=phone))
            return "sent"
        except Exception as e:  # site: broad
            if isinstance(e, errors.ErrorResponse):  # site: isinstance-error
                return "rejected: " + e.message  # site: message
            return "failed"
