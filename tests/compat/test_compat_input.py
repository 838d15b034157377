"""Malformed v1 input: a v1 400 (or a v1 answer), never a traceback, never a v2 call it
should not make, through each of the three shells (requests, httpx, async httpx). The property
test over arbitrary v1 bodies is in test_compat_fuzz.py."""
from __future__ import annotations

import json

import pytest

from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from compat_helpers import PHONE
from compat_shells import shell  # noqa: F401 (fixture)


def raw_post(shell, path: str, data: bytes, **options):
    return shell(**options).post(path, data=data)


# --- malformed v1 bodies: a v1 400, never a traceback, never a v2 call -----------------------

@pytest.mark.parametrize("data", [
    b"[" * 100_000,  # nesting deep enough to exhaust json's recursion
    b'{"phone_number": "+33612345678", "locale": NaN}',  # not JSON; would make the v2 body invalid
    b'{"phone_number": "+33612345678", "ip": Infinity}',
    b"\xff\xfe not utf-8",
    b'"a string"',
    b'{"phone_number": ',
], ids=["deep", "nan", "infinity", "not-utf8", "not-object", "truncated"])
def test_a_body_that_is_not_a_json_object_is_bad_request(v2, shell, data):
    res = raw_post(shell, "/authentication", data)
    assert (res.status, res.body["code"]) == (400, "bad_request")
    assert v2.requests == []


@pytest.mark.parametrize("field,value", [
    ("ip", 12345), ("device_type", ["IOS"]), ("is_returning_user", "yes"), ("locale", {"x": 1}),
    ("customer_uuid", 7), ("correlation_id", True),
])
def test_create_fields_of_the_wrong_json_type_are_refused_before_v2(v2, shell, field, value):
    res = raw_post(shell, "/authentication", json.dumps({"phone_number": PHONE, field: value}).encode())
    assert (res.status, res.body["code"]) == (400, "bad_request")
    assert field in res.body["message"]
    assert v2.requests == []


@pytest.mark.parametrize("status", [["onboarded"], {"status": "onboarded"}, 1, None])
def test_feedback_with_a_status_of_the_wrong_type_is_invalid_feedback_status(v2, shell, status):
    res = raw_post(shell, "/authentication/feedback", json.dumps({"phone_number": PHONE, "status": status}).encode(),
                   forward_feedback=True)
    assert (res.status, res.body["code"]) == (400, "invalid_feedback_status")
    assert v2.requests == []


def test_a_missing_phone_number_is_bad_request_and_a_wrong_one_invalid_phone_number(v2, shell):
    assert raw_post(shell, "/authentication", b"{}").body["code"] == "bad_request"
    assert raw_post(shell, "/authentication", b'{"phone_number": 33612345678}').body["code"] == "invalid_phone_number"
    assert v2.requests == []


def test_a_huge_value_is_not_echoed_back(v2, shell):
    res = raw_post(shell, "/authentication", json.dumps({"phone_number": "9" * 1_000_000}).encode())
    assert res.body["code"] == "invalid_phone_number"
    assert len(json.dumps(res.body)) < 1000
    res = raw_post(shell, "/check", json.dumps({"authentication_uuid": "x" * 1_000_000, "check_code": "1"}).encode())
    assert res.body["code"] == "invalid_auth_uuid" and len(json.dumps(res.body)) < 1000
    assert v2.requests == []


def test_non_ascii_values_reach_v2_intact(v2, shell):
    res = raw_post(shell, "/authentication", json.dumps(
        {"phone_number": PHONE, "device_model": "Pixel Ünïcode 📱", "correlation_id": "commande-été"},
        ensure_ascii=False).encode("utf-8"))
    assert res.status == 200
    sent = v2.requests[-1].json
    assert sent["signals"]["device_model"] == "Pixel Ünïcode 📱"
    assert sent["metadata"]["correlation_id"] == "commande-été"


# --- lookup: only an E.164 number reaches the v2 path -------------------------------------------

@pytest.mark.parametrize("number", ["%2E%2E", "+33612345678%2F..%2Fverification", "hello%C3%A9"])
def test_lookup_of_something_that_is_not_a_number_is_refused_without_v2(v2, shell, number):
    res = shell().get(f"/lookup/{number}")
    assert (res.status, res.body["code"]) == (400, "invalid_phone_number")
    assert v2.requests == []
