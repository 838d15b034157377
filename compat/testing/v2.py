"""FakeV2: an in-process Prelude v2 API (``https://api.prelude.dev/v2``).

Follows docs/reference/v2-api.md (Prelude's v2 API reference pages and prelude-python-sdk).
Choices the reference leaves open are the fake's own and are marked "fake:" below.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from compat.knowledge.hosts import V2_ORIGIN
from compat.testing import _v2_rules as rules
from compat.testing import _v2_schema as schema
from compat.testing._base import ApiError, FakeBase, RecordedRequest
from compat.testing._common import V2_BLOCK_REASONS, V2_LINE_TYPES, Clock, is_e164, iso
from compat.testing._lookup import default_lookup

_WATCH_BATCH_MAX = 100  # Watch feedback and events batches
_NOTIFY_BATCH_MAX = 1000  # batch_size_exceeded above this
_DEFAULT_CODE_SIZE = 6  # fake: the reference gives no default
# Blocked create reason -> the history status that records it (the history's status list).
_HISTORY_STATUS_FOR_REASON = {
    "in_block_list": "in_blocklist", "invalid_phone_line": "invalid_line",
    "invalid_phone_number": "invalid_number", "repeated_attempts": "rate_limited",
    "suspicious": "suspected_fraud", "expired_signature": "expired_signals",
    "invalid_signature": "suspected_fraud",
}


@dataclass
class _Verification:
    id: str
    target: Tuple[str, str]
    created_at: _dt.datetime
    expires_at: _dt.datetime
    body: Dict[str, Any]
    code: Optional[str] = None
    blocked_reason: Optional[str] = None
    converted: bool = False
    closed: bool = False
    events: List[Dict[str, Any]] = field(default_factory=list)


class FakeV2(FakeBase):
    """The v2 API, served in-process. See the package docstring for the controls."""

    _prefix = "/v2"
    _default_base = V2_ORIGIN
    _default_fault_code = "internal"

    def __init__(self, api_key: str = "test-v2-key", clock: Optional[Clock] = None,
                 window_seconds: int = 600, seed: Optional[int] = None) -> None:
        if not isinstance(window_seconds, (int, float)) or window_seconds <= 0:
            raise ValueError(f"window_seconds must be positive, got {window_seconds!r}")
        self.window = _dt.timedelta(seconds=window_seconds)
        super().__init__(api_key, clock, seed)

    def _reset_state(self) -> None:
        self._verifications: Dict[str, _Verification] = {}
        self._open: Dict[Tuple[str, str], str] = {}  # target -> id of its open verification
        self._blocked: Dict[str, str] = {}
        self._lookups: Dict[str, Dict[str, Any]] = {}
        self.feedbacks: List[Dict[str, Any]] = []
        self.events: List[Dict[str, Any]] = []
        self.notifications: List[Dict[str, Any]] = []

    # --- controls -------------------------------------------------------------------------

    def last_code(self, phone: str) -> str:
        """The code most recently sent for the phone's (or email's) open verification."""
        with self._lock:
            verification = self._open_verification(rules.target_key(phone))
            if verification is None or verification.code is None:
                raise LookupError(f"no open verification for {phone!r}")
            return verification.code

    def block(self, phone: str, reason: str = "in_block_list") -> None:
        """From now on, creating a verification for ``phone`` answers 200 ``blocked``."""
        if reason not in V2_BLOCK_REASONS:
            raise ValueError(f"reason must be one of {V2_BLOCK_REASONS}, got {reason!r}")
        with self._lock:
            self._blocked[phone] = reason

    def expire(self, phone: str) -> None:
        """Close the phone's verification window now (a later check finds nothing)."""
        with self._lock:
            verification = self._open_verification(rules.target_key(phone))
            if verification is None:
                raise LookupError(f"no open verification for {phone!r}")
            verification.expires_at = min(verification.expires_at, self.now())
            self._open.pop(verification.target, None)

    def set_lookup(self, phone: str, **fields: Any) -> None:
        """Override fields of the lookup answer for ``phone`` (v2 names and values)."""
        allowed = ("phone_number", "country_code", "line_type", "caller_name", "flags", "network_info",
                   "original_network_info")
        unknown = sorted(set(fields) - set(allowed))
        if unknown:
            raise ValueError(f"unknown v2 lookup fields {unknown}; allowed: {allowed}")
        if "line_type" in fields and fields["line_type"] not in V2_LINE_TYPES:
            raise ValueError(f"line_type must be a v2 line type, got {fields['line_type']!r}")
        if "flags" in fields and not set(fields["flags"]) <= {"ported", "temporary"}:
            raise ValueError(f"flags may only contain 'ported' and 'temporary', got {fields['flags']!r}")
        with self._lock:
            self._lookups.setdefault(phone, {}).update(fields)

    def sdk_client(self, **options: Any) -> Any:
        """A ``prelude_python_sdk.Prelude`` served by this fake (no retries: a create or check must never be sent twice)."""
        import httpx
        from prelude_python_sdk import Prelude

        settings: Dict[str, Any] = {"api_token": self.api_key, "base_url": self._default_base, "max_retries": 0}
        settings.update(options)
        settings.setdefault("http_client", httpx.Client(transport=self.transport()))
        return Prelude(**settings)

    def history(self, verification_id: str) -> Dict[str, Any]:
        """The answer ``GET /v2/verification/phone/history/{id}`` gives now (KeyError if unknown)."""
        with self._lock:
            return self._history(self._verifications[verification_id])

    # --- plumbing -------------------------------------------------------------------------

    def _authenticate(self, request: RecordedRequest) -> None:
        value = request.headers.get("authorization")
        if not value:
            raise ApiError(401, "missing_api_key", "an Authorization: Bearer <key> header is required")
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer" or token.strip() != self.api_key:
            raise ApiError(401, "invalid_api_key", "the API key is invalid")

    def _error_body(self, error: ApiError) -> Dict[str, Any]:
        body: Dict[str, Any] = {"code": error.code, "message": error.message}
        if error.param:
            body["param"] = error.param
        body["request_id"] = self._ids.uuid4()
        return body

    def _routes(self):
        return [
            ("POST", r"/v2/verification", self._create),
            ("POST", r"/v2/verification/check", self._check),
            ("GET", r"/v2/verification/phone/history/([^/]+)", self._history_route),
            ("GET", r"/v2/lookup/([^/]+)", self._lookup),
            ("POST", r"/v2/watch/feedback", self._feedback),
            ("POST", r"/v2/watch/event", self._event),
            ("POST", r"/v2/watch/predict", self._predict),
            ("POST", r"/v2/transactional", self._transactional),
            ("POST", r"/v2/notify", self._notify),
            ("POST", r"/v2/notify/batch", self._notify_batch),
        ]

    def _open_verification(self, target: Tuple[str, str]) -> Optional[_Verification]:
        verification_id = self._open.get(target)
        if verification_id is None:
            return None
        verification = self._verifications[verification_id]
        if verification.closed or self.now() >= verification.expires_at:
            del self._open[target]
            return None
        return verification

    def _request_id(self) -> str:
        return self._ids.uuid4()

    # --- verification ---------------------------------------------------------------------

    def _create(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = schema.validate(rules.json_object(request), schema.CREATE)
        target = rules.target(body.get("target"))
        options, signals, metadata = (body.get(name) or {} for name in ("options", "signals", "metadata"))
        rules.validate_create(body, options, signals, metadata)

        now = self.now()
        reason = self._blocked.get(target[1])
        verification = None if reason else self._open_verification(target)
        if verification is not None:
            status, trigger = "retry", "user_retry"
        else:
            verification = _Verification(
                id="vrf_" + self._ids.ulid(now), target=target, created_at=now,
                expires_at=now + self.window, body=body, blocked_reason=reason)
            self._verifications[verification.id] = verification
            verification.events.append({"type": "create", "create": {"created_at": iso(now)}})
            status, trigger = ("blocked", None) if reason else ("success", "initial")
            if reason:
                verification.closed = True
            else:
                self._open[target] = verification.id
        if trigger:
            verification.code = options.get("custom_code") or self._ids.code(
                options.get("code_size", _DEFAULT_CODE_SIZE))
            verification.events.append(self._attempt_event(verification, body, trigger, now))

        answer: Dict[str, Any] = {"id": verification.id, "status": status,
                                  "method": rules.answer_method(target, options),
                                  "channels": rules.answer_channels(target, options)}
        if reason:
            answer["reason"] = reason
            answer["risk_factors"] = []
        if metadata:
            answer["metadata"] = dict(metadata)
        answer["request_id"] = self._request_id()
        return 200, answer

    def _attempt_event(self, verification: _Verification, body: Dict[str, Any], trigger: str,
                       now: _dt.datetime) -> Dict[str, Any]:
        options = body.get("options") or {}
        channel = (options.get("channels") or [options.get("preferred_channel") or "sms"])[0]
        if options.get("method") == "voice":
            channel = "voice"
        return {"type": "attempt", "attempt": {
            "id": "att_" + self._ids.ulid(now), "created_at": iso(now), "channel": channel,
            "code": verification.code,  # private: masked or removed by _history
            "delivery_status": "delivered", "status": "succeeded", "trigger": trigger,
            "delivery_events": [{"received_at": iso(now), "status": "delivered"}],
        }}

    def _check(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = schema.validate(rules.json_object(request), schema.CHECK)
        target = rules.target(body.get("target"))
        code = body.get("code")
        if not code:
            raise ApiError(400, "invalid_request", "code is required", param="code")
        verification = self._open_verification(target)
        answer: Dict[str, Any]
        if verification is None:
            answer = {"status": "expired_or_not_found"}
        else:
            valid = code == verification.code
            verification.events.append({"type": "check", "check": {
                "created_at": iso(self.now()), "is_valid": valid, "value": code}})
            if valid:
                verification.converted = verification.closed = True
                self._open.pop(target, None)
            answer = {"id": verification.id, "status": "success" if valid else "failure"}
            metadata = verification.body.get("metadata")
            if metadata:
                answer["metadata"] = dict(metadata)
        answer["request_id"] = self._request_id()
        return 200, answer

    def _history_route(self, request: RecordedRequest, verification_id: str) -> Tuple[int, Any]:
        verification = self._verifications.get(verification_id)
        if verification is None or verification.target[0] != "phone_number":
            # fake: the reference does not document this case (a bad history id is probably a 404).
            raise ApiError(404, "not_found", f"no phone verification with id {verification_id!r}")
        return 200, self._history(verification)

    def _history(self, verification: _Verification) -> Dict[str, Any]:
        body = verification.body
        signals = body.get("signals") or {}
        options = body.get("options") or {}
        still_open = self._open.get(verification.target) == verification.id and self._open_verification(
            verification.target) is not None
        if verification.blocked_reason:
            status = _HISTORY_STATUS_FOR_REASON[verification.blocked_reason]
        elif verification.converted:
            status = "converted"
        else:
            status = "pending_check" if still_open else "not_converted"
        answer: Dict[str, Any] = {
            "id": verification.id,
            "created_at": iso(verification.created_at),
            "expires_at": iso(verification.expires_at),
            "phone_number": verification.target[1],
            "status": status,
            "signals": {"is_trusted_user": bool(signals.get("is_trusted_user", False)),
                        **{k: signals[k] for k in ("device_id", "ja4_fingerprint", "os_version", "user_agent")
                           if k in signals}},
            "lifecycle": {"events": [_public_event(event, still_open) for event in verification.events]},
        }
        optional = {
            "device_platform": signals.get("device_platform"), "device_model": signals.get("device_model"),
            "app_version": signals.get("app_version"), "ip_address": signals.get("ip"),
            "template_id": options.get("template_id"),
            "correlation_id": (body.get("metadata") or {}).get("correlation_id"),
        }
        answer.update({k: v for k, v in optional.items() if v is not None})
        return answer

    # --- lookup ---------------------------------------------------------------------------

    def _lookup(self, request: RecordedRequest, phone: str) -> Tuple[int, Any]:
        if not is_e164(phone):
            raise ApiError(400, "invalid_phone_number", f"{phone!r} is not an E.164 phone number",
                           param="phone_number")
        base = default_lookup(phone)
        answer: Dict[str, Any] = {
            "phone_number": phone, "country_code": base["country_code"], "line_type": "mobile", "flags": [],
            "network_info": {"carrier_name": base["carrier"], "mcc": base["mcc"], "mnc": base["mnc"]},
        }
        answer.update(self._lookups.get(phone, {}))
        wants_cnam = "cnam" in schema.lookup_types(request.query.get("type"))
        if wants_cnam:
            answer.setdefault("caller_name", base["caller_name"])
        else:
            answer.pop("caller_name", None)
        return 200, answer

    # --- watch ----------------------------------------------------------------------------

    def _feedback(self, request: RecordedRequest) -> Tuple[int, Any]:
        items = rules.batch(schema.validate(rules.json_object(request), schema.FEEDBACKS), "feedbacks",
                            _WATCH_BATCH_MAX)
        for index, item in enumerate(items):
            rules.target(item.get("target"), param=f"feedbacks[{index}].target")
        self.feedbacks.extend(items)
        return 200, {"request_id": self._request_id(), "status": "success"}

    def _event(self, request: RecordedRequest) -> Tuple[int, Any]:
        items = rules.batch(schema.validate(rules.json_object(request), schema.EVENTS), "events", _WATCH_BATCH_MAX)
        for index, item in enumerate(items):
            rules.target(item.get("target"), param=f"events[{index}].target")
            if not item["label"]:
                raise ApiError(400, "invalid_request", "label is required", param=f"events[{index}].label")
        self.events.extend(items)
        return 200, {"request_id": self._request_id(), "status": "success"}

    def _predict(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = schema.validate(rules.json_object(request), schema.PREDICT)
        target = rules.target(body.get("target"))
        suspicious = target[1] in self._blocked
        return 200, {"id": self._ids.uuid4(), "prediction": "suspicious" if suspicious else "legitimate",
                     "risk_factors": ["fraud_database"] if suspicious else [], "request_id": self._request_id()}

    # --- messaging ------------------------------------------------------------------------

    def _message(self, body: Dict[str, Any], to: str, kind: str) -> Dict[str, Any]:
        now = self.now()
        message: Dict[str, Any] = {
            "id": "msg_" + self._ids.ulid(now), "to": to, "template_id": body["template_id"],
            "variables": body.get("variables") or {}, "created_at": iso(now),
            "expires_at": body.get("expires_at") or iso(now + _dt.timedelta(days=1)),
        }
        for key in ("callback_url", "correlation_id", "from", "locale"):
            if body.get(key) is not None:
                message[key] = body[key]
        if kind != "transactional":
            message.update({"encoding": "GSM-7", "estimated_segment_count": 1})
            if body.get("schedule_at"):
                message["schedule_at"] = body["schedule_at"]
        self.notifications.append({"kind": kind, "to": to, "request": body, "message": message})
        return message

    def _message_body(self, request: RecordedRequest, kind: schema.Obj) -> Dict[str, Any]:
        body = schema.validate(rules.json_object(request), kind)
        if not body["template_id"]:
            raise ApiError(400, "invalid_request", "template_id is required", param="template_id")
        return body

    def _single_message(self, request: RecordedRequest, kind: str) -> Tuple[int, Any]:
        body = self._message_body(request, schema.TRANSACTIONAL if kind == "transactional" else schema.NOTIFY)
        if not is_e164(body.get("to")):
            raise ApiError(400, "invalid_phone_number", "to must be an E.164 phone number", param="to")
        return 200, self._message(body, body["to"], kind)

    def _transactional(self, request: RecordedRequest) -> Tuple[int, Any]:
        return self._single_message(request, "transactional")

    def _notify(self, request: RecordedRequest) -> Tuple[int, Any]:
        status, message = self._single_message(request, "notify")
        return status, {**message, "request_id": self._request_id()}

    def _notify_batch(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = self._message_body(request, schema.NOTIFY_BATCH)
        recipients = body["to"]
        if not recipients:
            raise ApiError(400, "empty_batch", "the batch has no recipients", param="to")
        if len(recipients) > _NOTIFY_BATCH_MAX:
            raise ApiError(400, "batch_size_exceeded", f"at most {_NOTIFY_BATCH_MAX} recipients per batch",
                           param="to")
        results = []
        for phone in recipients:
            if is_e164(phone):
                results.append({"phone_number": phone, "success": True,
                                "message": self._message(body, phone, "notify_batch")})
            else:
                results.append({"phone_number": phone, "success": False, "error": {
                    "code": "invalid_phone_number", "message": f"{phone!r} is not an E.164 phone number"}})
        succeeded = sum(1 for result in results if result["success"])
        answer = {"total_count": len(results), "success_count": succeeded, "error_count": len(results) - succeeded,
                  "results": results, "template_id": body["template_id"], "request_id": self._request_id()}
        for key in ("variables", "callback_url"):
            if body.get(key) is not None:
                answer[key] = body[key]
        return 200, answer


def _public_event(event: Dict[str, Any], still_open: bool) -> Dict[str, Any]:
    """Hide what the real history hides: codes are masked while the window is open."""
    if event["type"] == "attempt":
        attempt = dict(event["attempt"])
        code = attempt.pop("code", None) or ""
        attempt["content"] = f"Your verification code is {'*' * len(code) if still_open else code}"
        return {"type": "attempt", "attempt": attempt}
    if event["type"] == "check" and still_open:
        check = dict(event["check"])
        check.pop("value", None)
        return {"type": "check", "check": check}
    return event
