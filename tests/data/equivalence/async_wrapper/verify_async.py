"""An asyncio service calling the blocking ding SDK through worker threads."""
import asyncio
import functools

import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class AsyncOtp:
    def __init__(self, key):
        self._ding = ding.Ding(api_key=key)  # site: client

    async def start(self, phone_number):
        request = components.CreateAuthenticationRequest(customer_uuid=CUSTOMER_UUID, phone_number=phone_number)
        res = await asyncio.to_thread(self._ding.otp.create_authentication, request)  # site: create-thread
        return res.create_authentication_response.authentication_uuid

    async def check(self, phone_number, auth_uuid, code):
        loop = asyncio.get_running_loop()
        call = functools.partial(self._ding.otp.check, components.CreateCheckRequest(  # site: check-partial
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_uuid, check_code=code))
        res = await loop.run_in_executor(None, call)
        return res.create_check_response.status == components.CheckStatus.VALID
