"""Error codes of both APIs, how each v1 code lives on in v2, and the ONE function that says
what a v1 caller gets for a v2 error (``v1_error_for_v2``, used by ``compat.translate`` and the
adapter). See docs/reference/mapping.md ("Errors").

Facts: the v1 error body is ``{code, message, doc_url}`` with HTTP 400 for every coded error
(the only status the v1 SDKs decode); v2 answers ``{code, message, type, request_id}`` with
the HTTP status of its class. Credential failures have no v1 code (the v1 gateway answered 403
without one).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import FrozenSet, Mapping, Optional, Tuple

V1_DOC_URL = "https://docs.prelude.so/api-reference/errors#{code}"  # the v1 error body's doc_url

# Every v1 code: the 23 of the v1 SDK's errors.Code plus the docs-only spending_limit_exceeded.
V1_ERROR_CODES: Tuple[str, ...] = (
    "account_invalid", "app_realm_require_device_type", "bad_request", "blocked_number",
    "duplicated_feedback_status", "internal_server_error", "invalid_app_realm",
    "invalid_app_version", "invalid_auth_uuid", "invalid_device_id", "invalid_device_model",
    "invalid_feedback_status", "invalid_line", "invalid_os_version", "invalid_phone_number",
    "invalid_sender_id", "invalid_template_id", "negative_balance", "no_associated_auth_found",
    "suspended_account", "unauthorized_sender_id", "unsupported_app_realm_device_type",
    "unsupported_region", "spending_limit_exceeded",
)

# v2 codes whose presence on the errors page could not be cross-checked (marked unverified in docs/reference/v2-api.md).
V2_UNVERIFIED_CODES: FrozenSet[str] = frozenset({
    "invalid_device_model", "invalid_app_version", "invalid_device_type", "unauthorized_sender_id",
    "region_blocked_by_customer", "region_missing_registration", "premature_retry",
})

# Credential failures, every spelling the docs used over time. No v1 code: HTTP 403.
V2_CREDENTIAL_CODES: FrozenSet[str] = frozenset({
    "invalid_api_key", "invalid_api_token", "invalid_bearer_token", "missing_api_token",
    "missing_api_key",
})


@dataclass(frozen=True)
class V1ErrorMove:
    """How a v1 error code lives on in v2 for rewriting ``except``/code comparisons."""
    v2_codes: Tuple[str, ...]  # error codes a v2 caller should compare against
    kind: str  # "direct" | "approx" | "one-to-many" | "split" | "semantic-shift" | "none"
    blocked_reason: Optional[str] = None  # the 200 status=blocked reason that now carries it
    check_status: Optional[str] = None  # the 200 check status that now carries it
    note: str = ""


V1_TO_V2_ERRORS: Mapping[str, V1ErrorMove] = {
    "account_invalid": V1ErrorMove(tuple(sorted(V2_CREDENTIAL_CODES)), "approx",
                                   note="customer UUIDs are gone; the nearest failure is a rejected v2 key"),
    "app_realm_require_device_type": V1ErrorMove(("invalid_app_realm",), "approx",
                                                 note="v2 carries the platform inside options.app_realm"),
    "bad_request": V1ErrorMove(("invalid_request",), "direct"),
    "blocked_number": V1ErrorMove((), "semantic-shift", blocked_reason="in_block_list",
                                  note="now a 200 response with status 'blocked', reason 'in_block_list'"),
    "duplicated_feedback_status": V1ErrorMove((), "none", note="Watch feedback has no duplicate check"),
    "internal_server_error": V1ErrorMove(("internal",), "direct"),
    "invalid_app_realm": V1ErrorMove(("invalid_app_realm_value", "invalid_app_realm"), "direct"),
    "invalid_app_version": V1ErrorMove(("invalid_app_version",), "direct"),
    "invalid_auth_uuid": V1ErrorMove((), "none", note="v2 check and retry take no id"),
    "invalid_device_id": V1ErrorMove(("invalid_device_id",), "direct"),
    "invalid_device_model": V1ErrorMove(("invalid_device_model",), "direct"),
    "invalid_feedback_status": V1ErrorMove(("invalid_request",), "approx"),
    "invalid_line": V1ErrorMove(("invalid_line_type",), "split", blocked_reason="invalid_phone_line",
                                note="also a 200 response with status 'blocked', reason 'invalid_phone_line'"),
    "invalid_os_version": V1ErrorMove(("invalid_os_version",), "direct"),
    "invalid_phone_number": V1ErrorMove(("invalid_phone_number",), "split",
                                        blocked_reason="invalid_phone_number",
                                        note="also a 200 response with status 'blocked', reason 'invalid_phone_number'"),
    "invalid_sender_id": V1ErrorMove(("invalid_sender_id",), "direct"),
    "invalid_template_id": V1ErrorMove(
        ("invalid_template_id", "template_not_found", "template_not_registered_in_country"), "one-to-many"),
    "negative_balance": V1ErrorMove(("insufficient_balance",), "direct"),
    "no_associated_auth_found": V1ErrorMove((), "semantic-shift", check_status="expired_or_not_found",
                                            note="now a 200 check response with status 'expired_or_not_found'"),
    "suspended_account": V1ErrorMove(("suspended_account",), "direct"),
    "unauthorized_sender_id": V1ErrorMove(("unauthorized_sender_id",), "direct"),
    "unsupported_app_realm_device_type": V1ErrorMove(("invalid_app_realm_platform",), "approx"),
    "unsupported_region": V1ErrorMove(
        ("unsupported_country", "channel_not_enabled_in_region", "region_blocked_by_customer",
         "region_missing_registration"), "one-to-many"),
    "spending_limit_exceeded": V1ErrorMove(("spending_limit_exceeded", "insufficient_balance"), "approx",
                                           note="no documented v2 code; insufficient_balance is nearest"),
}

# v2 code -> v1 code for the adapter. Credential codes are absent on purpose: they
# become HTTP 403 with no v1 code. premature_retry is answered as a retry status, not an error.
V2_TO_V1_ERRORS: Mapping[str, str] = {
    **dict.fromkeys((
        "invalid_request", "invalid_date_format", "invalid_code_size", "custom_size_conflict",
        "invalid_custom_code", "invalid_locale", "invalid_correlation_id", "invalid_callback_url",
        "invalid_template_variables", "invalid_device_type", "expires_at_in_past",
        "expires_at_too_far_in_future", "custom_code_not_allowed", "email_verification_not_allowed",
        "batch_size_exceeded", "empty_batch", "invalid_customer_uuid",
    ), "bad_request"),
    "internal": "internal_server_error",
    "insufficient_balance": "negative_balance",
    "invalid_phone_number": "invalid_phone_number",
    "invalid_line_type": "invalid_line",
    **dict.fromkeys(("invalid_template_id", "template_not_found", "template_not_registered_in_country"),
                    "invalid_template_id"),
    "invalid_sender_id": "invalid_sender_id",
    "unauthorized_sender_id": "unauthorized_sender_id",
    "suspended_account": "suspended_account",
    **dict.fromkeys(("unsupported_country", "channel_not_enabled_in_region", "region_blocked_by_customer",
                     "region_missing_registration", "category_forbidden"), "unsupported_region"),
    "invalid_app_realm": "invalid_app_realm",  # app_realm_require_device_type when no platform: see translate
    "invalid_app_realm_value": "invalid_app_realm",
    "invalid_app_realm_platform": "unsupported_app_realm_device_type",
    **{c: c for c in ("invalid_device_id", "invalid_os_version", "invalid_device_model", "invalid_app_version")},
    "blocked": "blocked_number",
    "spending_limit_exceeded": "spending_limit_exceeded",
}

# Every v2 code the references name (the set is open-ended: unknown codes map by status class).
V2_ERROR_CODES: FrozenSet[str] = frozenset(V2_TO_V1_ERRORS) | V2_CREDENTIAL_CODES | {"premature_retry"}

# v1 codes the docs list but the v1 SDKs' closed Code enum cannot decode (ding-api-client
# raises ValueError), with the nearest code it can; the adapter sends the latter by default.
V1_CODES_MISSING_FROM_SDK: Mapping[str, str] = {"spending_limit_exceeded": "negative_balance"}



class _CodeNames:
    """Every code of a list as an attribute of the same name (``V1_CODE.bad_request``), for code
    outside this package that must name one code: no literal, and a typo is an AttributeError."""

    def __init__(self, codes):
        self.__dict__.update({code: code for code in codes})


V1_CODE = _CodeNames(V1_ERROR_CODES)
V2_CODE = _CodeNames(V2_ERROR_CODES)

@dataclass(frozen=True)
class V1ErrorAnswer:
    """What a v1 caller is answered for a v2 error: a coded v1 error (``code``), the v1
    gateway's credential refusal (``code`` None, 403), or a v1 *status* on HTTP 200 where v1
    reported the situation as a status instead of an error (``status``)."""
    http_status: int
    code: Optional[str] = None
    status: Optional[str] = None


# Where v1 answered with a status, not an error: (operation, v2 code or None for any code,
# HTTP status or None for any status) -> v1 status. v1 reported check rate limiting as the
# check status rate_limited; v2's premature_retry (a retry before its time) is v1's denied.
STATUS_ANSWERS: Mapping[Tuple[str, Optional[str], Optional[int]], str] = {
    ("check", None, 429): "rate_limited",
    ("retry", "premature_retry", None): "denied",
}


def v1_error_for_v2(
    code: Optional[str],
    http_status: int,
    *,
    operation: Optional[str] = None,
    device_type_given: bool = True,
    sdk_decodable: bool = False,
) -> V1ErrorAnswer:
    """The v1 answer for a v2 error response (``code`` from its body, ``http_status``).

    ``operation`` (a key of ``OPERATIONS``) enables the status answers of ``STATUS_ANSWERS``.
    ``device_type_given=False`` (the v1 create request had no ``device_type``) turns
    ``invalid_app_realm`` into ``app_realm_require_device_type``. ``sdk_decodable`` replaces
    codes the v1 SDKs' closed enum cannot decode (``V1_CODES_MISSING_FROM_SDK``).

    Credential failures give ``(403, None)``; 5xx gives ``internal_server_error`` with the
    upstream status kept; every other coded error is a 400, unknown codes by status class.
    """
    if not isinstance(code, str):  # a body without a (string) code
        code = None
    if operation is not None:
        for (op, want_code, want_status), v1_status in STATUS_ANSWERS.items():
            if op == operation and want_code in (None, code) and want_status in (None, http_status):
                return V1ErrorAnswer(200, status=v1_status)
    if code in V2_CREDENTIAL_CODES or http_status in (401, 403) and code not in V2_TO_V1_ERRORS:
        return V1ErrorAnswer(403)
    if http_status >= 500:
        return V1ErrorAnswer(http_status, "internal_server_error")
    v1_code = V2_TO_V1_ERRORS.get(code or "", "bad_request")
    if code == "invalid_app_realm" and not device_type_given:
        v1_code = "app_realm_require_device_type"
    if sdk_decodable:
        v1_code = V1_CODES_MISSING_FROM_SDK.get(v1_code, v1_code)
    return V1ErrorAnswer(400, v1_code)
