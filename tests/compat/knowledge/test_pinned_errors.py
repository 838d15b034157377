"""Pinned facts: error codes between v1 and v2, written out by hand from Prelude's documentation
(v1 errors page, v2 errors page, the v2 migration guide; summarised in docs/reference/mapping.md,
"Errors"). Nothing here is computed from compat.knowledge: a wrong table entry fails a test.

Each fact is checked in the table, through ``compat.translate`` and, for v2 -> v1, through the
real v1 SDK on the adapter.
"""
import pytest
from ding.models import components, errors

from compat import translate
from compat.knowledge.errors import V1_TO_V2_ERRORS, V2_CREDENTIAL_CODES, V2_TO_V1_ERRORS, v1_error_for_v2
from compat_helpers import create, v1_sdk
from compat_helpers import v2_served as v2  # noqa: F401  (fixture)
import reverse_translate

# v2 code -> the v1 code the adapter answers (HTTP 400), for a create that carried a device type.
V2_TO_V1 = {
    "invalid_request": "bad_request",
    "invalid_date_format": "bad_request",
    "invalid_code_size": "bad_request",
    "custom_size_conflict": "bad_request",
    "invalid_custom_code": "bad_request",
    "invalid_locale": "bad_request",
    "invalid_correlation_id": "bad_request",
    "invalid_callback_url": "bad_request",
    "invalid_template_variables": "bad_request",
    "invalid_device_type": "bad_request",
    "expires_at_in_past": "bad_request",
    "expires_at_too_far_in_future": "bad_request",
    "custom_code_not_allowed": "bad_request",
    "email_verification_not_allowed": "bad_request",
    "batch_size_exceeded": "bad_request",
    "empty_batch": "bad_request",
    "invalid_customer_uuid": "bad_request",
    "internal": "internal_server_error",
    "insufficient_balance": "negative_balance",
    "invalid_phone_number": "invalid_phone_number",
    "invalid_line_type": "invalid_line",
    "invalid_template_id": "invalid_template_id",
    "template_not_found": "invalid_template_id",
    "template_not_registered_in_country": "invalid_template_id",
    "invalid_sender_id": "invalid_sender_id",
    "unauthorized_sender_id": "unauthorized_sender_id",
    "suspended_account": "suspended_account",
    "unsupported_country": "unsupported_region",
    "channel_not_enabled_in_region": "unsupported_region",
    "region_blocked_by_customer": "unsupported_region",
    "region_missing_registration": "unsupported_region",
    "category_forbidden": "unsupported_region",
    "invalid_app_realm": "invalid_app_realm",
    "invalid_app_realm_value": "invalid_app_realm",
    "invalid_app_realm_platform": "unsupported_app_realm_device_type",
    "invalid_device_id": "invalid_device_id",
    "invalid_os_version": "invalid_os_version",
    "invalid_device_model": "invalid_device_model",
    "invalid_app_version": "invalid_app_version",
    "blocked": "blocked_number",
    "spending_limit_exceeded": "spending_limit_exceeded",
}
# ... which the v1 SDK's closed enum cannot decode: the adapter answers the nearest one by default.
SDK_NEAREST = {"spending_limit_exceeded": "negative_balance"}
# Credential failures: no v1 code, HTTP 403 (every spelling the v2 docs used).
CREDENTIAL_CODES = {"invalid_api_key", "invalid_api_token", "invalid_bearer_token", "missing_api_token",
                    "missing_api_key"}

# v1 code -> (v2 codes a rewritten comparison accepts, kind, blocked reason, check status)
V1_TO_V2 = {
    "account_invalid": (("invalid_api_key", "invalid_api_token", "invalid_bearer_token", "missing_api_key",
                         "missing_api_token"), "approx", None, None),
    "app_realm_require_device_type": (("invalid_app_realm",), "approx", None, None),
    "bad_request": (("invalid_request",), "direct", None, None),
    "blocked_number": ((), "semantic-shift", "in_block_list", None),
    "duplicated_feedback_status": ((), "none", None, None),
    "internal_server_error": (("internal",), "direct", None, None),
    "invalid_app_realm": (("invalid_app_realm_value", "invalid_app_realm"), "direct", None, None),
    "invalid_app_version": (("invalid_app_version",), "direct", None, None),
    "invalid_auth_uuid": ((), "none", None, None),
    "invalid_device_id": (("invalid_device_id",), "direct", None, None),
    "invalid_device_model": (("invalid_device_model",), "direct", None, None),
    "invalid_feedback_status": (("invalid_request",), "approx", None, None),
    "invalid_line": (("invalid_line_type",), "split", "invalid_phone_line", None),
    "invalid_os_version": (("invalid_os_version",), "direct", None, None),
    "invalid_phone_number": (("invalid_phone_number",), "split", "invalid_phone_number", None),
    "invalid_sender_id": (("invalid_sender_id",), "direct", None, None),
    "invalid_template_id": (("invalid_template_id", "template_not_found", "template_not_registered_in_country"),
                            "one-to-many", None, None),
    "negative_balance": (("insufficient_balance",), "direct", None, None),
    "no_associated_auth_found": ((), "semantic-shift", None, "expired_or_not_found"),
    "suspended_account": (("suspended_account",), "direct", None, None),
    "unauthorized_sender_id": (("unauthorized_sender_id",), "direct", None, None),
    "unsupported_app_realm_device_type": (("invalid_app_realm_platform",), "approx", None, None),
    "unsupported_region": (("unsupported_country", "channel_not_enabled_in_region", "region_blocked_by_customer",
                            "region_missing_registration"), "one-to-many", None, None),
    "spending_limit_exceeded": (("spending_limit_exceeded", "insufficient_balance"), "approx", None, None),
}
# v1 code -> the v2 error a replayed v1 fixture becomes (reverse_translate.error_to_v2): the first
# v2 equivalent, invalid_request where v2 has no error, invalid_api_key for account_invalid.
V1_TO_V2_REPLAY = {
    "account_invalid": (401, "invalid_api_key"), "bad_request": (400, "invalid_request"),
    "blocked_number": (400, "invalid_request"), "internal_server_error": (500, "internal"),
    "invalid_app_realm": (400, "invalid_app_realm_value"), "invalid_line": (400, "invalid_line_type"),
    "negative_balance": (400, "insufficient_balance"), "no_associated_auth_found": (400, "invalid_request"),
    "invalid_template_id": (400, "invalid_template_id"), "unsupported_region": (400, "unsupported_country"),
    "unsupported_app_realm_device_type": (400, "invalid_app_realm_platform"),
    "app_realm_require_device_type": (400, "invalid_app_realm"), "invalid_feedback_status": (400, "invalid_request"),
    "spending_limit_exceeded": (400, "spending_limit_exceeded"),
}


def test_the_tables_know_exactly_the_documented_codes():
    assert set(V2_TO_V1_ERRORS) == set(V2_TO_V1)
    assert set(V1_TO_V2_ERRORS) == set(V1_TO_V2)
    assert set(V2_CREDENTIAL_CODES) == CREDENTIAL_CODES


@pytest.mark.parametrize("v2_code,v1_code", sorted(V2_TO_V1.items()))
def test_v2_code_to_v1_code(v2_code, v1_code):
    assert V2_TO_V1_ERRORS[v2_code] == v1_code
    assert v1_error_for_v2(v2_code, 400).code == v1_code
    status, body = translate.error_to_v1({"code": v2_code, "message": "m"}, 400, sdk_decodable=False,
                                         v1_request={"device_type": "ANDROID"})
    assert (status, body["code"]) == (400, v1_code)


@pytest.mark.parametrize("v2_code,v1_code", sorted(V2_TO_V1.items()))
def test_v2_code_through_the_adapter_and_the_v1_sdk(v2, v2_code, v1_code):
    v2.fail_next(status=400, code=v2_code, path="/v2/verification")
    with pytest.raises(errors.ErrorResponse) as caught:
        create(v1_sdk(), device_type=components.DeviceType.ANDROID)
    assert caught.value.code.value == SDK_NEAREST.get(v1_code, v1_code)


@pytest.mark.parametrize("v2_code", sorted(CREDENTIAL_CODES))
def test_credential_codes_have_no_v1_code(v2_code):
    assert v1_error_for_v2(v2_code, 401).code is None
    assert translate.error_to_v1({"code": v2_code}, 401)[0] == 403


@pytest.mark.parametrize("v1_code,expected", sorted(V1_TO_V2.items()))
def test_v1_code_moves(v1_code, expected):
    move = V1_TO_V2_ERRORS[v1_code]
    codes, kind, reason, check_status = expected
    assert set(move.v2_codes) == set(codes)
    assert (move.kind, move.blocked_reason, move.check_status) == (kind, reason, check_status)


@pytest.mark.parametrize("v1_code,expected", sorted(V1_TO_V2_REPLAY.items()))
def test_v1_error_replayed_as_v2(v1_code, expected):
    status, body = reverse_translate.error_to_v2({"code": v1_code, "message": "m"}, 400)
    assert (status, body["code"]) == expected
