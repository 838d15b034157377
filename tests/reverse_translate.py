"""The v1 <- v2 direction of ``compat.translate`` for tests: production code never needs it
(compat turns v1 requests into v2 ones and v2 answers into v1 ones, never the reverse), so it is
not in the package. Used by the round-trip property tests and the pinned-facts tests (replaying
v1 fixtures as v2 answers). It reads the same ``compat.knowledge`` tables as compat.translate, so
a wrong fact planted in them (bench/plant_wrong_facts.py) shows up here too.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Tuple

from compat.knowledge.enums import LINE_TYPE_V1_TO_V2
from compat.knowledge.errors import V1_TO_V2_ERRORS
from compat.knowledge.operations import CREATE_FIELD_MOVES, LOOKUP_FIELD_MOVES
from compat.translate import device_type_to_v1

Body = Dict[str, Any]

_SECTIONS = ("signals", "options", "metadata")
_CREATE_FIELD_FROM_V2 = {
    (section, key): field for field, (section, key) in CREATE_FIELD_MOVES.items() if key
}


def line_type_to_v2(v1_line_type: str) -> Optional[str]:
    return LINE_TYPE_V1_TO_V2.get(v1_line_type)


def v2_errors_for_v1(code: str) -> Tuple[str, ...]:
    """The v2 error codes a v1 comparison against ``code`` should now accept."""
    move = V1_TO_V2_ERRORS.get(code)
    return move.v2_codes if move else ()


def v2_error_for_v1(code: Optional[str], http_status: int) -> Tuple[int, str]:
    """The v2 ``(http_status, code)`` a v1 error becomes when v1 fixtures are replayed to v2
    callers: ``account_invalid`` (or no code on 401/403) is a rejected key, 401
    ``invalid_api_key``; ``internal_server_error`` or any 5xx is ``internal`` (5xx kept); any
    other code a 400 with its first v2 equivalent, ``invalid_request`` where v2 has no error."""
    if code == "account_invalid" or (code is None and http_status in (401, 403)):
        return 401, "invalid_api_key"
    if code == "internal_server_error" or http_status >= 500:
        return max(http_status, 500), "internal"
    v2_codes = v2_errors_for_v1(code or "")
    return 400, v2_codes[0] if v2_codes else "invalid_request"


def error_to_v2(v1_body: Mapping[str, Any], http_status: int) -> Tuple[int, Body]:
    """A v1 error body as the v2 error a v2 caller would get (``v2_error_for_v1``)."""
    code = v1_body.get("code") if isinstance(v1_body.get("code"), str) else None
    message = v1_body.get("message") or ""
    status, v2_code = v2_error_for_v1(code, http_status)
    return status, {"code": v2_code, "message": message}


def create_request_to_v1(v2_body: Mapping[str, Any], customer_uuid: Optional[str] = None) -> Body:
    """The reverse of ``compat.translate.create_request_to_v2`` for the fields v1 can express."""
    out: Body = {}
    if customer_uuid is not None:
        out["customer_uuid"] = customer_uuid
    target = v2_body.get("target")
    if isinstance(target, Mapping) and target.get("type") == "phone_number":
        out["phone_number"] = target.get("value")
    for section in _SECTIONS:
        for key, value in (v2_body.get(section) or {}).items():
            field = _CREATE_FIELD_FROM_V2.get((section, key))
            if field is None:
                continue
            if field == "device_type":
                value = device_type_to_v1(value) or value
            elif field == "app_realm":
                if not isinstance(value, Mapping) or value.get("platform") != "android":
                    continue  # a web realm has no v1 meaning
                value = value.get("value")
            out[field] = value
    return out


def lookup_response_to_v2(v1_body: Mapping[str, Any]) -> Body:
    """The reverse of ``compat.translate.lookup_response_to_v1``."""
    out: Body = {}
    flags: List[str] = []
    has_flags = False
    for v1_field, where in LOOKUP_FIELD_MOVES.items():
        value = v1_body.get(v1_field)
        if value is None:
            continue
        if where.startswith("flags:"):
            has_flags = True
            if value:
                flags.append(where[len("flags:"):])
            continue
        if v1_field == "line_type":
            value = line_type_to_v2(value) or value
        parts = where.split(".")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    if has_flags:
        out["flags"] = flags
    return out
