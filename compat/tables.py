"""The knowledge base: every fact about the v1 and v2 APIs that the adapter, the codemods and
the scanner need, as plain data. One table, one place: nothing else in the project restates
these values; it imports them from here.

Source: ``shared/reference/api-mapping.md`` (HTTP level) and ``sdk-surfaces.md`` (SDK level);
section numbers in comments point there. Pure data: no I/O, no third-party imports.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import FrozenSet, Mapping, Optional, Tuple

# --- hosts and auth (§1.1, §1.2) -------------------------------------------------------------

V1_HOST = "api.ding.live"
V1_BASE_URL = "https://api.ding.live/v1"
LEGACY_V2_BASE_URL = "https://api.ding.live/v2"  # transactional, deprecated October 2025
V2_HOST = "api.prelude.dev"
V2_ORIGIN = "https://api.prelude.dev"  # the v2 SDKs' base URL; paths start with /v2/
V2_BASE_URL = "https://api.prelude.dev/v2"

V1_AUTH_HEADER = "X-API-Key"  # the spec spells it x-api-key; header names are case-insensitive
V1_CUSTOMER_HEADER = "customer-uuid"  # lookup only; every POST carries customer_uuid in the body
V2_AUTH_HEADER = "Authorization"
V2_AUTH_SCHEME = "Bearer"
V2_API_KEY_ENV = "API_TOKEN"  # what prelude_python_sdk reads (not PRELUDE_API_TOKEN)
V2_BASE_URL_ENV = "PRELUDE_BASE_URL"

# v1 env/config names seen in public code (sdk-surfaces §4) -> what they held. The customer UUID
# and PRELUDE_X_API names only ever meant v1; the others ("DING_API_KEY", "DING_URL") are generic
# enough that the scanner wants other v1 evidence in the same file.
V1_CONFIG_NAMES: Mapping[str, str] = {
    "DING_API_KEY": "api-key", "PRELUDE_X_API": "api-key",
    "DING_CUSTOMER_UUID": "customer-uuid", "PRELUDE_CUSTOMER_UUID": "customer-uuid",
    "ding_customer_uuid": "customer-uuid",
    "DING_URL": "base-url", "ding_api_endpoint": "base-url",
}
V1_CONFIG_NAMES_DISTINCTIVE: FrozenSet[str] = frozenset({
    "DING_CUSTOMER_UUID", "PRELUDE_CUSTOMER_UUID", "ding_customer_uuid", "PRELUDE_X_API"})

V1_DOC_URL = "https://docs.prelude.so/api-reference/errors#{code}"  # §4.5, v1 doc_url format

# Marker the codemods leave where a human must decide (same text in both references).
TODO_MARKER = "TODO(prelude-migration)"


# --- deadlines (§1.3, §9.13) -----------------------------------------------------------------

@dataclass(frozen=True)
class Deadline:
    id: str
    date: _dt.date
    kind: str  # "support-end" | "removal" | "deprecation"
    subject: str
    wording: str  # the source's wording, paraphrased; newest wording first (§9.13)
    source: str


DEADLINES: Mapping[str, Deadline] = {
    d.id: d
    for d in (
        Deadline(
            "v2-host-deprecation", _dt.date(2025, 10, 1), "deprecation",
            "the api.ding.live/v2 host",
            "api.ding.live/v2 \"will be deprecated by October 2025\"; use https://api.prelude.dev/v2",
            "docs.prelude.so/api-reference/v2/transactional/introduction",
        ),
        Deadline(
            "v1-support-end", _dt.date(2025, 11, 1), "support-end",
            "the v1 Verify and Lookup APIs",
            "starting November 1st 2025 no support is provided for the v1 API",
            "docs.prelude.so/verify/v1/documentation/introduction",
        ),
        Deadline(
            "v1-removal", _dt.date(2026, 4, 1), "removal",
            "the v1 Verify and Lookup APIs",
            "the v1 API is removed \"by April 2026\" (taken as 2026-04-01)",
            "docs.prelude.so/verify/v1/documentation/introduction",
        ),
    )
}


# --- error codes (§4) --------------------------------------------------------------------------

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

# v2 codes whose presence on the errors page could not be cross-checked ([B] in §4.2).
V2_UNVERIFIED_CODES: FrozenSet[str] = frozenset({
    "invalid_device_model", "invalid_app_version", "invalid_device_type", "unauthorized_sender_id",
    "region_blocked_by_customer", "region_missing_registration", "premature_retry",
})

# Credential failures, every spelling the docs used over time (§9.2). No v1 code: HTTP 403.
V2_CREDENTIAL_CODES: FrozenSet[str] = frozenset({
    "invalid_api_key", "invalid_api_token", "invalid_bearer_token", "missing_api_token",
    "missing_api_key",
})


@dataclass(frozen=True)
class V1ErrorMove:
    """How a v1 error code lives on in v2 (§4.3): for rewriting ``except``/code comparisons."""
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

# v2 code -> v1 code for the adapter (§4.4). Credential codes are absent on purpose: they
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

# v1 codes the docs list but the v1 SDKs' closed Code enum cannot decode (§4.1: ding-api-client
# raises ValueError), with the nearest code it can; the adapter sends the latter by default.
V1_CODES_MISSING_FROM_SDK: Mapping[str, str] = {"spending_limit_exceeded": "negative_balance"}


def v1_error_for_v2(code: Optional[str], http_status: int) -> Tuple[Optional[str], int]:
    """The v1 ``(code, http_status)`` to present for a v2 error (§4.4, §4.5).

    Credential failures give ``(None, 403)``; 5xx gives ``internal_server_error`` with the
    upstream status kept; every other coded error is a 400, unknown codes by status class.
    """
    if code in V2_CREDENTIAL_CODES or http_status in (401, 403) and code not in V2_TO_V1_ERRORS:
        return None, 403
    if http_status >= 500:
        return "internal_server_error", http_status
    return V2_TO_V1_ERRORS.get(code or "", "bad_request"), 400


def v2_errors_for_v1(code: str) -> Tuple[str, ...]:
    """The v2 error codes a v1 comparison against ``code`` should now accept (§4.3)."""
    move = V1_TO_V2_ERRORS.get(code)
    return move.v2_codes if move else ()


# --- statuses (§5.1–§5.3) ------------------------------------------------------------------

# v2 create outcome -> v1 create status; blocked reasons that v1 modelled as errors are in
# CREATE_BLOCKED_AS_V1_ERROR instead.
CREATE_STATUS_V2_TO_V1: Mapping[str, str] = {
    "success": "pending", "retry": "pending", "challenged": "pending", "shadow_blocked": "pending",
    "blocked": "spam_detected",  # reasons suspicious / expired_signature / invalid_signature / none
}
CREATE_BLOCKED_REASON_TO_V1_STATUS: Mapping[str, str] = {"repeated_attempts": "rate_limited"}
CREATE_BLOCKED_AS_V1_ERROR: Mapping[str, str] = {
    "in_block_list": "blocked_number",
    "invalid_phone_number": "invalid_phone_number",
    "invalid_phone_line": "invalid_line",
}
V2_BLOCK_REASONS: Tuple[str, ...] = (
    "expired_signature", "in_block_list", "invalid_phone_line", "invalid_phone_number",
    "invalid_signature", "repeated_attempts", "suspicious",
)

# v1 create status -> the v2 statuses that a rewritten comparison should accept (§3.6 sdk).
CREATE_STATUS_V1_TO_V2: Mapping[str, Tuple[str, ...]] = {
    "pending": ("success", "retry", "challenged", "shadow_blocked"),
    "rate_limited": ("blocked",),
    "spam_detected": ("blocked", "shadow_blocked"),
}

CHECK_STATUS_V2_TO_V1: Mapping[str, str] = {
    "success": "valid",
    "failure": "invalid",
    "expired_or_not_found": "expired_auth",  # already_validated only from adapter state
    "transaction_missing": "invalid",
    "transaction_mismatch": "invalid",
}
# v1 check status -> v2 status, or None where v2 has no equivalent (a TODO in rewritten code).
CHECK_STATUS_V1_TO_V2: Mapping[str, Optional[str]] = {
    "valid": "success",
    "invalid": "failure",
    "expired_auth": "expired_or_not_found",
    "without_attempt": "expired_or_not_found",  # approximate
    "already_validated": None,
    "rate_limited": None,
    "unknown": None,
}
CHECK_STATUS_APPROXIMATE: FrozenSet[str] = frozenset({"without_attempt"})

RETRY_STATUS_V2_TO_V1: Mapping[str, str] = {
    "retry": "approved", "success": "approved", "challenged": "approved", "shadow_blocked": "approved",
    "blocked": "denied",
}
RETRY_BLOCKED_REASON_TO_V1_STATUS: Mapping[str, str] = {"repeated_attempts": "rate_limited"}
RETRY_STATUS_V1_TO_V2: Mapping[str, Optional[str]] = {
    "approved": "retry", "denied": "blocked", "rate_limited": "blocked",
    "no_attempt": None, "expired_auth": None, "already_validated": None,
}

V1_CREATE_STATUSES = ("pending", "rate_limited", "spam_detected")
V1_CHECK_STATUSES = tuple(CHECK_STATUS_V1_TO_V2)
V1_RETRY_STATUSES = tuple(RETRY_STATUS_V1_TO_V2)
V2_CREATE_STATUSES = tuple(CREATE_STATUS_V2_TO_V1)
V2_CHECK_STATUSES = tuple(CHECK_STATUS_V2_TO_V1)


# --- enums (§5.6, §6) ----------------------------------------------------------------------

LINE_TYPE_V1_TO_V2: Mapping[str, str] = {
    "CallingCards": "calling_cards", "FixedLine": "fixed_line", "InternetServiceProvider": "isp",
    "LocalRate": "local_rate", "Mobile": "mobile", "Other": "other", "Pager": "pager",
    "PayPhone": "payphone", "PremiumRate": "premium_rate", "Satellite": "satellite",
    "Service": "service", "SharedCost": "shared_cost", "ShortCodesCommercial": "short_codes_commercial",
    "TollFree": "toll_free", "UniversalAccess": "universal_access", "Unknown": "unknown",
    "VPN": "vpn", "VoiceMail": "voice_mail", "Voip": "voip",
}
LINE_TYPE_V2_TO_V1: Mapping[str, str] = {v: k for k, v in LINE_TYPE_V1_TO_V2.items()}

# v1 device_type (create takes the first three, status answers all five) <-> v2 device_platform.
DEVICE_TYPE_V1_TO_V2: Mapping[str, str] = {
    "IOS": "ios", "ANDROID": "android", "WEB": "web", "IPADOS": "ipados", "TVOS": "tvos",
}
DEVICE_TYPE_V2_TO_V1: Mapping[str, str] = {v: k for k, v in DEVICE_TYPE_V1_TO_V2.items()}

# v1 feedback status -> Watch feedback type; not_onboarded has no equivalent (§5.4, DESIGN).
FEEDBACK_STATUS_V1_TO_V2: Mapping[str, Optional[str]] = {
    "onboarded": "verification.completed",
    "not_onboarded": None,
}

# v2 history attempt channel -> v1 capability (§5.5); others have no v1 value.
CHANNEL_V2_TO_V1_CAPABILITY: Mapping[str, str] = {
    "sms": "text", "rcs": "rcs", "whatsapp": "whatsapp", "viber": "viber",
}


# v2 history delivery status -> v1 delivery_status event status (§5.5; expired and read are the
# reference's suggestions; silent_* have no v1 value and are skipped).
DELIVERY_STATUS_V2_TO_V1: Mapping[str, str] = {
    "unknown": "unknown", "submitted": "submitted", "in_transit": "in_transit",
    "delivered": "delivered", "undeliverable": "undeliverable",
    "expired": "undeliverable", "read": "delivered",
}


# --- operations and field moves (§2, §5) ---------------------------------------------------

@dataclass(frozen=True)
class Operation:
    name: str
    v1_method: str
    v1_path: str  # relative to V1_BASE_URL; {x} is a path parameter
    v2_method: Optional[str]
    v2_path: Optional[str]  # relative to V2_ORIGIN
    sdk_methods: Tuple[str, ...]  # v1 Python SDK method names, every spelling of every version
    sdk_namespace: str  # "otp" or "lookup"
    v2_sdk_call: Optional[str]  # prelude_python_sdk call, relative to the client


OPERATIONS: Mapping[str, Operation] = {
    op.name: op
    for op in (
        Operation("create", "POST", "/authentication", "POST", "/v2/verification",
                  ("create_authentication", "create_autentication", "send", "post_authentication"),
                  "otp", "verification.create"),
        Operation("check", "POST", "/check", "POST", "/v2/verification/check",
                  ("check", "post_check"), "otp", "verification.check"),
        Operation("retry", "POST", "/retry", "POST", "/v2/verification",
                  ("retry", "post_retry"), "otp", "verification.create"),
        Operation("feedback", "POST", "/authentication/feedback", "POST", "/v2/watch/feedback",
                  ("feedback",), "otp", "watch.send_feedbacks"),
        Operation("status", "GET", "/authentication/{auth_uuid}", "GET",
                  "/v2/verification/phone/history/{id}",
                  ("get_authentication_status",), "otp", "verification.phone.history.retrieve"),
        Operation("lookup", "GET", "/lookup/{phone_number}", "GET", "/v2/lookup/{phone_number}",
                  ("lookup", "post_lookup"), "lookup", "lookup.lookup"),
    )
}

# v1 create request field -> (v2 section, v2 key). Section None means top level; a key of
# None means dropped. Transforms beyond a copy are named in CREATE_FIELD_TRANSFORMS.
CREATE_FIELD_MOVES: Mapping[str, Tuple[Optional[str], Optional[str]]] = {
    "customer_uuid": (None, None),
    "phone_number": (None, "target"),
    "ip": ("signals", "ip"),
    "device_id": ("signals", "device_id"),
    "device_type": ("signals", "device_platform"),
    "app_version": ("signals", "app_version"),
    "os_version": ("signals", "os_version"),
    "device_model": ("signals", "device_model"),
    "is_returning_user": ("signals", "existing_user"),  # DESIGN: safe choice, with a TODO
    "sender_id": ("options", "sender_id"),
    "callback_url": ("options", "callback_url"),
    "app_realm": ("options", "app_realm"),
    "template_id": ("options", "template_id"),
    "locale": ("options", "locale"),
    "correlation_id": ("metadata", "correlation_id"),
}
# JSON type of the v1 create fields (ding-api-client's CreateAuthenticationRequest): every
# field of CREATE_FIELD_MOVES is a string except these booleans.
V1_CREATE_BOOLEAN_FIELDS: FrozenSet[str] = frozenset({"is_returning_user"})
CREATE_FIELD_TRANSFORMS: Mapping[str, str] = {
    "phone_number": "wrap as {type: phone_number, value}",
    "device_type": "lower-case (DEVICE_TYPE_V1_TO_V2)",
    "app_realm": "wrap as {platform: android, value}",
}
# Fields whose rewrite always needs a human look, with the reason (§5.1, sdk-surfaces §3.4).
CREATE_FIELD_REVIEW: Mapping[str, str] = {
    "is_returning_user": "was is_returning_user; use is_trusted_user only if agreed with Prelude",
    "callback_url": "v2 webhook payloads differ from v1 delivery callbacks; migrate the receiver",
    "template_id": "v1 template ids may not exist in v2; check the dashboard",
    "app_realm": "v2 app_realm needs a platform; 'android' assumed (v1 required device_type ANDROID)",
}

CHECK_FIELD_MOVES: Mapping[str, Optional[str]] = {
    "customer_uuid": None, "authentication_uuid": None, "check_code": "code",
}

# v1 lookup response field -> where the v2 response keeps it (dotted path; see translators).
LOOKUP_FIELD_MOVES: Mapping[str, str] = {
    "phone_number": "phone_number",
    "mcc": "network_info.mcc",
    "mnc": "network_info.mnc",
    "carrier": "network_info.carrier_name",
    "caller_name": "caller_name",
    "country_code": "country_code",
    "number_ported": "flags:ported",
    "temporary_phone_number": "flags:temporary",
    "line_type": "line_type",
}


# --- documentation links (§8) --------------------------------------------------------------

DOCS_HOSTS_OLD: Tuple[str, ...] = ("docs.ding.live",)
# Old documentation path prefix -> current page (longest prefix first when matching).
DOCS_LINK_MOVES: Mapping[str, str] = {
    "docs.prelude.so/api-reference/v1/lookup": "docs.prelude.so/lookup/v1/api-reference/look-up-for-phone-number",
    "docs.prelude.so/api-reference/v1/otp/send-a-code": "docs.prelude.so/verify/v1/api-reference/send-a-code",
    "docs.prelude.so/api-reference/v1/otp/send-feedback": "docs.prelude.so/verify/v1/api-reference/send-feedback",
    "docs.prelude.so/api-reference/v1/otp/get-authentication-status":
        "docs.prelude.so/verify/v1/api-reference/get-authentication-status",
    "docs.prelude.so/api-reference/v1/errors": "docs.prelude.so/verify/v1/documentation/errors",
    "docs.prelude.so/api-reference/v1/introduction": "docs.prelude.so/verify/v1/documentation/introduction",
    "docs.prelude.so/api-reference/v2/verify/create-or-retry-a-verification":
        "docs.prelude.so/verify/v2/api-reference/create-or-retry-a-verification",
    "docs.prelude.so/api-reference/v2/verify/check-a-code": "docs.prelude.so/verify/v2/api-reference/check-a-code",
    "docs.prelude.so/api-reference/v2/errors": "docs.prelude.so/introduction/errors",
    "docs.prelude.so/api-reference/v1": "docs.prelude.so/verify/v1",
}
MIGRATION_GUIDE_URL = "https://docs.prelude.so/verify/v2/documentation/v2-migration-guide"


def current_docs_link(url: str) -> Optional[str]:
    """The current page for an old docs URL (scheme optional), or None if not an old link."""
    for old in sorted(DOCS_LINK_MOVES, key=len, reverse=True):
        i = url.find(old)
        # Whole pages only: ".../api-reference/v1" must not turn ".../api-reference/v1/otp/check-a-code"
        # into a page that does not exist.
        after = url[i + len(old):i + len(old) + 1]
        if i != -1 and not (after.isalnum() or (after != "" and after in "/-_")):
            return url[:i] + DOCS_LINK_MOVES[old] + url[i + len(old):]
    return None


# --- SDK packages (sdk-surfaces §1.1, §4) --------------------------------------------------

# Distribution names of the v1 SDKs, per ecosystem (for manifests).
V1_PACKAGES: Mapping[str, Tuple[str, ...]] = {
    "pypi": ("ding-api-client", "ding_api_client", "ding-client-sdk", "ding_client_sdk"),
    "npm": ("@ding-live/ding", "@ding-live/sdk"),
    "go": ("github.com/ding-live/ding-golang", "github.com/ding-live/go-sdk",
           "github.com/ding-live/ding-go", "github.com/ding-live/sdk-go"),
    "maven": ("live.ding:dingsdk", "live.ding.dingSdk"),
    "composer": ("ding-live/ding-php", "ding/sdk"),
    "gem": ("ding_sdk",),
    "nuget": ("DingSDK",),
}
V2_PACKAGES: Mapping[str, str] = {
    "pypi": "prelude-python-sdk", "npm": "@prelude.so/sdk", "go": "github.com/prelude-so/go-sdk",
    "maven": "so.prelude.sdk:prelude-java", "gem": "prelude-sdk", "nuget": "PreludeSdk",
}
V2_PYTHON_SDK_PIN = "prelude-python-sdk>=0.16.0"

# Namespaces the v1 SDKs are imported under in source code (sdk-surfaces §4), per language;
# npm and Go import paths are the package names above.
V1_SOURCE_NAMESPACES: Mapping[str, Tuple[str, ...]] = {
    "jvm": ("live.ding.dingsdk", "live.ding.dingSdk"),
    "php": ("Ding\\DingSDK",),
    "ruby": ("ding_sdk",),  # require 'ding_sdk'; module ::DingSDK
    "csharp": ("DingSDK",),
}
# How each language's v2 SDK builds a client (sdk-surfaces §4), for scanner messages.
V2_CLIENT_SHAPES: Mapping[str, str] = {
    "python": "Prelude(api_token=...) from prelude_python_sdk",
    "js": "new Prelude({ apiToken }) from @prelude.so/sdk",
    "go": "prelude.NewClient(option.WithAPIToken(...)) from github.com/prelude-so/go-sdk",
    "jvm": "PreludeOkHttpClient.builder().apiToken(...).build() from so.prelude.sdk",
    "php": "new Prelude\\Client(apiToken: ...) (Stainless PHP SDK, beta)",
    "ruby": "PreludeSDK::Client.new(api_token: ...) from the prelude-sdk gem",
    "csharp": "new PreludeClient { ApiToken = ... } from PreludeSdk",
}


# --- v1 Python SDK shapes, for the SDK codemods (sdk-surfaces §1.2-§1.7, §3.3-§3.8) ---------

# Qualified names of the v1 client classes (ding-api-client 1.1.0 shipped `sdk.SDK`).
SDK_V1_CLIENT_CLASSES: Tuple[str, ...] = ("ding.Ding", "ding.sdk.Ding", "sdk.SDK", "sdk.sdk.SDK")
# Sub-modules of ding.models whose import is evidence of the v1 SDK (a Django app `ding` has none).
SDK_V1_MODEL_MODULES: Tuple[str, ...] = ("components", "errors", "operations", "shared")
# v2 client classes: a `.otp.*` call on one of these is leftover v1 code.
SDK_V2_CLIENT_CLASSES: Tuple[str, ...] = (
    "prelude_python_sdk.Prelude", "prelude_python_sdk.Client", "prelude_python_sdk._client.Prelude")
# v1 client constructor keywords that only the v1 SDK takes (§1.2).
SDK_V1_CLIENT_KEYWORDS: Tuple[str, ...] = (
    "api_key", "server", "server_idx", "server_url", "url_params", "retry_config")
# v1 request model class -> operation name (key of OPERATIONS).
SDK_V1_REQUEST_MODELS: Mapping[str, str] = {
    "CreateAuthenticationRequest": "create", "CreateCheckRequest": "check",
    "RetryAuthenticationRequest": "retry", "FeedbackRequest": "feedback", "LookupRequest": "lookup",
}
# Operation -> the attribute of the v1 response wrapper that carries its payload (§1.5).
SDK_V1_PAYLOAD_ATTRS: Mapping[str, str] = {
    "create": "create_authentication_response", "check": "create_check_response",
    "retry": "retry_authentication_response", "feedback": "feedback_response",
    "status": "authentication_status_response", "lookup": "lookup_response",
}
# Operation -> v1 payload field -> v2 response attribute; None: no v2 equivalent (§3.6).
# Lookup fields are in LOOKUP_FIELD_MOVES.
SDK_V1_RESPONSE_FIELDS: Mapping[str, Mapping[str, Optional[str]]] = {
    "create": {"authentication_uuid": "id", "status": "status", "created_at": None, "expires_at": None},
    "check": {"authentication_uuid": "id", "status": "status"},
    "retry": {"authentication_uuid": "id", "status": "status", "created_at": None,
              "next_retry_at": None, "remaining_retry": None},
    "feedback": {"uuid": None},
}
# v1 enum class -> what its values are (member names are the upper-cased values, §1.6, §1.7).
SDK_V1_ENUMS: Mapping[str, str] = {
    "Status": "create-status", "CheckStatus": "check-status",
    "CreateCheckResponseStatus": "check-status", "RetryAuthenticationResponseStatus": "retry-status",
    "FeedbackRequestStatus": "feedback-status", "DeviceType": "device-type", "LineType": "line-type",
    "Code": "error-code", "Type": "lookup-type",
}
# v1 exception class -> prelude_python_sdk exception class (§3.7).
SDK_V1_ERROR_CLASSES: Mapping[str, str] = {
    "ErrorResponse": "BadRequestError", "ErrorResponse1": "BadRequestError", "SDKError": "APIStatusError",
}
# v1 response/annotation types -> prelude_python_sdk type (§3.8), by class name.
SDK_V1_TYPE_MOVES: Mapping[str, str] = {
    "Ding": "prelude_python_sdk.Prelude", "SDK": "prelude_python_sdk.Prelude",
    "CreateAuthenticationResponse": "prelude_python_sdk.types.VerificationCreateResponse",
    "CreateAutenticationResponse": "prelude_python_sdk.types.VerificationCreateResponse",
    "CheckResponse": "prelude_python_sdk.types.VerificationCheckResponse",
    "CreateCheckResponse": "prelude_python_sdk.types.VerificationCheckResponse",
    "LookupResponse": "prelude_python_sdk.types.LookupLookupResponse",
    "FeedbackResponse": "prelude_python_sdk.types.WatchSendFeedbacksResponse",
}

__all__ = [n for n in dir() if n.isupper() or n in {
    "Deadline", "Operation", "V1ErrorMove", "v1_error_for_v2", "v2_errors_for_v1", "current_docs_link"}]
