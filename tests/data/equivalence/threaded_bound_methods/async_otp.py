"""An async service: the blocking SDK methods are handed, uncalled, to asyncio.to_thread."""
import asyncio

import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class AsyncOtp:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key)  # site: client

    async def send(self, phone_number):
        req = components.CreateAuthenticationRequest(customer_uuid=CUSTOMER_UUID, phone_number=phone_number,
                                                     device_type=components.DeviceType.ANDROID)
        res = await asyncio.to_thread(self.client.otp.create_authentication, req)  # site: create
        return res.create_authentication_response.authentication_uuid  # site: create-id

    async def verify(self, phone_number, auth_uuid, code):
        res = await asyncio.to_thread(self.client.otp.check, components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
        return res.create_check_response.status == components.CheckStatus.VALID  # site: check-status
