"""The six v1 operations and their v2 endpoints, and how request and response fields move
between them. See docs/reference/mapping.md."""
from __future__ import annotations

from dataclasses import dataclass
from typing import FrozenSet, Mapping, Optional, Tuple


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
    "is_returning_user": ("signals", "existing_user"),  # the safe choice, with a TODO (docs/reference/mapping.md)
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
# Fields whose rewrite always needs a human look, with the reason.
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
