"""Shared bits for the tests of compat.testing (the fakes)."""
from __future__ import annotations

V1_KEY = "test-v1-key"
V2_KEY = "test-v2-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
PHONE = "+33612345678"
OTHER_PHONE = "+14155550100"
UNKNOWN_UUID = "11111111-1111-4111-8111-111111111111"


def phone_target(phone: str = PHONE) -> dict:
    return {"type": "phone_number", "value": phone}


def wrong_code(right: str) -> str:
    """A code of the same length that is certainly not the right one."""
    return "".join("1" if digit != "1" else "2" for digit in right)
