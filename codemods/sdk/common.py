"""What the SDK codemods share: the base class (runs the shared detection once per module,
attaches TODO comments to statements without duplicating them) and small CST builders."""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence, Tuple

import libcst as cst
from libcst.metadata import ParentNodeProvider

from codemods.sdk.analysis import analyze
from codemods.core.base import PlainCodemod
from codemods.core.import_requests import _NoCopy
from codemods.core.nodes import code, comments_in, literal_string, string, strings_tuple
from codemods.core.todo import COMMENT_HOSTS, todo_comment, with_comments, without_header_duplicates
from codemods.sdk.model import SDK_TRIGGERS, SdkAnalysis

FSTRING_TODO = "v1 SDK use inside an f-string that uses both quote kinds; rewrite it by hand"



class SdkCodemod(_NoCopy, PlainCodemod):
    """Base of the SDK codemods. Subclasses read ``self.analysis`` (computed on the module as
    it is when this codemod starts) and call ``self.todo(original_node, why)``."""

    TRIGGERS = SDK_TRIGGERS
    METADATA_DEPENDENCIES = (ParentNodeProvider,)

    def has_work(self, analysis: SdkAnalysis) -> bool:
        """Whether this codemod can change anything in a v1 module (skips the rewrite pass)."""
        return True

    def prepare(self, analysis: SdkAnalysis) -> bool:
        """Take the shared analysis of the module about to be visited; whether this codemod has
        anything to do in it (the engine leaves it out of the traversal otherwise)."""
        self.analysis: SdkAnalysis = analysis
        self._comments_above: Dict[cst.CSTNode, List[str]] = {}  # statement -> lines to add above it
        self._fstring_quotes: List[str] = []  # quote characters of the enclosing f-strings
        # original node -> the node as the codemods of the same traversal left it (filled by
        # the engine's batched traversal; empty when this codemod runs alone)
        self.rewritten: Dict[cst.CSTNode, cst.CSTNode] = {}
        return analysis.uses_v1 and self.has_work(analysis)

    def render(self, node: cst.CSTNode) -> str:
        """The source of ``node`` as the traversal has rewritten it so far."""
        return code(self.rewritten.get(node, node))

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        """Alone (libcst's runner, tests): analyse, then visit. ``codemods.engine`` instead
        analyses once per file and batches the codemods' visits."""
        wrapper = self.context.wrapper
        if not self.prepare(analyze(wrapper if wrapper is not None else tree, usages=False)):
            return tree
        return super().transform_module_impl(tree)

    # -- comments above statements ------------------------------------------------------------
    def todo(self, node: cst.CSTNode, why: str) -> None:
        """Ask for `# TODO(prelude-migration): why` above the statement holding `node`."""
        self.comment_above(node, todo_comment(why))

    def keep_comments(self, original: cst.CSTNode) -> None:
        """Comments inside `original`, which is being replaced by generated code, move above
        its statement (`locale="fr-FR",  # French users` inside a v1 request model)."""
        for comment in comments_in(original):
            self.comment_above(original, comment)

    def comment_above(self, node: cst.CSTNode, comment: str) -> None:
        host: Optional[cst.CSTNode] = node
        while host is not None and not isinstance(host, COMMENT_HOSTS):
            host = self.get_metadata(ParentNodeProvider, host, None)
        if host is not None:
            comments = self._comments_above.setdefault(host, [])
            if comment not in comments:
                comments.append(comment)

    # -- f-strings: before Python 3.12 an expression may not reuse the enclosing quote ----------
    # (the nodes on_visit / on_leave handle beyond the visit_/leave_ hooks: the engine's batched
    # traversal calls them on these only, codemods.engine.BatchedTransformer)
    ON_VISIT_TYPES = (cst.FormattedString,)
    ON_LEAVE_TYPES = (cst.FormattedString, *COMMENT_HOSTS, cst.Module)

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.FormattedString):
            self._fstring_quotes.append(node.start.lstrip("rRfFbBuU"))
        return super().on_visit(node)

    @property
    def quote(self) -> Optional[str]:
        """The quote to write string literals with here, or None inside f-strings using both."""
        used = "".join(self._fstring_quotes)
        return next((q for q in ('"', "'") if q not in used), None)

    def map_comparison(self, original: cst.Comparison, updated: cst.Comparison, target: cst.ComparisonTarget,
                       subject: cst.BaseExpression, values: Sequence[str],
                       to_v2: Callable[[str], Tuple[Optional[List[str]], Optional[str]]]) -> cst.BaseExpression:
        """`subject <op> v1 values` -> `subject <op> v2 values`, each value through `to_v2`
        (-> v2 values or None, TODO reason or None). A value with no v2 equivalent keeps the
        comparison as written, under its TODOs."""
        if self.quote is None:
            self.todo(original, FSTRING_TODO)
            return updated
        mapped: List[str] = []
        for value in values:
            v2_values, why = to_v2(value)
            if why:
                self.todo(original, why)
            if v2_values is None:
                return updated
            mapped.extend(v for v in v2_values if v not in mapped)
        return compare_to_values(updated, target, subject, mapped, self.quote)

    def escapes(self, read: cst.BaseExpression, enum_values: Dict[cst.CSTNode, str],
                variables_followed: bool = False) -> bool:
        """Whether a v1 value (an error code, a status) leaves `read` unmapped: returned, stored
        (in a plain variable too, unless `variables_followed`: the detection follows status
        variables, whose reads are judged in turn) or compared with a value not known
        statically. Compared with known values, logged (passed to a call), formatted or tested
        for truth, it does not."""
        parent = self.get_metadata(ParentNodeProvider, read, None)
        if isinstance(parent, cst.Attribute) and parent.attr.value == "value" and parent.value is read:
            return False  # judged at the outer `.value`
        if isinstance(parent, (cst.Arg, cst.FormattedStringExpression, cst.BooleanOperation,
                               cst.UnaryOperation, cst.If, cst.While)):
            return False
        if variables_followed and isinstance(parent, cst.Assign) and len(parent.targets) == 1 \
                and isinstance(parent.targets[0].target, cst.Name):
            return False
        if isinstance(parent, cst.ComparisonTarget):
            parent = self.get_metadata(ParentNodeProvider, parent, None)
        if isinstance(parent, cst.Comparison) and len(parent.comparisons) == 1:
            other = parent.comparisons[0].comparator if parent.left is read else parent.left
            return comparator_values(other, enum_values) is None
        return True

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
        comments = self._comments_above.pop(original_node, None)
        if comments and isinstance(result, COMMENT_HOSTS):
            result = with_comments(result, comments)
        if isinstance(result, cst.Module):
            result = without_header_duplicates(result)
        return result


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


def subject_first(original: cst.Comparison, updated: cst.Comparison, is_subject) -> Optional[Tuple[
        cst.BaseExpression, cst.BaseExpression, cst.ComparisonTarget, cst.BaseExpression]]:
    """(subject as written, subject as rewritten so far, comparison target, other side as
    written) of a one-operator comparison whose subject (`is_subject(node)`, e.g. a v1 status
    read) is on either side: `"valid" == res.status` is read as `res.status == "valid"`. Only
    ==, !=, is and is not are swapped (they are symmetric); None when neither side qualifies."""
    if len(original.comparisons) != 1:
        return None
    target, updated_target = original.comparisons[0], updated.comparisons[0]
    if is_subject(original.left):
        return original.left, updated.left, target, target.comparator
    if isinstance(target.operator, (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot)) and is_subject(target.comparator):
        return target.comparator, updated_target.comparator, target, original.left
    return None


def without_value_suffix(node: cst.BaseExpression) -> cst.BaseExpression:
    """`x.status.value` -> `x.status` (v2 statuses are plain strings)."""
    if isinstance(node, cst.Attribute) and node.attr.value == "value":
        return node.value
    return node
