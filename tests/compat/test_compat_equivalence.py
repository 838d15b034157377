"""The equivalence triangle, adapter side: one unchanged v1 program observes the same outcomes
on the v1 API (FakeV1) and through compat on the v2 API (FakeV2)."""
from __future__ import annotations

from typing import Any, Callable, List

from ding import Ding
from ding.models import components, errors, operations

from compat.store import MemoryStore
from compat.testing import FakeV1, FakeV2
from compat_helpers import CUSTOMER, V1_KEY, V2_KEY, check, create, feedback, retry, v1_sdk

PHONE = "+33612345678"


def v1_program(sdk: Ding, last_code: Callable[[str], str]) -> List[Any]:
    """A login flow as v1 code wrote it; returns everything it could observe."""
    seen: List[Any] = []

    def attempt(call: Callable[[], Any]) -> Any:
        try:
            return call()
        except errors.ErrorResponse as error:
            seen.append(("error", error.code.value))
            return None

    created = create(sdk, device_type=components.DeviceType.ANDROID, app_realm="abcdefghijk")
    auth = created.create_authentication_response.authentication_uuid
    seen.append(("create", created.create_authentication_response.status.value))
    seen.append(("check", check(sdk, auth, "not-it").create_check_response.status.value))
    seen.append(("retry", retry(sdk, auth).retry_authentication_response.status.value))
    code = last_code(PHONE)  # what the user typed from the message
    seen.append(("check", check(sdk, auth, code).create_check_response.status.value))
    seen.append(("check again", check(sdk, auth, code).create_check_response.status.value))
    seen.append(("retry after success", retry(sdk, auth).retry_authentication_response.status.value))
    status = sdk.otp.get_authentication_status(auth).authentication_status_response
    # v2 history has no entry for checks made after the verification converted (lossy, documented)
    seen.append(("status", status.uuid == auth, status.phone_number,
                 [event.status.value for event in status.events
                  if event.type.value == "check" and event.status.value != "already_validated"]))
    looked_up = sdk.lookup.lookup(PHONE, CUSTOMER, type_=[operations.Type.CNAM]).lookup_response
    seen.append(("lookup", looked_up.country_code, looked_up.carrier, looked_up.mcc, looked_up.mnc,
                 looked_up.caller_name))
    seen.append(("feedback", bool(feedback(sdk, "onboarded").feedback_response.uuid)))
    attempt(lambda: create(sdk, phone="0612345678"))
    attempt(lambda: create(sdk, app_realm="abcdefghijk"))
    attempt(lambda: create(sdk, app_realm="abcdefghijk", device_type=components.DeviceType.WEB))
    attempt(lambda: check(sdk, "not-an-id", "123456"))
    attempt(lambda: retry(sdk, auth[:-1]))
    return seen


def test_a_v1_program_sees_the_same_on_v1_and_through_compat():
    v1 = FakeV1(api_key=V1_KEY, customer_uuid=CUSTOMER)
    with v1.serve_requests():
        on_v1 = v1_program(Ding(api_key=V1_KEY), v1.last_code)
    v2 = FakeV2(api_key=V2_KEY)
    with v2.serve_requests():
        through_compat = v1_program(v1_sdk(store=MemoryStore()), v2.last_code)
    assert through_compat == on_v1
    assert ("check again", "already_validated") in on_v1
