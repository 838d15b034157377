"""Which findings ``prelude-migrate rewrite`` fixes: a finding is ``fixable`` exactly when rewrite
changes the code of its span (not only a TODO comment above it), in every language.

- Files rewritten by ``codemods.lang`` (every language but Python): the file's rewrite is run
  in memory (``codemods.lang.rewrite_source``, the function ``rewrite`` calls) and compared with
  the text, character by character on the lines it changed (:func:`changes_between`). Only files
  with findings pay for it.
- Dependency manifests (package.json, requirements): rewrite swaps the v1 SDK when the code of
  the package no longer uses it (:func:`with_manifest_swaps`, after the whole scan).
- Python: from the shared analysis and the codemods' own plans, without running a codemod
  (:func:`python_fixable`, :func:`python_usage_fixable`): a usage the codemods edit
  (``Usage.changes``), a finding overlapping a span they change (``Usage.edits``, from
  ``codemods.sdk.edits`` and the raw-HTTP plan), or inside a call they rewrite when that call's
  rewrite replaces that part (request fields, headers, hosts).
- SARIF ``fixes`` (:class:`LineBlocks`): the lines rewrite writes over a fixable finding; for
  Python computed only for the SARIF report (:func:`with_python_fixes`).
"""
from __future__ import annotations

import bisect
import difflib
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from compat.knowledge.todos import TODO_MARKER

Changes = Dict[int, Optional[Set[float]]]  # 1-based line -> None (whole line) or changed columns


def _line_columns(old: str, new: str) -> Set[float]:
    """1-based columns of ``old`` that ``new`` replaces or deletes; an insertion between columns
    c and c+1 is c + 0.5."""
    cols: Set[float] = set()
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            cols.update(range(i1 + 1, i2 + 1))
        elif tag == "insert":
            cols.add(i1 + 0.5)
    return cols


def _block_columns(olds: Sequence[str], news: Sequence[str]) -> Dict[int, Set[float]]:
    """Changed columns per old line of a block rewritten into another number of lines (a call
    laid out again): one character diff of the two blocks, so text the rewrite carries over to
    another line (a variable, an environment name) is not a change."""
    old, new = "\n".join(olds), "\n".join(news)
    starts, offset = [], 0
    for line in olds:
        starts.append(offset)
        offset += len(line) + 1
    cols: Dict[int, Set[float]] = {}

    def mark(at: int, half: bool) -> None:
        index = bisect.bisect_right(starts, at) - 1
        cols.setdefault(index, set()).add(at - starts[index] + (0.5 if half else 1))

    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            for at in range(i1, i2):
                mark(at, False)
        elif tag == "insert":
            mark(min(i1, len(old)), True)
    return cols


def changes_between(old: str, new: str) -> Changes:
    """What ``new`` (a rewrite of ``old``) changed in ``old``'s lines."""
    if old == new:
        return {}
    a = old.splitlines()
    b = [line for line in new.splitlines() if TODO_MARKER not in line or line in a]
    changes: Changes = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "delete" or (tag == "replace" and j1 == j2):
            changes.update({i + 1: None for i in range(i1, i2)})
        elif tag == "replace" and i2 - i1 == j2 - j1:
            changes.update({i1 + k + 1: _line_columns(a[i1 + k], b[j1 + k]) for k in range(i2 - i1)})
        elif tag == "replace":
            changes.update({i1 + k + 1: cols for k, cols in _block_columns(a[i1:i2], b[j1:j2]).items()})
    return changes


class LineBlocks:
    """The line blocks ``new`` (a rewrite of ``old``) replaces, deletes or inserts (its TODO
    comments too), computed once per file for :meth:`fix`."""

    def __init__(self, old: str, new: str) -> None:
        self.newline = "\r\n" if "\r\n" in old else "\n"
        self.old, self.new = old.splitlines(), new.splitlines()
        self.opcodes = [op for op in difflib.SequenceMatcher(None, self.old, self.new, autojunk=False).get_opcodes()
                        if op[0] != "equal"]

    def fix(self, line: int, end_line: int) -> Tuple[tuple, ...]:
        """What the rewrite writes over one finding's lines (1-based), as (line, column, end
        line, end column, new text) replacements of whole lines in the old text's positions
        (SARIF ``fixes``): every block overlapping them, and one inserted right above them."""
        a, b, newline, last = self.old, self.new, self.newline, max(end_line, line)
        out = []
        for tag, i1, i2, j1, j2 in self.opcodes:
            if tag == "insert":
                if line - 1 <= i1 < last:
                    out.append((i1 + 1, 1, i1 + 1, 1, newline.join(b[j1:j2]) + newline))
            elif i1 < last and i2 > line - 1:
                if tag == "delete" and i2 < len(a):
                    out.append((i1 + 1, 1, i2 + 1, 1, ""))
                else:
                    out.append((i1 + 1, 1, i2, len(a[i2 - 1]) + 1, newline.join(b[j1:j2])))
        return tuple(out)


def with_python_fixes(findings: Sequence[object]) -> list:
    """``findings`` with ``fix`` set on the fixable Python ones (SARIF ``fixes``): each file that
    has some is rewritten in memory (``codemods.engine.transform_source``, what ``rewrite`` runs
    on it, without the cross-module pre-pass); a finding gets the blocks that rewrite writes over
    its lines when that rewrite changes its span. A file that no longer holds what was scanned
    (a source line differs), cannot be read or does not rewrite gets none."""
    import dataclasses

    from migrate.scan.languages import language_of

    out = list(findings)
    files: Dict[str, List[int]] = {}
    for index, finding in enumerate(out):
        if finding.fixable and not finding.fix and language_of(finding.path) == "python":
            files.setdefault(finding.path, []).append(index)
    for path, indexes in files.items():
        new_and_old = _python_rewrite(path, [out[i] for i in indexes])
        if new_and_old is None:
            continue
        old, new = new_and_old
        changes, blocks = changes_between(old, new), LineBlocks(old, new)
        for i in indexes:
            f = out[i]
            if span_changed(changes, f.line, f.column, f.end_line, f.end_column):
                out[i] = dataclasses.replace(f, fix=blocks.fix(f.line, f.end_line))
    return out


def _python_rewrite(path: str, findings: Sequence[object]) -> Optional[Tuple[str, str]]:
    from codemods.engine import transform_source  # what `rewrite` runs on a Python file
    from migrate.files import decode_source

    try:
        with open(path, "rb") as handle:
            old = decode_source(handle.read())
    except (OSError, UnicodeDecodeError):
        return None
    lines = old.splitlines()
    if any(f.line > len(lines) or lines[f.line - 1].strip()[:300] != f.snippet for f in findings):
        return None  # not the text that was scanned (stdin, or changed since)
    try:
        result = transform_source(old, path)
    except Exception:  # a parse or codemod failure: no fixes, nothing promised
        return None
    return (old, result.new_source) if result.changed else None


def span_changed(changes: Changes, line: int, column: int, end_line: int, end_column: int) -> bool:
    """Whether a change falls inside the span (1-based, end exclusive); an insertion counts when
    strictly inside it."""
    for number in range(line, max(end_line, line) + 1):
        if number not in changes:
            continue
        cols = changes[number]
        if cols is None:
            return True
        lo = column if number == line else 1
        hi = end_column if number == end_line and end_column > lo else float("inf")
        if any(lo <= c < hi if c == int(c) else lo < c < hi for c in cols):
            return True
    return False


def other_language_rewrite(path: str, text: str) -> Optional[str]:
    """The text ``rewrite`` makes of a non-Python file; None when codemods.lang does not rewrite
    this kind of file (or cannot parse it)."""
    from codemods.lang import language_for_path, rewrite_source

    language = language_for_path(path)
    if language is None:
        return None
    try:
        result = rewrite_source(language, text, path)
    except Exception:  # a rewrite bug: the scan goes on, nothing is promised
        return None
    return None if result.error else result.new_source


# --- dependency manifests -----------------------------------------------------------------------

_SDK_CODE_RULES = frozenset({"PM103", "PM105", "PM106", "PM109"})  # v1 SDK imports, clients, calls, errors
_MANIFEST_RULE = "PM104"


def with_manifest_swaps(findings: Sequence[object]) -> list:
    """``findings`` with the v1 SDK dependency of a package.json / requirements file fixable when
    rewrite swaps it (``migrate.manifest_swaps``): when every v1 SDK finding in the code files of
    that package is fixable, and there is at least one import among them."""
    out = list(findings)
    if not any(f.rule == _MANIFEST_RULE and not f.fixable for f in out):
        return out
    import dataclasses
    import os

    from codemods.lang.manifests import ECOSYSTEMS, manifest_ecosystem, package_folder

    for index, finding in enumerate(out):
        ecosystem = manifest_ecosystem(finding.path) if finding.rule == _MANIFEST_RULE else None
        if ecosystem is None or finding.fixable:
            continue
        folder = package_folder(finding.path).rstrip(os.sep) + os.sep
        code = [f for f in out if f.rule in _SDK_CODE_RULES and f.path.lower().endswith(ECOSYSTEMS[ecosystem].sources)
                and os.path.abspath(f.path).startswith(folder)]
        if any(f.rule == "PM103" for f in code) and all(f.fixable for f in code):
            out[index] = dataclasses.replace(finding, fixable=True)
    return out


# --- Python ------------------------------------------------------------------------------------

# Kinds of syntax-layer findings that a rewritten Python call replaces when they are inside it
# (the raw-HTTP and SDK codemods drop customer_uuid, swap the X-API-Key header, move the URL).
_REPLACED_INSIDE_CALLS = frozenset({"customer-uuid-field", "customer-uuid-header", "api-key-header",
                                    "v1-host", "v1-path"})
_CALL_KINDS = frozenset({"sdk-call", "raw-http"})
# Kinds whose text a rewritten span keeps as it is (`os.environ["DING_API_KEY"]` inside a header
# the raw-HTTP codemod rebuilds).
_CARRIED_OVER = frozenset({"config-name", "todo-marker"})


def usage_changes(usage) -> bool:
    """Whether the codemods edit this libcst usage (maybe leaving a TODO at it)."""
    changes = getattr(usage, "changes", None)
    return usage.fixable if changes is None else changes


# libcst usage kinds that a rewritten call replaces when they are inside it
_LIBCST_INSIDE_CALLS = frozenset({"callback-url", "api-key-header", "host"})


def python_usage_fixable(usage, usages: Sequence[object]) -> bool:
    """For a libcst usage of a Python file: whether rewrite changes it."""
    if usage_changes(usage):
        return True
    return (usage.kind in _LIBCST_INSIDE_CALLS and _inside_changed_call(usages, usage.line, usage.column)) \
        or _in_edits(usages, usage.line, usage.column, usage.end_line, usage.end_column)


def _inside_changed_call(usages: Iterable[object], line: int, column: int) -> bool:
    return any(u.kind in _CALL_KINDS and usage_changes(u)
               and (u.line, u.column) <= (line, column) < (u.end_line, u.end_column) for u in usages)


def _in_edits(usages: Iterable[object], line: int, column: int, end_line: int, end_column: int) -> bool:
    """Whether the span overlaps one the codemods change (``Usage.edits``: replaced calls,
    deleted request models, rewritten response reads, the raw-HTTP plan's nodes)."""
    start, end = (line, column), (end_line, end_column)
    return any((a, b) < end and start < (c, d) for u in usages for a, b, c, d in getattr(u, "edits", ()))


def python_fixable(usages: Iterable[object], kind: str, line: int, column: int,
                   end_line: int, end_column: int) -> bool:
    """For a syntax-layer finding of ``kind`` at that span of a Python file: whether the
    codemods replace it (it sits inside a call they rewrite, or in a span they change)."""
    usages = list(usages)
    return (kind in _REPLACED_INSIDE_CALLS and _inside_changed_call(usages, line, column)) \
        or (kind not in _CARRIED_OVER and _in_edits(usages, line, column, end_line, end_column))


__all__ = ["Changes", "LineBlocks", "changes_between", "with_python_fixes", "with_manifest_swaps", "other_language_rewrite", "python_fixable", "python_usage_fixable",
           "span_changed", "usage_changes"]
