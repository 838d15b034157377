"""The welcome flow: check the code, then tell Ding the same number is onboarded."""
from ding import Ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Welcome:
    def __init__(self, key):
        self.api = Ding(api_key=key)  # site: client

    def send(self, phone_number):
        res = self.api.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone_number))
        return res.create_authentication_response.authentication_uuid  # site: create-id

    def confirm(self, phone_number, auth_uuid, code):
        res = self.api.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
        if res.create_check_response.status != components.CheckStatus.VALID:  # site: check-status
            return "retry"
        self.api.otp.feedback(components.FeedbackRequest(  # site: feedback
            customer_uuid=CUSTOMER_UUID, phone_number=phone_number,
            status=components.FeedbackRequestStatus.ONBOARDED))
        return "welcome"
