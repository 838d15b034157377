"""Lower-case byte tokens: a non-Python file containing none of them has nothing for
``codemods.lang`` to rewrite or mark, so it is never parsed. The scanner's text triggers (every
v1 signature any of its rules reads) are exactly that set; one Aho-Corasick automaton looks for
all of them in one pass (``ahocorasick-rs``, as the scanner's pre-filter does)."""
from __future__ import annotations

from compat.knowledge.triggers import TEXT_TRIGGERS

LANG_TRIGGERS = TEXT_TRIGGERS
_AUTOMATON = None


def has_trigger(lowered: bytes) -> bool:
    """Whether the lower-cased bytes of a file contain any trigger."""
    global _AUTOMATON
    if _AUTOMATON is None:
        import ahocorasick_rs

        _AUTOMATON = ahocorasick_rs.BytesAhoCorasick(list(LANG_TRIGGERS),
                                                     matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)
    return bool(_AUTOMATON.find_matches_as_indexes(lowered, overlapping=False)[:1])
