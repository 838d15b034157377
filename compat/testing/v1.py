"""FakeV1: an in-process Ding/Prelude v1 API (``https://api.ding.live/v1``).

Follows docs/reference/v1-api.md (Prelude's v1 API reference pages and the v1 SDKs). Choices the
reference leaves open are the fake's own and are marked "fake:" below.
"""
from __future__ import annotations

import datetime as _dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from compat.knowledge.errors import V1_DOC_URL
from compat.knowledge.hosts import V1_AUTH_HEADER, V1_CUSTOMER_HEADER, V1_HOST
from compat.testing._base import ApiError, FakeBase, RecordedRequest
from compat.testing._common import V1_LINE_TYPES, Clock, is_e164, iso
from compat.testing._lookup import default_lookup

_CREATE_FIELDS = frozenset({
    "customer_uuid", "phone_number", "ip", "device_id", "device_type", "app_version", "sender_id",
    "callback_url", "app_realm", "os_version", "device_model", "is_returning_user", "template_id",
    "correlation_id", "locale",
})
_CREATE_DEVICE_TYPES = ("IOS", "ANDROID", "WEB")  # create takes three of the five
_SIGNAL_FIELDS = ("ip", "device_id", "device_type", "app_version", "app_realm", "os_version", "device_model",
                  "is_returning_user")
_FEEDBACK_STATUSES = ("onboarded", "not_onboarded")
# fake: v1 never published limits. These mirror common OTP practice and are configurable.
MAX_WRONG_CHECKS = 5  # after 5 wrong codes every further check answers rate_limited
MAX_RETRIES = 3  # retries per authentication before retry answers rate_limited
_BLOCK_OUTCOMES = ("blocked_number", "rate_limited", "spam_detected")
_LOOKUP_FIELDS = ("phone_number", "mcc", "mnc", "caller_name", "carrier", "country_code", "number_ported",
                  "temporary_phone_number", "line_type")


@dataclass
class _Authentication:
    uuid: str
    phone: str
    status: str  # create status: pending | rate_limited | spam_detected
    created_at: _dt.datetime
    expires_at: _dt.datetime
    body: Dict[str, Any]
    code: Optional[str] = None
    validated: bool = False
    wrong_checks: int = 0
    retries: int = 0
    last_attempt_at: Optional[_dt.datetime] = None
    events: List[Dict[str, Any]] = field(default_factory=list)


class FakeV1(FakeBase):
    """The v1 API, served in-process. See the package docstring for the controls."""

    _prefix = "/v1"
    _default_base = "https://" + V1_HOST
    _default_fault_code = "internal_server_error"

    def __init__(self, api_key: str = "test-v1-key", customer_uuid: str = "00000000-0000-4000-8000-000000000001",
                 clock: Optional[Clock] = None, window_seconds: int = 600, retry_interval_seconds: int = 0,
                 max_retries: int = MAX_RETRIES, max_wrong_checks: int = MAX_WRONG_CHECKS,
                 seed: Optional[int] = None) -> None:
        if not _is_uuid(customer_uuid):
            raise ValueError(f"customer_uuid must be a UUID, got {customer_uuid!r}")
        if not isinstance(window_seconds, (int, float)) or window_seconds <= 0:
            raise ValueError(f"window_seconds must be positive, got {window_seconds!r}")
        self.customer_uuid = customer_uuid
        self.window = _dt.timedelta(seconds=window_seconds)
        self.retry_interval = _dt.timedelta(seconds=retry_interval_seconds)
        self.max_retries = max_retries
        self.max_wrong_checks = max_wrong_checks
        super().__init__(api_key, clock, seed)

    def _reset_state(self) -> None:
        self._auths: Dict[str, _Authentication] = {}
        self._latest: Dict[str, str] = {}  # phone -> uuid of its latest authentication
        self._blocked: Dict[str, str] = {}
        self._lookups: Dict[str, Dict[str, Any]] = {}
        self._last_feedback: Dict[str, str] = {}
        self.feedbacks: List[Dict[str, Any]] = []

    # --- controls -------------------------------------------------------------------------

    def last_code(self, phone: str) -> str:
        """The code most recently sent for the phone's latest authentication."""
        with self._lock:
            auth = self._latest_auth(phone)
            if auth is None or auth.code is None:
                raise LookupError(f"no code was sent to {phone!r}")
            return auth.code

    def last_authentication_uuid(self, phone: str) -> str:
        with self._lock:
            auth = self._latest_auth(phone)
            if auth is None:
                raise LookupError(f"no authentication for {phone!r}")
            return auth.uuid

    def block(self, phone: str, reason: str = "blocked_number") -> None:
        """From now on a create for ``phone`` fails with 400 ``blocked_number`` (default) or
        answers 200 with status ``rate_limited``/``spam_detected``; retries are denied."""
        if reason not in _BLOCK_OUTCOMES:
            raise ValueError(f"reason must be one of {_BLOCK_OUTCOMES}, got {reason!r}")
        with self._lock:
            self._blocked[phone] = reason

    def expire(self, phone: str) -> None:
        """End the window of the phone's latest authentication now."""
        with self._lock:
            auth = self._latest_auth(phone)
            if auth is None:
                raise LookupError(f"no authentication for {phone!r}")
            auth.expires_at = min(auth.expires_at, self.now())

    def set_lookup(self, phone: str, **fields: Any) -> None:
        """Override fields of the lookup answer for ``phone`` (v1 names; CamelCase line_type)."""
        unknown = sorted(set(fields) - set(_LOOKUP_FIELDS))
        if unknown:
            raise ValueError(f"unknown v1 lookup fields {unknown}; allowed: {_LOOKUP_FIELDS}")
        if "line_type" in fields and fields["line_type"] not in V1_LINE_TYPES:
            raise ValueError(f"line_type must be a v1 line type such as 'Mobile', got {fields['line_type']!r}")
        with self._lock:
            self._lookups.setdefault(phone, {}).update(fields)

    # --- plumbing -------------------------------------------------------------------------

    def _authenticate(self, request: RecordedRequest) -> None:
        key = request.headers.get(V1_AUTH_HEADER.lower())
        if key != self.api_key:
            # the v1 gateway answered 403 with a {message} body, no code.
            raise ApiError(403, None, "Forbidden" if key else "Missing API key")

    def _error_body(self, error: ApiError) -> Dict[str, Any]:
        if error.code is None:
            return {"message": error.message}
        return {"code": error.code, "message": error.message,
                "doc_url": V1_DOC_URL.format(code=error.code)}

    _not_found_code = None

    def _routes(self):
        return [
            ("POST", r"/v1/authentication", self._create),
            ("POST", r"/v1/check", self._check),
            ("POST", r"/v1/retry", self._retry),
            ("POST", r"/v1/authentication/feedback", self._feedback),
            ("GET", r"/v1/authentication/([^/]+)", self._status),
            ("GET", r"/v1/lookup/([^/]+)", self._lookup),
        ]

    def _latest_auth(self, phone: str) -> Optional[_Authentication]:
        auth_uuid = self._latest.get(phone)
        return self._auths.get(auth_uuid) if auth_uuid else None

    def _body(self, request: RecordedRequest, required: Tuple[str, ...], allowed: frozenset = frozenset()
              ) -> Dict[str, Any]:
        body = FakeBase._json_object(request, "bad_request")
        if body.get("customer_uuid") != self.customer_uuid:
            raise ApiError(400, "account_invalid", "customer_uuid is missing or does not match the API key")
        for name in required:
            if body.get(name) in (None, ""):
                raise ApiError(400, "bad_request", f"{name} is required")
        unknown = sorted(set(body) - {"customer_uuid", *required} - allowed)
        if unknown:
            raise ApiError(400, "bad_request", f"unknown field {unknown[0]!r}")
        return body

    def _find(self, auth_uuid: Any) -> _Authentication:
        if not _is_uuid(auth_uuid):
            raise ApiError(400, "invalid_auth_uuid", f"{auth_uuid!r} is not a valid authentication UUID")
        auth = self._auths.get(str(auth_uuid).lower())
        if auth is None:
            raise ApiError(400, "no_associated_auth_found", "no authentication found for this UUID")
        return auth

    def _send_code(self, auth: _Authentication, now: _dt.datetime) -> None:
        auth.code = self._ids.code(6)  # fake: v1 code length is not documented
        auth.last_attempt_at = now
        attempts = sum(1 for e in auth.events if e["type"] == "attempt") + 1
        attempt_id = self._ids.uuid4()
        attempt: Dict[str, Any] = {"type": "attempt", "id": attempt_id, "attempt_number": attempts,
                                   "content": f"Your verification code is {auth.code}", "capability": "text",
                                   "status": "delivered", "created_at": iso(now)}
        if auth.body.get("sender_id"):
            attempt["sender_id"] = auth.body["sender_id"]
        auth.events.append(attempt)
        auth.events.append({"type": "delivery_status", "status": "delivered", "attempt_id": attempt_id,
                            "attempt_number": attempts, "originated_at": iso(now), "created_at": iso(now)})

    # --- operations -----------------------------------------------------------------------

    def _create(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = self._body(request, ("phone_number",), _CREATE_FIELDS)
        phone = body["phone_number"]
        if not is_e164(phone):
            raise ApiError(400, "invalid_phone_number", f"{phone!r} is not an E.164 phone number")
        device_type = body.get("device_type")
        if device_type is not None and device_type not in _CREATE_DEVICE_TYPES:
            raise ApiError(400, "bad_request", f"device_type must be one of {_CREATE_DEVICE_TYPES}")
        if body.get("app_realm") is not None:
            if device_type is None:
                raise ApiError(400, "app_realm_require_device_type", "app_realm requires device_type")
            if device_type != "ANDROID":
                raise ApiError(400, "unsupported_app_realm_device_type", "app_realm is only for ANDROID")
        outcome = self._blocked.get(phone)
        if outcome == "blocked_number":
            raise ApiError(400, "blocked_number", f"{phone} is blocked")

        now = self.now()
        auth = self._latest_auth(phone)
        reusable = (auth is not None and auth.status == "pending" and not auth.validated
                    and now < auth.expires_at and outcome is None)
        if reusable:  # Stateless Mode: the open authentication is reused, a new code sent
            self._send_code(auth, now)
        else:
            auth = _Authentication(uuid=self._ids.uuid4(), phone=phone, status=outcome or "pending",
                                   created_at=now, expires_at=now + self.window, body=body)
            self._auths[auth.uuid] = auth
            self._latest[phone] = auth.uuid
            if auth.status == "pending":
                self._send_code(auth, now)
        return 200, {"authentication_uuid": auth.uuid, "status": auth.status,
                     "created_at": iso(auth.created_at), "expires_at": iso(auth.expires_at)}

    def _check(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = self._body(request, ("authentication_uuid", "check_code"))
        auth = self._find(body["authentication_uuid"])
        now = self.now()
        code = str(body["check_code"])
        if auth.validated:
            status = "already_validated"
        elif auth.code is None:
            status = "without_attempt"
        elif now >= auth.expires_at:
            status = "expired_auth"
        elif auth.wrong_checks >= self.max_wrong_checks:
            status = "rate_limited"
        elif code == auth.code:
            status, auth.validated = "valid", True
        else:
            status = "invalid"
            auth.wrong_checks += 1
        auth.events.append({"type": "check", "id": self._ids.uuid4(), "code": code, "status": status,
                            "created_at": iso(now)})
        return 200, {"authentication_uuid": auth.uuid, "status": status}

    def _retry(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = self._body(request, ("authentication_uuid",))
        auth = self._find(body["authentication_uuid"])
        now = self.now()
        next_retry_at = (auth.last_attempt_at or now) + self.retry_interval
        if auth.validated:
            status = "already_validated"
        elif auth.code is None:
            status = "no_attempt"
        elif now >= auth.expires_at:
            status = "expired_auth"
        elif auth.phone in self._blocked or now < next_retry_at:
            status = "denied"
        elif auth.retries >= self.max_retries:
            status = "rate_limited"
        else:
            status = "approved"
            auth.retries += 1
            self._send_code(auth, now)
            next_retry_at = now + self.retry_interval
        return 200, {"authentication_uuid": auth.uuid, "status": status, "created_at": iso(now),
                     "next_retry_at": iso(next_retry_at),
                     "remaining_retry": max(self.max_retries - auth.retries, 0)}

    def _feedback(self, request: RecordedRequest) -> Tuple[int, Any]:
        body = self._body(request, ("phone_number", "status"))
        phone, status = body["phone_number"], body["status"]
        if not is_e164(phone):
            raise ApiError(400, "invalid_phone_number", f"{phone!r} is not an E.164 phone number")
        if status not in _FEEDBACK_STATUSES:
            raise ApiError(400, "invalid_feedback_status", f"status must be one of {_FEEDBACK_STATUSES}")
        if self._last_feedback.get(phone) == status:
            raise ApiError(400, "duplicated_feedback_status", f"feedback {status!r} was already sent for {phone}")
        self._last_feedback[phone] = status
        feedback_uuid = self._ids.uuid4()
        self.feedbacks.append({"uuid": feedback_uuid, "phone_number": phone, "status": status})
        return 200, {"uuid": feedback_uuid}

    def _status(self, request: RecordedRequest, auth_uuid: str) -> Tuple[int, Any]:
        auth = self._find(auth_uuid)
        signals = {k: auth.body[k] for k in _SIGNAL_FIELDS if auth.body.get(k) is not None}
        answer: Dict[str, Any] = {"uuid": auth.uuid, "phone_number": auth.phone,
                                  "created_at": iso(auth.created_at), "signals": signals,
                                  "events": [dict(event) for event in auth.events]}
        for key in ("template_id", "correlation_id"):
            if auth.body.get(key) is not None:
                answer[key] = auth.body[key]
        return 200, answer

    def _lookup(self, request: RecordedRequest, phone: str) -> Tuple[int, Any]:
        if request.headers.get(V1_CUSTOMER_HEADER) != self.customer_uuid:
            raise ApiError(400, "account_invalid", "the customer-uuid header is missing or does not match")
        if not is_e164(phone):
            raise ApiError(400, "invalid_phone_number", f"{phone!r} is not an E.164 phone number")
        base = default_lookup(phone)
        answer: Dict[str, Any] = {
            "phone_number": phone, "mcc": base["mcc"], "mnc": base["mnc"], "carrier": base["carrier"],
            "country_code": base["country_code"], "number_ported": False, "temporary_phone_number": False,
            "line_type": "Mobile",
        }
        answer.update(self._lookups.get(phone, {}))
        types = request.query.get("type")
        if "cnam" in (types if isinstance(types, list) else [types]):
            answer.setdefault("caller_name", base["caller_name"])
        else:
            answer.pop("caller_name", None)
        return 200, answer


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36
