"""Whether a file's lower-cased bytes hold any of a set of tokens, in one pass: an Aho-Corasick
automaton (``ahocorasick-rs``, as the pre-filters of scan and ``codemods.lang`` use), leftmost-first
so that it runs its SIMD literal search. For the Python codemods' two dozen trigger tokens that
is about 6x faster than one ``token in data`` search per token (305 files, 3.9 MB: 45 ms -> 8 ms).
"""
from __future__ import annotations

import functools
from typing import Callable, Tuple


@functools.lru_cache(maxsize=None)  # a few fixed token sets per process
def any_token(tokens: Tuple[bytes, ...]) -> Callable[[bytes], bool]:
    """``lowered -> bool``: True when ``lowered`` contains one of ``tokens`` (an empty token
    matches every text, as ``b"" in data`` does; no token matches none)."""
    if b"" in tokens:
        return lambda lowered: True
    if not tokens:
        return lambda lowered: False
    import ahocorasick_rs

    automaton = ahocorasick_rs.BytesAhoCorasick(list(dict.fromkeys(tokens)),
                                                matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)
    return lambda lowered: bool(automaton.find_matches_as_indexes(lowered, overlapping=False))
