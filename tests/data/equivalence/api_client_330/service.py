"""Written for ding-api-client 3.3.0 (create_autentication, CreateCheckResponseStatus)."""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Verifier:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key, server_idx=0)  # site: client

    def start(self, phone):
        res = self.client.otp.create_autentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone, is_returning_user=True))
        return res.create_authentication_response.authentication_uuid

    def verify(self, phone, auth_uuid, code):
        try:
            res = self.client.otp.check(components.CreateCheckRequest(  # site: check
                customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
        except errors.ErrorResponse as e:  # site: check-error
            return "error:" + e.code.value
        status = res.create_check_response.status
        if status == components.CreateCheckResponseStatus.VALID:  # site: check-valid
            return "ok"
        if status == components.CreateCheckResponseStatus.INVALID:  # site: check-invalid
            return "wrong"
        return "other"

    def line(self, phone):
        res = self.client.lookup.lookup(phone, CUSTOMER_UUID)  # site: lookup
        return res.lookup_response.line_type == components.LineType.MOBILE  # site: line-type
