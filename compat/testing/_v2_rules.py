"""Request validation for FakeV2 (docs/reference/v2-api.md): each rule answers with the
documented v2 error code and the ``param`` it concerns."""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from compat.testing._base import ApiError, FakeBase, RecordedRequest
from compat.testing._common import EMAIL, V2_DEVICE_PLATFORMS, is_e164

_CHANNELS = ("sms", "rcs", "whatsapp", "viber", "zalo", "telegram")


def target_key(value: str) -> Tuple[str, str]:
    return ("email_address" if "@" in value else "phone_number", value)


def json_object(request: RecordedRequest) -> Dict[str, Any]:
    return FakeBase._json_object(request, "invalid_request")


def target(value: Any, param: str = "target") -> Tuple[str, str]:
    if not isinstance(value, dict) or "type" not in value or "value" not in value:
        raise ApiError(400, "invalid_request", "target with type and value is required", param=param)
    kind, address = value["type"], value["value"]
    if kind == "phone_number":
        if not is_e164(address):
            raise ApiError(400, "invalid_phone_number", f"{address!r} is not an E.164 phone number",
                           param=param + ".value")
    elif kind == "email_address":
        if not isinstance(address, str) or not EMAIL.fullmatch(address):
            raise ApiError(400, "invalid_request", f"{address!r} is not an email address", param=param + ".value")
    else:
        raise ApiError(400, "invalid_request", "target.type must be phone_number or email_address",
                       param=param + ".type")
    return kind, address


def validate_create(body: Dict[str, Any], options: Dict[str, Any], signals: Dict[str, Any],
                     metadata: Dict[str, Any]) -> None:
    size = options.get("code_size")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or not 4 <= size <= 8):
        raise ApiError(400, "invalid_code_size", "code_size must be an integer from 4 to 8",
                       param="options.code_size")
    custom = options.get("custom_code")
    if custom is not None and size is not None and len(str(custom)) != size:
        raise ApiError(400, "custom_size_conflict", "custom_code length differs from code_size",
                       param="options.custom_code")
    correlation = metadata.get("correlation_id")
    if correlation is not None and (not isinstance(correlation, str) or len(correlation) > 64):
        raise ApiError(400, "invalid_correlation_id", "correlation_id must be a string of at most 64 characters",
                       param="metadata.correlation_id")
    dispatch = body.get("dispatch_id")
    if dispatch is not None and (not isinstance(dispatch, str) or len(dispatch) != 36):
        raise ApiError(400, "invalid_request", "dispatch_id must be 36 characters", param="dispatch_id")
    platform = signals.get("device_platform")
    if platform is not None and platform not in V2_DEVICE_PLATFORMS:
        raise ApiError(400, "invalid_request", f"unknown device_platform {platform!r}",
                       param="signals.device_platform")
    realm = options.get("app_realm")
    if realm is not None:
        if not isinstance(realm, dict) or not realm.get("platform") or not realm.get("value"):
            raise ApiError(400, "invalid_app_realm", "app_realm needs both platform and value",
                           param="options.app_realm")
        if realm["platform"] not in ("android", "web"):
            raise ApiError(400, "invalid_app_realm_platform", "app_realm.platform must be android or web",
                           param="options.app_realm.platform")
    if options.get("method") not in (None, "auto", "voice", "message"):
        raise ApiError(400, "invalid_request", "method must be auto, voice or message", param="options.method")
    if options.get("preferred_channel") is not None and options.get("channels") is not None:
        raise ApiError(400, "invalid_request", "preferred_channel cannot be combined with channels",
                       param="options.preferred_channel")
    for channel in ([options["preferred_channel"]] if options.get("preferred_channel") else []) + list(
            options.get("channels") or []):
        if channel not in _CHANNELS:
            raise ApiError(400, "invalid_request", f"unknown channel {channel!r}", param="options.channels")


def answer_method(target: Tuple[str, str], options: Dict[str, Any]) -> str:
    if target[0] == "email_address":
        return "email"
    return "voice" if options.get("method") == "voice" else "message"


def answer_channels(target: Tuple[str, str], options: Dict[str, Any]) -> List[str]:
    if target[0] == "email_address":
        return []
    if options.get("method") == "voice":
        return ["voice"]
    if options.get("channels"):
        return list(options["channels"])
    return [options.get("preferred_channel") or "sms"]


def batch(body: Dict[str, Any], name: str, limit: int) -> List[Dict[str, Any]]:
    items = body.get(name)
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise ApiError(400, "invalid_request", f"{name} must be a non-empty list of objects", param=name)
    if len(items) > limit:
        raise ApiError(400, "invalid_request", f"at most {limit} {name} per request", param=name)
    return items
