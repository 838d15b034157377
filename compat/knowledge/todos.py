"""The marker the codemods leave where a human must decide, and the sentences they write after
it that state API facts (one wording per fact, whichever codemod writes it)."""
from __future__ import annotations

from typing import Sequence

from compat.knowledge.hosts import V1_AUTH_HEADER, V2_AUTH_HEADER, V2_AUTH_SCHEME, V2_ORIGIN

TODO_MARKER = "TODO(prelude-migration)"

# Every place a v1 key was configured: v2 refuses v1 keys.
V2_KEY_TODO = (f"v2 needs a v2 API key (Prelude dashboard > API Keys, sent as {V2_AUTH_HEADER}: "
               f"{V2_AUTH_SCHEME}); v1 {V1_AUTH_HEADER} keys are refused: make sure this value is the v2 key")


def blocked_status_todo(v1_code: str, reason: str) -> str:
    """A v1 error code that v2 reports as a 200 create response with status ``blocked``
    (``blocked_number`` -> reason ``in_block_list``)."""
    return (f"v1 error '{v1_code}' is now a 200 response with status 'blocked' (reason '{reason}'); "
            f"check the create result's status")


def check_status_todo(v1_code: str, check_status: str) -> str:
    """A v1 error code that v2 reports as a 200 check response with a status."""
    return f"v1 error '{v1_code}' is now a 200 check response with status '{check_status}'"


# --- value flow (codemods.core.flow): a v1 value that leaves the code the tool rewrites ------

# How a value leaves: the words after "is" in the sentences below.
FLOW_HOW = {
    "argument": "passed to other code", "key": "used as a lookup key", "returned": "returned",
    "stored": "stored", "exception": "put in an exception", "f-string": "formatted into text",
    "serialized": "serialized whole (to_dict(), to_json(), __dict__)",
    "compared": "compared through an expression this tool does not map (a conditional, an or)",
    "named": "read by its enum member name (.name)",
}
V2_ID_PREFIX = "vrf_"
_PLURAL = {"status": "statuses", "line type": "line types", "error code": "error codes"}


def v1_value_escapes_todo(what: str, how: str) -> str:
    """A v1 status, line type or error code (``what``) that leaves unmapped (``how``: FLOW_HOW)."""
    return (f"a v1 {what} is {FLOW_HOW[how]} here, unmapped: v2 uses other {_PLURAL.get(what, what)}; map "
            f"it where it is used (or map both sides)")


def v1_response_escapes_todo(how: str) -> str:
    return (f"a v1 SDK response is {FLOW_HOW[how]} here: v2 returns another model (other fields and "
            f"statuses); update the code that reads it")


def v1_error_escapes_todo(how: str) -> str:
    return (f"a v1 SDK exception is {FLOW_HOW[how]} here: v2 exceptions have no .code, and .message is "
            f"the SDK's own text (the API's code and message are in .body)")


def stored_status_compared_todo(name: str, v1_values: Sequence[str], v2_values: Sequence[str],
                                what: str = "status") -> str:
    """A name (attribute, dict key, keyword) this module stores a rewritten status (or line type,
    ``what``) in, compared elsewhere with v1 strings."""
    v1 = ", ".join(f"'{v}'" for v in dict.fromkeys(v1_values))
    v2 = ", ".join(f"'{v}'" for v in dict.fromkeys(v2_values)) or "no v2 value"
    return (f"compares `{name}` with the v1 {what} {v1}, but this module now stores v2 {_PLURAL.get(what, what)} "
            f"in `{name}` (v2: {v2}); map both sides")


def enum_class_alias_todo(enum_class: str) -> str:
    """codemods.sdk.imports: a v1 value enum class bound to another name (``S = components.Status``)."""
    return (f"v1 enum class {enum_class} is still used under another name: its members are v1 values (v2 "
            "statuses, line types and error codes are plain strings with other values), and it keeps the `ding` "
            "import: map what is compared with or looked up by its members")


def escaped_status_compared_todo(_name: str, v1_values: Sequence[str], v2_values: Sequence[str],
                                 what: str = "status") -> str:
    """A comparison with v1 strings of a value this tool cannot trace, in a module that hands
    rewritten (v2) statuses or line types to code it cannot follow (a store, a callback)."""
    v1 = ", ".join(f"'{v}'" for v in dict.fromkeys(v1_values))
    v2 = ", ".join(f"'{v}'" for v in dict.fromkeys(v2_values)) or "no v2 value"
    return (f"compares with the v1 {what} {v1}, but this module now hands v2 {_PLURAL.get(what, what)} to code "
            f"this tool cannot follow (stored, passed on or returned); if this value comes back from there, "
            f"map both sides (v2: {v2})")


# codemods.core.flow: a read of the response of a v1 call kept under its own TODO, while the
# client it is called on is rewritten (v2 has no otp namespace; its lookup takes other arguments).
KEPT_CALL_READ_TODO = ("reads the response of a v1 call left on v1 under its TODO: on the rewritten v2 client "
                       "that call raises until it is moved by hand; move this read with it")


def unseen_response_read_todo(field: str, v2_read: str) -> str:
    """A v1 response field read on a value whose producing call is not visible (or not rewritten)."""
    return (f"reads v1 response field '{field}' of a value this tool cannot trace to a rewritten call; "
            f"if it is a v2 response now, read {v2_read}")


UUID_ID_TODO = (f"v2 verification ids are not UUIDs (they start with '{V2_ID_PREFIX}'): do not parse or "
                f"validate them as UUIDs")


# --- raw HTTP calls (codemods.http.raw_http, url_planning, v1_leftovers; the JS rewrites) -----
# Placeholders in braces are filled in with str.format by the codemod that writes the sentence.

FEEDBACK_TODO = ("v1 feedback has no v2 call when Prelude Verify sends the codes (it feeds Watch "
                 "itself): delete this call, or send POST https://api.prelude.dev/v2/watch/feedback "
                 "{feedbacks: [{target, type: 'verification.completed'}]} for flows outside Verify")
NO_PHONE_TODO = ("v2 {op} is keyed by the phone number, not authentication_uuid, and no provably same "
                 "number is in scope here: send {body} to https://api.prelude.dev{path}")
BODY_TODO = ("the request body is not visible here; v2 {path} expects {shape} (customer_uuid is gone)")
UNKNOWN_URL_TODO = "this v1 URL is no endpoint this tool knows; move it to https://api.prelude.dev/v2 by hand"
WRONG_METHOD_TODO = ("v1 answered {expected} on this path, not {method}, so this is no v1 endpoint this tool "
                     "knows; move it to https://api.prelude.dev/v2 by hand")
HIDDEN_HEADERS_TODO = ("these headers are built where this tool cannot see them; make sure they send "
                       "Authorization: Bearer <v2 API key> instead of X-API-Key")
# codemods.http.v1_leftovers: the v1 key header set by name in a module still holding a v1 URL
# (an httpx.Auth subclass's auth_flow, a header dict), its requests left on v1.
V1_KEY_HEADER_LEFT_TODO = ("X-API-Key is the v1 API key header; if it goes with the requests this tool left on "
                           "v1 here, v2 authenticates with Authorization: Bearer <v2 API key> instead: change it "
                           "when they move")
NO_HEADER_TODO = ("no X-API-Key header visible for this call; v2 authenticates with "
                  "Authorization: Bearer <v2 API key>")
SHARED_HEADER_TODO = ("the headers of this call are shared with code this tool did not rewrite; v2 needs "
                      "Authorization: Bearer <v2 API key> instead of X-API-Key")
STATUS_TODO = ("v2 verification history takes the v2 verification id (the create response's 'id') and "
               "answers a different shape (status, lifecycle.events, ...): review the reads of this response")
HIDDEN_RESPONSE_TODO = {
    "create": "the v2 create response differs: authentication_uuid -> id; status success/retry/challenged/"
              "blocked/shadow_blocked (+ reason); no created_at/expires_at",
    "check": "the v2 check statuses differ: valid -> success, invalid -> failure, expired_auth -> expired_or_not_found",
    "retry": "a v2 retry answers like create: id, status retry/success/blocked (+ reason); no next_retry_at",
    "lookup": "the v2 lookup response differs: carrier/mcc/mnc under network_info, number_ported/"
              "temporary_phone_number in flags, snake_case line_type values",
}
BODY_SHAPES = {
    "create": "{target: {type: phone_number, value}, signals, options, metadata}",
    "check": "{target: {type: phone_number, value}, code}",
    "retry": "{target: {type: phone_number, value}} (a retry is a repeated create)",
}
HIDDEN_BASE_TODO = ("the base URL of this call is not visible here and looks like the v1 API "
                    "(api.ding.live/v1, removed in April 2026): move it to https://api.prelude.dev{path} "
                    "with a v2 body and Authorization: Bearer <v2 API key>")
UNBUILDABLE_URL_TODO = ("this URL is built in a way this tool cannot rewrite; move it to "
                        "https://api.prelude.dev/v2 by hand")
CLIENT_BASE_TODO = ("this client's base_url points at api.ding.live/v1; move the client and its calls to "
                    "https://api.prelude.dev/v2 by hand")
LEFTOVER_TODO = ("api.ding.live/v1 was removed in April 2026 and this use could not be rewritten "
                 "automatically: move it to https://api.prelude.dev/v2 (docs/api-changes.md)")
# codemods.sdk.calls: `self.otp.<method>(...)`, the otp namespace behind the code's own attribute
# (a mixin's `@property otp` returning `self.ding_client.otp`, a field): {receiver} is `self.otp`.
OWN_OTP_TODO = ("v1 call through `{receiver}`, an attribute of this code that holds the v1 otp namespace "
                "(self is not the v1 client); v2 has no otp namespace: make that attribute the v2 client and "
                "call {v2}(...) on it with v2 keyword arguments (target=..., ...)")
# codemods.sdk.calls: v1's request models left a None field out of the JSON; a v2 dict entry
# {"key": None} is sent as null. {fields}: the v1 fields whose value may be None, "`app_version`".
MAYBE_NONE_FIELD_TODO = ("v1 left a request field out when its value was None, v2 sends a None entry as null: "
                         "{fields} may be None here; leave the key out when it is (whether v2 accepts null "
                         "there is not documented)")
# codemods.sdk.calls: a v1 method handed to a helper (`retrying(client.otp.check, req)`); {helper}
# is the helper's name. v1's network failures were requests exceptions (it ran on requests).
HELPER_NETWORK_ERRORS_TODO = ("`{helper}` is given a v1 method: if it catches or retries on requests "
                              "exceptions (ConnectionError, Timeout), it no longer does on v2, which raises "
                              "prelude_python_sdk.APIConnectionError / APITimeoutError (and a client rewritten "
                              "here has max_retries=0)")
# --- v1 SDK calls (codemods.sdk.calls) ---
SDK_NO_PHONE_TODO = "v2 {op} needs the phone number (v1 used authentication_uuid); pass the number the verification was created for"
LEFTOVER_MODEL_TODO = ("v1 request model {model} is built here for no call this tool rewrites, so this still "
                       "needs `ding`: v2 methods take keyword arguments (target=..., signals=...); pass those "
                       "where the v2 call is made")
SDK_RETRY_TODO = "v2 has no retry endpoint; re-creating the verification within its window re-sends the code"
SDK_STATUS_TODO = ("v2 history has a different response shape, and v1 authentication UUIDs may not be "
                   "valid v2 verification ids")
FSTRING_CALL_TODO = "v1 SDK call inside an f-string; move it to a variable, then re-run"
# a v1 otp method handed on uncalled; {method}: `client.otp.check` as written
UNCALLED_OTP_TODO = "v1 method {method} is passed on uncalled; call the v2 method (client.verification...) instead"
# codemods.sdk.calls: `pool.submit(client.lookup.lookup, phone, CUSTOMER)`, the v1 lookup method
# handed on uncalled with v1 arguments; {receiver} is the client expression.
UNCALLED_LOOKUP_TODO = ("v1 method {receiver}.lookup.lookup is passed on uncalled with v1 arguments "
                        "(phone_number, customer_uuid, type_): v2 lookup.lookup takes the phone number and "
                        "type=[...] (no customer_uuid) and returns the lookup itself (no .lookup_response); "
                        "move the arguments and the reads of its result by hand")
LEGACY_HOST_TODO = "api.ding.live/v2 is deprecated: use https://api.prelude.dev/v2 (same paths)"
# codemods.http.cross_module: {local} is the local name, {module}.{name} where it is defined.
# {what}: "`start` (`config.start`)", or "`config.start`" when read as ``config.start``
CROSS_MODULE_WRAPPER_TODO = ("{what} calls the v1 API in another module; once that module is "
                             "migrated it returns v2 shapes and raises v2 errors: review what this code reads from it")
CROSS_MODULE_RESULT_TODO = ("`{holder}` holds what {what} (a v1 wrapper in another module) returned; once that "
                            "module is migrated it is a v2 value (other fields and statuses): review this read")
CROSS_MODULE_CALLBACK_TODO = ("this function is registered on {what}, which another module hands v1 SDK responses "
                              "to; once that module is migrated they are v2 responses (other fields, plain-string "
                              "statuses): review this read")
CROSS_MODULE_CONSTANT_TODO = ("`{local}` is the v1 value `{module}.{name}` (api.ding.live/v1 or an X-API-Key "
                              "header), defined in another module: move this use to v2 together with that "
                              "definition")


def feedback_removed_todo(phone: str, v2_type: str) -> str:
    """A v1 feedback call removed: the v2 Watch call to send instead (``phone`` is source code)."""
    return ("v1 feedback removed: Verify v2 already feeds Watch; if verification runs outside Verify, "
            "POST https://api.prelude.dev/v2/watch/feedback {\"feedbacks\": [{\"target\": {\"type\": "
            f"\"phone_number\", \"value\": {phone}}}, \"type\": \"{v2_type}\"}}]}}")


# --- v1 SDK errors (codemods.sdk.errors) -------------------------------------------------------

CODE_VALUE_TODO = ("v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); "
                   "map the values this code is compared with downstream")
# codemods.sdk.errors: a rewritten error code read used as a string (`e.code.value.upper()`); the
# v1 SDK raised ErrorResponse only for a JSON 400 body (else SDKError), v2 BadRequestError for any.
CODE_MAY_BE_NONE_TODO = ("the v2 error code read here is None when the error body has no code (v1 raised "
                         "ErrorResponse only for a JSON error body): check it before using it as a string")
# codemods.sdk.client: a v1 client's server_url given by an expression (an environment variable,
# a setting): a v1 base URL, which the v2 client cannot use.
V1_SERVER_URL_DROPPED_TODO = ("v1 server_url={value} is not passed on: it names a v1 base URL (v1 paths under /v1), "
                              f"which the v2 client cannot use, so the v2 default ({V2_ORIGIN}) is used; "
                              "if it pointed to a proxy, pass base_url= with its v2 address")
# codemods.core.flow: the class of a caught v1 exception read (`type(e).__name__`).
ERROR_CLASS_NAME_TODO = ("the class of a caught v1 exception is read here: v2 raises other classes "
                         "(prelude_python_sdk.BadRequestError for v1 ErrorResponse, APIStatusError and its "
                         "subclasses for v1 SDKError); map the names or classes this code expects")
# codemods.sdk.errors: a handler (or isinstance test) of v1 SDKError alone: v1 raised the 400
# ErrorResponse apart from it; v2 BadRequestError is an APIStatusError.
SDK_ERROR_INCLUDES_400_TODO = ("v1 SDKError did not include the HTTP 400 error (v1 ErrorResponse); v2 APIStatusError "
                               "includes it (prelude_python_sdk.BadRequestError): re-raise or handle that one first "
                               "if this code must not see it")
# codemods.sdk.responses: a rewritten status or line type compared with a value not visible here
# (`status in OK`, `== expected()`); {what}: "status" or "line type".
UNSEEN_COMPARATOR_TODO = ("compares a v1 {what} (a v2 plain string now, with other values) with a value this "
                          "tool cannot read here; make that value the v2 strings (docs/api-changes.md)")
# codemods.sdk.responses / codemods.sdk.errors: `.name` read on a v1 status, line type or error
# code (a v1 enum member) whose read became a v2 plain string.
ENUM_NAME_TODO = ("`.name` of a v1 enum member (its upper-case member name): v2 statuses, line types and "
                  "error codes are plain strings with other values and no .name; use the string itself")
NO_DOC_URL_TODO = "v2 errors have no doc_url; see https://docs.prelude.so/introduction/errors"
