"""Pure translators between v1 and v2 bodies (see docs/reference/mapping.md).

Every function takes and returns plain JSON-shaped values (dicts, lists, strings): no I/O, no
clock, no randomness; callers pass ids and times in. Every fact comes from ``compat.knowledge``.
A v1 answer is a ``(http_status, body)`` pair because some v2 successes become v1 errors
(a ``blocked`` create) and some v2 errors become v1 successes (``premature_retry`` on retry).

Only the two directions compat runs are here: v1 requests to v2, v2 answers to v1. The reverse
ones (for round-trip tests and replaying v1 fixtures) are test helpers: tests/reverse_translate.py.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Tuple

from compat.knowledge.enums import (
    CHANNEL_V2_TO_V1_CAPABILITY, DELIVERY_STATUS_V2_TO_V1, DEVICE_TYPE_V1_TO_V2, DEVICE_TYPE_V2_TO_V1,
    FEEDBACK_STATUS_V1_TO_V2, LINE_TYPE_V2_TO_V1,
)
from compat.knowledge.errors import V1_CODE, V1_DOC_URL, v1_error_for_v2
from compat.knowledge.operations import CREATE_FIELD_MOVES, LOOKUP_FIELD_MOVES
from compat.knowledge.statuses import (
    CHECK_STATUS_V2_TO_V1, CREATE_BLOCKED_AS_V1_ERROR, CREATE_BLOCKED_REASON_TO_V1_STATUS,
    CREATE_STATUS_V2_TO_V1, RETRY_BLOCKED_REASON_TO_V1_STATUS, RETRY_STATUS_V2_TO_V1, V2_BLOCKED,
)

Body = Dict[str, Any]
V1Reply = Tuple[int, Body]

# --- enums ---------------------------------------------------------------------------------

def line_type_to_v1(v2_line_type: str) -> Optional[str]:
    return LINE_TYPE_V2_TO_V1.get(v2_line_type)


def device_type_to_v2(v1_device_type: str) -> Optional[str]:
    return DEVICE_TYPE_V1_TO_V2.get(v1_device_type)


def device_type_to_v1(v2_platform: str) -> Optional[str]:
    return DEVICE_TYPE_V2_TO_V1.get(v2_platform)


# --- errors --------------------------------------------------------------------------------

def v1_error_body(code: str, message: str) -> Body:
    return {"code": code, "message": message, "doc_url": V1_DOC_URL.format(code=code)}


def v1_error(code: str, message: str) -> V1Reply:
    """A synthesised v1 coded error: always HTTP 400, the only status v1 SDKs decode."""
    return 400, v1_error_body(code, message)


def error_to_v1(
    v2_body: Optional[Mapping[str, Any]],
    http_status: int,
    request_id: Optional[str] = None,
    v1_request: Optional[Mapping[str, Any]] = None,
    sdk_decodable: bool = True,
) -> V1Reply:
    """A v2 error response as the v1 error a v1 caller expects.

    The v2 code and ``request_id`` are kept in the message so that nothing is lost.
    ``v1_request`` (the original v1 body) refines ``invalid_app_realm``. ``sdk_decodable``
    replaces codes the v1 SDK's enum cannot decode (``V1_CODES_MISSING_FROM_SDK``).
    """
    body = v2_body if isinstance(v2_body, Mapping) else {}
    v2_code = body.get("code") if isinstance(body.get("code"), str) else None
    v2_message = body.get("message") if isinstance(body.get("message"), str) else ""
    request_id = request_id or (body.get("request_id") if isinstance(body.get("request_id"), str) else None)
    answer = v1_error_for_v2(v2_code, http_status, sdk_decodable=sdk_decodable,
                             device_type_given=v1_request is None or bool(v1_request.get("device_type")))
    v1_code, v1_status = answer.code, answer.http_status
    detail = ", ".join(
        part for part in (
            f"v2 code {v2_code}" if v2_code else f"v2 HTTP {http_status}",
            f"request_id {request_id}" if request_id else "",
        ) if part
    )
    message = f"{v2_message} ({detail})" if v2_message else f"({detail})"
    if v1_code is None:  # credential failure: the gateway shape, no v1 code exists
        return v1_status, {"message": f"the v2 API refused the credentials: {message}"}
    return v1_status, v1_error_body(v1_code, message)


# --- create --------------------------------------------------------------------------------

def create_request_to_v2(v1_body: Mapping[str, Any]) -> Body:
    """The ``POST /v2/verification`` body for a v1 ``POST /authentication`` body."""
    out: Body = {}
    for field, value in v1_body.items():
        if value is None or field not in CREATE_FIELD_MOVES:
            continue
        section, key = CREATE_FIELD_MOVES[field]
        if key is None:
            continue
        if field == "phone_number":
            value = {"type": "phone_number", "value": value}
        elif field == "device_type":
            value = device_type_to_v2(str(value)) or str(value).lower()
        elif field == "app_realm":
            value = {"platform": "android", "value": value}
        if section is None:
            out[key] = value
        else:
            out.setdefault(section, {})[key] = value
    return out


def create_response_to_v1(
    v2_body: Mapping[str, Any],
    authentication_uuid: str,
    created_at: str,
    expires_at: Optional[str] = None,
    blocked_number_as_error: bool = True,
) -> V1Reply:
    """A v2 create answer as the v1 create answer (status table in docs/reference/mapping.md).

    ``blocked`` with a reason v1 modelled as an error becomes that 400 error; with
    ``blocked_number_as_error=False`` an ``in_block_list`` block is ``spam_detected`` instead.
    """
    status = v2_body.get("status")
    reason = v2_body.get("reason")
    if status == V2_BLOCKED:
        error_code = CREATE_BLOCKED_AS_V1_ERROR.get(reason or "")
        if error_code and (blocked_number_as_error or error_code != V1_CODE.blocked_number):
            return v1_error(error_code, _with_request_id(f"blocked by v2 (reason {reason})", v2_body))
        v1_status = CREATE_BLOCKED_REASON_TO_V1_STATUS.get(reason or "", CREATE_STATUS_V2_TO_V1[V2_BLOCKED])
    else:
        v1_status = CREATE_STATUS_V2_TO_V1.get(status or "")
        if v1_status is None:
            return v1_error(V1_CODE.internal_server_error, _with_request_id(f"unknown v2 create status {status!r}", v2_body))
    out: Body = {"authentication_uuid": authentication_uuid, "status": v1_status, "created_at": created_at}
    if expires_at is not None:
        out["expires_at"] = expires_at
    return 200, out


def _with_request_id(message: str, v2_body: Mapping[str, Any]) -> str:
    request_id = v2_body.get("request_id")
    return f"{message} (request_id {request_id})" if request_id else message


# --- check ---------------------------------------------------------------------------------

def check_request_to_v2(v1_body: Mapping[str, Any], phone_number: str) -> Body:
    return {"target": {"type": "phone_number", "value": phone_number}, "code": v1_body.get("check_code")}


def check_response_to_v1(
    v2_body: Mapping[str, Any], authentication_uuid: str, already_validated: bool = False
) -> V1Reply:
    """``already_validated`` is only known from adapter state: pass True when recorded."""
    status = v2_body.get("status")
    v1_status = CHECK_STATUS_V2_TO_V1.get(status or "")
    if v1_status is None:
        return v1_error(V1_CODE.internal_server_error, _with_request_id(f"unknown v2 check status {status!r}", v2_body))
    if v1_status == "expired_auth" and already_validated:
        v1_status = "already_validated"
    return 200, {"authentication_uuid": authentication_uuid, "status": v1_status}


# --- retry ---------------------------------------------------------------------------------

def retry_request_to_v2(phone_number: str, original_v2_create: Optional[Mapping[str, Any]] = None) -> Body:
    """Replay the original create body when it is known; else the target alone (lossy)."""
    if original_v2_create:
        return dict(original_v2_create)
    return {"target": {"type": "phone_number", "value": phone_number}}


def retry_response_to_v1(v2_body: Mapping[str, Any], authentication_uuid: str, created_at: str) -> V1Reply:
    status = v2_body.get("status")
    if status == V2_BLOCKED:
        v1_status = RETRY_BLOCKED_REASON_TO_V1_STATUS.get(
            v2_body.get("reason") or "", RETRY_STATUS_V2_TO_V1[V2_BLOCKED])
    else:
        v1_status = RETRY_STATUS_V2_TO_V1.get(status or "")
        if v1_status is None:
            return v1_error(V1_CODE.internal_server_error, _with_request_id(f"unknown v2 retry status {status!r}", v2_body))
    return 200, {"authentication_uuid": authentication_uuid, "status": v1_status, "created_at": created_at}


def retry_status_reply(authentication_uuid: str, v1_status: str, created_at: str) -> V1Reply:
    """A retry answered without v2 (expired, already validated, premature_retry)."""
    return 200, {"authentication_uuid": authentication_uuid, "status": v1_status, "created_at": created_at}


# --- feedback ------------------------------------------------------------------------------

def feedback_request_to_v2(v1_body: Mapping[str, Any]) -> Optional[Body]:
    """The Watch feedback body, or None when the v1 status has no v2 equivalent."""
    feedback_type = FEEDBACK_STATUS_V1_TO_V2.get(v1_body.get("status") or "")
    if feedback_type is None:
        return None
    target = {"type": "phone_number", "value": v1_body.get("phone_number")}
    return {"feedbacks": [{"target": target, "type": feedback_type}]}


def feedback_response_to_v1(feedback_uuid: str) -> V1Reply:
    return 200, {"uuid": feedback_uuid}


# --- lookup --------------------------------------------------------------------------------

def lookup_response_to_v1(v2_body: Mapping[str, Any]) -> Body:
    out: Body = {}
    flags = v2_body.get("flags")
    for v1_field, where in LOOKUP_FIELD_MOVES.items():
        if where.startswith("flags:"):
            if isinstance(flags, list):  # absent flags: unknown, not False
                out[v1_field] = where[len("flags:"):] in flags
            continue
        value: Any = v2_body
        for part in where.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value is None:
            continue
        if v1_field == "line_type":
            value = line_type_to_v1(value)
            if value is None:
                continue  # a line type v1 never had: omit rather than break the v1 enum
        out[v1_field] = value
    return out


# --- status --------------------------------------------------------------------------------

def status_response_to_v1(v2_history: Mapping[str, Any], authentication_uuid: str) -> Body:
    """``GET /v2/verification/phone/history/{id}`` as the v1 authentication status."""
    out: Body = {"uuid": authentication_uuid}
    for key in ("phone_number", "template_id", "correlation_id", "created_at"):
        if v2_history.get(key) is not None:
            out[key] = v2_history[key]
    v2_signals = v2_history.get("signals") or {}
    signals: Body = {}
    for v1_key, value in (
        ("ip", v2_history.get("ip_address")),
        ("device_id", v2_signals.get("device_id")),
        ("device_type", device_type_to_v1(v2_history.get("device_platform") or "")),
        ("app_version", v2_history.get("app_version")),
        ("os_version", v2_signals.get("os_version")),
        ("device_model", v2_history.get("device_model")),
        ("is_returning_user", v2_signals.get("is_trusted_user")),
    ):
        if value is not None:
            signals[v1_key] = value
    if signals:
        out["signals"] = signals
    out["events"] = _status_events(((v2_history.get("lifecycle") or {}).get("events")) or [])
    return out


def _status_events(v2_events: List[Mapping[str, Any]]) -> List[Body]:
    events: List[Body] = []
    attempt_number = 0
    for event in v2_events:
        kind = event.get("type")
        if kind == "attempt" and isinstance(event.get("attempt"), Mapping):
            attempt_number += 1
            events.extend(_attempt_events(event["attempt"], attempt_number))
        elif kind == "check" and isinstance(event.get("check"), Mapping):
            events.append(_check_event(event["check"]))
    return events


def _attempt_events(attempt: Mapping[str, Any], attempt_number: int) -> List[Body]:
    delivery = attempt.get("delivery_status")
    if delivery in ("delivered", "read"):
        status = "delivered"
    elif attempt.get("status") == "failed" or delivery == "undeliverable":
        status = "failed"
    else:
        status = "pending"
    out: Body = {"type": "attempt", "id": attempt.get("id"), "attempt_number": attempt_number,
                 "status": status, "created_at": attempt.get("created_at")}
    capability = CHANNEL_V2_TO_V1_CAPABILITY.get(attempt.get("channel") or "")
    if capability:
        out["capability"] = capability
    if attempt.get("content") is not None:
        out["content"] = attempt["content"]
    events = [{k: v for k, v in out.items() if v is not None}]
    for delivery_event in attempt.get("delivery_events") or []:
        v1_status = DELIVERY_STATUS_V2_TO_V1.get(delivery_event.get("status") or "")
        if v1_status is None:
            continue
        events.append({
            "type": "delivery_status", "status": v1_status, "attempt_id": attempt.get("id"),
            "attempt_number": attempt_number, "originated_at": delivery_event.get("received_at"),
            "created_at": delivery_event.get("received_at"),
        })
    return events


def _check_event(check: Mapping[str, Any]) -> Body:
    detail = check.get("status_detail")
    if check.get("is_valid"):
        status = "valid"
    elif detail in ("expired_auth", "rate_limited"):
        status = detail
    else:
        status = "invalid"
    out: Body = {"type": "check", "status": status, "created_at": check.get("created_at")}
    if check.get("value") is not None:
        out["code"] = check["value"]
    return out
