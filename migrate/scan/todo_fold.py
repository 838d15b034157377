"""v1 findings the tool already marked: a finding directly below a ``TODO(prelude-migration)``
comment is not reported as its own rule but folded into that PM301 finding.

``prelude-migrate rewrite`` puts one TODO comment above each statement it could not migrate;
after it, ``scan`` must show that work once, as the TODO, and nothing else (issue: rewrite, then
scan reports only PM301). What a TODO covers (:func:`covered_lines`):

- its own line (text inside the comment is the tool's trace, never a v1 usage; code before a
  trailing TODO comment is the marked statement);
- the rest of its comment block: the following lines that are comments with the same opener
  (``#``, ``//``, ``--``, ``;``...), or the rest of a ``/* ... */`` / ``<!-- ... -->`` comment;
- the statement that starts on the first line after the block: that line, and the lines it is
  continued on (a trailing backslash, or a ``(`` / ``[`` opened on it and not yet closed, as in
  a multi-line call or a continued shell command), at most ``MAX_STATEMENT_LINES``.

A finding is folded into the nearest TODO above it that covers its first line. Blank lines end
a block: a v1 usage separated from the TODO by a blank line is reported on its own.

Only when PM301 is selected: with ``--ignore PM301`` (or ``--select`` without it) the covered
findings are reported under their own rules, so no selection hides a v1 usage. An inline
``prelude-migrate: ignore[...]`` on a covered line silences that finding before it is folded; one
on the TODO silences the TODO and what it covers.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

from compat.knowledge.todos import TODO_MARKER

MAX_STATEMENT_LINES = 40
_OPENERS = ("<!--", "/*", "//", "--", "#", ";", "%", "'", "*", "REM")
_BLOCK_CLOSERS = {"/*": "*/", "<!--": "-->"}
_QUOTE = re.compile(r"""(["'`])(?:\\.|(?!\1).)*?(?:\1|$)""")  # one-line string literal (stripped)


def _opener(prefix: str) -> Optional[str]:
    """The comment opener that ends ``prefix`` (the text before the marker), or None."""
    head = prefix.rstrip()
    for opener in _OPENERS:
        if head.endswith(opener):
            return opener
    return None


def _comment_block_end(lines: Sequence[str], todo: int, column: int) -> Tuple[int, bool]:
    """(0-based last line of the TODO's comment block, whether the TODO stands alone on its line)."""
    text = lines[todo]
    prefix = text[:column]
    opener = _opener(prefix)
    alone = opener is not None and not prefix.rstrip()[: -len(opener)].strip()
    last = todo
    closer = _BLOCK_CLOSERS.get(opener or "")
    if closer and closer not in text[column:]:  # a block comment going on below
        while last + 1 < len(lines) and last - todo < MAX_STATEMENT_LINES:
            last += 1
            if closer in lines[last]:
                break
        return last, alone
    if not alone:
        return last, alone
    while last + 1 < len(lines):
        below = lines[last + 1].lstrip()
        if not below.startswith(opener):
            break
        last += 1
    return last, alone


def _strip_strings(line: str) -> str:
    return _QUOTE.sub('""', line)


def _statement_end(lines: Sequence[str], first: int) -> int:
    """0-based last line of the statement starting on line ``first``."""
    depth = 0
    last = first
    while last < len(lines) and last - first < MAX_STATEMENT_LINES:
        text = _strip_strings(lines[last])
        if last > first and TODO_MARKER in lines[last]:
            return last - 1
        for char in text:
            if char in "([":
                depth += 1
            elif char in ")]":
                depth = max(depth - 1, 0)
        continued = text.rstrip().endswith("\\")
        if depth == 0 and not continued:
            return last
        last += 1
    return min(last, len(lines) - 1)


def covered_lines(lines: Sequence[str], todo_line: int, todo_column: int) -> Tuple[int, int]:
    """1-based (first, last) line covered by the TODO whose marker is at 1-based
    (``todo_line``, ``todo_column``)."""
    todo = todo_line - 1
    block_end, alone = _comment_block_end(lines, todo, max(todo_column - 1, 0))
    if not alone:  # `code  # TODO(...)`: the marked statement is the TODO's own line
        return todo_line, _statement_end(lines, todo) + 1
    first = block_end + 1
    if first >= len(lines) or not lines[first].strip():
        return todo_line, block_end + 1
    return todo_line, _statement_end(lines, first) + 1


def fold(rows: Sequence[tuple], lines: Sequence[str], todo_rule: str) -> Tuple[List[tuple], Dict[int, List[tuple]]]:
    """Split ``rows`` (``(rule_id, line, column, ...)`` tuples) into the rows to report and, per
    index of a ``todo_rule`` row in that list, the rows folded into it (the nearest TODO above
    whose covered lines hold the row's first line)."""
    todos = sorted((row[1], i) for i, row in enumerate(rows) if row[0] == todo_rule)
    if not todos or len(todos) == len(rows):
        return list(rows), {}
    spans = [(covered_lines(lines, rows[i][1], rows[i][2]), i) for _, i in todos]
    owner_of: Dict[int, int] = {}
    for index, row in enumerate(rows):
        if row[0] == todo_rule:
            continue
        for (first, last), todo_index in reversed(spans):  # the nearest TODO above first
            if first <= row[1] <= last:
                owner_of[index] = todo_index
                break
    out: List[tuple] = []
    position: Dict[int, int] = {}
    for index, row in enumerate(rows):
        if index not in owner_of:
            position[index] = len(out)
            out.append(row)
    folded: Dict[int, List[tuple]] = {}
    for index, owner in sorted(owner_of.items()):
        folded.setdefault(position[owner], []).append(rows[index])
    return out, folded


__all__ = ["MAX_STATEMENT_LINES", "covered_lines", "fold"]
