"""What the SDK codemods will change in one module, for the scanner's ``fixable`` (a finding is
fixable exactly when ``prelude-migrate rewrite`` changes its span): nothing is rewritten.

- ``sdk-calls``: the nodes each call's plan replaces or deletes (:func:`codemods.sdk.calls.planned_changes`,
  the plan the codemod itself takes);
- ``sdk-responses``: the response reads it renames (:func:`codemods.sdk.responses.renamed_response_field`)
  and the status comparisons it maps (:func:`codemods.sdk.responses.v2_status_values`);
- ``sdk-errors``: the v1 error classes it replaces and the error-code comparisons it maps;
- ``sdk-imports``: a v1 import changes when a name it binds is left unread (every read of it is
  in code the codemods above replace, or in an annotation / ``isinstance`` it rewrites).

Spans are ``(line, column, end_line, end_column)``, 1-based, end exclusive (``Usage.edits``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider, ScopeProvider

from codemods.sdk.calls import planned_changes
from codemods.sdk.common import comparator_values
from codemods.sdk.errors import HandlerLookup
from codemods.sdk.imports import in_rewritable_place
from codemods.sdk.responses import STATUS_KINDS, mapped_match, renamed_response_field, v2_status_values

Span = Tuple[int, int, int, int]
_SYMMETRIC = (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot)


@dataclass
class SdkEdits:
    call_edits: Dict[cst.Call, Tuple[Span, ...]] = field(default_factory=dict)  # its plan's spans
    changed_calls: Set[cst.Call] = field(default_factory=set)  # calls the plan rewrites or removes
    op_edits: Dict[str, List[Span]] = field(default_factory=dict)  # operation -> reads/comparisons of its result
    error_code_edits: Dict[cst.CSTNode, Span] = field(default_factory=dict)  # errors.Code.X -> its comparison
    changed_imports: Set[cst.CSTNode] = field(default_factory=set)  # v1 imports that lose a name


def sdk_edits(wrapper: MetadataWrapper, analysis) -> SdkEdits:
    """The edits of the SDK codemods in ``wrapper``'s module (``analysis``: its shared analysis)."""
    return _Edits(wrapper, analysis).run()


class _Edits:
    def __init__(self, wrapper: MetadataWrapper, analysis) -> None:
        self.a = analysis
        self.positions = wrapper.resolve(PositionProvider)
        self.parents = wrapper.resolve(ParentNodeProvider)
        self.scopes = wrapper.resolve(ScopeProvider)
        self.wrapper = wrapper
        self.handlers = HandlerLookup(analysis, self.parents.get)  # sdk-errors' decision
        self.result = SdkEdits()
        self.removed: List[Tuple[cst.CSTNode, List[str]]] = []  # (replaced node, texts written there)

    def span(self, node: cst.CSTNode, start_after: Optional[cst.CSTNode] = None) -> Span:
        pos = self.positions[node]
        start = self.positions[start_after].end if start_after is not None else pos.start
        return start.line, start.column + 1, pos.end.line, pos.end.column + 1

    def run(self) -> SdkEdits:
        r, a = self.result, self.a
        for call, (nodes, texts) in planned_changes(self.wrapper, a).items():
            r.call_edits[call] = tuple(self.span(node) for node in nodes)
            if nodes:
                r.changed_calls.add(call)
            self.removed += [(node, texts) for node in nodes]
        self._responses()
        self._errors()
        self._imports()
        return r

    # -- sdk-responses ---------------------------------------------------------------------------
    def _responses(self) -> None:
        a, edits = self.a, self.result.op_edits
        for node, op in a.payload_refs.items():
            if isinstance(node, cst.Attribute) and node.value not in a.payload_refs:
                edits.setdefault(op, []).append(self.span(node, node.value))  # `res.create_check_response` -> `res`
            parent = self.parents.get(node)
            if isinstance(parent, cst.Attribute) and parent.value is node:
                if renamed_response_field(op, parent.attr.value):
                    edits.setdefault(op, []).append(self.span(parent.attr))
                if op == "lookup" and parent.attr.value == "line_type":
                    self._status_comparison(parent, "line-type", op)
        for node, op in a.status_refs.items():
            if op in STATUS_KINDS:
                self._status_comparison(node, STATUS_KINDS[op], op)

    def _comparison(self, subject: cst.CSTNode):
        """(comparison, the other side) when ``subject`` (maybe with `.value`) is one side of a
        one-operator comparison (the other side first only for symmetric operators)."""
        parent = self.parents.get(subject)
        if isinstance(parent, cst.Attribute) and parent.attr.value == "value" and parent.value is subject:
            subject, parent = parent, self.parents.get(parent)
        if isinstance(parent, cst.Comparison) and parent.left is subject and len(parent.comparisons) == 1:
            return parent, parent.comparisons[0].comparator
        if isinstance(parent, cst.ComparisonTarget) and parent.comparator is subject:
            comparison = self.parents.get(parent)
            if isinstance(comparison, cst.Comparison) and len(comparison.comparisons) == 1 \
                    and isinstance(parent.operator, _SYMMETRIC):
                return comparison, comparison.left
        return None, None

    def _status_comparison(self, subject: cst.CSTNode, kind: str, op: str) -> None:
        read, parent = subject, self.parents.get(subject)
        if isinstance(parent, cst.Attribute) and parent.attr.value == "value" and parent.value is subject:
            read, parent = parent, self.parents.get(parent)
        if isinstance(parent, cst.Match) and parent.subject is read:  # `match res...status:` (its cases)
            for pattern in (mapped_match(parent, kind, self.a.enum_refs)[0] or {}):
                self.result.op_edits.setdefault(op, []).append(self.span(pattern))
                self.removed.append((pattern, []))
            return
        comparison, other = self._comparison(subject)
        if comparison is None:
            return
        values = comparator_values(other, {n: ref.value for n, ref in self.a.enum_refs.items()})
        if values and all(v2_status_values(kind, value)[0] for value in values):
            self.result.op_edits.setdefault(op, []).append(self.span(other))
            self.removed.append((other, []))

    # -- sdk-errors ------------------------------------------------------------------------------
    def _errors(self) -> None:
        a = self.a
        for node in a.error_refs:
            parent = self.parents.get(node)
            if not (isinstance(parent, cst.Call) and parent.func is node):  # a v1 error built: kept
                self.removed.append((node, []))
        for node, ref in a.enum_refs.items():
            if ref.kind != "error-code":
                continue
            comparison, other = self._comparison(node)
            if comparison is not None and self._code_read(other):
                self.result.error_code_edits[node] = self.span(comparison)
                self.removed.append((comparison, []))

    def _code_read(self, node: cst.CSTNode) -> bool:
        """`e.code` (or `e.code.value`) of a caught v1 error, by sdk-errors' own lookup."""
        return self.handlers.code_read(node, self.handlers.open_handlers(node)) is not None

    # -- sdk-imports -----------------------------------------------------------------------------
    def _imports(self) -> None:
        for imp in self.a.imports:
            scope = self.scopes.get(imp)
            if scope is None or (isinstance(imp, cst.ImportFrom) and isinstance(imp.names, cst.ImportStar)):
                continue
            bindings = [b for b in scope.assignments if getattr(b, "node", None) is imp]
            if any(not any(self._survives(access.node, b.name) for access in b.references) for b in bindings):
                self.result.changed_imports.add(imp)

    def _survives(self, node: cst.CSTNode, name: str) -> bool:
        """Whether this read of an imported name is still in the rewritten module."""
        if in_rewritable_place(node, self.parents.get):
            return False
        for call in self.a.clients:  # `ding.Ding(...)` -> `Prelude(...)` (sdk-client)
            if _inside(node, call.func, self.parents):
                return False
        word = re.compile(rf"\b{re.escape(name.split('.')[0])}\b")
        for replaced, texts in self.removed:
            if _inside(node, replaced, self.parents):
                return any(word.search(text) for text in texts)
        return True


def _inside(node: cst.CSTNode, ancestor: cst.CSTNode, parents) -> bool:
    while node is not None and node is not ancestor:
        node = parents.get(node)
    return node is ancestor


__all__ = ["SdkEdits", "Span", "sdk_edits"]
