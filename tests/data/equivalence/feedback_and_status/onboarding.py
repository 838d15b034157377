"""After sign-up: tell Ding the user is onboarded and keep the verification status for support."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Onboarding:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key)  # site: client

    def start(self, phone):
        res = self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone, app_version="9.1"))
        return res.create_authentication_response.authentication_uuid

    def done(self, phone):
        res = self.client.otp.feedback(components.FeedbackRequest(  # site: feedback
            customer_uuid=CUSTOMER_UUID, phone_number=phone, status=components.FeedbackRequestStatus.ONBOARDED))
        return bool(res.feedback_response.uuid)  # site: feedback-uuid

    def support_view(self, auth_uuid):
        res = self.client.otp.get_authentication_status(auth_uuid)  # site: status
        return res.authentication_status_response.phone_number  # site: status-phone
