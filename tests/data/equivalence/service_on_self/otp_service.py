"""A verification service that keeps its ding client on self (ding-api-client 3.9)."""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class OtpService:
    def __init__(self, api_key):
        self.client = ding.Ding(api_key=api_key)  # site: client

    def start(self, phone_number, ip):
        try:
            res = self.client.otp.create_authentication(  # site: create
                request=components.CreateAuthenticationRequest(
                    customer_uuid=CUSTOMER_UUID, phone_number=phone_number, ip=ip,
                    device_type=components.DeviceType.ANDROID, app_version="4.2.0"))
        except errors.ErrorResponse as e:  # site: create-error
            return {"ok": False, "code": e.code.value}
        payload = res.create_authentication_response
        return {"ok": payload.status == components.Status.PENDING,  # site: create-status
                "id": payload.authentication_uuid}

    def verify(self, phone_number, auth_uuid, code):
        res = self.client.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
        return res.create_check_response.status == components.CheckStatus.VALID  # site: check-status

    def resend(self, phone_number, auth_uuid):
        res = self.client.otp.retry(components.RetryAuthenticationRequest(  # site: retry
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid))
        return res.retry_authentication_response.status == components.RetryAuthenticationResponseStatus.APPROVED  # site: retry-status
