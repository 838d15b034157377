"""A small phone-verification service written against the v1 `ding` SDK (ding-api-client 3.9).

Test input for the SDK codemods: tests/test_codemod_sdk_execution.py runs it against the v1
fake, rewrites it with `prelude-migrate rewrite`, and runs the result against the v2 fake.
"""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class VerificationService:
    def __init__(self, api_key):
        self.client = ding.Ding(api_key=api_key)

    def start(self, phone_number, ip):
        """Send a code. Returns the verification id, or None when the number is rejected."""
        try:
            res = self.client.otp.create_authentication(request=components.CreateAuthenticationRequest(
                customer_uuid=CUSTOMER_UUID,
                phone_number=phone_number,
                ip=ip,
                device_type=components.DeviceType.IOS,
                app_version="1.2.3",
            ))
        except errors.ErrorResponse as e:
            if e.code in (errors.Code.INVALID_PHONE_NUMBER, errors.Code.BLOCKED_NUMBER):
                return None
            raise
        if res.create_authentication_response.status != components.Status.PENDING:
            return None
        return res.create_authentication_response.authentication_uuid

    def verify(self, phone_number, auth_uuid, code):
        """True when `code` is the code sent to `phone_number`."""
        req = components.CreateCheckRequest(
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code)
        res = self.client.otp.check(req)
        return res.create_check_response.status == components.CheckStatus.VALID

    def resend(self, phone_number, auth_uuid):
        """Send the code again; True when a new message went out."""
        res = self.client.otp.retry(components.RetryAuthenticationRequest(
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid))
        return res.retry_authentication_response.status == "approved"

    def confirm_onboarding(self, phone_number):
        # Tell Ding the user finished signing up.
        self.client.otp.feedback(request=components.FeedbackRequest(
            customer_uuid=CUSTOMER_UUID, phone_number=phone_number,
            status=components.FeedbackRequestStatus.ONBOARDED))
        return "onboarded"

    def describe(self, phone_number):
        res = self.client.lookup.lookup(phone_number, CUSTOMER_UUID)
        info = res.lookup_response
        return {
            "country": info.country_code,
            "carrier": info.carrier,
            "mobile": info.line_type == components.LineType.MOBILE,
            "ported": info.number_ported,
        }


def sign_up(service, phone_number, ip, read_code):
    """The whole flow: send, resend, a wrong then the right code, feedback, lookup."""
    auth_uuid = service.start(phone_number, ip)
    if auth_uuid is None:
        return {"started": False}
    resent = service.resend(phone_number, auth_uuid)
    code = read_code(phone_number)
    wrong = "".join("1" if digit != "1" else "2" for digit in code)
    return {
        "started": isinstance(auth_uuid, str) and bool(auth_uuid),
        "resent": resent,
        "wrong_code_accepted": service.verify(phone_number, auth_uuid, wrong),
        "right_code_accepted": service.verify(phone_number, auth_uuid, code),
        "onboarding": service.confirm_onboarding(phone_number),
        "profile": service.describe(phone_number),
    }
