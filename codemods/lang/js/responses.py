"""Reads of a v1 response in the function that made the call, moved to the v2 response:
``authentication_uuid`` -> ``id``, status comparisons and ``switch`` cases through the status
tables, lookup fields to where v2 keeps them. A read this tool cannot follow (the response is
returned, passed on, printed whole, or a status used other than in a comparison) gets a TODO.

Where the response data is: ``const d = await res.json()`` after ``const res = await fetch(...)``;
``const { data } = await axios...`` or ``res.data``; ``await got(...).json()`` / ``ky(...).json()``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from codemods.lang.edits import Edit, Mark
from codemods.lang.js.nodes import declarator_of, enclosing_function, line_of, span, statement_of, string_value
from codemods.lang.js.todo_texts import (
    HIDDEN_RESPONSE_TODO, LINE_TYPE_TODO, NO_V2_FIELD_TODO, NO_V2_STATUS_TODO, STATUS_READ_TODO)
from compat.knowledge.operations import LOOKUP_FIELD_MOVES
from codemods.core.mapping import status_mapper
from compat.knowledge.statuses import CHECK_STATUS_V1_TO_V2, CREATE_STATUS_V1_TO_V2, RETRY_STATUS_V1_TO_V2

_HTTP_RESPONSE_ATTRS = frozenset({"ok", "status", "statusText", "headers", "url", "redirected"})
_COMPARISONS = frozenset({"===", "==", "!==", "!="})
_NO_V2_FIELDS = {"create": ("created_at", "expires_at"), "retry": ("created_at", "next_retry_at", "remaining_retry")}
ID_FIELD_V1, ID_FIELD_V2 = "authentication_uuid", "id"


def status_move(op: str, v1: str) -> Optional[Tuple[Tuple[str, ...], Optional[str]]]:
    """None when ``v1`` is no v1 status of ``op``; else (the v2 statuses a comparison with it
    accepts, () when v2 has none; the TODO when the move is not exact). The one status policy of
    the codemods (``codemods.core.mapping``), as in Python."""
    table = {"create": CREATE_STATUS_V1_TO_V2, "check": CHECK_STATUS_V1_TO_V2, "retry": RETRY_STATUS_V1_TO_V2}.get(op)
    mapper = status_mapper(op)
    if table is None or mapper is None or v1 not in table:
        return None
    values, todo = mapper(v1)
    return tuple(values or ()), todo


def v2_statuses(op: str, v1: str) -> Optional[Tuple[str, ...]]:
    """The v2 statuses of :func:`status_move` alone."""
    move = status_move(op, v1)
    return None if move is None else move[0]


@dataclass
class Reads:
    edits: List[Edit] = field(default_factory=list)
    marks: List[Mark] = field(default_factory=list)
    data_names: List[str] = field(default_factory=list)  # variables holding the response data
    id_names: List[str] = field(default_factory=list)  # variables holding the create's authentication_uuid
    id_exprs: List[Tuple[int, int]] = field(default_factory=list)  # spans of `<data>.authentication_uuid`


def _declared_name(expr) -> Tuple[Optional[str], Optional[object]]:
    """(plain name, object pattern) that ``expr`` (a call, maybe awaited) is assigned to."""
    node = expr
    parent = node.parent()
    while parent is not None and parent.kind() in ("await_expression", "parenthesized_expression"):
        node, parent = parent, parent.parent()
    if parent is None or parent.kind() != "variable_declarator":
        return None, None
    name = parent.field("name")
    if name is None:
        return None, None
    if name.kind() == "identifier":
        return name.text(), None
    if name.kind() == "object_pattern":
        return None, name
    return None, None


def _is_discarded(expr) -> bool:
    node, parent = expr, expr.parent()
    while parent is not None and parent.kind() in ("await_expression", "parenthesized_expression"):
        node, parent = parent, parent.parent()
    return parent is not None and parent.kind() == "expression_statement"


def _refs_after(scope, name: str, after: int) -> List[object]:
    return [n for n in scope.find_all(kind="identifier")
            if n.text() == name and span(n)[0] >= after and declarator_of(n) is None]


def snake(name: str) -> str:
    """``authenticationUuid`` -> ``authentication_uuid`` (the v1 JS SDK's field names)."""
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


# The fields of each v1 response (wire names): a read of anything else through the v1 JS SDK is
# a wrapper (``res.createAuthenticationResponse``) or an error this tool cannot follow.
V1_RESPONSE_FIELDS = {
    "create": ("authentication_uuid", "status", "created_at", "expires_at"),
    "check": ("authentication_uuid", "status"),
    "retry": ("authentication_uuid", "status", "created_at", "next_retry_at", "remaining_retry"),
    "lookup": tuple(LOOKUP_FIELD_MOVES),
}


class _Reader:
    def __init__(self, op: str, scope, reads: Reads, camel: bool = False):
        self.op, self.scope, self.reads, self.camel = op, scope, reads, camel

    def wire(self, name: str) -> str:
        return snake(name) if self.camel else name

    def mark(self, node, text: str) -> None:
        self.reads.marks.append(Mark(line_of(statement_of(node)), text))

    def escape(self, node) -> None:
        if self.op in HIDDEN_RESPONSE_TODO:
            self.mark(node, HIDDEN_RESPONSE_TODO[self.op])

    # --- the response data ------------------------------------------------------------------

    def data(self, name: str, after: int) -> None:
        self.reads.data_names.append(name)
        for ref in _refs_after(self.scope, name, after):
            self.data_use(ref)

    def data_use(self, ref) -> None:
        parent = ref.parent()
        if parent is not None and parent.kind() == "member_expression" and span(parent.field("object")) == span(ref):
            self.field_read(parent, parent.field("property"))
            return
        if parent is not None and parent.kind() == "variable_declarator" and parent.field("value") is not None \
                and span(parent.field("value")) == span(ref) and parent.field("name").kind() == "object_pattern":
            self.pattern(parent.field("name"), span(parent)[1])
            return
        self.escape(ref)

    def field_read(self, member, prop) -> None:
        name = self.wire(prop.text())
        if self.camel and name not in V1_RESPONSE_FIELDS.get(self.op, ()):
            self.escape(member)
            return
        if self.camel and self.op == "lookup" and "." not in LOOKUP_FIELD_MOVES.get(name, ".") \
                and not LOOKUP_FIELD_MOVES[name].startswith("flags:") and name != prop.text():
            self.reads.edits.append(Edit(*span(prop), LOOKUP_FIELD_MOVES[name], "response"))
            return
        if name == ID_FIELD_V1 and self.op in ("create", "check", "retry"):
            self.reads.edits.append(Edit(*span(prop), ID_FIELD_V2, "response"))
            if self.op == "create":
                self.reads.id_exprs.append(span(member))
                holder = declarator_of_value(member)
                if holder is not None:
                    self.reads.id_names.append(holder)
        elif name == "status" and self.op in ("create", "check", "retry"):
            self.status_use(member)
        elif name in _NO_V2_FIELDS.get(self.op, ()):
            self.mark(member, NO_V2_FIELD_TODO.format(op=self.op, field=name))
        elif self.op == "lookup":
            self.lookup_read(member, prop, name)

    def lookup_read(self, member, prop, name: str) -> None:
        moved = LOOKUP_FIELD_MOVES.get(name)
        if name == "line_type":
            self.mark(member, LINE_TYPE_TODO)
        elif moved and moved.startswith("flags:"):
            obj = member.field("object").text()
            self.reads.edits.append(Edit(*span(member), f'({obj}.flags ?? []).includes("{moved[6:]}")', "response"))
        elif moved and moved != name and "." in moved:
            section, key = moved.split(".", 1)
            self.reads.edits.append(Edit(*span(prop), f"{section}?.{key}", "response"))

    def pattern(self, pattern, after: int) -> None:
        for child in pattern.named_children():
            kind = child.kind()
            if kind == "shorthand_property_identifier_pattern":
                key, local = child.text(), child.text()
                key_node = child
            elif kind == "pair_pattern" and child.field("key").kind() == "property_identifier":
                key_node, value = child.field("key"), child.field("value")
                key = key_node.text()
                local = value.text() if value is not None and value.kind() == "identifier" else None
            else:
                self.escape(child)
                continue
            key = self.wire(key)
            if self.camel and key not in V1_RESPONSE_FIELDS.get(self.op, ()):
                self.escape(child)
                continue
            if key == ID_FIELD_V1 and self.op in ("create", "check", "retry"):
                if kind == "shorthand_property_identifier_pattern":
                    self.reads.edits.append(Edit(*span(key_node), f"{ID_FIELD_V2}: {key_node.text()}", "response"))
                else:
                    self.reads.edits.append(Edit(*span(key_node), ID_FIELD_V2, "response"))
                if self.op == "create" and local:
                    self.reads.id_names.append(local)
            elif key == "status" and self.op in ("create", "check", "retry") and local:
                for ref in _refs_after(self.scope, local, after):
                    self.status_use(ref)
            elif self.op == "lookup" and LOOKUP_FIELD_MOVES.get(key) == key and key != key_node.text():
                written = key_node.text()  # v1 SDK camelCase -> the v2 wire name, same local name
                self.reads.edits.append(Edit(*span(key_node), f"{key}: {written}" if kind != "pair_pattern" else key,
                                             "response"))
            elif key in _NO_V2_FIELDS.get(self.op, ()) or self.op == "lookup" and key in LOOKUP_FIELD_MOVES \
                    and LOOKUP_FIELD_MOVES[key] != key:
                self.mark(child, NO_V2_FIELD_TODO.format(op=self.op, field=key) if self.op != "lookup"
                          else HIDDEN_RESPONSE_TODO["lookup"])

    # --- statuses ---------------------------------------------------------------------------

    def status_use(self, expr) -> None:
        parent = expr.parent()
        if parent is not None and parent.kind() == "binary_expression" and parent.field("operator").text() in _COMPARISONS:
            other = parent.field("right") if span(parent.field("left")) == span(expr) else parent.field("left")
            literal = string_value(other)
            if literal is None:
                self.mark(parent, STATUS_READ_TODO.format(op=self.op, mapping=self._mapping()))
                return
            self.comparison(parent, expr, other, literal)
            return
        if parent is not None and parent.kind() == "parenthesized_expression" and parent.parent() is not None \
                and parent.parent().kind() == "switch_statement":
            self.switch(parent.parent())
            return
        self.mark(expr, STATUS_READ_TODO.format(op=self.op, mapping=self._mapping()))

    def _mapping(self) -> str:
        pairs = []
        for v1 in ("pending", "valid", "invalid", "approved"):
            v2 = v2_statuses(self.op, v1)
            if v2:
                pairs.append(f"{v1} -> {'/'.join(v2)}")
        return ", ".join(pairs)

    def comparison(self, binary, expr, literal_node, v1: str) -> None:
        move = status_move(self.op, v1)
        if move is None:
            return  # not a v1 status of this operation (already v2, or something else)
        v2, inexact = move
        if not v2:
            self.mark(binary, NO_V2_STATUS_TODO.format(op=self.op, status=v1))
            return
        if inexact:
            self.mark(binary, inexact)
        quote = literal_node.text()[0]
        if len(v2) == 1:
            self.reads.edits.append(Edit(*span(literal_node), f"{quote}{v2[0]}{quote}", "status"))
            return
        listed = ", ".join(f"{quote}{s}{quote}" for s in v2)
        negated = binary.field("operator").text().startswith("!")
        self.reads.edits.append(Edit(*span(binary), f"{'!' if negated else ''}[{listed}].includes({expr.text()})",
                                     "status"))

    def switch(self, statement) -> None:
        body = statement.field("body")
        for case in body.named_children() if body is not None else ():
            if case.kind() != "switch_case":
                continue
            value = case.field("value")
            v1 = string_value(value)
            if v1 is None:
                continue
            move = status_move(self.op, v1)
            if move is None:
                continue
            v2, inexact = move
            if not v2:
                self.mark(case, NO_V2_STATUS_TODO.format(op=self.op, status=v1))
                continue
            if inexact:
                self.mark(case, inexact)
            quote = value.text()[0]
            labels = f"{quote}{v2[0]}{quote}:" + "".join(f" case {quote}{s}{quote}:" for s in v2[1:])
            colon = next(c for c in case.children() if c.text() == ":")
            self.reads.edits.append(Edit(span(value)[0], span(colon)[1], labels, "status"))


def _await_call(node) -> bool:
    """tree-sitter reads ``await (x)`` as a call of an identifier ``await``: ``node`` is its arguments."""
    call = node.parent() if node.kind() == "arguments" else None
    return call is not None and call.kind() == "call_expression" and call.field("function").text() == "await" \
        and len(node.named_children()) == 1


def declarator_of_value(member) -> Optional[str]:
    parent = member.parent()
    if parent is not None and parent.kind() == "variable_declarator" and parent.field("name").kind() == "identifier":
        return parent.field("name").text()
    return None


def plan_sdk_reads(call_node, op: str) -> Reads:
    """Reads of what a v1 JS SDK call returned (the payload itself, camelCase fields)."""
    reads = Reads()
    reader = _Reader(op, enclosing_function(call_node), reads, camel=True)
    if _is_discarded(call_node):
        return reads
    name, pattern = _declared_name(call_node)
    if name:
        reader.data(name, span(call_node)[1])
    elif pattern is not None:
        reader.pattern(pattern, span(call_node)[1])
    else:
        reader.escape(call_node)
    return reads


def plan_reads(call, op: str) -> Reads:
    """Where the response of ``call`` (an HttpCall) is read in its function, and the edits."""
    reads = Reads()
    scope = enclosing_function(call.node)
    reader = _Reader(op, scope, reads)
    node = call.node
    parent = node.parent()
    while parent is not None and call.library == "fetch" and (
            parent.kind() in ("await_expression", "parenthesized_expression") or _await_call(parent)):
        parent = parent.parent().parent() if parent.kind() == "arguments" else parent.parent()
    # chains: `await got(...).json()`, `await ky(...).json()`, `(await fetch(...)).json()`
    if parent is not None and parent.kind() == "member_expression" and parent.field("property").text() == "json":
        outer = parent.parent()
        if outer is not None and outer.kind() == "await_expression":
            # TypeScript `await x.json<T>()` parses as `(await x.json)<T>()`: the call is one up
            typed = outer.parent()
            if typed is not None and typed.kind() == "call_expression" and typed.field("type_arguments") is not None:
                outer = typed
        if outer is not None and outer.kind() == "call_expression":
            _data_from(reader, outer)
            return reads
    if _is_discarded(node):
        return reads
    name, pattern = _declared_name(node)
    if call.library in ("fetch",) and name:
        for ref in _refs_after(scope, name, span(node)[1]):
            up = ref.parent()
            prop = up.field("property") if up is not None and up.kind() == "member_expression" else None
            if prop is not None and prop.text() == "json" and up.parent() is not None \
                    and up.parent().kind() == "call_expression":
                _data_from(reader, up.parent())
            elif prop is not None and prop.text() in _HTTP_RESPONSE_ATTRS:
                continue
            else:
                reader.escape(ref)
        return reads
    if call.library == "axios":
        if pattern is not None:
            for child in pattern.named_children():
                if child.kind() == "shorthand_property_identifier_pattern" and child.text() == "data":
                    reader.data("data", span(node)[1])
                elif child.kind() == "pair_pattern" and child.field("key").text() == "data" \
                        and child.field("value").kind() == "identifier":
                    reader.data(child.field("value").text(), span(node)[1])
                elif child.text() not in _HTTP_RESPONSE_ATTRS:
                    reader.escape(child)
            return reads
        if name:
            for ref in _refs_after(scope, name, span(node)[1]):
                up = ref.parent()
                prop = up.field("property") if up is not None and up.kind() == "member_expression" else None
                if prop is not None and prop.text() == "data":
                    reader.data_use(up)
                elif prop is not None and prop.text() in _HTTP_RESPONSE_ATTRS:
                    continue
                else:
                    reader.escape(ref)
            return reads
    reader.escape(node)
    return reads


def _data_from(reader: _Reader, json_call) -> None:
    """``await X.json()``: the data is what it is assigned to (or read directly)."""
    if _is_discarded(json_call):
        return
    name, pattern = _declared_name(json_call)
    if name:
        reader.data(name, span(json_call)[1])
    elif pattern is not None:
        reader.pattern(pattern, span(json_call)[1])
    else:
        node, parent = json_call, json_call.parent()
        while parent is not None and parent.kind() in ("await_expression", "parenthesized_expression"):
            node, parent = parent, parent.parent()
        if parent is not None and parent.kind() == "member_expression":
            reader.field_read(parent, parent.field("property"))
        else:
            reader.escape(json_call)
