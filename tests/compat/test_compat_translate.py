"""The pure translators (compat.translate): field maps, error maps and round-trips."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compat import translate
from compat.knowledge.enums import DEVICE_TYPE_V1_TO_V2, LINE_TYPE_V1_TO_V2
from compat.knowledge.errors import (
    V1_CODES_MISSING_FROM_SDK, V1_DOC_URL, V1_ERROR_CODES, V2_CREDENTIAL_CODES, V2_ERROR_CODES,
    V2_TO_V1_ERRORS)
from compat.knowledge.statuses import CHECK_STATUS_V2_TO_V1, RETRY_STATUS_V2_TO_V1
import reverse_translate

TEXT = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=20)
PHONES = st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True)

# v1 create requests made only of fields that survive v1 -> v2 -> v1 (customer_uuid is dropped,
# device_type is limited to what both enums share).
V1_CREATE = st.fixed_dictionaries(
    {"phone_number": PHONES},
    optional={
        "ip": TEXT, "device_id": TEXT, "device_type": st.sampled_from(sorted(DEVICE_TYPE_V1_TO_V2)),
        "app_version": TEXT, "os_version": TEXT, "device_model": TEXT, "is_returning_user": st.booleans(),
        "sender_id": TEXT, "callback_url": TEXT, "app_realm": TEXT, "template_id": TEXT,
        "correlation_id": TEXT, "locale": TEXT,
    },
)


@given(st.sampled_from(sorted(LINE_TYPE_V1_TO_V2)))
def test_line_types_round_trip(v1_line_type):
    assert translate.line_type_to_v1(reverse_translate.line_type_to_v2(v1_line_type)) == v1_line_type


@given(st.sampled_from(sorted(DEVICE_TYPE_V1_TO_V2)))
def test_device_types_round_trip(v1_device_type):
    assert translate.device_type_to_v1(translate.device_type_to_v2(v1_device_type)) == v1_device_type


@given(V1_CREATE)
def test_create_requests_round_trip_v1_v2_v1(v1_body):
    v2_body = translate.create_request_to_v2({"customer_uuid": "c", **v1_body})
    # The key is gone at every level (a generated text *value* may well read "customer_uuid").
    assert all("customer_uuid" not in part for part in [v2_body, *v2_body.values()] if isinstance(part, dict))
    assert set(v2_body) <= {"target", "signals", "options", "metadata"}
    assert reverse_translate.create_request_to_v1(v2_body) == v1_body


@given(st.fixed_dictionaries({}, optional={
    "phone_number": PHONES, "mcc": TEXT, "mnc": TEXT, "carrier": TEXT, "caller_name": TEXT,
    "country_code": st.sampled_from(["FR", "US"]), "number_ported": st.booleans(),
    "temporary_phone_number": st.booleans(), "line_type": st.sampled_from(sorted(LINE_TYPE_V1_TO_V2)),
}))
def test_lookup_answers_round_trip(v1_body):
    v2_body = reverse_translate.lookup_response_to_v2(v1_body)
    back = translate.lookup_response_to_v1(v2_body)
    # the two flag booleans only exist in v2 together: one implies the other is known False
    if ("number_ported" in v1_body) != ("temporary_phone_number" in v1_body):
        back = {k: v for k, v in back.items() if k in v1_body}
    assert back == v1_body


def test_create_request_field_by_field():
    v2_body = translate.create_request_to_v2({
        "customer_uuid": "c", "phone_number": "+33612345678", "device_type": "IOS", "app_realm": "hash",
        "is_returning_user": False, "correlation_id": "x", "unknown_field": 1, "ip": None,
    })
    assert v2_body == {
        "target": {"type": "phone_number", "value": "+33612345678"},
        "signals": {"device_platform": "ios", "existing_user": False},
        "options": {"app_realm": {"platform": "android", "value": "hash"}},
        "metadata": {"correlation_id": "x"},
    }


@pytest.mark.parametrize("v2_code", sorted(V2_ERROR_CODES) + ["never_heard_of_it"])
@pytest.mark.parametrize("http_status", [400, 401, 404, 422, 500, 503])
def test_every_v2_error_becomes_a_v1_error_the_sdk_understands(v2_code, http_status):
    status, body = translate.error_to_v1({"code": v2_code, "message": "m"}, http_status, "req-7")
    assert "req-7" in body["message"] and v2_code in body["message"]
    if status == 403:
        assert "code" not in body
        assert v2_code in V2_CREDENTIAL_CODES or http_status in (401, 403)
    elif http_status >= 500:
        assert (status, body["code"]) == (http_status, "internal_server_error")
    else:
        assert status == 400
        assert body["code"] in V1_ERROR_CODES and body["code"] not in V1_CODES_MISSING_FROM_SDK
        assert body["doc_url"] == V1_DOC_URL.format(code=body["code"])


def test_invalid_app_realm_depends_on_the_v1_device_type():
    error = {"code": "invalid_app_realm", "message": "m"}
    assert translate.error_to_v1(error, 400, v1_request={"app_realm": "h"})[1]["code"] == "app_realm_require_device_type"
    assert translate.error_to_v1(error, 400, v1_request={"app_realm": "h", "device_type": "ANDROID"})[1]["code"] == (
        "invalid_app_realm")


def test_error_without_a_json_body_keeps_the_status_class():
    assert translate.error_to_v1(None, 404)[1]["code"] == "bad_request"
    assert translate.error_to_v1("garbage", 502) == (502, translate.v1_error_body(
        "internal_server_error", "(v2 HTTP 502)"))


# What the test-only reverse direction (tests/reverse_translate.py) gives for each v1 error code,
# written out by hand from docs/reference/mapping.md (the v1 -> v2 error table); a v1 code with
# no v2 error (a 200 status now, or none) comes back as the generic invalid_request.
_V1_ERROR_BACK_TO_V2 = {
    "account_invalid": (401, "invalid_api_key"),
    "app_realm_require_device_type": (400, "invalid_app_realm"),
    "bad_request": (400, "invalid_request"),
    "blocked_number": (400, "invalid_request"),
    "duplicated_feedback_status": (400, "invalid_request"),
    "internal_server_error": (500, "internal"),
    "invalid_app_realm": (400, "invalid_app_realm_value"),
    "invalid_app_version": (400, "invalid_app_version"),
    "invalid_auth_uuid": (400, "invalid_request"),
    "invalid_device_id": (400, "invalid_device_id"),
    "invalid_device_model": (400, "invalid_device_model"),
    "invalid_feedback_status": (400, "invalid_request"),
    "invalid_line": (400, "invalid_line_type"),
    "invalid_os_version": (400, "invalid_os_version"),
    "invalid_phone_number": (400, "invalid_phone_number"),
    "invalid_sender_id": (400, "invalid_sender_id"),
    "invalid_template_id": (400, "invalid_template_id"),
    "negative_balance": (400, "insufficient_balance"),
    "no_associated_auth_found": (400, "invalid_request"),
    "suspended_account": (400, "suspended_account"),
    "unauthorized_sender_id": (400, "unauthorized_sender_id"),
    "unsupported_app_realm_device_type": (400, "invalid_app_realm_platform"),
    "unsupported_region": (400, "unsupported_country"),
    "spending_limit_exceeded": (400, "spending_limit_exceeded"),
}


def test_the_hand_written_table_covers_every_v1_code():
    assert sorted(_V1_ERROR_BACK_TO_V2) == sorted(V1_ERROR_CODES)


@pytest.mark.parametrize("v1_code, expected", sorted(_V1_ERROR_BACK_TO_V2.items()))
def test_v1_errors_map_back_to_v2_errors(v1_code, expected):
    status, body = reverse_translate.error_to_v2({"code": v1_code, "message": "m"}, 400)
    assert (status, body["code"]) == expected


# v1 codes that became a 200 status in v2 (blocked_number) cannot come back as a v2 error.
_ROUND_TRIPPABLE = sorted(c for c, v1 in V2_TO_V1_ERRORS.items() if reverse_translate.v2_errors_for_v1(v1))


@pytest.mark.parametrize("v2_code", _ROUND_TRIPPABLE)
def test_error_codes_survive_v2_v1_v2_v1(v2_code):
    _, v1_body = translate.error_to_v1({"code": v2_code}, 400, sdk_decodable=False)
    _, v2_body = reverse_translate.error_to_v2(v1_body, 400)
    assert translate.error_to_v1(v2_body, 400, sdk_decodable=False)[1]["code"] == v1_body["code"]


@pytest.mark.parametrize("v2_status", sorted(CHECK_STATUS_V2_TO_V1))
def test_check_statuses(v2_status):
    status, body = translate.check_response_to_v1({"status": v2_status}, "u")
    assert (status, body) == (200, {"authentication_uuid": "u", "status": CHECK_STATUS_V2_TO_V1[v2_status]})
    validated = translate.check_response_to_v1({"status": v2_status}, "u", already_validated=True)[1]["status"]
    assert validated == ("already_validated" if v2_status == "expired_or_not_found" else body["status"])


@pytest.mark.parametrize("v2_status", sorted(RETRY_STATUS_V2_TO_V1))
def test_retry_statuses(v2_status):
    _, body = translate.retry_response_to_v1({"status": v2_status, "reason": "suspicious"}, "u", "t")
    assert body == {"authentication_uuid": "u", "status": RETRY_STATUS_V2_TO_V1[v2_status], "created_at": "t"}


def test_unknown_statuses_are_errors_not_guesses():
    assert translate.create_response_to_v1({"status": "teleported"}, "u", "t")[0] == 400
    assert translate.check_response_to_v1({"status": "teleported"}, "u")[1]["code"] == "internal_server_error"


def test_feedback_mapping():
    assert translate.feedback_request_to_v2({"phone_number": "+1555", "status": "onboarded"}) == {
        "feedbacks": [{"target": {"type": "phone_number", "value": "+1555"}, "type": "verification.completed"}]}
    assert translate.feedback_request_to_v2({"phone_number": "+1555", "status": "not_onboarded"}) is None


def test_lookup_without_flags_omits_the_booleans_and_unknown_line_types():
    body = translate.lookup_response_to_v1({"phone_number": "+1", "line_type": "hologram",
                                            "network_info": {"carrier_name": "C", "mcc": "1", "mnc": "2"}})
    assert body == {"phone_number": "+1", "carrier": "C", "mcc": "1", "mnc": "2"}


def test_status_history_translation():
    history = {
        "id": "vrf_1", "phone_number": "+33612345678", "created_at": "2026-01-01T00:00:00Z",
        "device_platform": "tvos", "ip_address": "198.51.100.1", "app_version": "2",
        "signals": {"is_trusted_user": True, "device_id": "d", "os_version": "17"},
        "lifecycle": {"events": [
            {"type": "create", "create": {"created_at": "2026-01-01T00:00:00Z"}},
            {"type": "attempt", "attempt": {"id": "a1", "created_at": "t1", "channel": "sms", "status": "succeeded",
                                            "delivery_status": "read", "delivery_events": [
                                                {"received_at": "t2", "status": "expired"},
                                                {"received_at": "t3", "status": "silent_started"}]}},
            {"type": "attempt", "attempt": {"id": "a2", "created_at": "t4", "channel": "voice", "status": "failed"}},
            {"type": "check", "check": {"created_at": "t5", "is_valid": False, "status_detail": "rate_limited"}},
            {"type": "check", "check": {"created_at": "t6", "is_valid": True, "value": "123456"}},
        ]},
    }
    body = translate.status_response_to_v1(history, "u")
    assert body["signals"] == {"ip": "198.51.100.1", "device_id": "d", "device_type": "TVOS", "app_version": "2",
                               "os_version": "17", "is_returning_user": True}
    assert body["events"] == [
        {"type": "attempt", "id": "a1", "attempt_number": 1, "status": "delivered", "created_at": "t1",
         "capability": "text"},
        {"type": "delivery_status", "status": "undeliverable", "attempt_id": "a1", "attempt_number": 1,
         "originated_at": "t2", "created_at": "t2"},
        {"type": "attempt", "id": "a2", "attempt_number": 2, "status": "failed", "created_at": "t4"},
        {"type": "check", "status": "rate_limited", "created_at": "t5"},
        {"type": "check", "status": "valid", "created_at": "t6", "code": "123456"},
    ]
