"""FakeV2's request schema against the request types of the real prelude-python-sdk 0.16.0:
every field the SDK can send is accepted with the same JSON type, so the sandbox never
refuses a valid SDK call, and nothing the SDK does not know is accepted."""
import typing

import typing_extensions

import pytest
from prelude_python_sdk.types import (notify_send_batch_params, notify_send_params, transactional_send_params,
                                      verification_check_params, verification_create_params, watch_predict_params,
                                      watch_send_events_params, watch_send_feedbacks_params)

from compat.testing import _v2_schema as schema

# Fields FakeV2 accepts beyond 0.16.0's types, each with its reason.
EXTRA = {
    "signals.ja4_fingerprint",  # in the v2 Signals object of earlier SDK releases (docs/api-changes.md)
}
PYTHON_TO_WIRE = {"from_": "from"}
# Objects whose presence and values _v2_rules checks, to answer the documented specific codes
# (invalid_app_realm, invalid_app_realm_platform) instead of the schema's invalid_request.
RULE_CHECKED = {"options.app_realm"}


def _wire_fields(typed_dict):
    hints = typing.get_type_hints(typed_dict, include_extras=True)
    return {PYTHON_TO_WIRE.get(name, name): hint for name, hint in hints.items()}


def _unwrap(hint):
    while typing.get_origin(hint) in (typing.Annotated, typing_extensions_required()):
        hint = typing.get_args(hint)[0]
    return hint


def _is_required(hint):
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    return typing.get_origin(hint) is typing_extensions_required()


def typing_extensions_required():
    return typing_extensions.Required


def _expected_kind(hint):
    hint = _unwrap(hint)
    origin = typing.get_origin(hint)
    if hint is str or origin is typing.Union and str in typing.get_args(hint):
        return "string"
    if hint is bool:
        return "boolean"
    if hint is int:
        return "integer"
    if origin is typing.Literal:
        return ("one of", set(typing.get_args(hint)))
    if origin in (list, typing.List) or (origin is not None and "Sequence" in str(origin)) or \
            "SequenceNotStr" in str(hint) or "Iterable" in str(origin):
        return ("list", typing.get_args(hint)[0] if typing.get_args(hint) else str)
    if origin is dict:
        return "string map"
    if isinstance(hint, type) and typing_extensions.is_typeddict(hint):
        return ("object", hint)
    raise AssertionError(f"unhandled hint {hint!r}")


def _compare(typed_dict, obj, prefix=""):
    wire = _wire_fields(typed_dict)
    accepted = {prefix + name for name in obj.fields}
    assert {prefix + name for name in wire} <= accepted, f"{typed_dict.__name__}: the fake refuses SDK fields"
    assert accepted - {prefix + name for name in wire} <= EXTRA, f"{typed_dict.__name__}: fields the SDK lacks"
    if prefix.rstrip(".") in RULE_CHECKED:
        return
    required = {name for name, hint in wire.items() if _is_required(hint)}
    assert set(obj.required) == required, typed_dict.__name__
    for name, hint in wire.items():
        _compare_kind(_expected_kind(hint), obj.fields[name], prefix + name)


def _compare_kind(expected, kind, where):
    if expected == "string":
        assert kind is schema.STRING, where
    elif expected == "boolean":
        assert kind is schema.BOOLEAN, where
    elif expected == "integer":
        assert kind.name == "an integer", where
    elif expected == "string map":
        assert isinstance(kind, schema.StringMap), where
    elif expected[0] == "one of":
        assert isinstance(kind, schema.OneOf) and set(kind.values) == expected[1], where
    elif expected[0] == "list":
        assert isinstance(kind, schema.ListOf), where
        _compare_kind(_expected_kind(expected[1]), kind.item, where + "[]")
    else:
        assert isinstance(kind, schema.Obj), where
        _compare(expected[1], kind, where + ".")


@pytest.mark.parametrize("typed_dict, obj", [
    (verification_create_params.VerificationCreateParams, schema.CREATE),
    (verification_check_params.VerificationCheckParams, schema.CHECK),
    (watch_predict_params.WatchPredictParams, schema.PREDICT),
    (watch_send_feedbacks_params.WatchSendFeedbacksParams, schema.FEEDBACKS),
    (watch_send_events_params.WatchSendEventsParams, schema.EVENTS),
    (transactional_send_params.TransactionalSendParams, schema.TRANSACTIONAL),
    (notify_send_params.NotifySendParams, schema.NOTIFY),
    (notify_send_batch_params.NotifySendBatchParams, schema.NOTIFY_BATCH),
], ids=lambda value: getattr(value, "__name__", ""))
def test_schema_matches_the_sdk(typed_dict, obj):
    _compare(typed_dict, obj)
