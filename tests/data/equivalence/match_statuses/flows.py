"""Statuses and line types dispatched with match statements (Python 3.10+)."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Flows:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key)  # site: client

    def start(self, phone_number):
        res = self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone_number))
        return res.create_authentication_response.authentication_uuid  # site: create-id

    def finish(self, phone_number, auth_uuid, code):
        res = self.client.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
        match res.create_check_response.status:  # site: check-match
            case components.CheckStatus.VALID:
                return "signed in"
            case components.CheckStatus.INVALID | components.CheckStatus.EXPIRED_AUTH:
                return "try again"
            case _:
                return "blocked"

    def channel(self, phone_number):
        res = self.client.lookup.lookup(phone_number, CUSTOMER_UUID)  # site: lookup
        match res.lookup_response.line_type:  # site: line-match
            case components.LineType.MOBILE:
                return "sms"
            case components.LineType.FIXED_LINE:
                return "voice"
        return "none"
