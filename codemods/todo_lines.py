"""``# TODO(prelude-migration): ...`` lines above statements, never repeated.

libcst keeps the comments above a module's first statement in ``Module.header``, not in the
statement's ``leading_lines``; both are looked at, or a second run would add the TODO again.
"""
from __future__ import annotations

from typing import Iterable, Set

import libcst as cst

from compat.tables import TODO_MARKER


def todo_comment(text: str) -> str:
    return f"# {TODO_MARKER}: {text}"


def comments_above(statement: cst.CSTNode, module: cst.Module) -> Set[str]:
    """The comment lines already above ``statement`` (the module header for the first one)."""
    lines = list(getattr(statement, "leading_lines", ()))
    if module.body and module.body[0] is statement:
        lines += list(module.header)
    return {line.comment.value for line in lines if line.comment is not None}


def with_todo_lines(statement: cst.CSTNode, texts: Iterable[str], existing: Set[str]) -> cst.CSTNode:
    """``statement`` with a TODO line for each text not already in ``existing``."""
    new = [cst.EmptyLine(comment=cst.Comment(todo_comment(t))) for t in texts if todo_comment(t) not in existing]
    if not new:
        return statement
    return statement.with_changes(leading_lines=[*statement.leading_lines, *new])  # type: ignore[attr-defined]
