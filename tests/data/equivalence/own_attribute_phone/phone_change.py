"""A phone-number change flow: the object keeps the new number and the pending verification id."""
import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"


class PhoneChange:
    def __init__(self, key, user, number):
        self.client = ding.Ding(api_key=key)  # site: client
        self.user = user
        self.number = number
        self.pending_id = None

    def start(self):
        res = self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER, phone_number=self.number))
        self.pending_id = res.create_authentication_response.authentication_uuid  # site: create-id
        return self.pending_id is not None

    def confirm(self, code):
        res = self.client.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER, authentication_uuid=self.pending_id, check_code=code))
        return res.create_check_response.status == components.CheckStatus.VALID  # site: check-valid

    def audit(self, code):
        res = self.client.otp.check(components.CreateCheckRequest(  # site: audit-check
            customer_uuid=CUSTOMER, authentication_uuid=self.pending_id, check_code=code))
        return "phone-change:" + res.create_check_response.status.value  # site: audit-label
