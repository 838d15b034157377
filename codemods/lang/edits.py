"""Text edits on a source string, and the TODO lines inserted above v1 usages.

An :class:`Edit` replaces ``source[start:end]``; a TODO is a zero-width insertion at the start
of a line. Everything a run changes is collected first and applied in one pass, so offsets
always refer to the original text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from codemods.lang.facts import TODO_MARKER
from codemods.syntax.languages import Language


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str
    what: str  # a short name of the rewrite, for the per-file summary


@dataclass(frozen=True)
class Mark:
    """A v1 usage at ``line`` (0-based) that needs a human: ``text`` is the TODO sentence."""
    line: int
    text: str


@dataclass
class Plan:
    """What one rewrite wants: edits, and the v1 usages it had to leave (``marks``)."""
    edits: List[Edit] = field(default_factory=list)
    marks: List[Mark] = field(default_factory=list)


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """``source`` with every edit applied; an edit overlapping an earlier one is dropped."""
    out: List[str] = []
    pos = 0
    # Insertions first at an offset; then the widest edit wins over the ones inside it.
    for edit in sorted(edits, key=lambda e: (e.start, e.start != e.end, -e.end)):
        if edit.start < pos:
            continue
        out.append(source[pos:edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(source[pos:])
    return "".join(out)


def newline_of(source: str) -> str:
    i = source.find("\n")
    return "\r\n" if i > 0 and source[i - 1] == "\r" else "\n"


def line_starts(source: str) -> List[int]:
    starts = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def todo_insertions(source: str, marks: Sequence[Mark], language: Language, protected: Set[int],
                    statement_start: Optional[Dict[int, int]] = None) -> Tuple[List[Edit], List[Tuple[int, str]]]:
    """Zero-width edits adding ONE TODO comment above the first line of each marked statement,
    and the (0-based original line, text) of each. A line already directly below a TODO gets
    none (idempotence); a line inside a construct that cannot hold a comment (a multi-line
    string, a continued command) moves up to the construct's first line, and a line of a
    statement that ``statement_start`` names moves up to that statement's first line."""
    if not marks or not language.has_comments:
        return [], []
    lines = source.splitlines()
    starts = line_starts(source)
    nl = newline_of(source)
    by_line: Dict[int, List[str]] = {}
    for mark in marks:
        line = _insertion_line((statement_start or {}).get(mark.line, mark.line), lines, language, protected)
        texts = by_line.setdefault(line, [])
        if mark.text not in texts:
            texts.append(mark.text)
    edits: List[Edit] = []
    added: List[Tuple[int, str]] = []
    for line, texts in sorted(by_line.items()):
        if line >= len(lines) or TODO_MARKER in lines[line] or (line > 0 and TODO_MARKER in lines[line - 1]):
            continue
        current = lines[line]
        indent = current[:len(current) - len(current.lstrip())]
        text = texts[0] if len(texts) == 1 else " ".join(_sentence(t) for t in texts)
        comment = language.comment_line(f"{TODO_MARKER}: {text}")
        at = starts[line]
        edits.append(Edit(at, at, indent + comment + nl, "todo"))
        added.append((line, text))
    return edits, added


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _insertion_line(line: int, lines: Sequence[str], language: Language, protected: Set[int]) -> int:
    while line > 0 and (line in protected or (language.continuation and lines[line - 1].rstrip().endswith("\\"))):
        line -= 1
    return line
