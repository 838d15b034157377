"""Response side of the ``raw-http`` codemod: where the JSON of a v1 response is read in plain
sight (``body["authentication_uuid"]``, ``body["status"] == "valid"``, ``body["code"] in
(...)``), rewrite the read for v2 through the tables; where the response escapes (returned,
passed on, stored), say so with a TODO instead of guessing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import libcst as cst

from codemods.core.mapping import error_code_value_move, line_type_move, status_mapper
from codemods.core.match_cases import mapped_patterns
from compat.knowledge.operations import LOOKUP_FIELD_MOVES

# Response attributes that say nothing about the JSON shape.
# Response attributes that do not carry the JSON body. ``text``/``content`` do (json.loads(r.text)):
# a read through them is one this tool cannot see, so they make the response escape.
NEUTRAL_RESPONSE_ATTRS = frozenset({
    "status_code", "ok", "raise_for_status", "headers", "is_success", "is_error", "reason",
    "reason_phrase", "elapsed", "url", "close", "request", "encoding", "cookies",
})
RENAMED_ID = {"authentication_uuid": "id"}  # v1 id -> v2 verification id (create, check, retry)
GONE_FIELDS = {
    "create": {"created_at": "the v2 create response has no created_at",
               "expires_at": "the v2 create response has no expires_at (see verification history)"},
    "retry": {"created_at": "the v2 retry (create) response has no created_at",
              "next_retry_at": "v2 has no next_retry_at; a premature retry is refused instead",
              "remaining_retry": "v2 has no remaining_retry"},
}
ERROR_FIELDS_GONE = {"doc_url": "v2 error bodies have no doc_url (they carry code and message)"}


@dataclass
class Read:
    key: str
    node: cst.BaseExpression  # the Subscript or the .get(...) Call
    key_node: cst.SimpleString
    receiver: cst.BaseExpression  # what is subscripted
    is_get: bool


@dataclass
class ReadPlan:
    replacements: Dict[cst.CSTNode, cst.CSTNode] = field(default_factory=dict)
    todos: List[Tuple[cst.CSTNode, str]] = field(default_factory=list)  # (node inside a statement, text)
    visible: bool = True


class ResponseReads:
    """Finds and rewrites the reads of one call's response, given parent and scope lookups."""

    def __init__(self, parent: Callable[[cst.CSTNode], Optional[cst.CSTNode]],
                 accesses: Callable[[cst.Name], Optional[Sequence[cst.Name]]],
                 render: Callable[[cst.CSTNode], str]) -> None:
        self.parent = parent
        self.accesses = accesses
        self.render = render

    # -- discovery

    def _json_reads(self, json_expr: cst.BaseExpression, reads: List[Read]) -> bool:
        """Reads of the decoded JSON ``json_expr``; False when it escapes."""
        parent = self.parent(json_expr)
        read = self._as_read(json_expr, parent)
        if read is not None:
            reads.append(read)
            return True
        if _single_name_assign(parent):
            names = self.accesses(parent.targets[0].target)
            if names is None:
                return False
            for name in names:
                read = self._as_read(name, self.parent(name))
                if read is None:
                    return False
                reads.append(read)
            return True
        return False

    def _as_read(self, receiver: cst.BaseExpression, parent: Optional[cst.CSTNode]) -> Optional[Read]:
        if isinstance(parent, cst.Subscript) and parent.value is receiver and len(parent.slice) == 1:
            index = parent.slice[0].slice
            if isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString):
                key = index.value.evaluated_value
                if isinstance(key, str):
                    return Read(key, parent, index.value, receiver, False)
        if isinstance(parent, cst.Attribute) and parent.attr.value == "get":
            call = self.parent(parent)
            if isinstance(call, cst.Call) and call.args and isinstance(call.args[0].value, cst.SimpleString):
                key = call.args[0].value.evaluated_value
                if isinstance(key, str):
                    return Read(key, call, call.args[0].value, receiver, True)
        return None

    def find(self, call: cst.Call) -> Optional[List[Read]]:
        """The reads of ``call``'s JSON, [] when the result is discarded, None when it escapes."""
        node: cst.CSTNode = call
        parent = self.parent(node)
        if isinstance(parent, cst.Await):
            node, parent = parent, self.parent(parent)
        reads: List[Read] = []
        if isinstance(parent, cst.Expr):
            return reads
        if isinstance(parent, cst.Attribute) and parent.attr.value == "json":
            json_call = self.parent(parent)
            if isinstance(json_call, cst.Call):
                return reads if self._json_reads(json_call, reads) else None
            return None
        if _single_name_assign(parent):
            names = self.accesses(parent.targets[0].target)
            if names is None:
                return None
            for name in names:
                attr = self.parent(name)
                if not isinstance(attr, cst.Attribute):
                    return None
                if attr.attr.value in NEUTRAL_RESPONSE_ATTRS:
                    continue
                json_call = self.parent(attr)
                if attr.attr.value != "json" or not isinstance(json_call, cst.Call):
                    return None
                if not self._json_reads(json_call, reads):
                    return None
            return reads
        return None

    # -- rewriting

    def plan_json(self, json_call: cst.Call, operation: str, result: ReadPlan) -> bool:
        """Plan the reads of one decoded JSON (``x.json()``) into ``result``; False when it escapes."""
        reads: List[Read] = []
        if not self._json_reads(json_call, reads):
            return False
        for read in reads:
            self._rewrite_read(read, operation, result)
        return True

    def plan(self, call: cst.Call, operation: str) -> ReadPlan:
        result = ReadPlan()
        reads = self.find(call)
        if reads is None:
            result.visible = False
            return result
        for read in reads:
            self._rewrite_read(read, operation, result)
        return result

    def _rename_key(self, read: Read, new_key: str, result: ReadPlan) -> None:
        quote = read.key_node.quote if read.key_node.quote in ("'", '"') else '"'
        result.replacements[read.key_node] = read.key_node.with_changes(
            value=read.key_node.prefix + quote + new_key + quote)

    def _rewrite_read(self, read: Read, operation: str, result: ReadPlan) -> None:
        key = read.key
        if key in RENAMED_ID and operation in ("create", "check", "retry"):
            self._rename_key(read, RENAMED_ID[key], result)
            return
        if key in GONE_FIELDS.get(operation, {}):
            result.todos.append((read.node, GONE_FIELDS[operation][key]))
            return
        if key in ERROR_FIELDS_GONE:
            result.todos.append((read.node, ERROR_FIELDS_GONE[key]))
            return
        if key == "code":
            self._rewrite_values(read, error_code_value_move, "v1 error codes changed in v2 (see docs/api-changes.md)", result)
            return
        if operation == "lookup":
            self._rewrite_lookup_read(read, result)
            return
        if key == "status":
            mapping = status_mapper(operation)
            if mapping is not None:
                self._rewrite_values(read, mapping, f"v1 {operation} status values changed in v2", result)

    def _rewrite_lookup_read(self, read: Read, result: ReadPlan) -> None:
        move = LOOKUP_FIELD_MOVES.get(read.key)
        if move is None or move == read.key:
            if read.key == "line_type":
                self._rewrite_values(read, line_type_move, "v2 line_type values are snake_case "
                                     "(FixedLine -> fixed_line, Mobile -> mobile, ...)", result)
            return
        quote = read.key_node.quote if read.key_node.quote in ("'", '"') else '"'
        receiver = self.render(read.receiver)
        if move.startswith("flags:"):
            flag = move.split(":", 1)[1]
            new = f"({quote}{flag}{quote} in {receiver}.get({quote}flags{quote}, []))"
        else:
            section, sub = move.split(".", 1)
            if read.is_get:
                rest = "".join(", " + self.render(a.value) for a in read.node.args[1:])  # type: ignore[union-attr]
                new = f"{receiver}.get({quote}{section}{quote}, {{}}).get({quote}{sub}{quote}{rest})"
            else:
                new = f"{receiver}[{quote}{section}{quote}][{quote}{sub}{quote}]"
        result.replacements[read.node] = cst.parse_expression(new)

    def _rewrite_values(self, read: Read, mapping, unseen_todo: str, result: ReadPlan) -> None:
        """Rewrite a comparison of the read against literals; TODO when it is not one."""
        comparison = self.parent(read.node)
        if isinstance(comparison, cst.Match) and comparison.subject is read.node:
            self._rewrite_cases(comparison, mapping, unseen_todo, result)
            return
        if not isinstance(comparison, (cst.Comparison, cst.ComparisonTarget)):
            result.todos.append((read.node, unseen_todo))
            return
        if isinstance(comparison, cst.ComparisonTarget):
            target_parent = self.parent(comparison)
            if not isinstance(target_parent, cst.Comparison):
                return
            comparison = target_parent
        if len(comparison.comparisons) != 1:
            result.todos.append((read.node, unseen_todo))
            return
        target = comparison.comparisons[0]
        operator = target.operator
        if comparison.left is read.node:
            literal_node = target.comparator
            reversed_form = False
        elif target.comparator is read.node:
            literal_node = comparison.left
            reversed_form = True
        else:
            return
        values = _literals(literal_node)
        if values is None or not isinstance(operator, (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)):
            result.todos.append((read.node, unseen_todo))
            return
        if reversed_form and not isinstance(operator, (cst.Equal, cst.NotEqual)):
            result.todos.append((read.node, unseen_todo))
            return
        new_values: List[str] = []
        notes: List[str] = []
        for value in values:
            mapped, note = mapping(value)
            if note:
                notes.append(note)
            if mapped is None:
                for n in notes:
                    result.todos.append((comparison, n))
                return
            new_values.extend(v for v in mapped if v not in new_values)
        for note in notes:
            result.todos.append((comparison, note))
        quote = _quote(literal_node)
        if len(new_values) == 1 and isinstance(operator, (cst.Equal, cst.NotEqual)):
            result.replacements[literal_node] = cst.SimpleString(f"{quote}{new_values[0]}{quote}")
            return
        if new_values == values and isinstance(operator, (cst.In, cst.NotIn)):
            return
        negated = isinstance(operator, (cst.NotEqual, cst.NotIn))
        items = ", ".join(f"{quote}{v}{quote}" for v in new_values)
        tuple_code = f"({items},)" if len(new_values) == 1 else f"({items})"
        read_code = self.render(read.node)
        new = f"{read_code} {'not in' if negated else 'in'} {tuple_code}"
        result.replacements[comparison] = cst.parse_expression(new).with_changes(
            lpar=comparison.lpar, rpar=comparison.rpar)

    @staticmethod
    def _rewrite_cases(match: cst.Match, mapping, unseen_todo: str, result: ReadPlan) -> None:
        """`match body["status"]: case "valid": ...`: each case like a comparison."""
        def value_of(node: cst.BaseExpression) -> Optional[str]:
            values = _literals(node) if isinstance(node, cst.SimpleString) else None
            return values[0] if values else None

        patterns, notes = mapped_patterns(match, value_of, mapping, '"')
        result.todos += [(match.subject, note) for note in (notes if patterns is not None else notes or [unseen_todo])]
        result.replacements.update(patterns or {})


def _single_name_assign(node: Optional[cst.CSTNode]) -> bool:
    return isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name)


def _literals(node: cst.BaseExpression) -> Optional[List[str]]:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return [value] if isinstance(value, str) else None
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        values = []
        for element in node.elements:
            if not isinstance(element, cst.Element) or not isinstance(element.value, cst.SimpleString):
                return None
            value = element.value.evaluated_value
            if not isinstance(value, str):
                return None
            values.append(value)
        return values
    return None


def _quote(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.SimpleString):
        return node.quote if node.quote in ("'", '"') else '"'
    for element in getattr(node, "elements", ()):
        if isinstance(getattr(element, "value", None), cst.SimpleString):
            return _quote(element.value)
    return '"'
