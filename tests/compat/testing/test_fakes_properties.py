"""Property tests: the fakes agree with each other and with the reference on phone numbers,
ids and codes, for any input."""
from __future__ import annotations

import json
import re
import uuid

from fakes_helpers import CUSTOMER, V1_KEY, V2_KEY
from hypothesis import given, settings
from hypothesis import strategies as st

from compat.testing import FakeV1, FakeV2

V1_HEADERS = {"X-API-Key": V1_KEY}
V2_HEADERS = {"Authorization": f"Bearer {V2_KEY}"}
e164 = st.from_regex(r"\A\+[1-9][0-9]{6,14}\Z")
any_text = st.text(min_size=1, max_size=20)  # an empty number is "required" (bad_request) in v1


def v1_create(fake, phone):
    status, _, body = fake.handle("POST", "https://api.ding.live/v1/authentication", V1_HEADERS,
                                  json.dumps({"customer_uuid": CUSTOMER, "phone_number": phone}))
    return status, json.loads(body)


def v2_create(fake, phone, **extra):
    status, _, body = fake.handle("POST", "https://api.prelude.dev/v2/verification", V2_HEADERS,
                                  json.dumps({"target": {"type": "phone_number", "value": phone}, **extra}))
    return status, json.loads(body)


@settings(max_examples=60, deadline=None)
@given(phone=st.one_of(e164, any_text, e164.map(lambda p: p + "\n"), e164.map(lambda p: p[:4])))
def test_both_fakes_accept_and_refuse_the_same_numbers(phone):
    v1_status, v1_body = v1_create(FakeV1(), phone)
    v2_status, v2_body = v2_create(FakeV2(), phone)
    valid = bool(re.fullmatch(r"\+[1-9][0-9]{6,14}", phone))
    assert (v1_status == 200) == (v2_status == 200) == valid
    if not valid:
        assert v1_body["code"] == v2_body["code"] == "invalid_phone_number"


@settings(max_examples=40, deadline=None)
@given(phone=e164, size=st.integers(min_value=4, max_value=8), seed=st.integers(0, 2**32))
def test_v2_ids_and_codes_have_the_documented_shape(phone, size, seed):
    fake = FakeV2(seed=seed)
    status, body = v2_create(fake, phone, options={"code_size": size})
    assert status == 200
    assert re.fullmatch(r"vrf_[0-9a-hjkmnp-tv-z]{26}", body["id"])
    assert re.fullmatch(rf"[0-9]{{{size}}}", fake.last_code(phone))


@settings(max_examples=30, deadline=None)
@given(size=st.integers().filter(lambda n: not 4 <= n <= 8))
def test_v2_code_size_outside_4_to_8_is_refused(size):
    status, body = v2_create(FakeV2(), "+33612345678", options={"code_size": size})
    assert (status, body["code"], body["param"]) == (400, "invalid_code_size", "options.code_size")


@settings(max_examples=30, deadline=None)
@given(phone=e164, seed=st.integers(0, 2**32))
def test_v1_uuids_are_version_4_and_seeds_reproduce(phone, seed):
    first, second = FakeV1(seed=seed), FakeV1(seed=seed)
    _, one = v1_create(first, phone)
    _, two = v1_create(second, phone)
    assert uuid.UUID(one["authentication_uuid"]).version == 4
    assert one["authentication_uuid"] == two["authentication_uuid"]
    assert first.last_code(phone) == second.last_code(phone)


def test_v2_app_realm_rules():
    fake = FakeV2()
    for realm, code in (({"platform": "ios", "value": "x"}, "invalid_app_realm_platform"),
                        ({"value": "abcdefghijk"}, "invalid_app_realm"),
                        ("abcdefghijk", "invalid_app_realm")):
        status, body = v2_create(fake, "+33612345678", options={"app_realm": realm})
        assert (status, body["code"]) == (400, code)
    status, _ = v2_create(fake, "+33612345678", options={"app_realm": {"platform": "android", "value": "abcdefghijk"}})
    assert status == 200
