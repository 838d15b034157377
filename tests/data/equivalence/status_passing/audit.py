"""Check outcomes recorded and translated for the UI through dicts keyed by the v1 status."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
MESSAGES = {
    components.CheckStatus.VALID: "Welcome back",
    components.CheckStatus.INVALID: "Wrong code",
    components.CheckStatus.EXPIRED_AUTH: "Code expired",
}
AUDIT = []


class CheckFailed(Exception):
    pass


def record(status):
    AUDIT.append(status)


class Checker:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key)  # site: client

    def send(self, phone):
        res = self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone))
        return res.create_authentication_response.authentication_uuid

    def _check(self, auth, code):
        return self.client.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth, check_code=code))

    def message_for(self, auth, code):
        res = self._check(auth, code)
        return MESSAGES.get(res.create_check_response.status, "Try again")  # site: status-key

    def audited(self, auth, code):
        res = self._check(auth, code)
        record(res.create_check_response.status)  # site: status-arg
        return [getattr(s, "value", s) for s in AUDIT]

    def raw_status(self, auth, code):
        res = self._check(auth, code)
        return res.create_check_response.status  # site: status-return

    def strict(self, auth, code):
        res = self._check(auth, code)
        if res.create_check_response.status != components.CheckStatus.VALID:  # site: status-compare
            raise CheckFailed(res.create_check_response.status)  # site: status-exception
        return "ok"
