"""The base of our visitor codemods: a libcst ``VisitorBasedCodemodCommand`` without the matcher
machinery (none of our codemods uses matcher decorators). libcst's set-up scans the class for
them on every instantiation, and its ``on_visit`` looks them up at every node; both are a
measurable part of a run over a v1 file, once per codemod."""
from __future__ import annotations

import libcst as cst
from libcst.codemod import Codemod, CodemodContext, VisitorBasedCodemodCommand


class PlainCodemod(VisitorBasedCodemodCommand):
    def __init__(self, context: CodemodContext) -> None:
        Codemod.__init__(self, context)

    def on_visit(self, node: cst.CSTNode) -> bool:
        return cst.CSTTransformer.on_visit(self, node)

    def on_leave(self, original_node, updated_node):
        return cst.CSTTransformer.on_leave(self, original_node, updated_node)

    # No `visit_<Node>_<attribute>` hooks in our codemods: skip the per-child lookup of one.
    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass
