"""The v1 Python SDK's shapes the SDK codemods need: client classes, request models, response
wrappers, enums, exceptions, and their prelude_python_sdk counterparts. See
docs/reference/v1-api.md ("The v1 Python SDK") and docs/reference/v2-api.md."""
from __future__ import annotations

from typing import Mapping, Optional, Tuple

# The generated TypeScript SDK's standalone-function core class (docs/reference/v1-api.md, "SDKs").
SDK_V1_TS_CORE_CLASS = "DingCore"
# Its standalone functions (namespace + operation) and the folder each lives in as its own module
# (``src/funcs/otpCheck.ts``; docs/reference/v1-api.md, "SDKs").
SDK_V1_TS_STANDALONE_FUNCTIONS: Tuple[str, ...] = (
    "otpCreateAuthentication", "otpCheck", "otpRetry", "otpFeedback", "otpGetAuthenticationStatus", "lookupLookup")
SDK_V1_TS_FUNCS_FOLDER = "funcs"
# The namespaces those names begin with (``otp`` + ``Check``, ``lookup`` + ``Lookup``).
SDK_V1_TS_NAMESPACES: Tuple[str, ...] = ("otp", "lookup")
# The Stainless-generated prototype SDK of the v1 API, published under Prelude's name before v2
# (``Prelude(api_key=..., customer_uuid=...)``, the early beta gem ``prelude``, the early history of
# prelude-so/python-sdk, node-sdk, ruby-sdk; docs/reference/v1-api.md, "The Stainless v1
# prototype"): v1 despite the name. Its resources and their operation; the v2 SDKs have none of
# these resource names (verification, lookup.lookup, watch, transactional, notify).
SDK_V1_STAINLESS_RESOURCE_CALLS: Tuple[Tuple[str, str], ...] = (
    ("authentication", "create"), ("check", "create"), ("retry", "create"), ("lookup", "retrieve"))
# INFERRED (docs/reference/v1-api.md, "Inferred"): the Go spelling (Stainless's Go create is ``New``,
# as the v2 Go SDK's ``client.Verification.New``), seen in the public github.com/stainless-sdks/prelude-go.
SDK_V1_STAINLESS_GO_RESOURCE_CALLS: Tuple[Tuple[str, str], ...] = (
    ("Authentication", "New"), ("Check", "New"), ("Retry", "New"))
# Its client class (the v2 SDKs' client class carries the same name: never evidence alone).
SDK_V1_STAINLESS_CLIENT = "Prelude"
# Qualified names of the v1 client classes (ding-api-client 1.1.0 shipped `sdk.SDK`).
SDK_V1_CLIENT_CLASSES: Tuple[str, ...] = ("ding.Ding", "ding.sdk.Ding", "sdk.SDK", "sdk.sdk.SDK")
# Sub-modules of ding.models whose import is evidence of the v1 SDK (a Django app `ding` has none).
SDK_V1_MODEL_MODULES: Tuple[str, ...] = ("components", "errors", "operations", "shared")
# Sub-modules of the v1 SDK's own package (``ding``, or ``sdk`` in ding-api-client 1.1.0) that
# its generated modules import (``from ding import utils``, ``from ding.models import components``,
# ``.sdkconfiguration``): a package folder of that name is the SDK only where its files import
# them (a Django app or a company package called ``ding`` / ``sdk`` has none).
SDK_V1_OWN_SUBMODULES: Tuple[str, ...] = ("utils", "sdkconfiguration") + tuple(
    "models." + name for name in SDK_V1_MODEL_MODULES)
# v2 client classes: a `.otp.*` call on one of these is leftover v1 code.
SDK_V2_CLIENT_CLASSES: Tuple[str, ...] = (
    "prelude_python_sdk.Prelude", "prelude_python_sdk.Client", "prelude_python_sdk._client.Prelude")
# v1 client constructor keywords that only the v1 SDK takes.
SDK_V1_CLIENT_KEYWORDS: Tuple[str, ...] = (
    "api_key", "server", "server_idx", "server_url", "url_params", "retry_config")
# v1 request model class -> operation name (key of OPERATIONS).
SDK_V1_REQUEST_MODELS: Mapping[str, str] = {
    "CreateAuthenticationRequest": "create", "CreateCheckRequest": "check",
    "RetryAuthenticationRequest": "retry", "FeedbackRequest": "feedback", "LookupRequest": "lookup",
}
# Operation -> the attribute of the v1 response wrapper that carries its payload.
SDK_V1_PAYLOAD_ATTRS: Mapping[str, str] = {
    "create": "create_authentication_response", "check": "create_check_response",
    "retry": "retry_authentication_response", "feedback": "feedback_response",
    "status": "authentication_status_response", "lookup": "lookup_response",
}
SDK_V1_PAYLOAD_NAMES = frozenset(SDK_V1_PAYLOAD_ATTRS.values())
# Operation -> v1 payload field -> v2 response attribute; None: no v2 equivalent.
# Lookup fields are in LOOKUP_FIELD_MOVES.
SDK_V1_RESPONSE_FIELDS: Mapping[str, Mapping[str, Optional[str]]] = {
    "create": {"authentication_uuid": "id", "status": "status", "created_at": None, "expires_at": None},
    "check": {"authentication_uuid": "id", "status": "status"},
    "retry": {"authentication_uuid": "id", "status": "status", "created_at": None,
              "next_retry_at": None, "remaining_retry": None},
    "feedback": {"uuid": None},
}
# v1 enum class -> what its values are (member names are the upper-cased values).
SDK_V1_ENUMS: Mapping[str, str] = {
    "Status": "create-status", "CheckStatus": "check-status",
    "CreateCheckResponseStatus": "check-status", "RetryAuthenticationResponseStatus": "retry-status",
    "FeedbackRequestStatus": "feedback-status", "DeviceType": "device-type", "LineType": "line-type",
    "Code": "error-code", "Type": "lookup-type",
}
# v1 exception class -> prelude_python_sdk exception class.
SDK_V1_ERROR_CLASSES: Mapping[str, str] = {
    "ErrorResponse": "BadRequestError", "ErrorResponse1": "BadRequestError", "SDKError": "APIStatusError",
}
# v1 response/annotation types -> prelude_python_sdk type, by class name.
SDK_V1_TYPE_MOVES: Mapping[str, str] = {
    "Ding": "prelude_python_sdk.Prelude", "SDK": "prelude_python_sdk.Prelude",
    "CreateAuthenticationResponse": "prelude_python_sdk.types.VerificationCreateResponse",
    "CreateAutenticationResponse": "prelude_python_sdk.types.VerificationCreateResponse",
    "CheckResponse": "prelude_python_sdk.types.VerificationCheckResponse",
    "CreateCheckResponse": "prelude_python_sdk.types.VerificationCheckResponse",
    "LookupResponse": "prelude_python_sdk.types.LookupLookupResponse",
    "FeedbackResponse": "prelude_python_sdk.types.WatchSendFeedbacksResponse",
}
