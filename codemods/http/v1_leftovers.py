"""``v1-leftovers``: a v1 URL that no codemod could rewrite gets a TODO, so that rewritten code
never keeps pointing at the removed v1 API without saying so.

Runs last. A string or f-string whose text is a v1 URL (``api.ding.live`` other than ``/v2``,
see :func:`codemods.http.urls.classify_url`) marks its statement, unless that statement already
carries a ``TODO(prelude-migration)`` (the ``raw-http`` codemod explains the calls it left).
Docstrings are prose and are left alone.
"""
from __future__ import annotations

from typing import Set

import libcst as cst
from libcst.codemod import VisitorBasedCodemodCommand
from libcst.metadata import ParentNodeProvider

from codemods.core.todo import comments_above, with_todo_lines
from codemods.core.nodes import string_value
from codemods.http.urls import DYNAMIC, LEGACY_V2, classify_url
from compat.knowledge.todos import TODO_MARKER

LEFTOVER_TODO = ("api.ding.live/v1 was removed in April 2026 and this use could not be rewritten "
                 "automatically: move it to https://api.prelude.dev/v2 (docs/api-changes.md)")


class V1LeftoversCodemod(VisitorBasedCodemodCommand):
    NAME = "v1-leftovers"
    DESCRIPTION = "A TODO above every remaining api.ding.live/v1 URL that no codemod could rewrite."
    TRIGGERS = (b"api.ding.live",)
    METADATA_DEPENDENCIES = (ParentNodeProvider,)

    def __init__(self, context) -> None:
        super().__init__(context)
        self.marked: Set[cst.CSTNode] = set()

    def _mark(self, node: cst.CSTNode, text: str) -> None:
        if classify_url(text) in (None, LEGACY_V2):
            return
        parent = self.get_metadata(ParentNodeProvider, node, None)
        while isinstance(parent, cst.ConcatenatedString):
            node, parent = parent, self.get_metadata(ParentNodeProvider, parent, None)
        if isinstance(parent, cst.Expr):
            return  # a docstring or a bare string statement
        current = parent
        while current is not None and not isinstance(current, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            current = self.get_metadata(ParentNodeProvider, current, None)
        if current is not None:
            self.marked.add(current)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        text = string_value(node)
        if text is not None:
            self._mark(node, text)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        text = "".join(p.value if isinstance(p, cst.FormattedStringText) else DYNAMIC for p in node.parts)
        self._mark(node, text)

    def visit_Module(self, node: cst.Module) -> None:
        self.current_module = node

    def on_leave(self, original_node, updated_node):
        updated_node = super().on_leave(original_node, updated_node)
        if original_node not in self.marked or not hasattr(updated_node, "leading_lines"):
            return updated_node
        existing = comments_above(original_node, self.current_module)
        if any(TODO_MARKER in comment for comment in existing):
            return updated_node
        return with_todo_lines(updated_node, [LEFTOVER_TODO], existing)
