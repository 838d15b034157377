"""The v2 request bodies FakeV2 accepts, as data: every documented field with its JSON type.

Source: the request parameter types of ``prelude-python-sdk`` 0.16.0 (generated from Prelude's
OpenAPI spec; see docs/api-changes.md). An unknown field, a wrong type or a missing required
field is a 400 ``invalid_request`` naming the field in ``param``, as stripe-mock does for Stripe.
Semantic rules (E.164 numbers, code sizes, batch limits) stay in ``_v2_rules``.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Optional, Tuple

from compat.testing._base import ApiError


class Kind:
    """One JSON type; ``code`` is the v2 error code a wrong value of this field gets."""

    def __init__(self, name: str, accepts: Any, code: str = "invalid_request") -> None:
        self.name, self._accepts, self.code = name, accepts, code

    def check(self, value: Any, param: str) -> None:
        if not self._accepts(value):
            raise ApiError(400, self.code, f"{param} must be {self.name}", param=param)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


STRING = Kind("a string", lambda v: isinstance(v, str))
INTEGER = Kind("an integer", _is_int)
BOOLEAN = Kind("a boolean", lambda v: isinstance(v, bool))


class OneOf(Kind):
    def __init__(self, *values: str) -> None:
        super().__init__("one of " + ", ".join(values), lambda v: isinstance(v, str) and v in values)
        self.values = values


class ListOf(Kind):
    def __init__(self, item: Kind) -> None:
        super().__init__("a list", lambda v: isinstance(v, list))
        self.item = item

    def check(self, value: Any, param: str) -> None:
        super().check(value, param)
        for index, element in enumerate(value):
            self.item.check(element, f"{param}[{index}]")


class StringMap(Kind):
    def __init__(self) -> None:
        super().__init__("an object of strings", lambda v: isinstance(v, dict)
                         and all(isinstance(item, str) for item in v.values()))


class Obj(Kind):
    """A JSON object with these fields; ``required`` ones must be present and not null."""

    def __init__(self, fields: Dict[str, Kind], required: Iterable[str] = (), code: str = "invalid_request") -> None:
        super().__init__("an object", lambda v: isinstance(v, dict), code)
        self.fields, self.required = fields, tuple(required)

    def check(self, value: Any, param: str) -> None:
        super().check(value, param)
        validate(value, self, prefix=param + ".")


def validate(body: Dict[str, Any], schema: Obj, prefix: str = "") -> Dict[str, Any]:
    """Raise the v2 400 for the first problem in ``body``; return it unchanged when it fits."""
    unknown = sorted(set(body) - set(schema.fields))
    if unknown:
        raise ApiError(400, "invalid_request", f"unknown field {prefix + unknown[0]!r}", param=prefix + unknown[0])
    for name in schema.required:
        if body.get(name) is None:
            raise ApiError(400, "invalid_request", f"{prefix + name} is required", param=prefix + name)
    for name, kind in schema.fields.items():
        if body.get(name) is not None:
            kind.check(body[name], prefix + name)
    return body


CHANNELS = OneOf("sms", "rcs", "whatsapp", "viber", "zalo", "telegram")
TARGET = Obj({"type": OneOf("phone_number", "email_address"), "value": STRING}, required=("type", "value"))
METADATA = Obj({"correlation_id": STRING})
SIGNALS = Obj({
    "ip": STRING, "device_id": STRING, "device_platform": OneOf("android", "ios", "ipados", "tvos", "web"),
    "device_model": STRING, "os_version": STRING, "app_version": STRING, "user_agent": STRING,
    "is_trusted_user": BOOLEAN, "existing_user": BOOLEAN, "ja4_fingerprint": STRING,
})
OPTIONS = Obj({
    "template_id": STRING, "variables": StringMap(), "sender_id": STRING, "locale": STRING,
    "callback_url": STRING,
    "app_realm": Obj({"platform": STRING, "value": STRING}, code="invalid_app_realm"),  # values: _v2_rules
    "method": OneOf("auto", "voice", "message"), "preferred_channel": CHANNELS, "channels": ListOf(CHANNELS),
    "code_size": Kind("an integer", _is_int, code="invalid_code_size"), "custom_code": STRING,
    "max_auto_fallbacks": INTEGER, "force_challenge": BOOLEAN,
})
CREATE = Obj({"target": TARGET, "dispatch_id": STRING, "metadata": METADATA, "options": OPTIONS,
              "signals": SIGNALS}, required=("target",))
CHECK = Obj({"target": TARGET, "code": STRING,
             "psd2": Obj({"amount": STRING, "currency": STRING, "recipient": STRING},
                         required=("amount", "currency", "recipient"))},
            required=("target", "code"))
PREDICT = Obj({"target": TARGET, "dispatch_id": STRING, "metadata": METADATA, "signals": SIGNALS},
              required=("target",))
FEEDBACKS = Obj({"feedbacks": ListOf(Obj({
    "target": TARGET, "type": OneOf("verification.started", "verification.completed"), "metadata": METADATA,
}, required=("target", "type")))}, required=("feedbacks",))
EVENTS = Obj({"events": ListOf(Obj({
    "target": TARGET, "label": STRING, "confidence": OneOf("maximum", "high", "neutral", "low", "minimum"),
}, required=("target", "label", "confidence")))}, required=("events",))

_MESSAGE_FIELDS: Dict[str, Kind] = {
    "template_id": STRING, "to": STRING, "from": STRING, "variables": StringMap(), "expires_at": STRING,
    "callback_url": STRING, "correlation_id": STRING, "locale": STRING,
    "preferred_channel": OneOf("sms", "rcs", "whatsapp"), "max_auto_retries": INTEGER,
    "document": Obj({"url": STRING, "filename": STRING}, required=("url",)),
}
TRANSACTIONAL = Obj(_MESSAGE_FIELDS, required=("template_id", "to"))
NOTIFY = Obj({**_MESSAGE_FIELDS, "schedule_at": STRING}, required=("template_id", "to"))
NOTIFY_BATCH = Obj({**NOTIFY.fields, "to": ListOf(STRING)}, required=("template_id", "to"))

LOOKUP_TYPES: Tuple[str, ...] = ("cnam",)


def lookup_types(value: Optional[Any]) -> Tuple[str, ...]:
    """The ``type`` query of a lookup: each value must be ``cnam``."""
    values = () if value is None else tuple(value) if isinstance(value, list) else (value,)
    for item in values:
        if item not in LOOKUP_TYPES:
            raise ApiError(400, "invalid_request", f"type must be one of {', '.join(LOOKUP_TYPES)}", param="type")
    return values
