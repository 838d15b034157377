"""Checks on a v1 request made before anything reaches v2 (v1 400 answers, no code sent).

A malformed body, a field of the wrong JSON type or a number that is not E.164 raises
``Refusal``; the adapter answers it as the v1 error v1 itself gave. Nothing here does I/O.
"""
from __future__ import annotations

import json
from typing import Any, Dict, Mapping, NoReturn

from compat.knowledge.errors import V1_CODE
from compat.knowledge.operations import CREATE_FIELD_MOVES, V1_CREATE_BOOLEAN_FIELDS
from compat.sealing import E164

SHOWN_CHARS = 80  # how much of a refused value an error message repeats


class Refusal(Exception):
    """A v1 request refused before any v2 call: answered as a v1 400 error with ``code``."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def shown(value: Any) -> str:
    """A refused value for an error message, cut short: a huge input is not echoed back."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "..."


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")  # NaN/Infinity would make the v2 body invalid JSON


# Built once: json.loads with an option builds a new decoder on every call.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def json_object(raw: Any) -> Dict[str, Any]:
    """The v1 request body as a JSON object (an empty body is an empty object)."""
    if raw is None or raw == b"" or raw == "":
        return {}
    try:
        decoded = _DECODER.decode(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
    except (ValueError, TypeError, AttributeError, RecursionError):  # the last: absurd nesting
        decoded = None
    if not isinstance(decoded, dict):
        raise Refusal(V1_CODE.bad_request, "the request body must be a JSON object")
    return decoded


def e164_number(phone: Any) -> str:
    """v1 required E.164 too; refusing here sends nothing and keeps the id sealable."""
    if phone is None:
        raise Refusal(V1_CODE.bad_request, "phone_number is required")
    if not isinstance(phone, str) or not E164.match(phone):
        raise Refusal(V1_CODE.invalid_phone_number, f"phone_number must be E.164, got {shown(phone)}")
    return phone


def check_create_field_types(body: Mapping[str, Any]) -> None:
    """v1's schema types, enforced before the create (which may send a code) reaches v2."""
    for field in CREATE_FIELD_MOVES:
        value = body.get(field)
        expected = bool if field in V1_CREATE_BOOLEAN_FIELDS else str
        if value is not None and not isinstance(value, expected):
            kind = "boolean" if expected is bool else "string"
            raise Refusal(V1_CODE.bad_request, f"{field} must be a {kind}, got {shown(value)}")


def check_app_realm(body: Mapping[str, Any]) -> None:
    """v1's own rule (docs/reference/mapping.md, "Fields"): an app_realm is an Android SMS Retriever hash, so it needs
    device_type ANDROID. v2 would take it for any platform; v1 callers expect the error."""
    if body.get("app_realm") is None:
        return
    if not body.get("device_type"):
        raise Refusal(V1_CODE.app_realm_require_device_type, "app_realm requires device_type")
    if body["device_type"] != "ANDROID":
        raise Refusal(V1_CODE.unsupported_app_realm_device_type, "app_realm is only supported with device_type ANDROID")
