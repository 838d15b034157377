"""A login that treats an already validated verification as success (double-submit forms)."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
OK = (components.CheckStatus.VALID, components.CheckStatus.ALREADY_VALIDATED)


class Login:
    def __init__(self, key):
        self.api = ding.Ding(api_key=key)  # site: client

    def start(self, phone_number):
        r = self.api.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone_number))
        return r.create_authentication_response.authentication_uuid

    def submit(self, phone_number, auth_uuid, code):
        r = self.api.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
        status = r.create_check_response.status
        if status in OK:  # site: ok-statuses
            return "logged in"
        if status == components.CheckStatus.EXPIRED_AUTH:  # site: expired
            return "expired"
        return "wrong code"
