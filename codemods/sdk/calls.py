"""``sdk-calls``: the six v1 operations become v2 calls (docs/codemods.md, SDK codemods).

* create (every spelling) -> ``verification.create(target=..., signals=..., options=..., metadata=...)``
* check -> ``verification.check(target=..., code=...)`` and retry -> ``verification.create(target=...)``,
  only when the phone number is known in the function (see ``codemods.core.phone``); else a TODO.
* feedback -> removed with a TODO naming ``watch.send_feedbacks`` (docs/api-changes.md, "Feedback and webhooks").
* get_authentication_status -> ``verification.phone.history.retrieve(id)`` with a TODO.
* lookup (every signature) -> ``lookup.lookup(phone[, type=[...]])``.

Request models are read inline, from a single-use variable (inlined, and its assignment
deleted) or positionally where the order never changed; anything else keeps the call and gets
a TODO. Enum members in requests become the v2 string literals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst
from libcst.metadata import ParentNodeProvider

from codemods.core.nodes import arg, code, comments_in, dotted_name, literal_string
from codemods.core.runners import is_runner
from codemods.core.todo import todo_comment as todo_text
from codemods.sdk.common import SdkCodemod
from codemods.sdk.model import (CALL_TRIGGERS, IMPORT_TRIGGERS, LOOKUP_METHODS, OTP_METHODS, SdkCall, is_literal,
                                is_v1_otp_method, request_fields, request_problem)
from compat.knowledge.enums import DEVICE_TYPE_V1_TO_V2, FEEDBACK_STATUS_V1_TO_V2
from compat.knowledge.operations import CREATE_FIELD_MOVES, CREATE_FIELD_REVIEW, OPERATIONS
from compat.knowledge.sdk_shapes import SDK_V1_ENUMS
from compat.knowledge.todos import (
    FSTRING_CALL_TODO,
    HELPER_NETWORK_ERRORS_TODO,
    LEFTOVER_MODEL_TODO,
    MAYBE_NONE_FIELD_TODO,
    OWN_OTP_TODO,
    SDK_NO_PHONE_TODO,
    SDK_RETRY_TODO,
    SDK_STATUS_TODO,
    UNCALLED_LOOKUP_TODO,
    UNCALLED_OTP_TODO,
)

_CREATE_SECTIONS = ("signals", "options", "metadata")
_POOL_MAPS = frozenset({"map", "starmap"})  # runners only as the builtin or on a pool/executor


@dataclass
class Plan:
    replacement: Optional[str] = None  # new call source; None keeps the call
    todos: List[str] = field(default_factory=list)
    remove_statement: bool = False  # feedback: the whole statement goes
    shared_request: Optional[str] = None  # new value of a request variable that has other uses
    moved_comments: List[str] = field(default_factory=list)  # from a deleted request assignment


class SdkCallsCodemod(SdkCodemod):
    NAME = "sdk-calls"
    # every operation is called on client.otp or client.lookup; a v1 module may also keep the
    # namespace in a name (`otp = make_client().otp`, marked), with no `.otp.` in it
    TRIGGERS = CALL_TRIGGERS + IMPORT_TRIGGERS
    DESCRIPTION = "client.otp.* / client.lookup.lookup v1 calls -> verification.create/check, lookup.lookup, watch feedback TODO."

    def has_work(self, analysis) -> bool:
        # (client names alone: an uncalled `client.otp.check` still gets its TODO)
        return bool(analysis.calls or analysis.client_names or analysis.v2_client_names or analysis.otp_aliases
                    or analysis.handed_methods or analysis.clients)

    def visit_Module(self, node: cst.Module) -> None:
        self._plans: Dict[cst.Call, Plan] = {}
        self._delete_lines: Set[cst.SimpleStatementLine] = set()
        self._shared_lines: Dict[cst.SimpleStatementLine, str] = {}  # `req = Model(...)` -> new value
        self._remove_lines: Set[cst.SimpleStatementLine] = set()
        # id -> node; holding the node keeps its id from being reused by a later node.
        self._placeholders: Dict[int, cst.CSTNode] = {}
        self._device_literals = self._rewritable_device_maps()
        self._own_otp_methods = set(self.analysis.own_otp_calls.values())
        for call, sdk_call in self.analysis.calls.items():
            plan = self._plan(sdk_call)
            self._plans[call] = plan
            request = sdk_call.request
            if plan.replacement is not None and request.assignment is not None and plan.shared_request:
                self._shared_lines[request.assignment] = plan.shared_request
            elif plan.replacement is not None and request.assignment is not None and not request.shared:
                self._delete_lines.add(request.assignment)
                # (its leading comment lines move with it; these are the ones inside and after it)
                trailing = request.assignment.trailing_whitespace.comment
                plan.moved_comments = comments_in(request.assignment.body[0]) + ([trailing.value] if trailing else [])
            if plan.remove_statement:
                self._remove_lines.add(self._statement_of(call))
        # A v1 model built for no v1 call seen here (returned by a builder, handed to a
        # dispatcher): nothing rewrites it, and the module keeps importing `ding` for it.
        for model, name in self.analysis.model_calls.items():
            if not self._for_a_v1_call(model):
                self.todo(model, LEFTOVER_MODEL_TODO.format(model=name))

    def _for_a_v1_call(self, model: cst.Call) -> bool:
        """``model`` is an argument of a v1 call (at any depth), or bound to a name one is given."""
        node: Optional[cst.CSTNode] = model
        while node is not None:
            if node in self.analysis.calls or node in self.analysis.own_otp_calls:
                return True
            node = self.get_metadata(ParentNodeProvider, node, None)
        assign = self.get_metadata(ParentNodeProvider, model, None)
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1
                and isinstance(assign.targets[0].target, cst.Name)):
            return False
        name = assign.targets[0].target.value
        return any(isinstance(a.value, cst.Name) and a.value.value == name
                   for c in self.analysis.calls.values() for a in c.shape.args)

    def _rewritable_device_maps(self) -> Dict[cst.CSTNode, str]:
        """The DeviceType members of the module dicts (codemods.sdk.device_maps) that become v2
        literals: those of a dict every reader of which is a create rewritten here."""
        maps = self.analysis.device_maps
        if not maps:
            return {}
        self._device_literals = {n: v for m in maps.values() for n, v in m.literals.items()}  # (tentatively)
        replaced = set()
        for sdk_call in self.analysis.calls.values():
            device = self._device_field(sdk_call)
            if device in maps and self._plan(sdk_call).replacement is not None:
                replaced.add(device)
        return {n: v for m in {id(m): m for m in maps.values()}.values() if all(u in replaced for u in m.uses)
                for n, v in m.literals.items()}

    def _device_field(self, c: SdkCall) -> Optional[cst.BaseExpression]:
        model = c.request.call if c.op == "create" else None
        device = arg(model, "device_type", None) if model is not None else None
        return device.value if device is not None else None

    def leave_DictElement(self, original_node: cst.DictElement, updated_node: cst.DictElement) -> cst.DictElement:
        literal = self._device_literals.get(original_node.value)
        if literal is None or self.quote is None:
            return updated_node
        return updated_node.with_changes(value=cst.SimpleString(f"{self.quote}{literal}{self.quote}"))

    def _in_fstring(self, node: cst.CSTNode) -> bool:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        while parent is not None and not isinstance(parent, cst.FormattedString):
            parent = self.get_metadata(ParentNodeProvider, parent, None)
        return parent is not None

    def _statement_of(self, call: cst.Call) -> cst.CSTNode:
        expr = self.get_metadata(ParentNodeProvider, call)
        return self.get_metadata(ParentNodeProvider, expr)

    # -- planning ---------------------------------------------------------------------------
    def _plan(self, c: SdkCall) -> Plan:
        plan = self._plan_call(c)
        if c.threaded is None or plan.replacement is None:
            return plan
        # `asyncio.to_thread(client.otp.check, req)` -> `asyncio.to_thread(client.verification.check,
        # target=..., code=...)`: the runner passes the keywords on
        v2 = cst.ensure_type(cst.parse_expression(plan.replacement), cst.Call)
        parts = [self.render(v2.func)] + [self.render(a.with_changes(comma=cst.MaybeSentinel.DEFAULT)) for a in v2.args]
        runner = self.render(c.node.func)
        one_line = f"{runner}({', '.join(parts)})"
        if "\n" not in self.render(c.node) and "\n" not in one_line and len(one_line) <= 100:
            return replace(plan, replacement=one_line)
        return replace(plan, replacement=f"{runner}(\n" + "".join(f"    {p},\n" for p in parts) + ")")

    def _plan_call(self, c: SdkCall) -> Plan:
        if self._in_fstring(c.node):  # replacements write "..." literals; keep it simple and safe
            return Plan(todos=[FSTRING_CALL_TODO])
        receiver = self.render(c.receiver)
        if c.op == "create":
            return self._plan_create(c, receiver)
        if c.op in ("check", "retry"):
            return self._plan_check_retry(c, receiver)
        if c.op == "feedback":
            return self._plan_feedback(c)
        if c.op == "status":
            auth = arg(c.shape, "auth_uuid", 0)
            if auth is None:
                return Plan(todos=[SDK_STATUS_TODO])
            return Plan(f"{receiver}.{OPERATIONS['status'].v2_sdk_call}({self.render(auth.value)})", [SDK_STATUS_TODO])
        return self._plan_lookup(c, receiver)

    def _layout(self, c: SdkCall, head: str, kwargs: List[Tuple[str, str]]) -> str:
        """`head(k=v, ...)`, one argument per line when the v1 call spanned lines."""
        one_line = f"{head}({', '.join(f'{k}={v}' for k, v in kwargs)})"
        if "\n" not in self.render(c.node) and len(one_line) <= 100:
            return one_line
        # No statement indentation here: libcst re-indents continuation lines to the block's.
        inner = "".join(f"    {k}={v},\n" for k, v in kwargs)
        return f"{head}(\n{inner})"

    def _plan_create(self, c: SdkCall, receiver: str) -> Plan:
        problem = request_problem(c)
        if problem is not None:
            return Plan(todos=[problem])
        fields = request_fields(c)[0] or {}
        todos: List[str] = []
        sections: Dict[str, List[str]] = {s: [] for s in _CREATE_SECTIONS}
        device = self._device_platform(fields.get("device_type"), todos)
        maybe_none: List[str] = []
        for name, value in fields.items():
            section, key = CREATE_FIELD_MOVES[name]
            if key is None or section is None:
                continue
            if isinstance(value, cst.Name) and value.value == "None":
                continue  # v1 left it out of the request; so does v2 without the key
            if not (name == "device_type" and device is not None) and not self._never_none(value):
                maybe_none.append(f"`{name}`")
            if name in CREATE_FIELD_REVIEW and not (name == "app_realm" and device == '"android"'):
                todos.append(CREATE_FIELD_REVIEW[name])
            if name == "device_type":
                text = device or self.render(value)
            elif name == "app_realm":
                text = f'{{"platform": "android", "value": {self.render(value)}}}'
            else:
                text = self.render(value)
            sections[section].append(f'"{key}": {text}')
        if maybe_none:
            todos.append(MAYBE_NONE_FIELD_TODO.format(fields=", ".join(maybe_none)))
        kwargs = [("target", _target(self.render(fields["phone_number"])))]
        kwargs += [(s, "{" + ", ".join(items) + "}") for s, items in sections.items() if items]
        if c.request.shared:
            # The variable lives on as the dict of v2 arguments (docs/codemods.md, SDK codemods).
            for read in [*c.request.field_reads, *c.request.other_uses]:
                self.todo(read, f"`{c.request.variable}` is now a dict of verification.create arguments, "
                                "not a v1 request model")
            value = "{" + ", ".join(f'"{k}": {v}' for k, v in kwargs) + "}"
            return Plan(f"{receiver}.verification.create(**{c.request.variable})", todos, shared_request=value)
        return Plan(self._layout(c, f"{receiver}.verification.create", kwargs), todos)

    def _never_none(self, value: cst.BaseExpression) -> bool:
        """A literal, a v1 enum member, a name bound only to literals, or a v1 enum looked up
        (`DeviceType[name]`, `DeviceType(value)`: it raises rather than give None): v1 sent it,
        so does v2."""
        return is_literal(value) or value in self.analysis.enum_refs or value in self.analysis.literal_names \
            or self._enum_lookup(value)

    def _enum_lookup(self, value: cst.BaseExpression) -> bool:
        holder = value.value if isinstance(value, cst.Subscript) else value.func if isinstance(value, cst.Call) \
            else None
        return holder is not None and (dotted_name(holder) or "").rsplit(".", 1)[-1] in SDK_V1_ENUMS

    def _device_platform(self, value: Optional[cst.BaseExpression], todos: List[str]) -> Optional[str]:
        if value is None:
            return None
        maps = self.analysis.device_maps
        if value in maps and all(n in self._device_literals for n in maps[value].literals):
            return self.render(value)  # a read of a dict whose values become v2 literals
        if isinstance(value, cst.IfExp):  # `DeviceType.IOS if ios else DeviceType.ANDROID`
            body, orelse = self._device_literal(value.body), self._device_literal(value.orelse)
            if body and orelse:
                return f"{body} if {self.render(value.test)} else {orelse}"
        literal = self._device_literal(value)
        if literal is not None:
            return literal
        todos.append("device_type is now signals.device_platform, a lower-case string "
                     "('ios', 'android', 'web', 'ipados', 'tvos')")
        return None

    def _device_literal(self, value: cst.BaseExpression) -> Optional[str]:
        """The v2 literal of a DeviceType member or v1 literal (`"ios"`), or None."""
        ref = self.analysis.enum_refs.get(value)
        v1 = ref.value if ref is not None and ref.kind == "device-type" else literal_string(value)
        if v1 is not None and v1.upper() in DEVICE_TYPE_V1_TO_V2:
            return f'"{DEVICE_TYPE_V1_TO_V2[v1.upper()]}"'
        return None

    def _plan_check_retry(self, c: SdkCall, receiver: str) -> Plan:
        todos: List[str] = [SDK_RETRY_TODO] if c.op == "retry" else []
        code_text = None
        problem = request_problem(c)
        if problem is not None:
            return Plan(todos=todos + [problem])
        if c.op == "check":
            code_text = self.render((request_fields(c)[0] or {})["check_code"])
        if c.phone is None:
            return Plan(todos=todos + [SDK_NO_PHONE_TODO.format(op=c.op)])
        if c.phone_note:
            todos.append(c.phone_note)
        kwargs = [("target", _target(self.render(c.phone)))]
        if code_text is not None:
            kwargs.append(("code", code_text))
        method = OPERATIONS[c.op].v2_sdk_call
        return Plan(self._layout(c, f"{receiver}.{method}", kwargs), todos)

    def _plan_feedback(self, c: SdkCall) -> Plan:
        fields, problem = request_fields(c)
        if fields is None:
            return Plan(todos=[problem or "cannot read the v1 feedback request"])
        status = fields.get("status")
        ref = self.analysis.enum_refs.get(status) if status is not None else None
        v1_status = ref.value if ref is not None else (literal_string(status) if status is not None else None)
        v2_type = FEEDBACK_STATUS_V1_TO_V2.get(v1_status or "")
        phone = self.render(fields["phone_number"]) if "phone_number" in fields else "PHONE_NUMBER"
        if v2_type is not None:
            why = ("v1 feedback removed: Verify v2 already feeds Watch; if verification runs outside Verify, "
                   f'call client.watch.send_feedbacks(feedbacks=[{{"target": {{"type": "phone_number", '
                   f'"value": {phone}}}, "type": "{v2_type}"}}])')
        else:
            why = f"v1 feedback ({v1_status or 'status not visible'}) removed: v2 has no equivalent"
        statement = self._statement_of(c.node)
        removable = (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
                     and isinstance(statement.body[0], cst.Expr))
        if not removable:
            return Plan(todos=[why.replace("removed", "must be removed", 1) + "; its result is used here"])
        return Plan(todos=[why], remove_statement=True)

    def _plan_lookup(self, c: SdkCall, receiver: str) -> Plan:
        if c.phone is None:
            return Plan(todos=[c.request.problem or "the phone number is not visible"])
        args = [self.render(c.phone)]
        todos: List[str] = []
        if c.lookup_type is not None:
            args.append(f"type={self._lookup_type(c.lookup_type, todos)}")
        return Plan(f"{receiver}.lookup.lookup({', '.join(args)})", todos)

    def _lookup_type(self, value: cst.BaseExpression, todos: List[str]) -> str:
        if isinstance(value, (cst.List, cst.Tuple)):
            items = []
            for element in value.elements:
                ref = self.analysis.enum_refs.get(element.value)
                text = ref.value if ref is not None else literal_string(element.value)
                if text is None:
                    todos.append("lookup type values are now plain strings (e.g. 'cnam')")
                    return self.render(value)
                items.append(f'"{text}"')
            return "[" + ", ".join(items) + "]"
        todos.append("lookup type values are now plain strings (e.g. 'cnam')")
        return self.render(value)

    # -- rewriting --------------------------------------------------------------------------
    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        # `client.otp` used other than as `client.otp.<method>(...)`: kept in a variable, or a
        # method passed on uncalled (`to_thread(client.otp.check, req)`). v2 has no `otp`.
        if original_node in self._own_otp_methods:  # `self.otp.check(...)`: kept on v1
            v2 = OPERATIONS[OTP_METHODS[original_node.attr.value]].v2_sdk_call
            self.todo(original_node, OWN_OTP_TODO.format(receiver=code(original_node.value),
                                                         v2=f"client.{v2}" if v2 else "no such call"))
            return updated_node
        alias = self.analysis.otp_alias_calls.get(original_node)
        if alias is not None:  # `otp.check(...)` through `otp = client.otp`
            v2 = OPERATIONS[OTP_METHODS[original_node.attr.value]].v2_sdk_call
            self.todo(original_node, f"v1 call through `{alias}`, the otp namespace kept in a name: v2 has "
                                     f"{v2 or 'no such call'}(...) with v2 arguments (target=..., code=...)")
            return updated_node
        if self._uncalled_v1_lookup(original_node):
            receiver = dotted_name(original_node.value.value) or self.render(original_node.value.value)  # type: ignore[attr-defined]
            self.todo(original_node, UNCALLED_LOOKUP_TODO.format(receiver=receiver))
            return updated_node
        if original_node.attr.value != "otp":
            return updated_node
        parent = self.get_metadata(ParentNodeProvider, original_node, None)
        # `pool.map(client.otp.create_authentication, requests)`: a v1 method handed on uncalled
        # is v1 whatever its receiver is (v2 has no otp namespace).
        uncalled = isinstance(parent, cst.Attribute) and parent.value is original_node \
            and is_v1_otp_method(parent) and not self._is_called(parent)
        # (`otp = make_client().otp` in a v1 module: the namespace bound to a name, whatever
        # the receiver is; its calls through the name are not rewritten)
        if not uncalled and not self._is_client(original_node.value) and original_node not in self.analysis.otp_aliases:
            return updated_node
        receiver = dotted_name(original_node.value) or self.render(original_node.value)
        if isinstance(parent, cst.Attribute) and parent.value is original_node:
            if uncalled and not self._threaded(parent):
                self.todo(original_node, UNCALLED_OTP_TODO.format(method=f"{receiver}.otp.{parent.attr.value}"))
                helper = self._catching_helper(parent)
                if helper is not None:
                    self.todo(original_node, HELPER_NETWORK_ERRORS_TODO.format(helper=helper))
        elif original_node in self.analysis.swappable_aliases:
            # only ever read as `otp.<method>(...)`: the module keeps importing; each call is marked
            self.todo(original_node, f"v1 namespace {receiver}.otp is now {receiver}.verification (v2 has no "
                                     "otp namespace); every call through it is marked: give each the v2 method "
                                     "and arguments")
            return updated_node.with_changes(attr=cst.Name("verification"))
        else:
            self.todo(original_node, f"v1 namespace {receiver}.otp is kept aside; v2 has no otp namespace: "
                                     "call client.verification... where it is used")
        return updated_node

    def _uncalled_v1_lookup(self, method: cst.Attribute) -> bool:
        """`pool.submit(client.lookup.lookup, phone, CUSTOMER)`: the lookup method handed on
        uncalled with v1 arguments (v1 required customer_uuid: a second argument after the phone,
        or `customer_uuid=`), and the call not rewritten as a whole."""
        if not (method.attr.value in LOOKUP_METHODS and isinstance(method.value, cst.Attribute)
                and method.value.attr.value == "lookup") or self._is_called(method) or self._threaded(method):
            return False
        argument = self.get_metadata(ParentNodeProvider, method, None)
        runner = self.get_metadata(ParentNodeProvider, argument, None) if isinstance(argument, cst.Arg) else None
        if not isinstance(runner, cst.Call) or argument.keyword is not None:
            return False
        after = runner.args[list(runner.args).index(argument) + 1:]
        return len([a for a in after if a.keyword is None and not a.star]) >= 2 \
            or any(a.keyword is not None and a.keyword.value in ("customer_uuid", "type_") for a in after)

    def _catching_helper(self, method: cst.Attribute) -> Optional[str]:
        """The name of the helper call ``method`` is an argument of (`retrying(client.otp.check, req)`),
        unless it is a runner that only runs it (`asyncio.to_thread`, `functools.partial`, ...)."""
        argument = self.get_metadata(ParentNodeProvider, method, None)
        helper = self.get_metadata(ParentNodeProvider, argument, None) if isinstance(argument, cst.Arg) else None
        if not isinstance(helper, cst.Call) or helper.func is method:
            return None
        name = dotted_name(helper.func)
        if name is None:
            return None
        receiver, _, last = name.rpartition(".")
        if last in _POOL_MAPS:  # the builtin map, or a pool's / an executor's: they only run it
            return None if not receiver or re.search(r"(?i)pool|executor", receiver) else name
        return None if is_runner(name) else name

    def _is_client(self, node: cst.BaseExpression) -> bool:
        """A name bound to a v1 (or rewritten) client, or a v1 client built right there
        (`return ding.Ding(api_key=K).otp`)."""
        name = dotted_name(node)
        return name in self.analysis.client_names or name in self.analysis.v2_client_names \
            or node in self.analysis.clients

    def _threaded(self, method: cst.Attribute) -> bool:
        """`method` is handed to a thread runner whose call is rewritten as a whole."""
        argument = self.get_metadata(ParentNodeProvider, method, None)
        runner = self.get_metadata(ParentNodeProvider, argument, None) if argument is not None else None
        plan = self._plans.get(runner) if isinstance(runner, cst.Call) else None
        return plan is not None and plan.replacement is not None

    def _is_called(self, node: cst.Attribute) -> bool:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        return isinstance(parent, cst.Call) and parent.func is node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        plan = self._plans.get(original_node)
        if plan is None:
            return updated_node
        if updated_node is not original_node and plan.replacement is not None:
            # Another codemod of the same traversal rewrote part of this call (its receiver,
            # an argument): the replacement is written from the parts as they are now.
            plan = replace(plan, replacement=self._plan(self.analysis.calls[original_node]).replacement)
        for why in plan.todos:
            self.todo(original_node, why)
        if plan.replacement is None and not plan.remove_statement:
            return updated_node
        self.keep_comments(original_node)
        for comment in plan.moved_comments:
            self.comment_above(original_node, comment)
        return updated_node if plan.replacement is None else cst.parse_expression(plan.replacement)

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine,
                                  updated_node: cst.SimpleStatementLine) -> cst.SimpleStatementLine:
        if original_node in self._shared_lines:
            assign = updated_node.body[0]
            new_value = cst.parse_expression(self._shared_lines[original_node])
            return updated_node.with_changes(body=[assign.with_changes(value=new_value)])  # type: ignore[union-attr]
        if original_node in self._delete_lines or original_node in self._remove_lines:
            # Replaced by `pass` here; the enclosing block drops it and keeps its comments.
            return updated_node.with_changes(body=[cst.Pass()])
        return updated_node

    ON_LEAVE_TYPES = (cst.SimpleStatementLine,)  # what _delete_lines and _remove_lines hold

    def on_leave(self, original_node, updated_node):  # type: ignore[override]
        result = super().on_leave(original_node, updated_node)
        if original_node in self._delete_lines or original_node in self._remove_lines:
            self._placeholders[id(result)] = result
        return result

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock,
                            updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        return updated_node.with_changes(body=self._drop_placeholders(updated_node.body))

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        return updated_node.with_changes(body=self._drop_placeholders(updated_node.body))

    def _drop_placeholders(self, body):
        """Remove placeholder statements, moving their comments onto the next statement; a
        placeholder with nothing after it stays as `pass` so its comments keep a home."""
        kept: list = []
        carried: List[cst.EmptyLine] = []
        for index, statement in enumerate(body):
            if self._placeholders.get(id(statement)) is statement:
                has_next = index + 1 < len(body)
                if has_next:
                    carried.extend(statement.leading_lines)
                    continue
                if not any(line.comment is not None and line.comment.value.startswith(todo_text(""))
                           for line in [*carried, *statement.leading_lines]) and kept:
                    continue  # a deleted request assignment at the end of a block: nothing to keep
            if carried:
                statement = statement.with_changes(leading_lines=[*carried, *statement.leading_lines])
                carried = []
            kept.append(statement)
        return kept


def _target(phone_code: str) -> str:
    return f'{{"type": "phone_number", "value": {phone_code}}}'


def planned_changes(wrapper, analysis) -> Dict[cst.Call, Tuple[List[cst.CSTNode], List[str]]]:
    """For the scanner: per v1 call of ``analysis`` (the shared analysis of ``wrapper``'s
    module), (the original nodes this codemod's plan replaces or deletes, the source it writes
    there). The nodes: the call (rewritten), its statement (a removed feedback), its request
    model assignment (inlined and deleted, or turned into the v2 arguments); none when the call
    stays as it is (maybe under a TODO). The same ``_plan`` the rewrite takes; nothing is rewritten."""
    from codemods.core.context import RewriteContext

    codemod = SdkCallsCodemod(RewriteContext(wrapper=wrapper))
    codemod.metadata = wrapper.resolve_many(SdkCallsCodemod.METADATA_DEPENDENCIES)
    codemod.prepare(analysis)
    codemod.visit_Module(wrapper.module)
    changed: Dict[cst.Call, Tuple[List[cst.CSTNode], List[str]]] = {}
    for call, plan in codemod._plans.items():
        nodes: List[cst.CSTNode] = []
        texts = [text for text in (plan.replacement, plan.shared_request) if text]
        if plan.replacement is not None:
            nodes.append(call)
            assignment = analysis.calls[call].request.assignment
            if assignment is not None and (assignment in codemod._delete_lines or assignment in codemod._shared_lines):
                nodes.append(assignment)
        if plan.remove_statement:
            nodes.append(codemod._statement_of(call))
        device_map = analysis.device_maps.get(codemod._device_field(analysis.calls[call]))
        if plan.replacement is not None and device_map is not None \
                and all(n in codemod._device_literals for n in device_map.literals):
            nodes += list(device_map.literals)  # the module dict's members become v2 literals
            texts += [f'"{literal}"' for literal in device_map.literals.values()]
        changed[call] = (nodes, texts)
    return changed


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Rewrites the v1 operations into their v2 calls: `otp.create_authentication` (and its old "
         "spellings) -> `verification.create(target=, signals=, options=, metadata=)`, `otp.check` -> "
         "`verification.check(target=, code=)`, `otp.retry` -> `verification.create(target=)`, "
         "`lookup.lookup` -> `lookup.lookup(phone)`; feedback calls are removed. Request models are read "
         "inline, from a single-use variable (inlined), or positionally where the field order never changed.",
    why="v2 has other namespaces, keyword arguments instead of request models, and keys a check or a retry "
        "by the phone number, not by `authentication_uuid`.",
    fix_safety="A check or retry takes its phone number only from the create of the same verification "
               "earlier in the same flow, with the number not rebound in between (a lookup, a feedback or a "
               "create for another number prove nothing); otherwise the call stays v1 under a TODO. A model "
               "is inlined only when it has one use and nothing it reads is rebound before the call. Retry "
               "and feedback always get a TODO (no v2 retry endpoint; Verify v2 feeds Watch itself); review "
               "fields (`is_returning_user`, `callback_url`, `template_id`, `app_realm`) and a non-literal "
               "`device_type` get one too.",
    examples=(
        CodemodExample('''
            import ding
            from ding.models import components

            client = ding.Ding(api_key=KEY)


            def send(phone, ip):
                req = components.CreateAuthenticationRequest(
                    customer_uuid=CUSTOMER, phone_number=phone, ip=ip,
                    device_type=components.DeviceType.WEB, correlation_id=order_id,
                )
                res = client.otp.create_authentication(req)
                check = client.otp.check(components.CreateCheckRequest(
                    customer_uuid=CUSTOMER, authentication_uuid=res.create_authentication_response.authentication_uuid,
                    check_code=input("code? ")))
                return check.create_check_response.status == components.CheckStatus.VALID
            ''', '''
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def send(phone, ip):
                # TODO(prelude-migration): v1 left a request field out when its value was None, v2 sends a None entry as null: `ip`, `correlation_id` may be None here; leave the key out when it is (whether v2 accepts null there is not documented)
                res = client.verification.create(
                    target={"type": "phone_number", "value": phone},
                    signals={"ip": ip, "device_platform": "web"},
                    metadata={"correlation_id": order_id},
                )
                check = client.verification.check(
                    target={"type": "phone_number", "value": phone},
                    code=input("code? "),
                )
                return check.status == "success"
            ''', note="The check is keyed to the number of the create whose id it checks; the single-use "
                      "request is inlined; `ip` and `order_id` may be None, which v1 left out and v2 sends as null."),
        CodemodExample('''
            import ding
            from ding.models import components

            client = ding.Ding(api_key=KEY)


            def confirm(auth_uuid, code):
                return client.otp.check(components.CreateCheckRequest(
                    customer_uuid=CUSTOMER, authentication_uuid=auth_uuid, check_code=code))
            ''', '''
            from ding.models import components
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def confirm(auth_uuid, code):
                # TODO(prelude-migration): a v1 SDK response is returned here: v2 returns another model (other fields and statuses); update the code that reads it
                # TODO(prelude-migration): v2 check needs the phone number (v1 used authentication_uuid); pass the number the verification was created for
                return client.otp.check(components.CreateCheckRequest(
                    customer_uuid=CUSTOMER, authentication_uuid=auth_uuid, check_code=code))
            ''', note="No number is provably the one of this verification: the check stays v1, marked "
                      "(the `components` import stays, it is still read)."),
    ),
    no_ops=(
        NoOp('''
            from prelude_python_sdk import Prelude

            client = Prelude(api_token="test-v2-key")
            res = client.verification.create(target={"type": "phone_number", "value": "+33612345678"})
            ''', "v2 code is left as it is."),
    ),
)
