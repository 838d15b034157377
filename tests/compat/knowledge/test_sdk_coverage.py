"""The tables in compat.knowledge cover every enum value and literal that the two real SDKs declare.

The SDKs are introspected, not copied: a value added to either package (or a table entry
removed) breaks a test here.
"""
from __future__ import annotations

import typing

import pytest
from ding.models import components, errors
from prelude_python_sdk.types import (
    LookupLookupResponse,
    VerificationCheckResponse,
    VerificationCreateResponse,
)
from prelude_python_sdk.types.shared_params import Signals
from prelude_python_sdk.types.verification.phone import history_retrieve_response as history
from prelude_python_sdk.types.watch_send_feedbacks_params import Feedback

from compat.knowledge.deadlines import DEADLINES
from compat.knowledge.docs_links import current_docs_link
from compat.knowledge.enums import (
    CHANNEL_V2_TO_V1_CAPABILITY, DEVICE_TYPE_V1_TO_V2, DEVICE_TYPE_V2_TO_V1, FEEDBACK_STATUS_V1_TO_V2,
    LINE_TYPE_V1_TO_V2, LINE_TYPE_V2_TO_V1)
from compat.knowledge.errors import (
    V1_ERROR_CODES, V1_TO_V2_ERRORS, V2_CREDENTIAL_CODES, V2_ERROR_CODES, V2_TO_V1_ERRORS, v1_error_for_v2)
from compat.knowledge.operations import CHECK_FIELD_MOVES, CREATE_FIELD_MOVES, LOOKUP_FIELD_MOVES, OPERATIONS
from compat.knowledge.statuses import (
    CHECK_STATUS_V1_TO_V2, CHECK_STATUS_V2_TO_V1, CREATE_BLOCKED_AS_V1_ERROR,
    CREATE_BLOCKED_REASON_TO_V1_STATUS, CREATE_STATUS_V1_TO_V2, CREATE_STATUS_V2_TO_V1,
    RETRY_STATUS_V1_TO_V2, RETRY_STATUS_V2_TO_V1, V2_BLOCK_REASONS)


def literal_values(annotation) -> set:
    """Every string of the Literal[...] inside an annotation (through Optional/List)."""
    found = set()
    stack = [annotation]
    while stack:
        tp = stack.pop()
        if typing.get_origin(tp) is typing.Literal or getattr(tp, "__origin__", None) is typing.Literal:
            found.update(typing.get_args(tp))
        else:
            stack.extend(typing.get_args(tp))
    return found


def model_literals(model, field: str) -> set:
    values = literal_values(model.model_fields[field].annotation)
    assert values, f"{model.__name__}.{field} declares no literals: has the SDK changed?"
    return values


def typed_dict_literals(td, field: str) -> set:
    values = literal_values(typing.get_type_hints(td, include_extras=True)[field])
    assert values, f"{td.__name__}.{field} declares no literals"
    return values


def enum_values(enum) -> set:
    return {member.value for member in enum}


# --- v1 SDK (ding-api-client 3.9.120) ------------------------------------------------------


def test_every_v1_error_code_has_a_v2_move():
    sdk_codes = enum_values(errors.Code)
    assert sdk_codes <= set(V1_ERROR_CODES)
    assert set(V1_TO_V2_ERRORS) == set(V1_ERROR_CODES)


def test_v1_to_v2_error_moves_name_only_known_v2_codes():
    for v1_code, move in V1_TO_V2_ERRORS.items():
        unknown = set(move.v2_codes) - V2_ERROR_CODES
        assert not unknown, f"{v1_code} maps to codes the v2 tables do not know: {unknown}"
        if move.blocked_reason:
            assert move.blocked_reason in V2_BLOCK_REASONS
        assert move.v2_codes or move.kind in ("semantic-shift", "none"), v1_code


def test_v2_to_v1_error_map_targets_real_v1_codes():
    assert set(V2_TO_V1_ERRORS.values()) <= enum_values(errors.Code) | {"spending_limit_exceeded"}


@pytest.mark.parametrize(
    "enum, table",
    [
        (components.CheckStatus, CHECK_STATUS_V1_TO_V2),
        (components.Status, CREATE_STATUS_V1_TO_V2),
        (components.RetryAuthenticationResponseStatus, RETRY_STATUS_V1_TO_V2),
        (components.LineType, LINE_TYPE_V1_TO_V2),
        (components.DeviceType, DEVICE_TYPE_V1_TO_V2),
        (components.AuthenticationStatusResponseDeviceType, DEVICE_TYPE_V1_TO_V2),
        (components.FeedbackRequestStatus, FEEDBACK_STATUS_V1_TO_V2),
    ],
    ids=lambda x: getattr(x, "__name__", "table"),
)
def test_every_v1_enum_value_is_mapped(enum, table):
    unmapped = enum_values(enum) - set(table)
    assert not unmapped, f"{enum.__name__} values without a mapping: {unmapped}"


def test_v1_capabilities_are_the_targets_of_the_channel_map():
    assert set(CHANNEL_V2_TO_V1_CAPABILITY.values()) == enum_values(components.Capability)


def test_v1_operations_match_the_sdk_methods():
    from ding.lookup import Lookup
    from ding.otp import Otp

    for op in OPERATIONS.values():
        namespace = Otp if op.sdk_namespace == "otp" else Lookup
        assert any(hasattr(namespace, name) for name in op.sdk_methods), op.name


# --- v2 SDK (prelude-python-sdk 0.16.0) ----------------------------------------------------


def test_every_v2_create_status_maps_to_v1():
    assert model_literals(VerificationCreateResponse, "status") == set(CREATE_STATUS_V2_TO_V1)
    assert set(CREATE_STATUS_V2_TO_V1.values()) <= enum_values(components.Status)


def test_every_v2_block_reason_is_known_and_mapped_somewhere():
    reasons = model_literals(VerificationCreateResponse, "reason")
    assert reasons == set(V2_BLOCK_REASONS)
    special = set(CREATE_BLOCKED_AS_V1_ERROR) | set(CREATE_BLOCKED_REASON_TO_V1_STATUS)
    assert special <= reasons
    assert set(CREATE_BLOCKED_AS_V1_ERROR.values()) <= enum_values(errors.Code)


def test_every_v2_check_status_maps_to_v1():
    assert model_literals(VerificationCheckResponse, "status") == set(CHECK_STATUS_V2_TO_V1)
    assert set(CHECK_STATUS_V2_TO_V1.values()) <= enum_values(components.CheckStatus)
    v2_targets = {v for v in CHECK_STATUS_V1_TO_V2.values() if v is not None}
    assert v2_targets <= set(CHECK_STATUS_V2_TO_V1)


def test_retry_maps_cover_v2_create_statuses():
    assert set(RETRY_STATUS_V2_TO_V1) == set(CREATE_STATUS_V2_TO_V1)
    assert set(RETRY_STATUS_V2_TO_V1.values()) <= enum_values(components.RetryAuthenticationResponseStatus)


def test_line_types_are_a_bijection_with_the_v2_literals():
    v2 = model_literals(LookupLookupResponse, "line_type")
    assert set(LINE_TYPE_V2_TO_V1) == v2
    assert len(LINE_TYPE_V1_TO_V2) == len(LINE_TYPE_V2_TO_V1) == 19


def test_device_platforms_are_a_bijection_with_the_v2_literals():
    assert set(DEVICE_TYPE_V2_TO_V1) == typed_dict_literals(Signals, "device_platform")
    assert set(DEVICE_TYPE_V2_TO_V1) == model_literals(history.HistoryRetrieveResponse, "device_platform")


def test_feedback_types_exist_in_v2():
    targets = {v for v in FEEDBACK_STATUS_V1_TO_V2.values() if v}
    assert targets <= typed_dict_literals(Feedback, "type")


def test_history_channels_cover_the_channel_map():
    channels = model_literals(history.LifecycleEventAttempt, "channel")
    assert set(CHANNEL_V2_TO_V1_CAPABILITY) <= channels


def test_create_field_moves_target_real_v2_fields():
    from prelude_python_sdk.types import verification_create_params as params

    signals = set(typing.get_type_hints(Signals))
    options = set(typing.get_type_hints(params.Options))
    metadata = set(typing.get_type_hints(params.Metadata))
    sections = {"signals": signals, "options": options, "metadata": metadata}
    v1_fields = {f.name for f in components.CreateAuthenticationRequest.__dataclass_fields__.values()}
    assert set(CREATE_FIELD_MOVES) == v1_fields
    for v1_field, (section, key) in CREATE_FIELD_MOVES.items():
        if section is not None:
            assert key in sections[section], f"{v1_field} -> {section}.{key} is not a v2 field"


def test_check_field_moves_cover_the_v1_check_request():
    v1_fields = set(components.CreateCheckRequest.__dataclass_fields__)
    assert set(CHECK_FIELD_MOVES) == v1_fields


def test_lookup_field_moves_cover_the_v1_lookup_response():
    v1_fields = set(components.LookupResponse.__dataclass_fields__)
    assert set(LOOKUP_FIELD_MOVES) == v1_fields
    v2_fields = set(LookupLookupResponse.model_fields)
    for source in LOOKUP_FIELD_MOVES.values():
        head = source.split(":")[0].split(".")[0]
        assert head in v2_fields, source


# --- behaviour of the helpers ----------------------------------------------------------------

def answer(code, http_status):
    result = v1_error_for_v2(code, http_status)
    return result.code, result.http_status


@pytest.mark.parametrize("code", sorted(V2_CREDENTIAL_CODES))
def test_credential_failures_become_403_without_a_code(code):
    assert answer(code, 401) == (None, 403)


def test_unknown_v2_codes_map_by_status_class():
    assert answer("brand_new_code", 422) == ("bad_request", 400)
    assert answer("brand_new_code", 503) == ("internal_server_error", 503)
    assert answer(None, 400) == ("bad_request", 400)


def test_known_v2_codes_map_to_their_v1_code():
    assert answer("insufficient_balance", 402) == ("negative_balance", 400)
    assert answer("template_not_found", 404) == ("invalid_template_id", 400)
    assert answer("internal", 500) == ("internal_server_error", 500)


def test_old_docs_links_move_to_current_pages():
    assert current_docs_link("https://docs.prelude.so/api-reference/v2/errors#x") == \
        "https://docs.prelude.so/introduction/errors#x"
    assert current_docs_link("https://docs.prelude.so/api-reference/v1/lookup") == \
        "https://docs.prelude.so/lookup/v1/api-reference/look-up-for-phone-number"
    assert current_docs_link("https://docs.prelude.so/verify/v2/api-reference/check-a-code") is None


def test_deadlines_are_ordered_as_documented():
    d = DEADLINES
    assert d["v2-host-deprecation"].date < d["v1-support-end"].date < d["v1-removal"].date
    assert str(d["v1-removal"].date) == "2026-04-01"
