"""A background job runner: SDK calls wrapped in lambdas and handed to a retry helper."""
import asyncio

import requests

from ding import Ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def with_retries(call, tries=2):
    for attempt in range(tries):
        try:
            return call()
        except (requests.ConnectionError, requests.Timeout):  # site: helper-handler
            if attempt == tries - 1:
                return None
    return None


class Jobs:
    def __init__(self, key):
        self.sdk = Ding(api_key=key)  # site: client

    def carrier(self, phone):
        res = with_retries(lambda: self.sdk.lookup.lookup(phone, CUSTOMER_UUID))  # site: lookup
        return None if res is None else res.lookup_response.country_code  # site: lookup-read

    async def country(self, phone):
        res = await asyncio.to_thread(lambda: self.sdk.lookup.lookup(phone, CUSTOMER_UUID))  # site: thread-lookup
        return res.lookup_response.country_code  # site: thread-read
