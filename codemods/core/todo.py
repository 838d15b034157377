"""The one ``# TODO(prelude-migration): ...`` mechanism: comment lines above statements, never
repeated.

libcst keeps the comments above a module's first statement in ``Module.header``, not in the
statement's ``leading_lines``; both are looked at, or a second run would add the TODO again.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence, Set

import libcst as cst

from compat.knowledge.todos import TODO_MARKER

# Nodes a comment line can sit above: statements, plus `except` clauses and `elif`s.
COMMENT_HOSTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement, cst.ExceptHandler)


def todo_comment(why: str) -> str:
    """``# TODO(prelude-migration): why``."""
    return f"# {TODO_MARKER}: {why}"


def comments_above(statement: cst.CSTNode, module: cst.Module) -> Set[str]:
    """The comment lines already above ``statement`` (the module header for the first one)."""
    lines = list(getattr(statement, "leading_lines", ()))
    if module.body and module.body[0] is statement:
        lines += list(module.header)
    return {line.comment.value for line in lines if line.comment is not None}


def with_comments(node, comments: Sequence[str], existing: Optional[Set[str]] = None):
    """``node`` with one line per comment not in ``existing`` (default: the comments already
    in its leading lines)."""
    if existing is None:
        existing = {line.comment.value for line in node.leading_lines if line.comment is not None}
    new_lines = [cst.EmptyLine(comment=cst.Comment(c)) for c in comments if c not in existing]
    if not new_lines:
        return node
    return node.with_changes(leading_lines=[*node.leading_lines, *new_lines])


def with_todo_lines(statement: cst.CSTNode, texts: Iterable[str], existing: Set[str]) -> cst.CSTNode:
    """``statement`` with a TODO line for each text not already in ``existing``."""
    return with_comments(statement, [todo_comment(t) for t in texts], existing)


def without_header_duplicates(module: cst.Module) -> cst.Module:
    """Comments above the first statement are parsed into the module header, so a TODO added
    there on an earlier run is not in its leading lines: drop the copy (keeps re-runs stable)."""
    if not module.body:
        return module
    header = {line.comment.value for line in module.header if line.comment is not None}
    first = module.body[0]
    kept = [line for line in first.leading_lines
            if line.comment is None or not line.comment.value.startswith(todo_comment(""))
            or line.comment.value not in header]
    if len(kept) == len(first.leading_lines):
        return module
    return module.with_changes(body=[first.with_changes(leading_lines=kept), *module.body[1:]])
