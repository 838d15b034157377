"""``sdk-responses``: v1 response wrapper reads become v2 model reads (docs/codemods.md, SDK codemods).

``res.create_authentication_response.authentication_uuid`` -> ``res.id``; status comparisons
through the status tables (``== CheckStatus.VALID`` -> ``== "success"``, ``== "pending"`` ->
``in ("success", "retry", ...)``); lookup fields (``carrier`` -> ``network_info.carrier_name``,
``number_ported`` -> ``"ported" in (res.flags or [])``, line types to v2 literals). Values with
no v2 equivalent keep their v1 form under a TODO. Runs before ``sdk-calls``.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

import libcst as cst
from libcst.metadata import ParentNodeProvider

from codemods.sdk.analysis import becomes_v2
from codemods.sdk.common import (
    FSTRING_TODO,
    SdkCodemod,
    comparator_values,
    subject_first,
    without_value_suffix,
)
from codemods.core.match_cases import mapped_patterns
from codemods.core.mapping import (
    check_status_move,
    create_status_move,
    line_type_move,
    retry_status_move,
    untraced_comparison_todo,
)
from compat.knowledge.enums import LINE_TYPE_V1_TO_V2
from compat.knowledge.operations import LOOKUP_FIELD_MOVES
from compat.knowledge.sdk_shapes import SDK_V1_PAYLOAD_ATTRS, SDK_V1_RESPONSE_FIELDS
from compat.knowledge.statuses import V1_STATUSES_BY_OP
from compat.knowledge.todos import ENUM_NAME_TODO, UNSEEN_COMPARATOR_TODO

# what each operation's status compares (codemods.sdk.edits reads it too)
STATUS_KINDS = {"create": "create-status", "check": "check-status", "retry": "retry-status"}
_V1_VALUES = {**{f"{op}-status": values for op, values in V1_STATUSES_BY_OP.items()},
              "line-type": frozenset(LINE_TYPE_V1_TO_V2)}
_MOVES = {"create-status": create_status_move, "check-status": check_status_move,
          "retry-status": retry_status_move, "line-type": line_type_move}


def v2_status_values(kind: str, value: str) -> Tuple[Optional[List[str]], Optional[str]]:
    """(v2 values a v1 status/line-type comparison should accept, TODO reason or None), from
    the one mapping policy (codemods.core.mapping)."""
    move = _MOVES.get(kind)
    if move is None:
        return None, None
    values, why = move(value)
    return (list(values) if values else None), why


def renamed_response_field(op: str, field: str) -> bool:
    """Whether this codemod writes another name for ``<payload of op>.field`` (the v2 field;
    ``leave_Attribute`` / ``_lookup_field`` below): what the scanner reports as fixable."""
    if op == "status":
        return False  # a TODO only
    move = LOOKUP_FIELD_MOVES.get(field) if op == "lookup" else SDK_V1_RESPONSE_FIELDS.get(op, {}).get(field)
    return move is not None and move != field


def mapped_match(match: cst.Match, kind: str, enum_refs, quote: str = '"'):
    """`match <a v1 status or line type of kind>:` -> (case pattern -> v2 pattern, or None to
    leave it; TODO texts): the move sdk-responses makes (and the scanner's fixable reads)."""
    enum_values = {n: ref.value for n, ref in enum_refs.items()}

    def value_of(node: cst.BaseExpression) -> Optional[str]:
        values = comparator_values(node, enum_values)
        return values[0] if values and len(values) == 1 else None

    return mapped_patterns(match, value_of, lambda value: v2_status_values(kind, value), quote)


class SdkResponsesCodemod(SdkCodemod):
    NAME = "sdk-responses"
    DESCRIPTION = "v1 SDK response wrappers (res.create_check_response.status ...) -> v2 response fields and status literals."

    def has_work(self, analysis) -> bool:
        return bool(analysis.payload_refs or analysis.status_refs or analysis.wrapper_reads or analysis.enum_refs)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        a = self.analysis
        if original_node.attr.value == "value" and self._is_status_read(original_node.value) and not isinstance(
                self.get_metadata(ParentNodeProvider, original_node, None), (cst.Comparison, cst.ComparisonTarget)):
            # `.status.value`: v2 statuses and line types are plain strings. (In a comparison
            # that cannot be mapped it stays, and fails loudly, under its TODO.)
            return updated_node.value
        if original_node.attr.value == "name" and self._is_status_read(original_node.value):
            self.todo(original_node, ENUM_NAME_TODO)  # `res.status.name`: a v2 status is a str
            return updated_node
        if original_node in a.wrapper_reads:
            self.todo(original_node, f"v1 response wrapper field '{original_node.attr.value}' is gone: v2 returns "
                                     "the model and raises on HTTP errors; use with_raw_response for status/headers")
            return updated_node
        if original_node in a.payload_refs and isinstance(original_node, cst.Attribute) \
                and original_node.value not in a.payload_refs:
            # `res.create_check_response` -> `res`: the v2 call returns the payload itself.
            return updated_node.value
        if original_node.value not in a.payload_refs:
            return updated_node
        op = a.payload_refs[original_node.value]
        field = original_node.attr.value
        payload = updated_node.value
        if op == "lookup":
            return self._lookup_field(original_node, payload, field)
        moves = SDK_V1_RESPONSE_FIELDS.get(op, {})
        if op == "status":
            self.todo(original_node, "v2 history (verification.phone.history.retrieve) has a different "
                                     "response shape; map this field by hand")
            return updated_node
        if field not in moves:
            return updated_node
        if moves[field] is None:
            self.todo(original_node, f"v2 {op} responses have no '{field}'")
            return updated_node
        return updated_node.with_changes(value=payload, attr=cst.Name(moves[field]))

    def _lookup_field(self, original: cst.Attribute, payload: cst.BaseExpression, field: str) -> cst.BaseExpression:
        move = LOOKUP_FIELD_MOVES.get(field)
        if move is None:
            return original.with_changes(value=payload)
        if ":" in move:  # a flag in the v2 `flags` list
            flag, q = move.split(":", 1)[1], self.quote
            if q is None:
                self.todo(original, FSTRING_TODO)
                return original.with_changes(value=payload)
            test = cst.parse_expression(f'{q}{flag}{q} in ({_code(payload)}.flags or [])')
            return self._keep_precedence(original, test)
        if "." in move:  # nested in an optional object
            section, attr = move.split(".", 1)
            if not isinstance(payload, (cst.Name, cst.Attribute)):
                self.todo(original, f"v1 lookup '{field}' is now {move} (network_info may be None)")
                return cst.parse_expression(f"{_code(payload)}.{move}")
            return cst.parse_expression(
                f"({_code(payload)}.{move} if {_code(payload)}.{section} else None)")
        return cst.Attribute(value=payload, attr=cst.Name(move))

    def _keep_precedence(self, original: cst.CSTNode, generated: cst.BaseExpression) -> cst.BaseExpression:
        """A generated `a in b` where the v1 read was an operand (`x.number_ported is True`):
        parenthesised, or it would chain (`a in b is True` means `a in b and b is True`)."""
        parent = self.get_metadata(ParentNodeProvider, original, None)
        if isinstance(parent, (cst.Comparison, cst.ComparisonTarget, cst.BinaryOperation, cst.Attribute,
                               cst.Subscript)):
            return generated.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return generated

    def leave_Comparison(self, original_node: cst.Comparison, updated_node: cst.Comparison) -> cst.BaseExpression:
        if len(original_node.comparisons) != 1:
            return updated_node
        a = self.analysis
        # The v1 status read may be on either side (`"valid" == res.create_check_response.status`).
        sides = subject_first(original_node, updated_node, self._is_status_read) or (
            original_node.left, updated_node.left, original_node.comparisons[0],
            original_node.comparisons[0].comparator)
        subject, subject_now, target, other = sides
        if self._untraced_payload_read(subject):
            return updated_node  # its call is not rewritten (or not visible): the value stays v1
        enum_values: Dict[cst.CSTNode, str] = {n: ref.value for n, ref in a.enum_refs.items()}
        values = comparator_values(other, enum_values)
        kind = self._kind(subject, other)
        flowed = None if self._is_status_read(subject) else self._flowed_kind(subject)
        if flowed is None and not self._is_status_read(subject) and self._flowed_kind(other) is not None \
                and isinstance(target.operator, (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot)):
            # `VALID == _status(...)`: the traced value on the right (== and is are symmetric)
            subject, other = other, subject
            values, kind = comparator_values(other, enum_values), self._kind(subject, other)
            flowed = self._flowed_kind(subject)
        if flowed is not None and not (isinstance(other, cst.Name) and other.value == "None"):
            # `_status(...) == VALID`, `s in OK` (s bound to a helper's result): the flow traces a
            # rewritten call's status or line type here, but no read this codemod maps
            if values is None or flowed not in _MOVES:  # (not visible, or which operation's status?)
                self.todo(original_node, UNSEEN_COMPARATOR_TODO.format(
                    what="line type" if flowed == "line-type" else "status"))
                if values is None:
                    return updated_node
            kind = kind or (flowed if flowed in _MOVES else None)
            if kind is not None and values is not None:
                # a traced value: always a TODO; a v1 value with no v2 equivalent says why
                moved = [v2_status_values(kind, value) for value in values if value in _V1_VALUES[kind]]
                if not all(m for m, _ in moved):
                    for why in dict.fromkeys(why for _, why in moved if why):
                        self.todo(original_node, why)
        if values is None and kind is not None and self._is_status_read(subject):
            # `status in OK`, `== expected()`: the other side is not visible, so not mapped
            self.todo(original_node, UNSEEN_COMPARATOR_TODO.format(what="line type" if kind == "line-type" else "status"))
            return updated_node
        if values is None or kind is None:
            return updated_node
        if not self._is_status_read(subject):
            # Only the v1 enum on the other side says what this is: the compared value is not
            # traced to a rewritten call (a parameter, a loop over one), so it may still be v1.
            # Left as written. (A value with no v2 move keeps sdk-imports' "enum still used" TODO
            # alone, as the traced comparison it was on the first run does.)
            moves = [v2_status_values(kind, value)[0] for value in values]
            if all(moves):
                self.todo(original_node, untraced_comparison_todo(values, [v for m in moves for v in m]))
            return updated_node
        return self.map_comparison(original_node, updated_node, target, without_value_suffix(subject_now), values,
                                   lambda value: v2_status_values(kind, value))

    def leave_Match(self, original_node: cst.Match, updated_node: cst.Match) -> cst.Match:
        """`match res.create_check_response.status:` on a traced status or line type: each
        `case CheckStatus.VALID:` moves like a comparison (codemods.core.match_cases)."""
        subject = original_node.subject
        kind = self._kind(subject, subject) if self._is_status_read(subject) else None
        if kind is None or self.quote is None:
            return updated_node
        patterns, todos = mapped_match(original_node, kind, self.analysis.enum_refs, self.quote)
        for why in todos:
            self.todo(subject, why)
        if patterns is None:
            return updated_node
        return updated_node.with_changes(cases=[
            now.with_changes(pattern=patterns.get(case.pattern, now.pattern))
            for case, now in zip(original_node.cases, updated_node.cases)])

    def _flowed_kind(self, node: cst.BaseExpression) -> Optional[str]:
        """What a comparison side is when the value flow traces it to a v1 status or line type
        (a helper's return, a name bound to one, its `.value`) though it is no read this codemod
        rewrites: "line-type" or the status kind; None when the flow knows nothing of it."""
        flow = self.analysis.flow
        origin = flow.origin(node) if flow is not None else None
        if origin is None or origin.many:
            return None
        producer = self.analysis.calls.get(origin.producer) if origin.producer is not None else None
        if origin.producer is not None and (producer is None or not becomes_v2(producer)):
            return None  # a call kept on v1: its values stay v1 (the call has its own TODO)
        if origin.kind == "line-type":
            return "line-type"
        # (a status of several operations, `_move(res.status)` from a create and a check: "status")
        return STATUS_KINDS.get(origin.op, "status") if origin.kind == "status" else None

    def _untraced_payload_read(self, node: cst.BaseExpression) -> bool:
        """`x.create_check_response.status` whose `x` no rewritten call produced."""
        inner = without_value_suffix(node)
        return isinstance(inner, cst.Attribute) and isinstance(inner.value, cst.Attribute) \
            and inner.value.attr.value in SDK_V1_PAYLOAD_ATTRS.values() and inner not in self.analysis.status_refs \
            and inner.value not in self.analysis.payload_refs

    def _is_status_read(self, node: cst.BaseExpression) -> bool:
        """A v1 status (`<payload>.status[.value]`) or lookup `line_type[.value]` read."""
        a = self.analysis
        if node in a.status_refs:
            return True
        inner = without_value_suffix(node)
        return isinstance(inner, cst.Attribute) and inner.attr.value == "line_type" \
            and a.payload_refs.get(inner.value) == "lookup"

    def _kind(self, left: cst.BaseExpression, comparator: cst.BaseExpression) -> Optional[str]:
        """What the compared values are: from the left side (a known status or line type
        read), else from the v1 enum class on the right."""
        a = self.analysis
        if left in a.status_refs:
            return STATUS_KINDS.get(a.status_refs[left])
        inner = without_value_suffix(left)
        if isinstance(inner, cst.Attribute) and inner.attr.value == "line_type" \
                and a.payload_refs.get(inner.value) == "lookup":
            return "line-type"
        elements = comparator.elements if isinstance(comparator, (cst.Tuple, cst.List, cst.Set)) \
            else [cst.Element(comparator)]
        kinds = {a.enum_refs[without_value_suffix(e.value)].kind for e in elements
                 if without_value_suffix(e.value) in a.enum_refs}
        kinds &= {"check-status", "create-status", "retry-status", "line-type"}
        return kinds.pop() if len(kinds) == 1 else None


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Rewrites reads of a v1 response into reads of the v2 model: the wrapper goes "
         "(`res.create_authentication_response.x` -> `res.x`), `authentication_uuid` -> `id`, statuses and line "
         "types through the status tables (either side of a comparison, `.value` included), lookup `carrier` -> "
         "`network_info.carrier_name`, `number_ported` -> `\"ported\" in flags`.",
    why="v2 returns the model itself, with other field names and other status values: a v1 read would fail "
        "or, worse, compare against a status v2 never sends.",
    fix_safety="Only reads of a value produced by a call that is rewritten change. Statuses with no v2 "
               "equivalent (`already_validated`, `no_attempt`...), approximate ones, fields v2 does not return "
               "(`expires_at`, `created_at`...) and reads of `status_code`/`raw_response` get a TODO; a "
               "generated expression keeps its precedence (parenthesised).",
    examples=(
        CodemodExample('''
            import ding
            from ding.models import components

            client = ding.Ding(api_key=KEY)


            def describe(phone):
                res = client.lookup.lookup(customer_uuid=CUSTOMER, phone_number=phone)
                mobile = res.lookup_response.line_type == components.LineType.MOBILE
                return mobile, res.lookup_response.carrier, res.lookup_response.number_ported is True
            ''', '''
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def describe(phone):
                res = client.lookup.lookup(phone)
                mobile = res.line_type == "mobile"
                return mobile, (res.network_info.carrier_name if res.network_info else None), ("ported" in (res.flags or [])) is True
            ''', note="Lookup reads; `is True` stays a comparison of the whole membership test."),
        CodemodExample('''
            import ding
            from ding.models import components

            client = ding.Ding(api_key=KEY)


            def send(phone):
                res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=CUSTOMER, phone_number=phone))
                if res.create_authentication_response.status == components.Status.PENDING:
                    return res.create_authentication_response.expires_at
            ''', '''
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def send(phone):
                res = client.verification.create(target={"type": "phone_number", "value": phone})
                if res.status in ("success", "retry", "challenged", "shadow_blocked"):
                    # TODO(prelude-migration): v2 create responses have no 'expires_at'
                    return res.expires_at
            ''', note="v1 `pending` is every v2 status of a code that was sent; a field v2 does not return "
                      "is marked."),
    ),
    no_ops=(
        NoOp('''
            from prelude_python_sdk import Prelude

            client = Prelude(api_token="test-v2-key")
            res = client.verification.check(target={"type": "phone_number", "value": "+33612345678"}, code="1234")
            ok = res.status == "success"
            ''', "Reads of a v2 response are left as they are: `success` is already a v2 status."),
    ),
)
