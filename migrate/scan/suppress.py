"""Inline suppression: ``prelude-migrate: ignore[PM101]`` in a comment of any language.

The marker must follow a comment opener on its line (``#``, ``//``, ``/*``, ``<!--``, ``--``,
``;``, ``%``, ``'``, ``REM``). It applies to findings on the same line, or, when the comment is
alone on its line, to findings on the next line. ``ignore[PM101,v1-host]`` takes rule ids or
names; a bare ``ignore`` silences every rule on that line.
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, Optional

from codemods.syntax.lines import split_lines

MARKER = "prelude-migrate:"
_MARKER_RE = re.compile(r"prelude-migrate:\s*ignore(?:\[(?P<rules>[^\]]*)\])?", re.IGNORECASE)
_COMMENT_OPENER = re.compile(r"(?:#|//|/\*|<!--|--|;|%|'|\bREM\b)", re.IGNORECASE)
ALL = frozenset({"*"})


def _rules(raw: Optional[str], resolve) -> FrozenSet[str]:
    if raw is None:
        return ALL
    ids = set()
    for token in re.split(r"[\s,]+", raw.strip()):
        if token:
            ids.add(resolve(token) or token.upper())
    return frozenset(ids) if ids else ALL


class Suppressions:
    """Which rules are silenced on which line of one file."""

    def __init__(self, text: str, resolve=lambda name: None) -> None:
        self.by_line: Dict[int, FrozenSet[str]] = {}
        if MARKER not in text.lower():
            return
        for number, line in enumerate(split_lines(text), start=1):
            match = _MARKER_RE.search(line)
            if match is None:
                continue
            before = line[:match.start()]
            opener = _COMMENT_OPENER.search(before)
            if opener is None:
                continue
            rules = _rules(match.group("rules"), resolve)
            self._add(number, rules)
            # a comment alone on its line covers the next; a notebook's JSON source line
            # ("# prelude-migrate: ignore",) counts as alone: the next JSON line is the next code line
            if not before[:opener.start()].strip().lstrip('"'):
                self._add(number + 1, rules)

    def _add(self, line: int, rules: FrozenSet[str]) -> None:
        self.by_line[line] = self.by_line.get(line, frozenset()) | rules

    def __bool__(self) -> bool:
        return bool(self.by_line)

    def silences(self, rule_id: str, line: int) -> bool:
        rules = self.by_line.get(line)
        return bool(rules) and ("*" in rules or rule_id in rules)
