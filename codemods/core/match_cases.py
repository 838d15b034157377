"""``match`` statements on a v1 value (a status, a line type, an error code), for both families:
``match res.create_check_response.status: case CheckStatus.VALID: ...`` or
``match body["status"]: case "valid": ...``. Each ``case`` value goes through the same move as
a comparison (``codemods.core.mapping``): ``case "success":``, several v2 values as
``case "a" | "b":``. The statement is left as written, under the TODOs, when a case is any
other pattern (a class, a sequence, a capture before the last case) or a value has no v2 move.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence, Tuple

import libcst as cst

# (v2 values or None, TODO text or None): the shape of codemods.core.mapping's moves
ToV2 = Callable[[str], Tuple[Optional[Sequence[str]], Optional[str]]]
# the v1 value a case pattern's expression stands for (an enum member, a literal), or None
ValueOf = Callable[[cst.BaseExpression], Optional[str]]


def _case_values(pattern: cst.MatchPattern, value_of: ValueOf) -> Optional[List[str]]:
    """The v1 values of a `case` pattern made of values only; [] for the wildcard `_`."""
    if isinstance(pattern, cst.MatchValue):
        value = value_of(pattern.value)
        return None if value is None else [value]
    if isinstance(pattern, cst.MatchOr):
        values: List[str] = []
        for element in pattern.patterns:
            inner = _case_values(element.pattern, value_of)
            if not inner:
                return None
            values += inner
        return values
    if isinstance(pattern, cst.MatchAs) and pattern.pattern is None and pattern.name is None:
        return []
    return None


def _pattern(values: Sequence[str], quote: str) -> cst.MatchPattern:
    literals = [cst.MatchValue(cst.SimpleString(f"{quote}{v}{quote}")) for v in values]
    if len(literals) == 1:
        return literals[0]
    return cst.MatchOr([cst.MatchOrElement(p) for p in literals])


def mapped_patterns(match: cst.Match, value_of: ValueOf, to_v2: ToV2,
                    quote: str) -> Tuple[Optional[Dict[cst.MatchPattern, cst.MatchPattern]], List[str]]:
    """(each value case's pattern -> its v2 pattern, or None to leave the statement as
    written; the TODO texts for the statement)."""
    todos: List[str] = []
    patterns: Dict[cst.MatchPattern, cst.MatchPattern] = {}
    for index, case in enumerate(match.cases):
        values = _case_values(case.pattern, value_of)
        if values is None or (values == [] and index != len(match.cases) - 1):
            return None, todos
        v2_values: List[str] = []
        for value in values:
            moved, why = to_v2(value)
            if why and why not in todos:
                todos.append(why)
            if not moved:
                return None, todos
            v2_values += [v for v in moved if v not in v2_values]
        if v2_values:
            patterns[case.pattern] = _pattern(v2_values, quote)
    return patterns, todos
