"""The one v1 -> v2 error-code policy of the codemods (SDK ``e.code`` comparisons and raw-HTTP
``body["code"]`` reads alike): which v2 codes a comparison with a v1 code should accept, and the
TODO sentence when the move is not exact. The facts are ``compat.knowledge.errors``."""
from __future__ import annotations

from typing import Optional, Tuple

from compat.knowledge.errors import V1_TO_V2_ERRORS
from compat.knowledge.todos import blocked_status_todo, check_status_todo

_KIND_PHRASES = {
    "approx": "maps only approximately in v2",
    "one-to-many": "maps to several v2 codes",
    "split": "is split in v2",
    "semantic-shift": "changed meaning in v2",
    "none": "has no v2 error code",
}


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
