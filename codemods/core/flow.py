"""The value-flow analysis every codemod asks (DESIGN, "Do no harm is structural"): where each
v1 value of one module goes, so that a use is rewritten only when its whole flow is visible,
and a TODO marks the line where the meaning changes otherwise.

``analyse(module, scopes, parents, calls, ...)`` is a plain function over one parsed module and
its scope/parent metadata (computed once per file, usable from a batched traversal); it returns
a ``Flow``. Values are traced through names (assignments, ``for`` targets, comprehensions,
closures and module globals, by scope), attributes (wrapper -> payload -> field), containers,
subscripts, ``await``, returns of functions and methods of the same module (``self.m()`` too),
and ``asyncio.to_thread``-style wrappers. Each read of a traced value is classified where it
leaves: passed to other code, used as a key, returned or yielded, stored in an attribute,
subscript or container, put in an exception, formatted into an f-string.

The value kinds: ``wrapper`` (what a v1 SDK call returned), ``payload`` (its
``create_check_response``...), ``status``, ``line-type``, ``id`` (``authentication_uuid``),
``error`` (a caught v1 exception, or a parameter annotated with a v1 exception class),
``error-code``. The facts (field names, sentences) come from ``compat.knowledge``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Set, Tuple

import libcst as cst

from codemods.core.mapping import status_mapper
from codemods.core.nodes import dotted_name, is_none, string_value, walk
from codemods.core.readonly_walk import children_map
from codemods.core.runners import is_runner
from compat.knowledge.enums import LINE_TYPE_V1_TO_V2
from compat.knowledge.operations import LOOKUP_FIELD_MOVES
from compat.knowledge.sdk_shapes import SDK_V1_PAYLOAD_ATTRS, SDK_V1_RESPONSE_FIELDS
from compat.knowledge.statuses import V1_STATUSES_BY_OP
from compat.knowledge.todos import (
    CODE_VALUE_TODO,
    ENUM_NAME_TODO,
    ERROR_CLASS_NAME_TODO,
    KEPT_CALL_READ_TODO,
    UUID_ID_TODO,
    escaped_status_compared_todo,
    stored_status_compared_todo,
    unseen_response_read_todo,
    v1_error_escapes_todo,
    v1_response_escapes_todo,
    v1_value_escapes_todo,
)

_PAYLOAD_OPS = {attr: op for op, attr in SDK_V1_PAYLOAD_ATTRS.items()}
_STATUS_OPS = ("create", "check", "retry")
# Calls that only look at a value, or print it: not a place where its meaning changes.
_HARMLESS_CALLS = frozenset({"print", "len", "bool", "isinstance", "repr", "type", "id", "hash", "getattr",
                             "hasattr", "setattr", "sorted", "list", "tuple", "set", "min", "max"})
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})
_UUID_CALLS = frozenset({"uuid.UUID", "UUID"})
# Methods that turn a whole model into data (v1: dataclasses_json; v2: pydantic): the v2 model's
# fields and values are other ones.
_SERIALIZERS = frozenset({"to_dict", "to_json", "model_dump", "model_dump_json", "dict", "json", "__dict__"})
_REGEX_METHODS = frozenset({"match", "fullmatch", "search"})
_WHAT = {"status": "status", "line-type": "line type", "error-code": "error code"}
_ENUM_FIELDS = ("status", "line_type")  # v1 enum-valued response fields (``.value`` reads them)


@dataclass(frozen=True)
class Origin:
    """What a v1 value is and where it came from."""

    kind: str  # wrapper | payload | status | line-type | id | error | error-code | field
    op: str = ""  # the v1 operation (create, check, retry, feedback, status, lookup); "" for errors
    producer: Optional[cst.Call] = None  # the v1 SDK call it came from, None when not visible
    many: bool = False  # a container of such values (a list comprehension of lookups...)
    name: str = ""  # for kind "field": the v1 field read

    def element(self) -> "Origin":
        return Origin(self.kind, self.op, self.producer, False, self.name)


@dataclass
class Use:
    node: cst.CSTNode  # the expression holding the v1 value
    how: str  # argument | key | returned | stored | exception | f-string | uuid
    origin: Origin


@dataclass
class Flow:
    origins: Dict[cst.CSTNode, Origin] = field(default_factory=dict)
    uses: List[Use] = field(default_factory=list)
    # v1 payload reads whose producer is not a visible v1 call that gets rewritten: read -> field
    unseen_reads: Dict[cst.Attribute, str] = field(default_factory=dict)
    # functions (by name) whose body makes a v1 SDK call: their callers meet v1/v2 exceptions too
    v1_functions: Set[str] = field(default_factory=set)
    uuid_uses: List[cst.CSTNode] = field(default_factory=list)
    # function -> its parameters that some call in this module gives a v1 callable (a lambda
    # making a v1 SDK call, a v1 bound method, a function of v1_functions): `retrying(fn)`
    v1_callable_params: Dict[cst.FunctionDef, Set[str]] = field(default_factory=dict)
    # a nested function -> the function it is defined in (closures see its parameters)
    outer: Dict[cst.FunctionDef, cst.FunctionDef] = field(default_factory=dict)
    # comparisons (or keyword filters) of a name this module stores rewritten statuses in, with
    # v1 status strings: (node, TODO text)
    stored_compares: List[Tuple[cst.CSTNode, str]] = field(default_factory=list)

    def calls_v1(self, body: cst.CSTNode, function: Optional[cst.FunctionDef]) -> bool:
        """``body`` (inside ``function``) calls a function of this module that makes a v1 SDK
        call, or a parameter given a v1 callable, its own or one of an enclosing function (the
        ``fn`` of a decorator's inner wrapper): v1 SDK exceptions can reach it."""
        params: Set[str] = set()
        while function is not None:
            params |= self.v1_callable_params.get(function, set())
            function = self.outer.get(function)
        for node in walk(body):
            callee = callee_name(node.func) if isinstance(node, cst.Call) else None
            if callee is not None and (callee[0] in self.v1_functions or (not callee[1] and callee[0] in params)):
                return True
        return False

    def origin(self, node: cst.CSTNode) -> Optional[Origin]:
        return self.origins.get(node)

    def todos(self) -> List[Tuple[cst.CSTNode, str]]:
        """(node, TODO text) for every place where a v1 value's meaning changes unmapped."""
        found: List[Tuple[cst.CSTNode, str]] = []
        for use in self.uses:
            kind = use.origin.kind
            if use.how == "named":  # sdk-responses' sentence for the same read (one TODO)
                found.append((use.node, ENUM_NAME_TODO))
            elif use.how == "kept":
                found.append((use.node, KEPT_CALL_READ_TODO))
            elif kind == "error-code":
                # sdk-errors' sentence for the same line (one TODO there, not two saying it twice)
                found.append((use.node, CODE_VALUE_TODO))
            elif kind in _WHAT:
                found.append((use.node, v1_value_escapes_todo(_WHAT[kind], use.how)))
            elif kind in ("wrapper", "payload") and use.how != "f-string":
                found.append((use.node, v1_response_escapes_todo(use.how)))
            elif kind == "error" and use.how == "class-name":
                found.append((use.node, ERROR_CLASS_NAME_TODO))
            elif kind == "error" and use.how in ("argument", "returned", "stored"):
                found.append((use.node, v1_error_escapes_todo(use.how)))
        for read, field_name in self.unseen_reads.items():
            found.append((read, unseen_response_read_todo(field_name, _v2_read(field_name))))
        found.extend((node, UUID_ID_TODO) for node in self.uuid_uses)
        found.extend(self.stored_compares)
        return found


def _is_v2_read(node: cst.Attribute) -> bool:
    """``x.network_info.mcc``: the v2 place of a v1 lookup field that moved under an object (what
    the rewrite writes for ``x.mcc``): not a v1 read, so a second run leaves it alone."""
    move = LOOKUP_FIELD_MOVES.get(node.attr.value, "")
    holder, _, name = move.rpartition(".")
    return bool(holder) and name == node.attr.value and isinstance(node.value, cst.Attribute) \
        and node.value.attr.value == holder


def _v2_read(field_name: str) -> str:
    if field_name.endswith(".value"):
        return f"x.{field_name[:-len('.value')]} (a plain string, no .value)"
    move = LOOKUP_FIELD_MOVES.get(field_name)
    if move and move.startswith("flags:"):
        return f"'{move.split(':', 1)[1]}' in (x.flags or [])"
    if move:
        return f"x.{move}"
    for fields in SDK_V1_RESPONSE_FIELDS.values():
        if fields.get(field_name):
            return f"x.{fields[field_name]}"
    if field_name in _PAYLOAD_OPS:
        return "the response itself (x)"
    return "the v2 field (docs/api-changes.md)"


def _case_literals(match: cst.Match) -> List[Optional[str]]:
    """The strings of ``case "valid":`` / ``case "valid" | "invalid":`` patterns."""
    found: List[Optional[str]] = []
    for case in match.cases:
        stack: List[cst.CSTNode] = [case.pattern]
        while stack:
            pattern = stack.pop()
            if isinstance(pattern, cst.MatchValue):
                found.append(string_value(pattern.value))
            elif isinstance(pattern, cst.MatchOr):
                stack.extend(element.pattern for element in pattern.patterns)
    return found


def _enum_field_key(node: cst.BaseExpression) -> Optional[str]:
    """``status`` for ``x["status"]`` (a v1 enum-valued response field's name as the key)."""
    if not isinstance(node, cst.Subscript) or len(node.slice) != 1 \
            or not isinstance(node.slice[0].slice, cst.Index):
        return None
    key = string_value(node.slice[0].slice.value)
    return key if key in _ENUM_FIELDS else None


def callee_name(func: cst.BaseExpression) -> Optional[Tuple[str, bool]]:
    """(the name of the function of this module a call names, whether it is called as a method:
    ``self.m(...)``/``cls.m(...)``) for ``f(...)`` and ``self.f(...)``; None for other calls."""
    if isinstance(func, cst.Name):
        return func.value, False
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in ("self", "cls"):
        return func.attr.value, True
    return None


def bound_arguments(call: cst.Call, function: cst.FunctionDef, skip_first: bool) -> Dict[str, cst.Arg]:
    """Parameter name -> the argument of ``call`` it binds (keywords by name, positionals in
    order, the first parameter skipped for a method call); ``*``/``**`` arguments bind nothing."""
    params = function.params
    positional = [p.name.value for p in (*params.posonly_params, *params.params)][1 if skip_first else 0:]
    bound: Dict[str, cst.Arg] = {}
    for index, argument in enumerate(call.args):
        if argument.star:
            continue
        if argument.keyword is not None:
            bound[argument.keyword.value] = argument
        elif index < len(positional):
            bound[positional[index]] = argument
    return bound


# Fields whose v1 name does not exist on the v2 model: a read of one on an untraced value is
# v1 code for sure (a v1 payload, or a v2 model that lacks it).
_V1_ONLY_FIELDS = frozenset(
    {f for f, move in LOOKUP_FIELD_MOVES.items() if move != f}
    | {f for fields in SDK_V1_RESPONSE_FIELDS.values() for f, v2 in fields.items() if v2 != f}
    | set(_PAYLOAD_OPS))


# How a value leaves the code that reads it (handed to a call, stored, returned): past that, the
# code that reads it again is not visible here.
_LEAVES = ("argument", "stored", "returned")

# Of the v1-only fields, the ones too common to mark on any untraced value ("uuid" too): marked only in a
# module that hands v1 responses out.
_GENERIC_V1_FIELDS = frozenset({"created_at", "expires_at"}) & _V1_ONLY_FIELDS
# The ones distinctive enough to mark on any untraced value of a v1 module.
_UNTRACED_V1_FIELDS = _V1_ONLY_FIELDS - {"uuid"} - _GENERIC_V1_FIELDS


def analyse(module: cst.Module, scopes: Mapping[cst.CSTNode, object], parents: Mapping[cst.CSTNode, cst.CSTNode],
            calls: Mapping[cst.Call, object], rewritten: Callable[[cst.Call], bool],
            error_names: Iterable[cst.CSTNode] = (), error_params: Iterable[cst.Param] = (),
            v1_module: bool = True) -> Flow:
    """The flow of every v1 value in ``module``.

    ``calls``: the v1 SDK calls (node -> anything with an ``op``); ``rewritten(call)``: whether
    the SDK codemods turn that call into a v2 call; ``error_names``: the ``as e`` names of the
    handlers of v1 exceptions; ``error_params``: parameters annotated with a v1 exception class.
    """
    return ValueFlow(module, scopes, parents, calls, rewritten, error_names, error_params, v1_module).run()


class ValueFlow:
    """The analysis in two steps, for callers that need origins before they can say which calls
    are rewritten (the phone number of a check comes from the origin of its id): ``origin(node)``
    any time, then ``run()`` once."""

    def __init__(self, module, scopes, parents, calls, rewritten, error_names=(), error_params=(),
                 v1_module=True) -> None:
        self.module, self.scopes, self.parents = module, scopes, parents
        self.calls, self.rewritten = calls, rewritten
        self.flow = Flow()
        self._memo: Dict[cst.CSTNode, Optional[Origin]] = {}
        self._busy: Set[cst.CSTNode] = set()
        # the `as e` names of v1 handlers -> the v1 classes caught, comma-joined ("" unknown)
        self._error_targets: Dict[cst.CSTNode, str] = (
            dict(error_names) if isinstance(error_names, Mapping) else {n: "" for n in error_names})
        self._param_memo: Dict[cst.Param, Optional[Origin]] = {}
        self._by_name: Optional[Dict[str, List[cst.CSTNode]]] = None
        self._by_attr: Dict[str, List[cst.CSTNode]] = {}
        self._error_params = {param.name for param in error_params}
        self._functions: Dict[str, List[cst.FunctionDef]] = {}
        self._returns: Dict[cst.FunctionDef, List[cst.BaseExpression]] = {}
        self._attributes: List[cst.Attribute] = []
        self._names: List[cst.Name] = []
        self._calls: List[cst.BaseExpression] = []
        self._comparisons: List[cst.BaseExpression] = []  # comparisons and match statements
        self._literal_keywords: List[cst.Arg] = []  # `state="pending"` in a call
        self._module_literals: Optional[Dict[str, cst.BaseExpression]] = None  # see _constant_value
        self._reads_on: Optional[Dict[Tuple[Optional[cst.FunctionDef], str], Set[str]]] = None
        self.v1_module = v1_module

        self._collect(self.module, None)

    # -- collection --------------------------------------------------------------------------
    def run(self) -> Flow:
        for call in self.calls:
            function = self.enclosing_function(call)
            if function is not None:
                self.flow.v1_functions.add(function.name.value)
        self._callable_params()
        for node in (*self._attributes, *self._names, *self._calls):
            origin = self.origin(node)
            if origin is not None:
                self.flow.origins[node] = origin
                self._classify(node, origin)
            elif self.v1_module and isinstance(node, cst.Attribute):
                self._untraced_read(node)
        if self.v1_module:
            self._uuid_uses()
            self._escaped_payload_reads()
        self._stored_comparisons()
        return self.flow

    def _collect(self, node: cst.CSTNode, function: Optional[cst.FunctionDef]) -> None:
        children = children_map(self.module)  # node.children, computed once per module
        stack = [(node, function)]
        while stack:
            current, fn = stack.pop()
            if isinstance(current, cst.FunctionDef):
                self._functions.setdefault(current.name.value, []).append(current)
                self._returns.setdefault(current, [])
                if fn is not None:
                    self.flow.outer[current] = fn
                fn = current
            elif isinstance(current, cst.Return) and fn is not None and current.value is not None:
                self._returns[fn].append(current.value)
            elif isinstance(current, cst.Attribute):
                self._attributes.append(current)
            elif isinstance(current, cst.Name):
                self._names.append(current)
            elif isinstance(current, (cst.Call, cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.Subscript)):
                self._calls.append(current)  # (comprehensions: containers of v1 values; an element of one)
            elif isinstance(current, (cst.Comparison, cst.Match)):
                self._comparisons.append(current)  # (`match x: case "valid":` compares too)
            elif isinstance(current, cst.Arg) and current.keyword is not None \
                    and isinstance(current.value, cst.SimpleString):
                self._literal_keywords.append(current)
            stack.extend((child, fn) for child in reversed(children.get(current, ())))

    def _callable_params(self) -> None:
        """The parameters of this module's functions that a call here gives a v1 callable."""
        for call in self._calls:
            callee = self._callee(call) if isinstance(call, cst.Call) else None
            if callee is None:
                continue
            function, skip_first = callee
            for param, argument in bound_arguments(call, function, skip_first).items():
                if self._is_v1_callable(argument.value):
                    self.flow.v1_callable_params.setdefault(function, set()).add(param)
        self._decorated_v1_functions()

    def _callee(self, call: cst.Call) -> Optional[Tuple[cst.FunctionDef, bool]]:
        """(the one function of this module ``call`` calls, whether its first parameter is bound
        by the call: ``self.m(...)`` on a method whose first parameter is self/cls)."""
        named = callee_name(call.func)
        functions = self._functions.get(named[0], []) if named else []
        if len(functions) != 1:
            return None
        params = [*functions[0].params.posonly_params, *functions[0].params.params]
        return functions[0], bool(named[1] and params and params[0].name.value in ("self", "cls"))

    def _decorated_v1_functions(self) -> None:
        """A decorator of this module applied to a function that makes a v1 call is given a v1
        callable: ``@timed`` (its first parameter) or ``@retrying(times=2)`` (the first
        parameter of the function the factory returns)."""
        for name in self.flow.v1_functions:
            for function in self._functions.get(name, []):
                for decorator in function.decorators:
                    wrapper = self._decorator_function(decorator.decorator)
                    params = wrapper.params.posonly_params or wrapper.params.params if wrapper else ()
                    if params:
                        self.flow.v1_callable_params.setdefault(wrapper, set()).add(params[0].name.value)

    def _decorator_function(self, expression: cst.BaseExpression) -> Optional[cst.FunctionDef]:
        """The function of this module that receives the decorated function."""
        factory = expression.func if isinstance(expression, cst.Call) else None
        name = factory if factory is not None else expression
        found = self._functions.get(name.value, []) if isinstance(name, cst.Name) else []
        if len(found) != 1:
            return None
        if factory is None:
            return found[0]
        returned = [r.value for r in self._returns.get(found[0], []) if isinstance(r, cst.Name)]
        nested = [f for r in returned for f in self._functions.get(r, []) if self.flow.outer.get(f) is found[0]]
        return nested[0] if len(nested) == 1 else None

    def _is_v1_callable(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.Lambda):
            return any(inner in self.calls for inner in walk(node.body))
        if isinstance(node, cst.Name):
            return node.value in self.flow.v1_functions
        return isinstance(node, cst.Attribute) and self._v1_method_op(node) is not None

    def enclosing_function(self, node: cst.CSTNode) -> Optional[cst.FunctionDef]:
        current = self.parents.get(node)
        while current is not None and not isinstance(current, cst.FunctionDef):
            current = self.parents.get(current)
        return current

    # -- origins -----------------------------------------------------------------------------
    def origin(self, node: cst.CSTNode) -> Optional[Origin]:
        if node in self._memo:
            return self._memo[node]
        if node in self._busy:
            return None
        self._busy.add(node)
        try:
            found = self._origin(node)
        finally:
            self._busy.discard(node)
        self._memo[node] = found
        return found

    def _origin(self, node: cst.CSTNode) -> Optional[Origin]:
        if isinstance(node, cst.Call):
            return self._call_origin(node)
        if isinstance(node, cst.Await):
            return self.origin(node.expression)
        if isinstance(node, cst.Attribute):
            return self._attribute_origin(node)
        if isinstance(node, cst.Name):
            return self._name_origin(node)
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            inner = self.origin(node.elt)
            return Origin(inner.kind, inner.op, inner.producer, True, inner.name) if inner else None
        if isinstance(node, (cst.List, cst.Tuple, cst.Set)) and node.elements \
                and not any(isinstance(e, cst.StarredElement) for e in node.elements):
            # `[line_type]`, `(status,)`: a container of one kind of v1 value (its elements read later)
            inner = [self.origin(e.value) for e in node.elements]
            if any(o is None or o.many for o in inner) or len({(o.kind, o.op) for o in inner}) != 1:  # type: ignore[union-attr]
                return None
            first = inner[0]
            producer = first.producer if len({o.producer for o in inner}) == 1 else None  # type: ignore[union-attr]
            return Origin(first.kind, first.op, producer, True, first.name)  # type: ignore[union-attr]
        if isinstance(node, cst.Subscript):
            inner = self.origin(node.value)
            return inner.element() if inner is not None and inner.many else None
        return None

    def _call_origin(self, call: cst.Call) -> Optional[Origin]:
        if call in self.calls:
            return Origin("wrapper", getattr(self.calls[call], "op", ""), call)
        if self._is_thread_wrapper(call):
            for argument in call.args:  # `to_thread(client.otp.check, req)`: the call runs elsewhere
                if isinstance(argument.value, cst.Lambda):  # `to_thread(lambda: client.otp.check(req))`
                    inner = self.origin(argument.value.body)
                    if inner is not None:
                        return inner
                    continue
                method = self._v1_method_op(argument.value)
                if method:
                    return Origin("wrapper", method)
        if isinstance(call.func, cst.Name):
            return self._returned_origin(call.func.value)
        if isinstance(call.func, cst.Attribute) and isinstance(call.func.value, cst.Name) \
                and call.func.value.value in ("self", "cls"):
            return self._returned_origin(call.func.attr.value)
        return None

    @staticmethod
    def _is_thread_wrapper(call: cst.Call) -> bool:
        name = dotted_name(call.func) or ""
        return is_runner(name)

    def _v1_method_op(self, node: cst.BaseExpression) -> Optional[str]:
        for call in self.calls:
            if isinstance(call.func, cst.Attribute) and isinstance(node, cst.Attribute) \
                    and node.attr.value == call.func.attr.value and dotted_name(node) == dotted_name(call.func):
                return getattr(self.calls[call], "op", None)
        return None

    def _returned_origin(self, function_name: str) -> Optional[Origin]:
        """A function of this module whose every return gives the same kind of v1 value."""
        functions = self._functions.get(function_name, [])
        if len(functions) != 1:
            return None
        # (`return None` carries no v1 value: `return e.code` ... `return None` is an error code)
        origins = [self.origin(value) for value in self._returns.get(functions[0], []) if not is_none(value)]
        if not origins or any(o is None for o in origins) or len({(o.kind, o.op, o.many) for o in origins}) != 1:
            return None
        first = origins[0]
        producers = {o.producer for o in origins}
        if len(producers) == 1 and first.kind != "id":
            return first  # one v1 call behind every return: reads in the caller follow it
        return Origin(first.kind, first.op, None, first.many, first.name)  # producer: not one call

    def _attribute_origin(self, node: cst.Attribute) -> Optional[Origin]:
        attr = node.attr.value
        base = self.origin(node.value)
        if base is None or base.many:
            if attr in _PAYLOAD_OPS and not self._is_written(node):
                return Origin("payload", _PAYLOAD_OPS[attr], None)
            return None
        if base.kind == "wrapper":
            if attr == SDK_V1_PAYLOAD_ATTRS.get(base.op):
                return Origin("payload", base.op, base.producer)
            return self._field_origin(base, attr)  # a v2-shaped read of a rewritten call (`res.status`)
        if base.kind == "payload":
            return self._field_origin(base, attr)
        if base.kind in ("status", "line-type", "error-code") and attr == "value":
            return base
        if base.kind == "error" and attr == "code":
            return Origin("error-code", "", base.producer)
        return None

    @staticmethod
    def _field_origin(base: Origin, attr: str) -> Optional[Origin]:
        if attr == "status" and base.op in _STATUS_OPS:
            return Origin("status", base.op, base.producer)
        if attr == "line_type" and base.op == "lookup":
            return Origin("line-type", base.op, base.producer)
        if attr in ("authentication_uuid", "id") and base.op in _STATUS_OPS:
            return Origin("id", base.op, base.producer)
        return None

    def _name_origin(self, node: cst.Name) -> Optional[Origin]:
        if node in self._error_targets:
            return Origin("error", name=self._error_targets[node])
        scope = self.scopes.get(node)
        if scope is None or not self._is_read(node):
            return None
        try:
            accesses = scope.accesses[node]  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a name libcst's scopes do not track
            return None
        origins: List[Optional[Origin]] = []
        for access in accesses:
            if access.node is not node:
                continue
            for assignment in access.referents:
                origins.append(self._assigned_origin(getattr(assignment, "node", None)))
        if not origins or any(o is None for o in origins) or len({(o.kind, o.op, o.many) for o in origins}) != 1:
            return None
        return origins[0]

    def _assigned_origin(self, target: Optional[cst.CSTNode]) -> Optional[Origin]:
        if target is None:
            return None
        if isinstance(target, cst.Param):
            return Origin("error") if target.name in self._error_params else self.param_origin(target)
        if isinstance(target, cst.Name) and target in self._error_targets:
            return Origin("error", name=self._error_targets[target])
        parent = self.parents.get(target)
        if isinstance(parent, cst.AssignTarget):
            assign = self.parents.get(parent)
            return self.origin(assign.value) if isinstance(assign, cst.Assign) else None
        if isinstance(parent, cst.AnnAssign) and parent.value is not None:
            return self.origin(parent.value)
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.target is target:
            container = self.origin(parent.iter)
            return container.element() if container is not None and container.many else None
        if isinstance(parent, cst.Param):
            return Origin("error") if target in self._error_params else self.param_origin(parent)
        return None

    # -- parameters: what every visible call site passes ----------------------------------------
    def param_origin(self, param: cst.Param) -> Optional[Origin]:
        """The v1 value a parameter receives when every reference to its function in this module
        is a call and every call passes the same kind of v1 value for it (``auth_id(res)``,
        ``describe(e)``, ``self._is_valid(res)``); None otherwise (the parameter is untraced)."""
        if param in self._param_memo:
            return self._param_memo[param]
        self._param_memo[param] = None  # (recursion through the function's own calls: untraced)
        found = self._param_origin(param)
        self._param_memo[param] = found
        return found

    def _param_origin(self, param: cst.Param) -> Optional[Origin]:
        function = self.parents.get(self.parents.get(param) or param)
        if not isinstance(function, cst.FunctionDef) or param.star:
            return None
        sites = self._call_sites(function)
        if not sites:
            return None
        origins = []
        for call, skip_first in sites:
            argument = self._argument_for(call, function, param, skip_first)
            origin = self.origin(argument) if argument is not None else None
            if origin is None:
                return None
            origins.append(origin)
        if len({(o.kind, o.op, o.many, o.name) for o in origins}) != 1:
            if len({(o.kind, o.many) for o in origins}) == 1 and origins[0].kind == "status":
                # `self._move(created.status)` and `self._move(checked.status)`: statuses of several
                # operations; not mapped (which one is it?), but every use in the function is judged
                return Origin(origins[0].kind, "", None, origins[0].many)
            return None
        producers = {o.producer for o in origins}
        first = origins[0]
        if len(producers) == 1:
            return first
        if first.kind == "id" or None in producers or not all(self.rewritten(p) for p in producers):
            return Origin(first.kind, first.op, None, first.many, first.name)  # which create: not one
        return first  # several rewritten calls of one kind: their reads are rewritten alike

    def _private_and_followed(self, statement: cst.Return) -> bool:
        """A return of a private function (``_name``) whose every reference here is a call: its
        callers are all visible and the value is followed into each of them."""
        function = self.enclosing_function(statement)
        return function is not None and function.name.value.startswith("_") \
            and bool(self._call_sites(function))

    def _call_sites(self, function: cst.FunctionDef) -> Optional[List[Tuple[cst.Call, bool]]]:
        """(call, whether its first parameter is bound) for each reference to ``function``, or
        None when one is not a plain call of it (passed on, stored, decorated, ambiguous)."""
        name = function.name.value
        if len(self._functions.get(name, [])) != 1 or function.decorators:
            return None
        holder = self.parents.get(self.parents.get(function) or function)
        method = isinstance(holder, cst.ClassDef)
        if not method and not isinstance(self.parents.get(function), cst.Module):
            return None  # a nested function: closures are not followed here
        sites: List[Tuple[cst.Call, bool]] = []
        for node in self._references(name, method):
            if method:
                if not (isinstance(node.value, cst.Name) and node.value.value in ("self", "cls")):
                    return None  # called on another object: callers this tool cannot see
            elif node is function.name:
                continue
            call = self.parents.get(node)
            if not (isinstance(call, cst.Call) and call.func is node):
                return None
            sites.append((call, method))
        return sites

    def _references(self, name: str, attributes: bool) -> List[cst.CSTNode]:
        """The names (or attributes, ``x.name``) spelled ``name`` in this module (indexed once)."""
        if self._by_name is None:
            self._by_name, self._by_attr = {}, {}
            for node in self._names:
                self._by_name.setdefault(node.value, []).append(node)
            for attribute in self._attributes:
                self._by_attr.setdefault(attribute.attr.value, []).append(attribute)
        return (self._by_attr if attributes else self._by_name).get(name, [])

    @staticmethod
    def _argument_for(call: cst.Call, function: cst.FunctionDef, param: cst.Param,
                      skip_first: bool) -> Optional[cst.BaseExpression]:
        if any(a.star for a in call.args):
            return None
        argument = bound_arguments(call, function, skip_first).get(param.name.value)
        return argument.value if argument is not None else None

    def _receiving_param(self, call: cst.Call, argument: cst.Arg) -> Optional[cst.Param]:
        """The parameter of a function of this module that ``argument`` of ``call`` binds."""
        callee = self._callee(call)
        if callee is None or argument.star:
            return None
        function, skip_first = callee
        name = next((n for n, a in bound_arguments(call, function, skip_first).items() if a is argument), None)
        params = function.params
        return next((p for p in (*params.posonly_params, *params.params, *params.kwonly_params)
                     if p.name.value == name), None)

    def _is_read(self, node: cst.Name) -> bool:
        parent = self.parents.get(node)
        if isinstance(parent, cst.Attribute):
            return parent.value is node
        if isinstance(parent, cst.Arg):
            return parent.keyword is not node
        return not isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef, cst.ImportAlias, cst.AsName,
                                       cst.AssignTarget, cst.Global, cst.Nonlocal))

    def _is_written(self, node: cst.CSTNode) -> bool:
        parent = self.parents.get(node)
        return isinstance(parent, (cst.AssignTarget, cst.Del)) or (
            isinstance(parent, (cst.AugAssign, cst.AnnAssign)) and parent.target is node)

    # -- uses --------------------------------------------------------------------------------
    def _classify(self, node: cst.CSTNode, origin: Origin) -> None:
        parent = self.parents.get(node)
        if isinstance(node, cst.Attribute) and origin.kind == "payload" and origin.producer is None \
                and not self._is_written(node):
            if isinstance(parent, cst.Attribute) and parent.value is node and self._unseen(parent, parent.attr.value):
                return
            # `res.lookup_response.country_code`: the field is the same in v2, the wrapper is not
            self._unseen(node, node.attr.value)
            return
        if origin.producer is not None and not self.rewritten(origin.producer) and origin.kind != "wrapper":
            # The call stays v1 (under its own TODO), and so do its reads; but on the rewritten
            # client it raises, so the first read of its payload says so where it is read.
            if origin.kind == "payload" and isinstance(node, cst.Attribute) and node.attr.value in _PAYLOAD_OPS \
                    and not self._is_written(node):
                self.flow.uses.append(Use(node, "kept", origin))
            return
        how = self._how(node, parent, origin)
        if how == "uuid":
            self.flow.uuid_uses.append(node)
        elif how is not None:
            self.flow.uses.append(Use(node, how, origin))

    def _untraced_read(self, node: cst.Attribute) -> None:
        """A v1-only response field (``info.number_ported``) read on a value the flow cannot
        trace (a parameter, a loop over one): v1 code for sure, and wrong on a v2 model."""
        attr = node.attr.value
        if self._is_written(node) or isinstance(node.value, cst.Name) and node.value.value in ("self", "cls"):
            return
        if self.origin(node.value) is not None:
            return  # a field of a traced value: the codemods map it (or mark it) themselves
        if attr in _UNTRACED_V1_FIELDS and not _is_v2_read(node):
            self.flow.unseen_reads[node] = attr
        elif attr in _V1_ONLY_FIELDS and isinstance(node.value, cst.Name) \
                and self._v1_fields_read_on(node.value) & _UNTRACED_V1_FIELDS:
            # `payload.expires_at` where `payload.authentication_uuid` is read too: a v1 payload
            self.flow.unseen_reads[node] = attr
        elif attr == "value" and isinstance(node.value, cst.Attribute) and node.value.attr.value in _ENUM_FIELDS \
                and self.origin(node.value.value) is None \
                and not (isinstance(node.value.value, cst.Name) and node.value.value.value in ("self", "cls")):
            # `info.line_type.value`: v1 enums; v2 line types and statuses are plain strings
            self.flow.unseen_reads[node] = f"{node.value.attr.value}.value"
        elif attr == "value" and _enum_field_key(node.value) is not None:
            # `row["status"].value`: a v1 enum kept in a dict under its field's name
            self.flow.unseen_reads[node] = f"{_enum_field_key(node.value)}.value"
        elif attr == "line_type":
            how = self._how(node, self.parents.get(node), Origin("line-type", "lookup"))
            if how is not None and how != "uuid":
                self.flow.uses.append(Use(node, how, Origin("line-type", "lookup")))

    def _escaped_payload_reads(self) -> None:
        """``payload.expires_at`` on an untraced value in a module that hands v1 responses out
        (``pickle.dumps(payload)``, a store, a return): it may be one coming back; v2 responses
        have no such field."""
        if not any(use.how in (*_LEAVES, "serialized")
                   and use.origin.kind in ("wrapper", "payload") for use in self.flow.uses):
            return
        for node in self._attributes:
            if node.attr.value in _GENERIC_V1_FIELDS and node not in self.flow.unseen_reads \
                    and not self._is_written(node) and self.origin(node.value) is None \
                    and not (isinstance(node.value, cst.Name) and node.value.value in ("self", "cls")):
                self.flow.unseen_reads[node] = node.attr.value

    def _v1_fields_read_on(self, name: cst.Name) -> Set[str]:
        """The attributes read on the name ``name`` spells in its function (indexed once)."""
        if self._reads_on is None:
            self._reads_on = {}
            for attribute in self._attributes:
                if isinstance(attribute.value, cst.Name):
                    key = (self.enclosing_function(attribute), attribute.value.value)
                    self._reads_on.setdefault(key, set()).add(attribute.attr.value)
        return self._reads_on.get((self.enclosing_function(name), name.value), set())

    def _unseen(self, read: cst.Attribute, field_name: str) -> bool:
        if field_name in _V1_ONLY_FIELDS or field_name in _ENUM_FIELDS:
            self.flow.unseen_reads[read] = field_name
            return True
        return False

    def _how(self, node: cst.CSTNode, parent: Optional[cst.CSTNode], origin: Origin) -> Optional[str]:
        if isinstance(parent, cst.Attribute):
            if parent.value is node and parent.attr.value == "__class__" and origin.kind == "error":
                return "class-name"  # `e.__class__.__name__`, `e.__class__ is ...`: v2 has other classes
            if parent.value is node and parent.attr.value in _SERIALIZERS and origin.kind in ("wrapper", "payload"):
                return "serialized"  # `payload.to_dict()`: every v1 field name and value, as they were
            if parent.value is node and origin.kind in ("status", "line-type") and parent.attr.value == "name":
                return "named"  # `kind.name.lower()`: a v2 line type or status is a str, no .name
            if parent.value is node and origin.kind in ("status", "line-type") \
                    and parent.attr.value not in ("value", "name"):
                return "f-string"  # `status.value.upper()`, `.startswith("val")`: text made from it
            return None  # a further read: judged at the outer node
        if isinstance(parent, cst.IfExp) and node is not parent.test \
                or isinstance(parent, cst.BooleanOperation):
            # `s if s else None`, `s or "unknown"`: the expression's value may be this one
            grandparent = self.parents.get(parent)
            if isinstance(grandparent, cst.Assign) and all(isinstance(t.target, cst.Name) for t in grandparent.targets):
                return "stored"  # in a variable the flow does not follow (its value is not one origin)
            if isinstance(grandparent, (cst.Comparison, cst.ComparisonTarget)) and origin.kind in _WHAT:
                return "compared"  # `(s.value if s else "none") in (...)`: no codemod maps that comparison
            return self._how(parent, grandparent, origin)
        if isinstance(parent, (cst.Await, cst.Comparison, cst.ComparisonTarget,
                               cst.UnaryOperation, cst.If, cst.While, cst.IfExp)):
            return None  # compared or tested: the codemods map comparisons with known values
        if isinstance(parent, cst.Arg):
            call = self.parents.get(parent)
            return self._argument_use(call, origin, parent) if isinstance(call, cst.Call) and call.func is not node \
                else None
        if isinstance(parent, (cst.Return, cst.Yield)):
            if origin.kind == "error" or (isinstance(parent, cst.Return) and self._private_and_followed(parent)):
                return None
            return "returned"
        if isinstance(parent, cst.Lambda):  # what the lambda returns, to whoever calls it
            holder = self.parents.get(self.parents.get(parent) or parent)
            if isinstance(holder, cst.Call) and self._is_thread_wrapper(holder):
                return None  # followed: the wrapper's result is this value
            return None if origin.kind == "error" else "returned"
        if isinstance(parent, cst.SubscriptElement) or isinstance(parent, cst.Index):
            return "key"
        if isinstance(parent, cst.DictElement):
            return "key" if parent.key is node else self._container_use(parent)
        if isinstance(parent, cst.Element):
            return self._container_use(parent)
        if isinstance(parent, cst.DictComp):
            return "key" if parent.key is node else "stored"
        if isinstance(parent, cst.FormattedStringExpression):
            return "f-string" if origin.kind in _WHAT else None
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, (cst.Add, cst.Modulo)) \
                and origin.kind in ("status", "line-type"):
            return "f-string"  # `"_on_" + status.value`, `"%s" % status`: text built from it
        if isinstance(parent, cst.Raise):
            return "exception" if origin.kind != "error" else None
        if isinstance(parent, cst.Assign):
            targets = [t.target for t in parent.targets]
            if all(isinstance(t, cst.Name) for t in targets):
                return None  # followed through the variable
            return "stored"
        return None

    def _container_use(self, element: cst.CSTNode) -> Optional[str]:
        container = self.parents.get(element)
        holder = self.parents.get(container) if container is not None else None
        if isinstance(holder, (cst.Comparison, cst.ComparisonTarget)):
            return None  # `status in (A, B)`
        return "stored"

    def _argument_use(self, call: cst.Call, origin: Origin, argument: Optional[cst.Arg] = None) -> Optional[str]:
        if argument is not None:
            param = self._receiving_param(call, argument)
            received = self.param_origin(param) if param is not None else None
            if received is not None and (received.op or received.kind != "status"):
                return None  # followed into the function: its reads are judged there (and mapped)
        name = dotted_name(call.func) or ""
        last = name.rsplit(".", 1)[-1]
        if origin.kind == "error" and name == "type":
            return "class-name"  # `type(e).__name__`, `type(e) is X`: v2 raises other classes
        if origin.kind == "id" and (name in _UUID_CALLS or last == "UUID"):
            return "uuid"
        if name in ("getattr", "hasattr") and origin.kind in ("wrapper", "payload"):
            return "argument"  # a field read by its name: v2's fields are other ones
        if call in self.calls or name in _HARMLESS_CALLS or last in _LOG_METHODS or is_runner(name):
            return None
        if origin.kind in ("wrapper", "payload") and name in ("str",):
            return None
        if last in ("get", "pop", "setdefault", "index", "count") and origin.kind in _WHAT:
            return "key"
        if self._is_exception_call(call):
            return "exception"
        if origin.kind == "id":
            return None  # ids are passed around freely; only their format changed
        return "argument"

    def _is_exception_call(self, call: cst.Call) -> bool:
        parent = self.parents.get(call)
        return isinstance(parent, cst.Raise) or (dotted_name(call.func) or "").endswith(("Error", "Exception"))

    # -- a status stored under a name, compared elsewhere with v1 strings -----------------------
    def _stored_comparisons(self) -> None:
        """``self.state = res.status.value`` (rewritten: a v2 status now) and, elsewhere in the
        module, ``row.state == "pending"`` or ``query(state="pending")``: the v1 string no longer
        matches what is stored. The store has its own TODO; the comparison gets one too."""
        stores: Dict[str, Set[str]] = {}  # stored name -> the v1 operations of the statuses ("lookup": line types)
        for use in self.flow.uses:
            if use.how in ("stored", "argument") and (use.origin.kind == "status" and use.origin.op in V1_STATUSES_BY_OP
                                                     or use.origin.kind == "line-type"):
                name = self._store_name(use.node)
                if name:
                    stores.setdefault(name, set()).add(use.origin.op if use.origin.kind == "status" else "lookup")
        escaped: Set[str] = set()  # the same, for every status / line type that leaves this code
        for use in self.flow.uses:
            if use.how in _LEAVES and (
                    use.origin.kind == "status" and use.origin.op in V1_STATUSES_BY_OP or use.origin.kind == "line-type"):
                escaped.add(use.origin.op if use.origin.kind == "status" else "lookup")
        if not stores and not escaped:
            return
        for comparison in self._comparisons:
            if isinstance(comparison, cst.Match):
                if escaped and self.origin(comparison.subject) is None:
                    self._stored_compare(comparison.subject, "", escaped, _case_literals(comparison))
                continue
            sides = [comparison.left, *(target.comparator for target in comparison.comparisons)]
            if any(self.origin(side) is not None for side in sides):
                continue
            names = [n for n in map(self._read_name, sides) if n in stores]
            literals = [string_value(v) for side in map(self._constant_value, sides) for v in (
                [e.value for e in side.elements] if isinstance(side, (cst.Tuple, cst.List, cst.Set)) else [side])]
            if names:
                self._stored_compare(comparison, names[0], stores[names[0]], literals)
            elif escaped:
                # `row["state"] == "valid"` after `store.update_state(id, res.status.value)`: the
                # value went where this tool cannot follow it and may come back from there
                self._stored_compare(comparison, "", escaped, literals)
        if escaped:
            self._escaped_table_reads(escaped)
        for keyword in self._literal_keywords:
            name = keyword.keyword.value  # type: ignore[union-attr]
            if name in stores and self.parents.get(keyword) not in self.calls:
                self._stored_compare(keyword.value, name, stores[name], [string_value(keyword.value)])

    def _escaped_table_reads(self, escaped: Set[str]) -> None:
        """``LABELS[row["state"]]`` / ``LABELS.get(x)`` with ``LABELS`` a module dict keyed by v1
        status (line type) strings, the key untraced, in a module that hands v2 values out."""
        tables: Dict[str, List[Optional[str]]] = {}
        for statement in self.module.body:
            if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
                    and isinstance(statement.body[0], cst.Assign) and isinstance(statement.body[0].value, cst.Dict) \
                    and len(statement.body[0].targets) == 1 and isinstance(statement.body[0].targets[0].target, cst.Name):
                keys = [string_value(e.key) for e in statement.body[0].value.elements if isinstance(e, cst.DictElement)]
                tables[statement.body[0].targets[0].target.value] = keys
        if not tables:
            return
        for node in self._calls:
            key: Optional[cst.BaseExpression] = None
            table: Optional[cst.BaseExpression] = None
            if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
                table, key = node.value, node.slice[0].slice.value
            elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "get" \
                    and node.args and not node.args[0].keyword:
                table, key = node.func.value, node.args[0].value
            if isinstance(table, cst.Name) and table.value in tables and string_value(key) is None \
                    and self.origin(key) is None and not self._is_written(node):
                self._stored_compare(node, "", escaped, tables[table.value])

    def _constant_value(self, side: cst.BaseExpression) -> cst.BaseExpression:
        """``MOBILE_TYPES`` bound once at module level to a literal set/tuple/list: that literal."""
        if not isinstance(side, cst.Name):
            return side
        if self._module_literals is None:
            self._module_literals = self._literal_constants()
        return self._module_literals.get(side.value, side)

    def _literal_constants(self) -> Dict[str, cst.BaseExpression]:
        """name -> its literal tuple/list/set, for the names one module-level ``NAME = ...`` line
        binds (a name bound by two such lines is left out); built once per module."""
        bound: Dict[str, List[cst.BaseExpression]] = {}
        for statement in self.module.body:
            if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
                    and isinstance(statement.body[0], cst.Assign):
                assign = statement.body[0]
                for name in {t.target.value for t in assign.targets if isinstance(t.target, cst.Name)}:
                    bound.setdefault(name, []).append(assign.value)
        return {name: values[0] for name, values in bound.items()
                if len(values) == 1 and isinstance(values[0], (cst.Tuple, cst.List, cst.Set))}

    def _stored_compare(self, node: cst.CSTNode, name: str, ops: Set[str], literals: List[Optional[str]]) -> None:
        line_types = "lookup" in ops
        v1 = [text for text in literals if text and (
            text in LINE_TYPE_V1_TO_V2 if line_types else any(text in V1_STATUSES_BY_OP[op] for op in ops))]
        if not v1:
            return
        todo = stored_status_compared_todo if name else escaped_status_compared_todo
        if line_types:
            self.flow.stored_compares.append((node, todo(
                name, v1, [LINE_TYPE_V1_TO_V2[text] for text in v1], "line type")))
            return
        v2: List[str] = []
        for op in sorted(ops):
            for text in v1:
                if text in V1_STATUSES_BY_OP[op]:
                    values, _ = status_mapper(op)(text)  # type: ignore[misc]
                    v2.extend(values or ())
        self.flow.stored_compares.append((node, todo(name, v1, v2)))

    def _store_name(self, node: cst.CSTNode) -> Optional[str]:
        """The attribute, dict key or keyword a stored value goes under."""
        parent = self.parents.get(node)
        if isinstance(parent, cst.DictElement) and parent.value is node:
            return string_value(parent.key)
        if isinstance(parent, cst.Arg) and parent.keyword is not None:
            return parent.keyword.value
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
            return self._read_name(parent.targets[0].target)
        return None

    @staticmethod
    def _read_name(node: cst.BaseExpression) -> Optional[str]:
        """``x.state`` -> state; ``x["status"]`` / ``x.get("status")`` -> status."""
        if isinstance(node, cst.Attribute):
            return node.attr.value
        if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            return string_value(node.slice[0].slice.value)
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "get" \
                and node.args:
            return string_value(node.args[0].value)
        return None

    def _uuid_uses(self) -> None:
        """UUID regexes and ``uuid.UUID(...)`` of ids traced or passed as authentication_uuid."""
        for call in self._calls:
            if not isinstance(call, cst.Call):
                continue
            name = dotted_name(call.func) or ""
            last = name.rsplit(".", 1)[-1]
            if last in _REGEX_METHODS or name in ("re.compile",):
                pattern = self._uuid_pattern(call)
                if pattern or (last in _REGEX_METHODS and any(self._traced_id(a.value) for a in call.args)):
                    # a UUID pattern, or any pattern matched against a traced v1 id (`vrf_...` on v2)
                    self.flow.uuid_uses.append(call)
            elif name in _UUID_CALLS and call.args and self._is_v1_id_name(call.args[0].value):
                self.flow.uuid_uses.append(call)

    def _uuid_pattern(self, call: cst.Call) -> bool:
        """``re.match(UUID literal, ...)``, or ``X.match(...)`` on a module pattern of a UUID."""
        candidates: List[cst.BaseExpression] = [a.value for a in call.args[:1]]
        if isinstance(call.func, cst.Attribute) and isinstance(call.func.value, cst.Name):
            candidates.append(call.func.value)
        for candidate in candidates:
            text = string_value(candidate) if not isinstance(candidate, cst.Name) else self._constant(candidate)
            if text and ("{8}-" in text and "{12}" in text or "{36}" in text):
                return True
        return False

    def _constant(self, name: cst.Name) -> Optional[str]:
        """The pattern text of a module-level ``NAME = re.compile("...")`` / ``NAME = "..."``."""
        for statement in self.module.body:
            if isinstance(statement, cst.SimpleStatementLine) and isinstance(statement.body[0], cst.Assign):
                assign = statement.body[0]
                if any(isinstance(t.target, cst.Name) and t.target.value == name.value for t in assign.targets):
                    value = assign.value
                    if isinstance(value, cst.Call) and value.args:
                        value = value.args[0].value
                    return string_value(value)
        return None

    def _traced_id(self, node: cst.BaseExpression) -> bool:
        """A v1 id the flow traces to a call this run rewrites (or to several calls)."""
        origin = self.origin(node)
        return origin is not None and origin.kind == "id" and not origin.many \
            and (origin.producer is None or self.rewritten(origin.producer))

    def _is_v1_id_name(self, node: cst.BaseExpression) -> bool:
        origin = self.origin(node)
        if origin is not None and origin.kind == "id":
            return True
        if not isinstance(node, cst.Name):
            return False
        function = self.enclosing_function(node)
        for call in self.calls:  # the same name is given to a v1 call as authentication_uuid
            if self.enclosing_function(call) is function:
                for inner in walk(call):
                    if isinstance(inner, cst.Arg) and inner.keyword is not None \
                            and inner.keyword.value in ("authentication_uuid", "auth_uuid") \
                            and isinstance(inner.value, cst.Name) and inner.value.value == node.value:
                        return True
        return False

