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
