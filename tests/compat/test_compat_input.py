"""Malformed v1 input: a v1 400 (or a v1 answer), never a traceback, never a v2 call it
should not make. Ends with a property test over arbitrary JSON bodies."""
from __future__ import annotations

import contextlib
import json
import logging

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

import compat
from compat import tables
from compat.testing import FakeV2
from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from compat_helpers import PHONE, V2_KEY

V1 = "https://api.ding.live/v1"


def raw_post(path: str, data: bytes, **options) -> requests.Response:
    return compat.session(api_key=V2_KEY, **options).post(
        V1 + path, data=data, headers={"Content-Type": "application/json"})


# --- malformed v1 bodies: a v1 400, never a traceback, never a v2 call -----------------------

@pytest.mark.parametrize("data", [
    b"[" * 100_000,  # nesting deep enough to exhaust json's recursion
    b'{"phone_number": "+33612345678", "locale": NaN}',  # not JSON; would make the v2 body invalid
    b'{"phone_number": "+33612345678", "ip": Infinity}',
    b"\xff\xfe not utf-8",
    b'"a string"',
    b'{"phone_number": ',
], ids=["deep", "nan", "infinity", "not-utf8", "not-object", "truncated"])
def test_a_body_that_is_not_a_json_object_is_bad_request(v2, data):
    res = raw_post("/authentication", data)
    assert (res.status_code, res.json()["code"]) == (400, "bad_request")
    assert v2.requests == []


@pytest.mark.parametrize("field,value", [
    ("ip", 12345), ("device_type", ["IOS"]), ("is_returning_user", "yes"), ("locale", {"x": 1}),
    ("customer_uuid", 7), ("correlation_id", True),
])
def test_create_fields_of_the_wrong_json_type_are_refused_before_v2(v2, field, value):
    res = raw_post("/authentication", json.dumps({"phone_number": PHONE, field: value}).encode())
    assert (res.status_code, res.json()["code"]) == (400, "bad_request")
    assert field in res.json()["message"]
    assert v2.requests == []


@pytest.mark.parametrize("status", [["onboarded"], {"status": "onboarded"}, 1, None])
def test_feedback_with_a_status_of_the_wrong_type_is_invalid_feedback_status(v2, status):
    res = raw_post("/authentication/feedback", json.dumps({"phone_number": PHONE, "status": status}).encode(),
                   forward_feedback=True)
    assert (res.status_code, res.json()["code"]) == (400, "invalid_feedback_status")
    assert v2.requests == []


def test_a_missing_phone_number_is_bad_request_and_a_wrong_one_invalid_phone_number(v2):
    assert raw_post("/authentication", b"{}").json()["code"] == "bad_request"
    assert raw_post("/authentication", b'{"phone_number": 33612345678}').json()["code"] == "invalid_phone_number"
    assert v2.requests == []


def test_a_huge_value_is_not_echoed_back(v2):
    res = raw_post("/authentication", json.dumps({"phone_number": "9" * 1_000_000}).encode())
    assert res.json()["code"] == "invalid_phone_number"
    assert len(res.content) < 1000
    res = raw_post("/check", json.dumps({"authentication_uuid": "x" * 1_000_000, "check_code": "1"}).encode())
    assert res.json()["code"] == "invalid_auth_uuid" and len(res.content) < 1000
    assert v2.requests == []


def test_non_ascii_values_reach_v2_intact(v2):
    res = raw_post("/authentication", json.dumps(
        {"phone_number": PHONE, "device_model": "Pixel Ünïcode 📱", "correlation_id": "commande-été"},
        ensure_ascii=False).encode("utf-8"))
    assert res.status_code == 200
    sent = v2.requests[-1].json
    assert sent["signals"]["device_model"] == "Pixel Ünïcode 📱"
    assert sent["metadata"]["correlation_id"] == "commande-été"


# --- lookup: only an E.164 number reaches the v2 path -------------------------------------------

@pytest.mark.parametrize("number", ["%2E%2E", "+33612345678%2F..%2Fverification", "hello%C3%A9"])
def test_lookup_of_something_that_is_not_a_number_is_refused_without_v2(v2, number):
    res = compat.session(api_key=V2_KEY).get(f"{V1}/lookup/{number}")
    assert (res.status_code, res.json()["code"]) == (400, "invalid_phone_number")
    assert v2.requests == []


# --- property: whatever JSON a v1 caller sends, the adapter answers it without failing ----------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)
_V1_FIELDS = ["customer_uuid", "phone_number", "authentication_uuid", "check_code", "status",
              *sorted(tables.CREATE_FIELD_MOVES)]
_V1_BODIES = st.dictionaries(st.sampled_from(_V1_FIELDS), _JSON_VALUES | st.just(PHONE), max_size=6)
_V1_POSTS = ["/authentication", "/check", "/retry", "/authentication/feedback", "/lookup"]


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(_V1_POSTS), body=_V1_BODIES)
def test_any_json_body_gets_a_v1_answer_never_a_failure(path, body):
    v2 = FakeV2(api_key=V2_KEY)
    with v2.serve_requests(), _compat_errors_logged() as logged:
        res = compat.session(api_key=V2_KEY, forward_feedback=True).post(V1 + path, json=body)
    assert res.status_code < 500, res.text
    assert logged == []
    answer = res.json()
    assert "code" in answer if res.status_code >= 400 else "code" not in answer


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


@contextlib.contextmanager
def _compat_errors_logged():
    handler = _ListHandler()
    logger = logging.getLogger("compat")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
