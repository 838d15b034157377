"""v1_error_for_v2: the special cases that used to live in the adapter and translate.py."""
from compat.knowledge.errors import V1ErrorAnswer, v1_error_for_v2


def test_check_rate_limiting_is_the_v1_check_status_rate_limited():
    assert v1_error_for_v2("too_many_requests", 429, operation="check") == V1ErrorAnswer(200, status="rate_limited")
    assert v1_error_for_v2(None, 429, operation="check") == V1ErrorAnswer(200, status="rate_limited")


def test_a_premature_retry_is_the_v1_retry_status_denied():
    assert v1_error_for_v2("premature_retry", 429, operation="retry") == V1ErrorAnswer(200, status="denied")
    assert v1_error_for_v2("premature_retry", 400, operation="retry") == V1ErrorAnswer(200, status="denied")


def test_status_answers_need_their_operation():
    assert v1_error_for_v2("premature_retry", 400, operation="create").status is None
    assert v1_error_for_v2(None, 429, operation="create") == V1ErrorAnswer(400, "bad_request")
    assert v1_error_for_v2(None, 429) == V1ErrorAnswer(400, "bad_request")


def test_invalid_app_realm_without_device_type_is_app_realm_require_device_type():
    assert v1_error_for_v2("invalid_app_realm", 400).code == "invalid_app_realm"
    assert v1_error_for_v2("invalid_app_realm", 400, device_type_given=False).code == "app_realm_require_device_type"


def test_codes_the_v1_sdk_cannot_decode_are_replaced_on_request():
    assert v1_error_for_v2("spending_limit_exceeded", 400).code == "spending_limit_exceeded"
    assert v1_error_for_v2("spending_limit_exceeded", 400, sdk_decodable=True).code == "negative_balance"


def test_credentials_and_server_errors():
    assert v1_error_for_v2("invalid_api_key", 401) == V1ErrorAnswer(403)
    assert v1_error_for_v2(None, 403) == V1ErrorAnswer(403)
    assert v1_error_for_v2("internal", 502) == V1ErrorAnswer(502, "internal_server_error")
    assert v1_error_for_v2(["not", "a", "code"], 400) == V1ErrorAnswer(400, "bad_request")
