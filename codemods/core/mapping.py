"""The one v1 -> v2 value policy of the codemods, shared by the SDK family (``res.status ==
CheckStatus.VALID``, ``e.code``) and the raw-HTTP family (``body["status"] == "valid"``,
``body["code"]``): which v2 values a comparison with a v1 status, line type or error code
should accept, and the TODO sentence when the move is not exact. The facts are
``compat.knowledge.statuses``, ``.enums`` and ``.errors`` (docs/reference/mapping.md).

Every move is ``(v2 values or None when v2 has none, TODO text or None when exact)``.
"""
from __future__ import annotations

from typing import Callable, Dict, Optional, Sequence, Tuple

from compat.knowledge.enums import LINE_TYPE_V1_TO_V2
from compat.knowledge.errors import V1_TO_V2_ERRORS
from compat.knowledge.statuses import (
    CHECK_STATUS_APPROXIMATE,
    CHECK_STATUS_V1_TO_V2,
    CREATE_STATUS_V1_TO_V2,
    CREATE_STATUS_V2_TO_V1,
    RETRY_STATUS_V1_TO_V2,
    RETRY_STATUS_V2_TO_V1,
    V2_BLOCKED,
)
from compat.knowledge.todos import blocked_status_todo, check_status_todo

Move = Tuple[Optional[Tuple[str, ...]], Optional[str]]

_KIND_PHRASES = {
    "approx": "maps only approximately in v2",
    "one-to-many": "maps to several v2 codes",
    "split": "is split in v2",
    "semantic-shift": "changed meaning in v2",
    "none": "has no v2 error code",
}
_BLOCKED_NOTE = ("is a v2 '{blocked}' outcome, which covers several reasons: read the response's reason "
                 "(repeated_attempts was v1 rate_limited)")


def error_code_move(v1_code: str) -> Tuple[Tuple[str, ...], Optional[str]]:
    """(the v2 codes a comparison against ``v1_code`` should accept, possibly none; the TODO
    text, or None when the move is exact)."""
    move = V1_TO_V2_ERRORS.get(v1_code)
    if move is None:
        return (), f"'{v1_code}' is not a v1 error code known to the migration"
    if move.blocked_reason:
        return move.v2_codes, blocked_status_todo(v1_code, move.blocked_reason)
    if move.check_status:
        return move.v2_codes, check_status_todo(v1_code, move.check_status)
    if move.kind == "direct":
        return move.v2_codes, None
    phrase = _KIND_PHRASES.get(move.kind, f"maps {move.kind} in v2")
    return move.v2_codes, f"v1 error '{v1_code}' {phrase}" + (f": {move.note}" if move.note else "")


def _all_meaning(table: Dict[str, str], v1_value: str) -> Tuple[str, ...]:
    """Every v2 value whose v1 reading is ``v1_value`` (v2 ``retry``/``challenged``... are v1 ``pending``)."""
    return tuple(v2 for v2, v1 in table.items() if v1 == v1_value)


def create_status_move(v1_status: str) -> Move:
    values = CREATE_STATUS_V1_TO_V2.get(v1_status)
    if values is None:
        return None, f"'{v1_status}' is not a v1 create status"
    exact = _all_meaning(CREATE_STATUS_V2_TO_V1, v1_status)
    if V2_BLOCKED not in values:
        return exact or values, None
    return values, f"v1 create status '{v1_status}' " + _BLOCKED_NOTE.format(blocked=V2_BLOCKED)


def check_status_move(v1_status: str) -> Move:
    if v1_status not in CHECK_STATUS_V1_TO_V2:
        return None, f"'{v1_status}' is not a v1 check status"
    v2 = CHECK_STATUS_V1_TO_V2[v1_status]
    if v2 is None:
        statuses = ", ".join(dict.fromkeys(s for s in CHECK_STATUS_V1_TO_V2.values() if s))
        return None, f"v1 check status '{v1_status}' has no v2 equivalent (v2 statuses: {statuses})"
    if v1_status in CHECK_STATUS_APPROXIMATE:
        return (v2,), f"v1 check status '{v1_status}' maps only approximately to '{v2}'"
    return (v2,), None


def retry_status_move(v1_status: str) -> Move:
    if v1_status not in RETRY_STATUS_V1_TO_V2:
        return None, f"'{v1_status}' is not a v1 retry status"
    v2 = RETRY_STATUS_V1_TO_V2[v1_status]
    if v2 is None:
        return None, f"v1 retry status '{v1_status}' has no v2 equivalent (a v2 retry is a repeated create)"
    exact = _all_meaning(RETRY_STATUS_V2_TO_V1, v1_status)
    if v2 != V2_BLOCKED and exact:
        return exact, None
    if v2 == V2_BLOCKED:
        return (v2,), f"v1 retry status '{v1_status}' " + _BLOCKED_NOTE.format(blocked=V2_BLOCKED)
    return (v2,), f"v1 retry status '{v1_status}' is approximated by v2 '{v2}'"


def line_type_move(v1_line_type: str) -> Move:
    v2 = LINE_TYPE_V1_TO_V2.get(v1_line_type)
    return ((v2,), None) if v2 else (None, f"'{v1_line_type}' is not a v1 line type")


def error_code_value_move(v1_code: str) -> Move:
    codes, note = error_code_move(v1_code)
    return (codes or None), note


_STATUS_MOVES: Dict[str, Callable[[str], Move]] = {
    "create": create_status_move, "check": check_status_move, "retry": retry_status_move,
}


def status_mapper(operation: str) -> Optional[Callable[[str], Move]]:
    """The status move of a v1 operation (create, check, retry); None for other operations."""
    return _STATUS_MOVES.get(operation)



def untraced_comparison_todo(v1_values: Sequence[str], v2_values: Sequence[str]) -> str:
    """A comparison with v1 enum members whose other side is not traced to a rewritten v1
    call: left as written (it may still be a v1 value), with the v2 values it would take."""
    v1 = ", ".join(f"'{v}'" for v in dict.fromkeys(v1_values))
    v2 = ", ".join(f"'{v}'" for v in dict.fromkeys(v2_values)) or "no v2 value"
    return (f"compares a value this tool cannot trace to a rewritten call with v1 {v1}; if it is a v2 "
            f"value now, compare it with {v2} (plain strings)")
