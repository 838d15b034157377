"""The v1 SDK facts the SDK codemods read from compat.knowledge.sdk_shapes, checked against the real SDKs
(ding-api-client 3.9.120 and prelude-python-sdk 0.16.0)."""
from __future__ import annotations

import dataclasses
import importlib

import prelude_python_sdk
import pytest
from ding.models import components, errors, operations

from codemods.sdk.model import v1_enum_value
from compat.knowledge.sdk_shapes import (
    SDK_V1_ENUMS, SDK_V1_ERROR_CLASSES, SDK_V1_PAYLOAD_ATTRS, SDK_V1_REQUEST_MODELS, SDK_V1_RESPONSE_FIELDS,
    SDK_V1_TYPE_MOVES, SDK_V2_CLIENT_CLASSES)

REAL_ENUMS = {
    "Status": components.Status, "CheckStatus": components.CheckStatus,
    "RetryAuthenticationResponseStatus": components.RetryAuthenticationResponseStatus,
    "FeedbackRequestStatus": components.FeedbackRequestStatus, "DeviceType": components.DeviceType,
    "LineType": components.LineType, "Code": errors.Code, "Type": operations.Type,
}


@pytest.mark.parametrize("name", sorted(REAL_ENUMS))
def test_enum_member_values_are_derived_exactly(name):
    for member in REAL_ENUMS[name]:
        assert v1_enum_value(name, member.name) == member.value


def test_every_real_enum_class_is_known():
    assert set(REAL_ENUMS) <= set(SDK_V1_ENUMS)


def test_payload_attributes_are_the_wrappers_fields():
    wrappers = {"create": operations.CreateAuthenticationResponse, "check": operations.CheckResponse,
                "retry": operations.RetryResponse, "feedback": operations.FeedbackResponse,
                "status": operations.GetAuthenticationStatusResponse, "lookup": operations.LookupResponse}
    for op, attr in SDK_V1_PAYLOAD_ATTRS.items():
        assert attr in {f.name for f in dataclasses.fields(wrappers[op])}


def test_response_fields_exist_on_both_sides():
    payloads = {"create": components.CreateAuthenticationResponse, "check": components.CreateCheckResponse,
                "retry": components.RetryAuthenticationResponse, "feedback": components.FeedbackResponse}
    v2_models = {"create": prelude_python_sdk.types.VerificationCreateResponse,
                 "check": prelude_python_sdk.types.VerificationCheckResponse,
                 "retry": prelude_python_sdk.types.VerificationCreateResponse}
    for op, moves in SDK_V1_RESPONSE_FIELDS.items():
        assert set(moves) == {f.name for f in dataclasses.fields(payloads[op])}
        for v2_field in filter(None, moves.values()):
            assert v2_field in v2_models[op].model_fields


def test_request_models_errors_and_v2_targets_exist():
    for model in SDK_V1_REQUEST_MODELS:
        if model != "LookupRequest":  # component only in ding-client-sdk <= 1.2.2
            assert hasattr(components, model)
    for v1_class, v2_class in SDK_V1_ERROR_CLASSES.items():
        if v1_class != "ErrorResponse1":  # 3.8.11 only
            assert issubclass(getattr(errors, v1_class), Exception)
        assert issubclass(getattr(prelude_python_sdk, v2_class), prelude_python_sdk.APIError)
    for target in SDK_V1_TYPE_MOVES.values():
        module, _, name = target.rpartition(".")
        assert hasattr(importlib.import_module(module), name), target
    for qualified in SDK_V2_CLIENT_CLASSES:
        module, _, name = qualified.rpartition(".")
        assert getattr(importlib.import_module(module), name) is prelude_python_sdk.Prelude
