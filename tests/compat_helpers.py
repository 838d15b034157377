"""Shared helpers for the compat adapter tests: a v1 SDK client on the adapter, v1 requests."""
from __future__ import annotations

from typing import Any

import pytest

from ding import Ding
from ding.models import components

import compat
from compat.testing import FakeV2

V1_KEY = "test-v1-key"
V2_KEY = "test-v2-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
PHONE = "+33612345678"
V2_VERIFY = "https://api.prelude.dev/v2/verification"


def v1_sdk(**options: Any) -> Ding:
    """The real v1 SDK, unchanged, on a compat session (the documented two-line setup)."""
    options.setdefault("api_key", V2_KEY)
    return Ding(api_key=V1_KEY, client=compat.session(**options))


def create(sdk: Ding, phone: str = PHONE, **fields: Any) -> Any:
    request = components.CreateAuthenticationRequest(customer_uuid=CUSTOMER, phone_number=phone, **fields)
    return sdk.otp.create_authentication(request=request)


def check(sdk: Ding, authentication_uuid: str, code: str) -> Any:
    request = components.CreateCheckRequest(customer_uuid=CUSTOMER, authentication_uuid=authentication_uuid,
                                            check_code=code)
    return sdk.otp.check(request=request)


def retry(sdk: Ding, authentication_uuid: str) -> Any:
    request = components.RetryAuthenticationRequest(customer_uuid=CUSTOMER, authentication_uuid=authentication_uuid)
    return sdk.otp.retry(request=request)


def feedback(sdk: Ding, status: str, phone: str = PHONE) -> Any:
    request = components.FeedbackRequest(customer_uuid=CUSTOMER, phone_number=phone,
                                         status=components.FeedbackRequestStatus(status))
    return sdk.otp.feedback(request=request)


def created_uuid(sdk: Ding, phone: str = PHONE, **fields: Any) -> str:
    return create(sdk, phone, **fields).create_authentication_response.authentication_uuid


def mutate(text: str, index: int, replacement: str) -> str:
    return text[:index] + replacement + text[index + 1:]


@pytest.fixture
def v2_served():
    """A FakeV2 served for every requests call in the test (imported by the compat test modules as `v2`)."""
    fake = FakeV2(api_key=V2_KEY)
    with fake.serve_requests():
        yield fake
