"""``rewrite_source(language, source, path)``: the per-file entry point of the non-Python
rewrites. Plain Python in, plain (picklable) data out, so ``migrate.rewrite`` can run it in a
worker process.

Two phases on one file:

1. parse once; collect the edits of every rewrite that applies (the safe host/docs moves in
   every language, the JS/TS raw-HTTP and SDK migrations) with the TODOs those rewrites leave
   where they stop; apply them all in one pass;
2. ask the per-language detection layer (``codemods.syntax``) which v1 usages are still in the
   result and put ONE ``TODO(prelude-migration)`` comment, in the language's comment syntax,
   above each statement holding one, unless a TODO is already there. Formats without comments
   (JSON) get no comment: their lines are returned in ``unmarked`` for the summary.

A file that does not parse is returned untouched with ``error`` set.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection, List, Optional, Sequence, Tuple

from codemods.lang import marks as v1_marks
from codemods.lang.edits import Edit, Mark, Plan, apply_edits, todo_insertions
from codemods.lang.facts import TODO_MARKER
from codemods.syntax.languages import LANGUAGES, Language
from codemods.lang.syntax_tree import ParseError, Tree, parse
from codemods.lang.text_formats import scan_text


@dataclass
class LangResult:
    new_source: str
    todos: Tuple[Tuple[int, str], ...] = ()  # (1-based line in new_source, text) of each TODO added
    edits: Tuple[str, ...] = ()  # names of the rewrites that changed something, once each
    error: Optional[str] = None
    unmarked: Tuple[Tuple[int, str], ...] = ()  # (1-based line, why): v1 usages in formats without comments
    todos_total: int = 0  # TODO markers in new_source (old and new)
    language: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.edits) or bool(self.todos)


def read_tree(source: str, language: Language) -> Tree:
    if language.grammar is None:
        return scan_text(source, language)
    return parse(source, language)


def _rewriters(language: Language, selected: Optional[Collection[str]]):
    """(name, plan(tree, path)) of the selected rewriters (names of ``LANG_REWRITERS``) for it."""
    from codemods.lang.safe_moves import safe_edits

    def chosen(name: str) -> bool:
        return selected is None or name in selected

    if chosen("lang-hosts"):
        yield lambda tree, path: Plan(edits=safe_edits(tree))
    if language.name in ("javascript", "typescript", "tsx"):
        if chosen("js-raw-http"):
            from codemods.lang.js.raw_http import plan_raw_http

            yield lambda tree, path: plan_raw_http(tree)
        if chosen("js-sdk"):
            from codemods.lang.js.sdk import plan_sdk

            yield lambda tree, path: plan_sdk(tree)


def rewrite_source(language: str, source: str, path: str = "<string>",
                   extra_detect: Optional[Callable[[str], Sequence[Tuple[int, str]]]] = None,
                   rewriters: Optional[Collection[str]] = None) -> LangResult:
    """Rewrite ``source`` (written in ``language``, a key of ``LANGUAGES``) with the
    ``rewriters`` named (keys of ``codemods.lang.registry.LANG_REWRITERS``; None: all).

    ``extra_detect(text) -> [(1-based line, TODO text)]`` adds usages another detector sees
    (``prelude-migrate rewrite`` passes the scanner's findings, e.g. dependency manifests), so
    that every line the scanner flags ends up rewritten or below a TODO."""
    lang = LANGUAGES.get(language)
    if lang is None:
        return LangResult(source, error=f"unknown language {language!r}", language=language)
    try:
        tree = read_tree(source, lang)
    except ParseError as exc:
        return LangResult(source, error=f"cannot parse as {lang.name}: {exc}", language=language,
                          todos_total=source.count(TODO_MARKER))
    edits: List[Edit] = []
    marks: List[Mark] = []
    for rewriter in _rewriters(lang, rewriters):
        plan = rewriter(tree, path)
        edits += plan.edits
        marks += plan.marks
    todo_edits, _ = todo_insertions(source, marks, lang, tree.protected_lines, tree.statement_start)
    first = apply_edits(source, edits + todo_edits)
    second_tree = tree if first == source else _reparse(first, lang)
    if second_tree is None:  # a rewrite produced text that does not parse: keep the original
        return LangResult(source, error=f"internal error: the rewritten {lang.name} does not parse; not changed",
                          language=language, todos_total=source.count(TODO_MARKER))
    mark_left = rewriters is None or "lang-todos" in rewriters
    left = v1_marks.detect(lang, first, path, second_tree) if mark_left else []
    if extra_detect is not None and mark_left:
        seen = {m.line for m in left}
        lines = first.splitlines()
        left += [Mark(line - 1, text) for line, text in extra_detect(first)
                 if line - 1 not in seen and not (line <= len(lines) and TODO_MARKER in lines[line - 1])]
    unmarked: Tuple[Tuple[int, str], ...] = ()
    if not lang.has_comments:
        unmarked = tuple(sorted({(m.line + 1, m.text) for m in left + marks}))
        left = []
    final_edits, _ = todo_insertions(first, left, lang, second_tree.protected_lines,
                                     second_tree.statement_start)
    new_source = apply_edits(first, final_edits)
    todos = _new_todo_lines(source, new_source)
    names = tuple(dict.fromkeys(e.what for e in edits))
    return LangResult(new_source, todos, names, None, unmarked, new_source.count(TODO_MARKER), language)


def _reparse(source: str, language: Language) -> Optional[Tree]:
    try:
        return read_tree(source, language)
    except ParseError:
        return None


def _new_todo_lines(before: str, after: str) -> Tuple[Tuple[int, str], ...]:
    """(1-based line, text) of the TODO lines in ``after`` that ``before`` did not have."""
    old = {}
    for line in before.splitlines():
        if TODO_MARKER in line:
            old[line] = old.get(line, 0) + 1
    out = []
    for number, line in enumerate(after.splitlines(), 1):
        if TODO_MARKER not in line:
            continue
        if old.get(line):
            old[line] -= 1
            continue
        out.append((number, line.split(TODO_MARKER, 1)[1].lstrip(": ").rstrip(" ->").strip()))
    return tuple(out)
