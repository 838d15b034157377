"""The marker the codemods leave where a human must decide, and the sentences they write after
it that state API facts (one wording per fact, whichever codemod writes it)."""
from __future__ import annotations

from compat.knowledge.hosts import V1_AUTH_HEADER, V2_AUTH_HEADER, V2_AUTH_SCHEME

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


def unseen_response_read_todo(field: str, v2_read: str) -> str:
    """A v1 response field read on a value whose producing call is not visible (or not rewritten)."""
    return (f"reads v1 response field '{field}' of a value this tool cannot trace to a rewritten call; "
            f"if it is a v2 response now, read {v2_read}")


UUID_ID_TODO = (f"v2 verification ids are not UUIDs (they start with '{V2_ID_PREFIX}'): do not parse or "
                f"validate them as UUIDs")
