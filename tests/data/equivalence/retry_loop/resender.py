"""Resend until the API agrees, the way a mobile backend's 'resend' button did it."""
import time

from ding import Ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Resender:
    def __init__(self, key, attempts=3):
        self.sdk = Ding(key)  # site: client
        self.attempts = attempts

    def begin(self, phone):
        started = self.sdk.otp.create_authentication(  # site: create
            components.CreateAuthenticationRequest(customer_uuid=CUSTOMER_UUID, phone_number=phone))
        return started.create_authentication_response.authentication_uuid  # site: create-id

    def resend(self, phone, authentication_uuid):
        for attempt in range(self.attempts):
            res = self.sdk.otp.retry(components.RetryAuthenticationRequest(  # site: retry
                customer_uuid=CUSTOMER_UUID, authentication_uuid=authentication_uuid))
            status = res.retry_authentication_response.status  # site: retry-status
            if status == components.RetryAuthenticationResponseStatus.APPROVED:
                return attempt + 1
            if status in (components.RetryAuthenticationResponseStatus.EXPIRED_AUTH,
                          components.RetryAuthenticationResponseStatus.ALREADY_VALIDATED):
                return None
            time.sleep(0)
        return 0

    def check(self, phone, authentication_uuid, code):
        res = self.sdk.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=authentication_uuid, check_code=code))
        return res.create_check_response.status == "valid"  # site: check-status
