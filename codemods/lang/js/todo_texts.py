"""The TODO sentences the JS/TS rewrites write: the same wording as the Python raw-HTTP codemod
(one sentence per fact), taken from where it is kept (compat.knowledge.todos; not through the
Python codemods, which would import libcst into a rewrite of JS/TS alone)."""
from __future__ import annotations

from compat.knowledge.operations import CREATE_FIELD_REVIEW  # noqa: F401
from compat.knowledge.todos import (  # noqa: F401
    BODY_SHAPES, BODY_TODO, CLIENT_BASE_TODO, FEEDBACK_TODO, HIDDEN_HEADERS_TODO, HIDDEN_RESPONSE_TODO,
    NO_HEADER_TODO, NO_PHONE_TODO, SHARED_HEADER_TODO, STATUS_TODO, UNKNOWN_URL_TODO, V2_KEY_TODO,
    WRONG_METHOD_TODO, blocked_status_todo, check_status_todo)

UNKNOWN_FIELD_TODO = "v1 field '{field}' has no v2 place this tool knows; move it by hand"
STATUS_READ_TODO = ("the v2 {op} statuses differ from v1 ({mapping}); this use of the status is not a "
                    "comparison this tool can rewrite")
NO_V2_STATUS_TODO = "v1 {op} status '{status}' has no v2 equivalent; decide what this branch means now"
NO_V2_FIELD_TODO = "the v2 {op} response has no '{field}'"
LINE_TYPE_TODO = "v2 line_type values are snake_case ('mobile', 'fixed_line', ...), v1 ones CamelCase"
DEVICE_TYPE_TODO = "v2 signals.device_platform takes lower-case values (ios, android, web); v1 device_type was upper-case"
