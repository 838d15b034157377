"""What the SDK codemods share: the base class (runs the shared detection once per module,
attaches TODO comments to statements without duplicating them) and small CST builders."""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence

import libcst as cst
from libcst.codemod import VisitorBasedCodemodCommand
from libcst.metadata import ParentNodeProvider, PositionProvider

from codemods.detect import SDK_TRIGGERS, SdkAnalysis, analyze
from compat.tables import TODO_MARKER

V2_PACKAGE = "prelude_python_sdk"
KEY_TODO = "needs a v2 API key (Bearer); v1 X-API-Key keys are rejected"
FSTRING_TODO = "v1 SDK use inside an f-string that uses both quote kinds; rewrite it by hand"

# Nodes a TODO comment can sit above: statements, plus `except` clauses and `elif`s.
_HOSTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement, cst.ExceptHandler)


class SdkCodemod(VisitorBasedCodemodCommand):
    """Base of the SDK codemods. Subclasses read ``self.analysis`` (computed on the module as
    it is when this codemod starts) and call ``self.todo(original_node, why)``."""

    TRIGGERS = SDK_TRIGGERS
    METADATA_DEPENDENCIES = (ParentNodeProvider, PositionProvider)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        wrapper = self.context.wrapper
        self.analysis: SdkAnalysis = analyze(wrapper) if wrapper is not None else analyze(tree)
        self._todos: Dict[cst.CSTNode, List[str]] = {}
        self._fstring_quotes: List[str] = []  # quote characters of the enclosing f-strings
        if not self.analysis.uses_v1:
            return tree
        return super().transform_module_impl(tree)

    # -- TODO comments ----------------------------------------------------------------------
    def todo(self, node: cst.CSTNode, why: str) -> None:
        """Ask for `# TODO(prelude-migration): why` above the statement holding `node`."""
        host: Optional[cst.CSTNode] = node
        while host is not None and not isinstance(host, _HOSTS):
            host = self.get_metadata(ParentNodeProvider, host, None)
        if host is not None:
            reasons = self._todos.setdefault(host, [])
            if why not in reasons:
                reasons.append(why)

    # -- f-strings: before Python 3.12 an expression may not reuse the enclosing quote ----------
    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.FormattedString):
            self._fstring_quotes.append(node.start.lstrip("rRfFbBuU"))
        return super().on_visit(node)

    @property
    def quote(self) -> Optional[str]:
        """The quote to write string literals with here, or None inside f-strings using both."""
        used = "".join(self._fstring_quotes)
        return next((q for q in ('"', "'") if q not in used), None)

    def is_store(self, node: cst.CSTNode) -> bool:
        """Whether `node` is written or deleted rather than read."""
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, (cst.AssignTarget, cst.Del)):
            return True
        return isinstance(parent, (cst.AugAssign, cst.AnnAssign)) and parent.target is node

    def on_leave(self, original_node, updated_node):  # type: ignore[override]
        if isinstance(original_node, cst.FormattedString):
            self._fstring_quotes.pop()
        result = super().on_leave(original_node, updated_node)
        reasons = self._todos.pop(original_node, None)
        if reasons and isinstance(result, _HOSTS):
            result = with_todos(result, reasons)
        return result


def todo_text(why: str) -> str:
    return f"# {TODO_MARKER}: {why}"


def with_todos(node, reasons: Sequence[str]):
    """`node` with one TODO comment line per reason not already above it."""
    existing = {line.comment.value for line in node.leading_lines if line.comment is not None}
    new_lines = [cst.EmptyLine(comment=cst.Comment(todo_text(r))) for r in reasons
                 if todo_text(r) not in existing]
    if not new_lines:
        return node
    return node.with_changes(leading_lines=[*node.leading_lines, *new_lines])


def string(value: str, quote: str = '"') -> cst.SimpleString:
    """A plain literal (the values written here never contain quotes or backslashes)."""
    return cst.SimpleString(f"{quote}{value}{quote}")


def code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def strings_tuple(values: Sequence[str], quote: str = '"') -> cst.Tuple:
    return cst.Tuple([cst.Element(string(v, quote)) for v in values])


def literal_string(node: cst.CSTNode) -> Optional[str]:
    """The value of a plain (non-bytes, non-f) string literal, else None."""
    if isinstance(node, cst.SimpleString) and "b" not in node.prefix.lower():
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def compare_to_values(comparison: cst.Comparison, target: cst.ComparisonTarget,
                      left: cst.BaseExpression, values: Sequence[str], quote: str = '"') -> cst.Comparison:
    """`left == v` / `left in (v1, v2)` keeping the sense (==, !=, is, is not, in, not in)."""
    negated = isinstance(target.operator, (cst.NotEqual, cst.IsNot, cst.NotIn))
    if len(values) == 1 and not isinstance(target.operator, (cst.In, cst.NotIn)):
        operator: cst.BaseCompOp = cst.NotEqual() if negated else cst.Equal()
        comparator: cst.BaseExpression = string(values[0], quote)
    else:
        operator = cst.NotIn() if negated else cst.In()
        comparator = strings_tuple(values, quote)
    return comparison.with_changes(left=left, comparisons=[cst.ComparisonTarget(operator, comparator)])


def comparator_values(node: cst.BaseExpression, enum_values: Dict[cst.CSTNode, str]) -> Optional[List[str]]:
    """The v1 string values a comparator stands for (a literal, an enum member, or a tuple,
    list or set of them), or None when they are not all statically known."""
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        values: List[str] = []
        for element in node.elements:
            if isinstance(element, cst.StarredElement):
                return None
            inner = comparator_values(element.value, enum_values)
            if inner is None:
                return None
            values.extend(inner)
        return values
    if isinstance(node, cst.Attribute) and node.attr.value == "value" and node.value in enum_values:
        return [enum_values[node.value]]
    if node in enum_values:
        return [enum_values[node]]
    text = literal_string(node)
    return [text] if text is not None else None


def without_value_suffix(node: cst.BaseExpression) -> cst.BaseExpression:
    """`x.status.value` -> `x.status` (v2 statuses are plain strings)."""
    if isinstance(node, cst.Attribute) and node.attr.value == "value":
        return node.value
    return node
