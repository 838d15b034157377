"""``sdk-errors``: ``except errors.ErrorResponse`` / ``errors.SDKError`` become the
``prelude_python_sdk`` exception classes, and reads of the caught error follow (docs/api-changes.md,
"Errors"): ``e.code`` / ``e.message`` come from ``e.body``, ``SDKError.body`` is ``e.response.text``.
v1 error-code comparisons go through ``V1_TO_V2_ERRORS``; codes without a v2 code, or that
became a ``blocked`` status, keep a TODO at the check.
"""
from __future__ import annotations

from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst.metadata import ParentNodeProvider

from codemods.core.import_requests import add_needed_import
from codemods.core.nodes import code, is_none, walk
from codemods.sdk.common import (
    FSTRING_TODO,
    SdkCodemod,
    comparator_values,
    subject_first,
)
from codemods.sdk.model import ERROR_TRIGGERS, OTP_METHODS, V2_PACKAGE, is_v1_otp_method
from codemods.core.mapping import error_code_move, untraced_comparison_todo
from compat.knowledge.errors import V1_TO_V2_ERRORS
from compat.knowledge.sdk_shapes import SDK_V1_ERROR_CLASSES
from compat.knowledge.todos import (CODE_MAY_BE_NONE_TODO, CODE_VALUE_TODO, ENUM_NAME_TODO, NO_DOC_URL_TODO,
                                    SDK_ERROR_INCLUDES_400_TODO, UNSEEN_COMPARATOR_TODO)
_BODY_CODE = '({e}.body.get({q}code{q}) if isinstance({e}.body, dict) else None)'
_BODY_MESSAGE = '({e}.body.get({q}message{q}) if isinstance({e}.body, dict) else {e}.message)'


def v2_error_codes(v1_code: str) -> Tuple[List[str], Optional[str]]:
    """(v2 codes a comparison against `v1_code` should accept, TODO reason or None)."""
    codes, why = error_code_move(v1_code)
    return list(codes) or [v1_code], why


def _parameter_names(params: cst.Parameters) -> Set[str]:
    named = [*params.posonly_params, *params.params, *params.kwonly_params]
    named += [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
    return {p.name.value for p in named}


def _comprehension_targets(comp_for: Optional[cst.CompFor]) -> Set[str]:
    names: Set[str] = set()
    while comp_for is not None:
        stack: List[cst.CSTNode] = [comp_for.target]
        while stack:
            target = stack.pop()
            if isinstance(target, cst.Name):
                names.add(target.value)
            elif isinstance(target, (cst.Tuple, cst.List, cst.StarredElement, cst.Element)):
                stack.extend(target.children)
        comp_for = comp_for.inner_for_in
    return names


OpenHandlers = Sequence[Tuple[str, Tuple[str, ...]]]  # (bound name or "", v1 classes) of enclosing handlers


class HandlerLookup:
    """Which v1 error a name holds where it is read: sdk-errors' one decision, used by the codemod
    (with its stack of open handlers) and by the scanner's ``fixable`` (codemods.sdk.edits, with
    :meth:`open_handlers`), so both agree. ``parent_of``: the ParentNodeProvider lookup."""

    def __init__(self, analysis, parent_of: Callable[[cst.CSTNode], Optional[cst.CSTNode]]) -> None:
        self.analysis, self.parent_of = analysis, parent_of
        self._narrowing: Optional[FrozenSet[str]] = None

    def open_handlers(self, node: cst.CSTNode) -> List[Tuple[str, Tuple[str, ...]]]:
        """The handlers enclosing ``node``, outermost first, as the codemod's traversal stacks them."""
        stack = []
        current = self.parent_of(node)
        while current is not None:
            if isinstance(current, cst.ExceptHandler):
                caught = self.analysis.error_handlers.get(current)
                named = bool(caught) and current.name is not None and isinstance(current.name.name, cst.Name)
                stack.append((current.name.name.value, caught) if named else ("", ()))
            current = self.parent_of(current)
        return stack[::-1]

    def narrowing_names(self) -> FrozenSet[str]:
        """The names some ``isinstance(name, <v1 error class>)`` of this module tests."""
        if self._narrowing is None:
            names = set()
            for ref in self.analysis.error_refs:
                call = self.parent_of(ref)
                while isinstance(call, (cst.Arg, cst.Element, cst.Tuple)):
                    call = self.parent_of(call)
                if isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == "isinstance" \
                        and call.args and isinstance(call.args[0].value, cst.Name):
                    names.add(call.args[0].value.value)
            self._narrowing = frozenset(names)
        return self._narrowing

    def narrowed_at(self, node: cst.Name) -> Optional[Tuple[str, ...]]:
        """The v1 classes `node` is narrowed to by an enclosing ``if isinstance(node, <v1
        error class>):`` (`except Exception as e:` ... `if isinstance(e, errors.ErrorResponse):`),
        the same test in an ``and`` before it, or a conditional expression's: its reads there
        are rewritten like a handler's."""
        child: cst.CSTNode = node
        parent = self.parent_of(node)
        while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            test = parent.test if isinstance(parent, (cst.If, cst.IfExp)) and child is parent.body else \
                parent.left if isinstance(parent, cst.BooleanOperation) and isinstance(parent.operator, cst.And) \
                and child is parent.right else None  # `isinstance(e, X) and e.code == ...`
            if test is not None:
                name, caught = self._narrowed(test)
                if name == node.value:
                    return caught
            child, parent = parent, self.parent_of(parent)
        return None

    def _narrowed(self, test: cst.BaseExpression) -> Tuple[str, Tuple[str, ...]]:
        """(name, v1 classes) for ``isinstance(name, <v1 error class or a tuple of them>)``, or
        for one such test among the operands of an ``and``."""
        if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
            found = self._narrowed(test.left)
            return found if found[0] else self._narrowed(test.right)
        if not (isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "isinstance"
                and len(test.args) == 2 and isinstance(test.args[0].value, cst.Name)):
            return "", ()
        classes = test.args[1].value
        elements = [e.value for e in classes.elements] if isinstance(classes, cst.Tuple) else [classes]
        caught = tuple(self.analysis.error_refs.get(e) for e in elements)
        if not caught or any(c is None for c in caught):
            return "", ()
        return test.args[0].value.value, caught  # type: ignore[return-value]

    def handler_for(self, node: cst.BaseExpression, open_handlers: OpenHandlers) -> Optional[Tuple[str, ...]]:
        """The v1 classes caught by the innermost handler binding `node` (a Name)."""
        if not isinstance(node, cst.Name):
            return None
        narrowed = self.narrowed_at(node) if node.value in self.narrowing_names() else None
        if narrowed:
            return narrowed
        flow = self.analysis.flow
        origin = flow.origin(node) if flow is not None else None
        if origin is not None and origin.kind == "error" and origin.name and not any(
                name == node.value for name, _ in open_handlers):
            return tuple(origin.name.split(","))  # a parameter given a caught v1 error (`describe(e)`)
        for name, caught in reversed(open_handlers):
            if name == node.value:
                return None if self._rebound_inside_handler(node) else (caught or None)
        return None

    def _rebound_inside_handler(self, node: cst.Name) -> bool:
        """Whether a function, lambda or comprehension between ``node`` and the handler binding its
        name rebinds that name (``def describe(e)``, ``lambda e: ...``, ``[e.code for e in xs]``):
        the read is then of another object, not of the caught v1 error."""
        current = self.parent_of(node)
        while current is not None:
            if isinstance(current, cst.ExceptHandler) and current.name is not None \
                    and isinstance(current.name.name, cst.Name) and current.name.name.value == node.value:
                return False
            if isinstance(current, (cst.FunctionDef, cst.Lambda)) and node.value in _parameter_names(current.params):
                return True
            if isinstance(current, (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)) \
                    and node.value in _comprehension_targets(current.for_in):
                return True
            current = self.parent_of(current)
        return False

    def code_read(self, node: cst.BaseExpression, open_handlers: OpenHandlers) -> Optional[str]:
        """The handler name when `node` is `e.code` (or `e.code.value`) of a caught v1 error."""
        if isinstance(node, cst.Attribute) and node.attr.value == "value":
            node = node.value
        if isinstance(node, cst.Attribute) and node.attr.value == "code" and self.handler_for(node.value, open_handlers):
            return node.value.value  # type: ignore[attr-defined]
        return None


class SdkErrorsCodemod(SdkCodemod):
    NAME = "sdk-errors"
    TRIGGERS = ERROR_TRIGGERS  # v1 exception class names, or v1 calls (for requests handlers)
    DESCRIPTION = "except errors.ErrorResponse/SDKError -> prelude_python_sdk exceptions; e.code/e.message via e.body; error codes via the v1->v2 table."

    def has_work(self, analysis) -> bool:
        return bool(analysis.error_handlers or analysis.error_refs or analysis.network_handlers)

    def __init__(self, context) -> None:
        super().__init__(context)
        self._caught: List[Tuple[str, Tuple[str, ...]]] = []  # (bound name, v1 classes) of open handlers

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        caught = self.analysis.error_handlers.get(node)
        if caught and node.name is not None and isinstance(node.name.name, cst.Name):
            self._caught.append((node.name.name.value, caught))
        else:
            self._caught.append(("", ()))

    def _lookup(self) -> "HandlerLookup":
        if getattr(self, "_lookup_for", None) is not self.analysis:  # once per module
            self._lookup_for = self.analysis
            self._handlers = HandlerLookup(self.analysis, lambda n: self.get_metadata(ParentNodeProvider, n, None))
        return self._handlers

    def _catches_400(self, node: cst.Try) -> bool:
        """Whether a clause of the try ``node`` catches v1 ErrorResponse (the HTTP 400 error)."""
        return any("ErrorResponse" in self.analysis.error_handlers.get(h, ()) for h in node.handlers)

    def visit_Try(self, node: cst.Try) -> None:
        if self._catches_400(node):
            self._mark_blocked_creates(node)  # (before its statements are left: their TODOs go there)

    def leave_Try(self, original_node: cst.Try, updated_node: cst.Try) -> cst.Try:
        """v1 ErrorResponse (HTTP 400) and SDKError (the rest) were disjoint, so their order did
        not matter; v2 BadRequestError is an APIStatusError, so a BadRequestError clause after
        an APIStatusError one would never run: the ErrorResponse clauses move up, keeping the v1
        meaning."""
        caught = [self.analysis.error_handlers.get(h, ()) for h in original_node.handlers]
        broad = [i for i, c in enumerate(caught) if "SDKError" in c]
        narrow = [i for i, c in enumerate(caught) if c and "SDKError" not in c]
        if not broad or not narrow or max(narrow) < broad[0]:
            return updated_node
        first = broad[0]
        handlers = list(updated_node.handlers)
        moved = [handlers[i] for i in narrow if i > first]
        kept = [h for i, h in enumerate(handlers) if not (i in narrow and i > first)]
        return updated_node.with_changes(handlers=kept[:first] + moved + kept[first:])

    def leave_ExceptHandler(self, original_node: cst.ExceptHandler,
                            updated_node: cst.ExceptHandler) -> cst.ExceptHandler:
        self._caught.pop()
        network = self.analysis.network_handlers.get(original_node)
        if network and updated_node.type is not None:
            # Widen rather than replace: other code in the try may still use requests.
            self.todo(original_node, f"v2 network failures raise {V2_PACKAGE}.{network}, not requests exceptions")
            add_needed_import(self.context, V2_PACKAGE)
            old = updated_node.type
            elements = list(old.elements) if isinstance(old, cst.Tuple) else [cst.Element(old)]
            elements = [e.with_changes(comma=cst.MaybeSentinel.DEFAULT) for e in elements]
            elements.append(cst.Element(cst.parse_expression(f"{V2_PACKAGE}.{network}")))
            return updated_node.with_changes(type=cst.Tuple(elements))
        caught = self.analysis.error_handlers.get(original_node)
        if not caught or updated_node.type is None:
            return updated_node
        if "SDKError" in caught and "ErrorResponse" not in caught and not self._try_catches_400(original_node):
            self.todo(original_node, SDK_ERROR_INCLUDES_400_TODO)
        # The v1 classes are already v2 ones (leave_Attribute/leave_Name); other classes in a
        # tuple stay. APIStatusError covers BadRequestError: `(ErrorResponse, SDKError)` is one.
        broad = "APIStatusError" in {SDK_V1_ERROR_CLASSES[c] for c in caught}
        old = updated_node.type
        elements = list(old.elements) if isinstance(old, cst.Tuple) else [cst.Element(old)]
        kept: List[cst.Element] = []
        for element in elements:
            text = code(element.value)
            if (broad and text == f"{V2_PACKAGE}.BadRequestError") or text in {code(k.value) for k in kept}:
                continue
            kept.append(element)
        if len(kept) == 1:
            return updated_node.with_changes(type=kept[0].value)
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(type=old.with_changes(elements=kept) if isinstance(old, cst.Tuple)
                                         else cst.Tuple(kept))

    def _try_catches_400(self, handler: cst.ExceptHandler) -> bool:
        """Whether a clause of ``handler``'s try catches v1 ErrorResponse (moved before it)."""
        node = self.get_metadata(ParentNodeProvider, handler, None)
        return isinstance(node, cst.Try) and self._catches_400(node)

    def _v2_error_class(self, original_node: cst.CSTNode) -> Optional[cst.BaseExpression]:
        """`prelude_python_sdk.<class>` for a v1 error class reference (in `except`,
        isinstance(), a tuple of classes...); None elsewhere and for a v1 error being built."""
        v1_class = self.analysis.error_refs.get(original_node)
        if v1_class is None:
            return None
        parent = self.get_metadata(ParentNodeProvider, original_node, None)
        if isinstance(parent, cst.Call) and parent.func is original_node:
            return None  # a test double: leave_Call adds the TODO
        add_needed_import(self.context, V2_PACKAGE)
        return cst.parse_expression(f"{V2_PACKAGE}.{SDK_V1_ERROR_CLASSES[v1_class]}")

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self._v2_error_class(original_node) or updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        v1_class = self.analysis.error_refs.get(original_node.func)
        if v1_class is not None:  # usually test doubles
            v2_class = SDK_V1_ERROR_CLASSES[v1_class]
            self.todo(original_node, f"v1 {v1_class} built by hand; v2 code raises {V2_PACKAGE}.{v2_class}, "
                                     "built from an httpx.Response and a body")
        if isinstance(original_node.func, cst.Name) and original_node.func.value == "isinstance" \
                and len(original_node.args) == 2 and self.analysis.error_refs.get(original_node.args[1].value) == "SDKError":
            # v1 SDKError was every API error but the 400 ErrorResponse; v2 APIStatusError includes
            # BadRequestError: `isinstance(e, SDKError)` keeps its v1 meaning only with it left out
            subject = original_node.args[0].value
            if not isinstance(subject, cst.Name):
                self.todo(original_node, SDK_ERROR_INCLUDES_400_TODO)
                return updated_node
            return cst.parse_expression(
                f"(isinstance({subject.value}, {V2_PACKAGE}.APIStatusError) "
                f"and not isinstance({subject.value}, {V2_PACKAGE}.BadRequestError))")
        return updated_node

    def _handler_for(self, node: cst.BaseExpression) -> Optional[Tuple[str, ...]]:
        return self._lookup().handler_for(node, self._caught)

    def _code_read(self, node: cst.BaseExpression) -> Optional[str]:
        return self._lookup().code_read(node, self._caught)

    def leave_Comparison(self, original_node: cst.Comparison, updated_node: cst.Comparison) -> cst.BaseExpression:
        # `e.code` may be on either side (`errors.Code.BLOCKED_NUMBER == e.code`).
        sides = subject_first(original_node, updated_node, lambda node: self._code_read(node) is not None)
        enum_values: Dict[cst.CSTNode, str] = {
            n: ref.value for n, ref in self.analysis.enum_refs.items() if ref.kind == "error-code"}
        if sides is None:
            self._flowed_code_comparison(original_node, enum_values)
            return updated_node
        subject, _, target, other = sides
        name = self._code_read(subject)
        values = comparator_values(other, enum_values)
        if name is None or values is None:
            return updated_node
        left = cst.parse_expression(_BODY_CODE.format(e=name, q=self.quote or '"'))
        return self.map_comparison(original_node, updated_node, target, left, values, v2_error_codes)

    def _mark_blocked_creates(self, node: cst.Try) -> None:
        """A create in a try whose handler catches v1 ErrorResponse, in a module that names a v1
        code which became a 200 `blocked` status somewhere no rewritten `e.code` comparison sees
        it (`BLOCKED = errors.Code.BLOCKED_NUMBER`, a tuple, a class attribute): on v2 that
        create returns instead of raising, so the handler's check of it never runs."""
        whys = self._indirect_blocked_codes()
        if not whys:
            return
        for inner in walk(node.body):
            if isinstance(inner, cst.Call) and is_v1_otp_method(inner.func) \
                    and OTP_METHODS[inner.func.attr.value] == "create":  # type: ignore[attr-defined]
                for why in whys:
                    self.todo(inner, why)

    def _indirect_blocked_codes(self) -> List[str]:
        """The TODO texts of the v1 codes that became a blocked status and are named here other
        than as the other side of an `e.code` comparison or a case of `match e.code` (once per module)."""
        if getattr(self, "_blocked_for", None) is self.analysis:
            return self._blocked_whys
        self._blocked_for, self._blocked_whys = self.analysis, []
        lookup, parent_of = self._lookup(), lambda n: self.get_metadata(ParentNodeProvider, n, None)
        for ref_node, ref in self.analysis.enum_refs.items():
            if ref.kind != "error-code" or V1_TO_V2_ERRORS.get(ref.value) is None \
                    or not V1_TO_V2_ERRORS[ref.value].blocked_reason:
                continue
            holder = parent_of(ref_node)
            while holder is not None and not isinstance(holder, (cst.Comparison, cst.Match, cst.BaseStatement)):
                holder = parent_of(holder)
            if isinstance(holder, cst.Comparison) and any(
                    lookup.code_read(side, lookup.open_handlers(side)) for side in
                    (holder.left, *(t.comparator for t in holder.comparisons))):
                continue  # sdk-errors maps it there, with this TODO
            if isinstance(holder, cst.Match) and lookup.code_read(holder.subject, lookup.open_handlers(holder.subject)):
                continue  # leave_Match says it
            why = v2_error_codes(ref.value)[1]
            if why and why not in self._blocked_whys:
                self._blocked_whys.append(why)
        return self._blocked_whys

    def _flowed_code_comparison(self, node: cst.Comparison, enum_values: Dict[cst.CSTNode, str]) -> None:
        """A v1 error code the value flow traces here (a helper returning `e.code`, a name bound
        to it) compared where no `e.code` read is rewritten: with a value not visible here, or
        with v1 codes (their v2 codes, and what moved in meaning, said)."""
        if len(node.comparisons) != 1 or self.analysis.flow is None:
            return
        left, other = node.left, node.comparisons[0].comparator
        for side, against in ((left, other), (other, left)):
            origin = self.analysis.flow.origin(side)
            if origin is None or origin.kind != "error-code" or origin.many or is_none(against):
                continue
            values = comparator_values(against, enum_values)
            if values is None:
                self.todo(node, UNSEEN_COMPARATOR_TODO.format(what="error code"))
                return
            moves = [v2_error_codes(value) for value in values]
            self.todo(node, untraced_comparison_todo(values, [c for codes, _ in moves for c in codes]))
            for _, why in moves:
                if why:
                    self.todo(node, why)
            return

    def leave_Match(self, original_node: cst.Match, updated_node: cst.Match) -> cst.Match:
        """`match e.code:` with `case errors.Code.BLOCKED_NUMBER:`: the cases stay (under
        sdk-imports' "still used" TODO), and each code that moved in meaning (a v2 200 `blocked`
        status, an approximate move) says so at the match, as the `==` form does."""
        if self._code_read(original_node.subject) is None:
            return updated_node
        for case in original_node.cases:
            for node in walk(case.pattern):
                ref = self.analysis.enum_refs.get(node)
                if ref is not None and ref.kind == "error-code":
                    why = v2_error_codes(ref.value)[1]
                    if why:
                        self.todo(original_node.subject, why)
        return updated_node

    def _flag_string_use(self, read: cst.Attribute) -> None:
        """`e.code.value.upper()`, `e.code.value[:3]`, `"error:" + e.code.value`: the rewritten
        read may be None (v2 has no code when the body has none), so the operation can raise
        where v1's did not."""
        parent = self.get_metadata(ParentNodeProvider, read, None)
        if isinstance(parent, cst.Attribute) and parent.value is read and parent.attr.value == "name":
            self.todo(read, ENUM_NAME_TODO)  # `e.code.name`: the enum member's name; v2 has a plain string
        elif isinstance(parent, cst.Attribute) and parent.value is read and parent.attr.value != "value" \
                or isinstance(parent, cst.Subscript) and parent.value is read \
                or isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
            self.todo(read, CODE_MAY_BE_NONE_TODO)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        v2_class = self._v2_error_class(original_node)
        if v2_class is not None:
            return v2_class
        q = self.quote
        if self._code_read(original_node) and self.escapes(original_node, {
                n: ref.value for n, ref in self.analysis.enum_refs.items() if ref.kind == "error-code"}):
            self.todo(original_node, CODE_VALUE_TODO)
        if original_node.attr.value == "value":
            name = self._code_read(original_node)
            if name and q:  # `e.code.value`: v2 codes are plain strings
                self._flag_string_use(original_node)
                return cst.parse_expression(_BODY_CODE.format(e=name, q=q))
        caught = self._handler_for(original_node.value)
        if not caught:
            return updated_node
        e, field = original_node.value.value, original_node.attr.value  # type: ignore[attr-defined]
        is_sdk_error = "SDKError" in caught
        if self.is_store(original_node):
            self.todo(original_node, f"v2 errors have no writable '{field}'; the API error is in {e}.body")
            return updated_node
        if field in ("code", "message") and q is None:
            self.todo(original_node, FSTRING_TODO)
            return updated_node
        if field == "code":
            self._flag_string_use(original_node)
            return cst.parse_expression(_BODY_CODE.format(e=e, q=q))
        if field == "message" and not is_sdk_error:
            return cst.parse_expression(_BODY_MESSAGE.format(e=e, q=q))
        if field == "doc_url":
            self.todo(original_node, NO_DOC_URL_TODO)
        elif field == "body" and is_sdk_error:
            return cst.parse_expression(f"{e}.response.text")
        elif field == "raw_response":
            self.todo(original_node, "the v2 error response is an httpx.Response, not a requests.Response")
            return cst.parse_expression(f"{e}.response")
        return updated_node


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Rewrites v1 exception handling: `ErrorResponse` -> `prelude_python_sdk.BadRequestError`, `SDKError` "
         "-> `APIStatusError` wherever the class is named; `e.code` and `e.message` -> reads of `e.body`; code "
         "comparisons through the error table; `requests` network-error handlers around a v1 call are widened "
         "with the SDK's own.",
    why="v1 `ErrorResponse` and `SDKError` were disjoint, v2 `BadRequestError` is an `APIStatusError`: kept in "
        "their v1 order the 400 clause would never run. v2 exceptions have no `.code`, and v2 raises its own "
        "network errors instead of `requests` ones.",
    fix_safety="Handlers are reordered so each keeps its v1 meaning. Direct code moves need no TODO; "
               "approximate and one-to-many ones, codes that became a 200 `blocked` status, a code that leaves "
               "the handler unmapped, writes to a caught error and v1 errors built by hand get one.",
    examples=(
        CodemodExample('''
            import ding
            from ding.models import components, errors

            client = ding.Ding(api_key=KEY)


            def send(phone):
                try:
                    return client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=CUSTOMER, phone_number=phone))
                except errors.SDKError as e:
                    return ("outage", e.status_code)
                except errors.ErrorResponse as e:
                    if e.code == errors.Code.NEGATIVE_BALANCE:
                        alert_billing()
                    return ("rejected", e.message)
            ''', '''
            import prelude_python_sdk
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def send(phone):
                try:
                    # TODO(prelude-migration): a v1 SDK response is returned here: v2 returns another model (other fields and statuses); update the code that reads it
                    return client.verification.create(target={"type": "phone_number", "value": phone})
                except prelude_python_sdk.BadRequestError as e:
                    if (e.body.get("code") if isinstance(e.body, dict) else None) == "insufficient_balance":
                        alert_billing()
                    return ("rejected", (e.body.get("message") if isinstance(e.body, dict) else e.message))
                except prelude_python_sdk.APIStatusError as e:
                    return ("outage", e.status_code)
            ''', note="The 400 clause moves first; the code comparison goes through the error table."),
    ),
    no_ops=(
        NoOp('''
            import requests

            try:
                requests.get("https://example.test/health", timeout=2)
            except requests.exceptions.RequestException as e:
                print(e)
            ''', "A `requests` handler around no v1 call is not widened."),
    ),
)
