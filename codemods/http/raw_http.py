"""``raw-http``: ``requests``/``httpx`` calls to ``api.ding.live/v1`` become v2 calls.

Per call whose URL resolves to a v1 endpoint (``codemods.http.urls``): the URL moves to
``api.prelude.dev/v2`` (``codemods.http.url_planning``: base-URL constants and a client's
``base_url`` move too when every use of them does), the JSON body is rewritten field by field
(``codemods.http.request_bodies``), ``X-API-Key`` becomes ``Authorization: Bearer`` with a TODO about
the v2 key, and visible reads of the response are rewritten (``codemods.http.response_reads``). A
feedback call whose result is unused is removed with a TODO (Verify v2 feeds Watch itself).
When a part cannot be derived for certain (the body or the headers are not visible, check/retry
without a provably same phone number), the call is left as it was with a
``# TODO(prelude-migration): ...`` above it. TODOs are never repeated on a second run.
"""
from __future__ import annotations

import re

from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

from codemods.core.base import Codemod
from codemods.core.phone import assumed_phone_note, phone_parameter
from codemods.http.calls import HttpAnalysis, HttpCall, client_header_setups, iter_http_calls
from codemods.http.request_bodies import (
    Edit,
    Render,
    bearer_value,
    rewrite_check_body,
    rewrite_create_body,
    rewrite_headers,
    rewrite_retry_body,
    string_key,
    string_literal,
)
from codemods.http.error_reads import error_read_plans
from codemods.http.plan import CallPlan
from codemods.http.response_reads import ResponseReads
from codemods.http.url_planning import CLIENT_BASE_TODO, UrlPlanning
from codemods.core.todo import comments_above, with_todo_lines
from codemods.http.url_pieces import emit_url
from codemods.core.nodes import dotted_name, string_value
from codemods.http.urls import LEGACY_V2, V1_UNKNOWN_OPERATION, v1_path_operation
from compat.knowledge.enums import FEEDBACK_STATUS_V1_TO_V2
from compat.knowledge.hosts import V1_HOST, V2_AUTH_HEADER, V2_BASE_URL, V2_HOST
from compat.knowledge.operations import OPERATIONS
from compat.knowledge.todos import (  # noqa: F401 (the JS rewrites import the sentences from here)
    BODY_SHAPES, BODY_TODO, FEEDBACK_TODO, HIDDEN_BASE_TODO, HIDDEN_HEADERS_TODO, HIDDEN_RESPONSE_TODO,
    NO_HEADER_TODO, NO_PHONE_TODO, SHARED_HEADER_TODO, STATUS_TODO, UNBUILDABLE_URL_TODO, UNKNOWN_URL_TODO,
    V2_KEY_TODO, WRONG_METHOD_TODO, feedback_removed_todo)
from compat.knowledge.triggers import RAW_HTTP_TRIGGERS



_V1_ONLY_BODY_KEYS = ("customer_uuid", "authentication_uuid")
# "Ding" as a word of a name (DING_URL, ding_base, dingUrl), not inside one (embedding_url).
_DING_WORD = re.compile(r"(?<![A-Za-z])(?:DING(?![A-Za-z])|[Dd]ing(?![a-z]))")


def _hidden_base_operation(call: HttpCall, module: cst.Module) -> Optional[str]:
    """The v1 operation of a call like ``requests.post(os.environ["DING_URL"] + "/check", ...)``:
    a base only known at run time followed by a v1 path, with evidence that the base is v1 (its
    code names Ding, or the JSON body carries a field only v1 had). None otherwise."""
    segments = call.segments
    if call.operation is not None or len(segments) < 2 or segments[0].kind != "dynamic":
        return None
    tail = "".join(s.text for s in segments[1:])
    if call.via_client and not tail.startswith("/"):
        tail = "/" + tail  # httpx joins a client's base_url and a relative path with one slash
    if not tail.startswith("/"):
        return None
    op = v1_path_operation(re.split(r"[?#]", tail, maxsplit=1)[0])
    if op not in OPERATIONS:
        return None
    evidence = _DING_WORD.search(module.code_for_node(segments[0].node)) is not None
    body = call.keyword("json")
    if not evidence and body is not None and isinstance(body.value, cst.Dict):
        evidence = any(string_key(e) in _V1_ONLY_BODY_KEYS for e in body.value.elements)
    return op if evidence else None


class RawHttpCodemod(Codemod):
    NAME = "raw-http"
    DESCRIPTION = (f"requests/httpx calls to {V1_HOST}/v1 -> {V2_HOST}/v2: URL, auth header, "
                   "JSON body and visible response reads.")
    TRIGGERS = RAW_HTTP_TRIGGERS  # the v1 host and v1 base-URL names (see _hidden_base_operation)
    METADATA_DEPENDENCIES = (ParentNodeProvider, ScopeProvider)
    # PositionProvider is resolved only for the scanner's question (call_outcomes).

    def plan(self, tree: cst.Module, analysis: Optional[HttpAnalysis] = None) -> Optional["_Planner"]:
        """Decide every edit of ``tree`` (its metadata resolved); None when it has no v1 call.
        ``analysis``: ``tree``'s HttpAnalysis when the caller has it (the scanner)."""
        if analysis is None or analysis.module is not tree:
            analysis = HttpAnalysis(tree, scopes=lambda: self.metadata[ScopeProvider])
        found = list(iter_http_calls(tree, analysis))
        calls = [c for c in found if c.operation not in (None, LEGACY_V2)]
        hidden = [(c, op) for c, op in ((c, _hidden_base_operation(c, tree)) for c in found) if op]
        if not calls and not hidden:
            return None
        planner = _Planner(self, tree, analysis, calls)
        planner.run()
        for call, op in hidden:
            planner.todo(call.node, HIDDEN_BASE_TODO.format(path=OPERATIONS[op].v2_path))
        return planner

    def transformer(self, tree: cst.Module) -> Optional[cst.CSTTransformer]:
        """The transformer that applies the plan of ``tree`` (None: nothing to change); the
        engine batches it with the other codemods' visits."""
        planner = self.plan(tree)
        if planner is None or not (planner.replacements or planner.todos or planner.removals):
            return None
        return _Apply(planner.replacements, planner.todos, planner.removals)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        apply = self.transformer(tree)
        return tree if apply is None else tree.visit(apply)


class _Planner(UrlPlanning):
    def __init__(self, codemod: RawHttpCodemod, module: cst.Module, analysis: HttpAnalysis,
                 calls: Sequence[HttpCall]) -> None:
        self.codemod = codemod
        self.module = module
        self.analysis = analysis
        self.calls = list(calls)
        self.replacements: Dict[cst.CSTNode, cst.CSTNode] = {}
        self.todos: Dict[cst.CSTNode, List[str]] = {}
        self.reads = ResponseReads(self.parent, self.accesses, self.render)
        self.read_edits: Dict[cst.CSTNode, cst.CSTNode] = {}  # every planned response-read edit
        self.removals: Set[cst.CSTNode] = set()  # statements that go (feedback calls)

    # -- metadata helpers

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.codemod.get_metadata(ParentNodeProvider, node, None)

    def render(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def render_updated(self, node: cst.CSTNode) -> str:
        """Source of ``node`` with the response-read edits inside it applied: a URL or body that
        is rebuilt from source text must not lose, say, ``auth["authentication_uuid"]`` -> ``["id"]``."""
        if not self.read_edits:
            return self.render(node)
        return self.render(node.visit(_Apply(self.read_edits, {})))

    def _position(self, node: cst.CSTNode) -> Tuple[int, int]:
        # Positions are resolved on first use only (most files never need them).
        if PositionProvider not in self.codemod.metadata:
            wrapper = self.codemod.context.wrapper
            self.codemod.metadata = {**self.codemod.metadata, PositionProvider: wrapper.resolve(PositionProvider)}
        pos = self.codemod.metadata[PositionProvider].get(node)
        return (pos.start.line, pos.start.column) if pos else (0, 0)

    def accesses(self, target: cst.Name) -> Optional[List[cst.Name]]:
        """The reads of a name bound once by ``target``; None when it is rebound or unknown."""
        scope = self.codemod.get_metadata(ScopeProvider, target, None)
        if scope is None:
            return None
        assignments = list(scope.assignments[target.value])
        if len(assignments) != 1:
            return None
        nodes = [access.node for access in assignments[0].references]
        if not all(isinstance(n, cst.Name) for n in nodes):
            return None
        return sorted(nodes, key=self._position)

    def statement(self, node: cst.CSTNode) -> cst.CSTNode:
        current: Optional[cst.CSTNode] = node
        while current is not None and not isinstance(current, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            current = self.parent(current)
        return current if current is not None else node

    def function(self, node: cst.CSTNode) -> cst.CSTNode:
        current: Optional[cst.CSTNode] = self.parent(node)
        while current is not None and not isinstance(current, (cst.FunctionDef, cst.Module)):
            current = self.parent(current)
        return current if current is not None else self.module

    def todo(self, node: cst.CSTNode, text: str) -> None:
        texts = self.todos.setdefault(self.statement(node), [])
        if text not in texts:
            texts.append(text)

    def binding(self, name: cst.Name) -> Optional[Tuple[cst.Name, cst.BaseExpression]]:
        """(target, value) of the one assignment ``name`` reads, when it is ``target = value``."""
        scope = self.codemod.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return None
        assignments = list(scope[name.value])
        if len(assignments) != 1:
            return None
        target = getattr(assignments[0], "node", None)
        if not isinstance(target, cst.Name):
            return None
        assign = self.parent(self.parent(target))  # Name -> AssignTarget -> Assign
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
            return target, assign.value
        assign = self.parent(target)
        if isinstance(assign, cst.AnnAssign) and assign.value is not None:
            return target, assign.value
        return None

    # -- planning

    def outcomes(self) -> Dict[Tuple[int, int], bool]:
        """(line, 1-based column) of each v1 call -> rewritten completely, without a TODO (the
        reminder that a v2 key is needed does not count: it is about configuration)."""
        result = {}
        for plan in self.plans:
            line, column = self._position(plan.call.node)
            todos = [t for t in self.todos.get(self.statement(plan.call.node), []) if t != V2_KEY_TODO]
            result[(line, column + 1)] = plan.rewrite and not todos
        return result

    def changed_spans(self) -> List[Tuple[Tuple[int, int], Tuple[int, int]]]:
        """For the scanner: ((line, 1-based column), (end line, end column)) of every node the
        plan replaces (URLs, headers, bodies, base-URL constants, response reads)."""
        nodes = list(self.replacements) + list(self.read_edits)
        if not nodes:
            return []
        self._position(nodes[0])  # resolves the positions once
        table = self.codemod.metadata[PositionProvider]
        spans = []
        for node in nodes:
            pos = table.get(node)
            if pos is not None:
                spans.append(((pos.start.line, pos.start.column + 1), (pos.end.line, pos.end.column + 1)))
        return spans

    def run(self) -> None:
        self.plans = plans = [self._plan(call) for call in self.calls]
        self.client_bases = self._decide_client_bases(plans)
        for plan in plans:
            if plan.rewrite and plan.reads is not None:
                self.read_edits.update(plan.reads.replacements)
        for _ in range(len(plans) + 1):  # a failed URL build un-plans a call; constants follow
            rewritable = self._rewritable_constants(plans)
            failed = False
            for plan in plans:
                if plan.rewrite and self._url_edit(plan.call, plan.operation, rewritable) is None:
                    plan.leave(plan.call.node, UNBUILDABLE_URL_TODO)
                    failed = True
            if not failed:
                break
        for plan in plans:
            if plan.rewrite:
                self._commit(plan, plans, rewritable)
            for node, text in plan.todos:
                self.todo(node, text)
        for _, error_reads in error_read_plans(plans, self.parent, self.reads):  # `exc.response.json()`
            self.replacements.update(error_reads.replacements)
            self.read_edits.update(error_reads.replacements)
            for node, text in error_reads.todos:
                self.todo(node, text)
        self._commit_clients(plans)
        self._commit_constants(rewritable)
        for client in self.client_bases:
            base_node = self.analysis.clients[client][1]
            text = self.client_bases[client]
            self.replacements[base_node] = emit_url([("lit", V2_BASE_URL + "/" * text.endswith("/"))],
                                                    base_node, self.render)

    def _plan(self, call: HttpCall) -> CallPlan:
        op = call.operation or V1_UNKNOWN_OPERATION
        plan = CallPlan(call, op)
        node = call.node
        if op == V1_UNKNOWN_OPERATION:
            plan.leave(node, UNKNOWN_URL_TODO)
            return plan
        expected = OPERATIONS[op].v1_method
        if call.method and call.method != expected:  # the path alone does not make it that endpoint
            plan.leave(node, WRONG_METHOD_TODO.format(method=call.method, expected=expected))
            return plan
        if op == "feedback":
            self._plan_feedback(plan)
            return plan
        if call.via_client and self._client_base_text(call.via_client, allow_none=True) is None:
            plan.leave(node, CLIENT_BASE_TODO)
            return plan
        if op in BODY_SHAPES and not self._plan_body(plan):
            return plan
        plan.reads = self.reads.plan(node, op)
        self._plan_headers(plan)
        return plan

    def _plan_feedback(self, plan: CallPlan) -> None:
        """Verify v2 feeds Watch itself, so a v1 feedback call whose result is unused is removed
        with a TODO naming the Watch call for flows outside Verify (docs/api-changes.md, "Feedback and webhooks"); otherwise it stays,
        with a TODO."""
        call = plan.call
        body = self._body_dict(call)
        fields = {string_key(e): e.value for e in body.elements if string_key(e)} if body is not None else {}
        status = string_value(fields["status"]) if "status" in fields else None
        statement = self.statement(call.node)
        expr = statement.body[0] if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
            else None
        value = expr.value if isinstance(expr, cst.Expr) else None
        if isinstance(value, cst.Await):
            value = value.expression
        if body is None or status not in FEEDBACK_STATUS_V1_TO_V2 or value is not call.node:
            plan.leave(call.node, FEEDBACK_TODO)
            return
        v2_type = FEEDBACK_STATUS_V1_TO_V2[status]
        phone = self.render(fields["phone_number"]) if "phone_number" in fields else "PHONE_NUMBER"
        if v2_type is None:
            why = f"v1 feedback ({status}) removed: v2 has no equivalent"
        else:
            why = feedback_removed_todo(phone, v2_type)
        plan.rewrite = False
        plan.todos.append((call.node, why))
        self.removals.add(statement)

    def _body_dict(self, call: HttpCall) -> Optional[cst.Dict]:
        """The body's dict literal: json={...}, data=json.dumps({...}), or a local name bound once
        to a dict literal and used only here."""
        arg = call.keyword("json") or call.keyword("data") or call.keyword("content")
        if arg is None:
            return None
        value = arg.value
        if isinstance(value, cst.Call) and dotted_name(value.func) in ("json.dumps", "dumps") and value.args:
            value = value.args[0].value
        if isinstance(value, cst.Dict):
            return value
        if isinstance(value, cst.Name):
            bound = self.binding(value)
            if bound is not None and isinstance(bound[1], cst.Dict):
                uses = self.accesses(bound[0])
                if uses is not None and len(uses) == 1 and uses[0] is value and \
                        self.function(bound[0]) is self.function(call.node):
                    return bound[1]
        return None

    def _plan_body(self, plan: CallPlan) -> bool:
        op, call = plan.operation, plan.call
        path = OPERATIONS[op].v2_path
        body = self._body_dict(call)
        if body is None:
            plan.leave(call.node, BODY_TODO.format(path=path, shape=BODY_SHAPES[op]))
            return False
        if op == "create":
            def build(render: Render) -> Edit:
                return rewrite_create_body(body, render)
        else:
            # A phone_number sent in the v1 body itself is the number for certain.
            phone = self._phone_in_body(body) or self._phone_in_scope(call)
            note = None
            if phone is None:
                phone = self._phone_parameter(call)
                note = assumed_phone_note(op, phone) if phone else None
            if phone is None:
                plan.leave(call.node, NO_PHONE_TODO.format(op=op, body=BODY_SHAPES[op], path=path))
                return False
            rewrite_body = rewrite_check_body if op == "check" else rewrite_retry_body

            def build(render: Render) -> Edit:
                return rewrite_body(body, render, phone)
            if note:
                plan.todos.append((call.node, note))
        edit = build(self.render)
        if edit.code is None:
            plan.todos = [t for t in plan.todos if t[0] is not call.node]
            for text in edit.todos:
                plan.leave(call.node, text)
            return False
        plan.body, plan.body_edit = body, build
        plan.todos.extend((body, text) for text in edit.todos)  # next to the fields they are about
        return True

    def _phone_in_body(self, body: cst.Dict) -> Optional[str]:
        for element in body.elements:
            if string_key(element) == "phone_number":
                return self.render(element.value)  # type: ignore[union-attr]
        return None

    def _phone_in_scope(self, call: HttpCall) -> Optional[str]:
        """The phone number expression of the v1 create calls in the same function, when there is
        exactly one and it is a literal, or a name (or attribute of one) bound at most once there,
        so that it is provably the same number."""
        function = self.function(call.node)
        found: Set[str] = set()
        nodes: List[cst.BaseExpression] = []
        for other in self.calls:
            if other.operation != "create" or self.function(other.node) is not function:
                continue
            body = self._body_dict(other)
            if body is None:
                continue
            for element in body.elements:
                if string_key(element) == "phone_number":
                    found.add(self.render(element.value))  # type: ignore[union-attr]
                    nodes.append(element.value)  # type: ignore[union-attr]
        if len(found) != 1:
            return None
        node = nodes[0]
        if isinstance(node, cst.SimpleString):
            return self.render(node)  # the same literal number
        root = node
        while isinstance(root, cst.Attribute):
            root = root.value
        if not isinstance(root, cst.Name):
            return None
        scope = self.codemod.get_metadata(ScopeProvider, root, None)
        if scope is None or len(list(scope[root.value])) > 1:
            return None
        if isinstance(node, cst.Attribute) and self._assigned_in(function, self.render(node)):
            return None
        return self.render(node)

    def _phone_parameter(self, call: HttpCall) -> Optional[str]:
        """The SDK codemods' fallback (``codemods.core.phone``): the one parameter of the enclosing
        function named like a phone number, never rebound, taken with a review TODO."""
        function = self.function(call.node)
        if not isinstance(function, cst.FunctionDef):
            return None
        params = function.params
        name = phone_parameter([p.name.value for p in (*params.posonly_params, *params.params,
                                                       *params.kwonly_params)])
        if name is None:
            return None
        scope = self.codemod.get_metadata(ScopeProvider, function.body, None)
        if scope is None or len(list(scope.assignments[name])) != 1:
            return None
        return name

    def _assigned_in(self, function: cst.CSTNode, code: str) -> bool:
        hits: List[cst.AssignTarget] = []
        render = self.render

        class _Targets(cst.CSTVisitor):
            def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
                if render(node.target) == code:
                    hits.append(node)

        function.visit(_Targets())
        return bool(hits)

    def _plan_headers(self, plan: CallPlan) -> None:
        call = plan.call
        arg = call.keyword("headers")
        if arg is not None:
            if isinstance(arg.value, cst.Dict):
                plan.headers = arg.value
            elif isinstance(arg.value, cst.Name):
                plan.shared_headers = arg.value
            elif self._helper_dicts(arg.value) is not None:
                plan.helper_headers = arg.value  # type: ignore[assignment]
            else:
                plan.todos.append((call.node, HIDDEN_HEADERS_TODO))
        elif call.via_client is None:
            plan.todos.append((call.node, NO_HEADER_TODO))

    # -- committing a call

    def _commit(self, plan: CallPlan, plans: Sequence[CallPlan], rewritable: Set[str]) -> None:
        call = plan.call
        new_url = self._url_edit(call, plan.operation, rewritable)
        if new_url is not None and new_url is not call.url_expr:
            self.replacements[call.url_expr] = new_url
        if plan.body is not None and plan.body_edit is not None:
            code = plan.body_edit(self.render_updated).code
            if code is not None:
                self.replacements[plan.body] = cst.parse_expression(code)
        if plan.reads is not None:
            self.replacements.update(plan.reads.replacements)
            plan.todos.extend(plan.reads.todos)
            if not plan.reads.visible and plan.operation in HIDDEN_RESPONSE_TODO:
                plan.todos.append((call.node, HIDDEN_RESPONSE_TODO[plan.operation] +
                                   "; review the code that reads this response"))
            if plan.operation == "status" and (not plan.reads.visible or self.reads.find(call.node)):
                plan.todos.append((call.node, STATUS_TODO))
        if plan.headers is not None:
            self._commit_header_dict(plan.headers, call.node, plan)
            for element in plan.headers.elements:  # `{**HEADERS, "Accept": ...}`
                if isinstance(element, cst.StarredDictElement) and isinstance(element.value, cst.Name) \
                        and self._visible_dict(element.value):
                    self._commit_shared_dict(element.value, plan, plans)
        elif plan.shared_headers is not None:
            self._commit_shared_dict(plan.shared_headers, plan, plans)
        elif plan.helper_headers is not None:
            self._commit_helper_dicts(plan.helper_headers, plan, plans)

    def _commit_header_dict(self, headers: cst.Dict, todo_at: cst.CSTNode, plan: Optional[CallPlan]) -> bool:
        new, rewrote_key = rewrite_headers(headers, self.render)
        if new is not None:
            self.replacements[headers] = new
        if rewrote_key:
            self.todo(headers, V2_KEY_TODO)
        elif plan is not None and not any(isinstance(e, cst.StarredDictElement) for e in headers.elements):
            plan.todos.append((todo_at, NO_HEADER_TODO))
        elif plan is not None and any(isinstance(e, cst.StarredDictElement) and not self._visible_dict(e.value)
                                      for e in headers.elements):
            # `{**_headers(), ...}`: the spread may still carry X-API-Key (the value flow stops here)
            plan.todos.append((todo_at, HIDDEN_HEADERS_TODO))
        return rewrote_key

    def _visible_dict(self, node: cst.BaseExpression) -> bool:
        """A name bound to a dict literal this codemod sees (and rewrites with its calls)."""
        bound = self.binding(node) if isinstance(node, cst.Name) else None
        return bound is not None and isinstance(bound[1], cst.Dict)

    def _commit_shared_dict(self, name: cst.Name, plan: CallPlan, plans: Sequence[CallPlan]) -> None:
        """A headers dict bound to ``name`` (`headers=HEADERS`, `{**HEADERS, ...}`): rewritten
        when every use of it is in a rewritten call; else the call gets a TODO."""
        bound = self.binding(name)
        if bound is None or not isinstance(bound[1], cst.Dict):
            plan.todos.append((plan.call.node, HIDDEN_HEADERS_TODO))
            return
        rewritten_args = {id(p.shared_headers) for p in plans if p.rewrite and p.shared_headers is not None}
        rewritten_args |= {id(e.value) for p in plans if p.rewrite and p.headers is not None
                           for e in p.headers.elements if isinstance(e, cst.StarredDictElement)}
        uses = self.accesses(bound[0]) or []
        if not uses or any(id(u) not in rewritten_args for u in uses):
            plan.todos.append((plan.call.node, SHARED_HEADER_TODO))
            return
        if bound[1] not in self.replacements:
            self._commit_header_dict(bound[1], bound[1], None)

    def _helper_function(self, call: cst.BaseExpression) -> Optional[cst.FunctionDef]:
        """The one undecorated module-level function ``call`` names, called without arguments."""
        if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and not call.args):
            return None
        found = [s for s in self.module.body if isinstance(s, cst.FunctionDef) and s.name.value == call.func.value]
        return found[0] if len(found) == 1 and not found[0].decorators else None

    def _helper_dicts(self, call: cst.BaseExpression) -> Optional[List[cst.Dict]]:
        """The dict literals a header helper returns (``headers=_headers()``): a function of the
        module, undecorated, called without arguments here, whose every ``return`` gives a dict
        literal; None otherwise."""
        helper = self._helper_function(call)
        if helper is None:
            return None
        returns: List[cst.Return] = []
        stack: List[cst.CSTNode] = [helper.body]
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                continue  # a nested function's returns are not the helper's
            if isinstance(node, cst.Return):
                returns.append(node)
            stack.extend(node.children)
        if not returns or not all(isinstance(r.value, cst.Dict) for r in returns):
            return None
        return [r.value for r in returns]  # type: ignore[misc]

    def _commit_helper_dicts(self, call: cst.Call, plan: CallPlan, plans: Sequence[CallPlan]) -> None:
        """``headers=_headers()``: the helper's dicts are rewritten when every reference to the
        helper is such a call of a rewritten request; else the call gets the shared-headers TODO."""
        scope = self.codemod.get_metadata(ScopeProvider, call.func, None)
        assignments = list(scope[call.func.value]) if scope is not None else []  # type: ignore[attr-defined]
        # The name must resolve to the module-level helper whose dicts we read: a local function of
        # the same name (or any other binding) is a different function, whose headers stay unseen.
        if len(assignments) != 1 or getattr(assignments[0], "node", None) is not self._helper_function(call):
            plan.todos.append((plan.call.node, HIDDEN_HEADERS_TODO))
            return
        rewritten = {id(p.helper_headers.func) for p in plans if p.rewrite and p.helper_headers is not None}
        uses = [access.node for access in assignments[0].references]
        if not uses or any(id(u) not in rewritten for u in uses):
            plan.todos.append((plan.call.node, SHARED_HEADER_TODO))
            return
        for headers in self._helper_dicts(call) or []:
            if headers not in self.replacements:
                self._commit_header_dict(headers, headers, None)

    def _commit_clients(self, plans: Sequence[CallPlan]) -> None:
        """Session/Client headers (``s.headers.update({...})``, ``s.headers["X-API-Key"] = k``,
        ``httpx.Client(headers={...})``): rewritten when every call through the client is a
        rewritten v1 call; otherwise each call gets a TODO."""
        by_client: Dict[str, List[CallPlan]] = {}
        for plan in plans:
            if plan.call.via_client and plan.headers is None and plan.shared_headers is None:
                by_client.setdefault(plan.call.via_client, []).append(plan)
        if not by_client:
            return
        all_calls: Dict[str, int] = {}
        for call in iter_http_calls(self.module, self.analysis):
            if call.via_client:
                all_calls[call.via_client] = all_calls.get(call.via_client, 0) + 1
        setups = client_header_setups(self.module, self.analysis, set(by_client))
        for client, client_plans in by_client.items():
            rewritten = [p for p in client_plans if p.rewrite]
            if not rewritten:
                continue
            found = setups.get(client, [])
            safe = len(rewritten) == all_calls.get(client, 0) and found
            if not safe:
                for p in rewritten:
                    self.todo(p.call.node, NO_HEADER_TODO if not found else SHARED_HEADER_TODO)
                continue
            for setup in found:
                if isinstance(setup, cst.Dict):
                    self._commit_header_dict(setup, setup, None)
                else:  # Subscript key node of s.headers["X-API-Key"] = value
                    self._commit_header_item(setup)

    def _commit_header_item(self, assign: cst.Assign) -> None:
        target = assign.targets[0].target
        assert isinstance(target, cst.Subscript)
        key_node = target.slice[0].slice.value  # type: ignore[attr-defined]
        quote = key_node.quote if key_node.quote in ("'", '"') else '"'
        self.replacements[key_node] = cst.SimpleString(string_literal(V2_AUTH_HEADER, quote))
        self.replacements[assign.value] = cst.parse_expression(bearer_value(assign.value, self.render, quote))
        self.todo(assign, V2_KEY_TODO)


def call_outcomes(module_or_wrapper) -> Dict[Tuple[int, int], bool]:
    """For the scanner: (line, 1-based column) of each v1 raw-HTTP call -> whether this codemod
    rewrites it completely (no TODO left at it). From the plan alone: nothing is rewritten. A
    ``MetadataWrapper`` already resolved for the scanner is reused."""
    return call_outcomes_and_changes(module_or_wrapper)[0]


def call_outcomes_and_changes(module_or_wrapper, analysis: Optional[HttpAnalysis] = None):
    """``call_outcomes`` and, from the same plan, the spans the codemod replaces
    (``_Planner.changed_spans``): what ``prelude-migrate rewrite`` changes, for the scanner
    (``analysis``: the module's HttpAnalysis, when the scanner has it)."""
    from libcst.metadata import MetadataWrapper

    from codemods.core.context import RewriteContext

    wrapper = module_or_wrapper if isinstance(module_or_wrapper, MetadataWrapper) else \
        MetadataWrapper(module_or_wrapper, unsafe_skip_copy=True)
    codemod = RawHttpCodemod(RewriteContext(wrapper=wrapper))
    codemod.metadata = wrapper.resolve_many((ParentNodeProvider, ScopeProvider, PositionProvider))
    planner = codemod.plan(wrapper.module, analysis)
    return ({}, []) if planner is None else (planner.outcomes(), planner.changed_spans())


# --- applying the plan -----------------------------------------------------------------------

class _Apply(cst.CSTTransformer):
    """Puts the planned replacements and TODO lines in. A removed statement first becomes a
    ``pass`` carrying its comments; the enclosing block then hands those comments to the next
    statement (or keeps the ``pass`` when nothing else is left)."""

    def __init__(self, replacements: Dict[cst.CSTNode, cst.CSTNode], todos: Dict[cst.CSTNode, List[str]],
                 removals: Optional[Set[cst.CSTNode]] = None) -> None:
        super().__init__()
        self.replacements = replacements
        self.todos = todos
        self.removals = removals or set()
        self.placeholders: Set[int] = set()

    def visit_Module(self, node: cst.Module) -> None:
        self.module = node

    def on_leave(self, original_node, updated_node):
        replacement = self.replacements.get(original_node)
        if replacement is not None:
            updated_node = _keep_parens(original_node, replacement)
        texts = self.todos.get(original_node)
        if texts and hasattr(updated_node, "leading_lines"):
            updated_node = with_todo_lines(updated_node, texts, comments_above(original_node, self.module))
        if original_node in self.removals:
            updated_node = updated_node.with_changes(body=[cst.Pass()])
            self.placeholders.add(id(updated_node))
        if isinstance(updated_node, (cst.IndentedBlock, cst.Module)) and self.placeholders:
            updated_node = self._drop_placeholders(updated_node)
        return updated_node

    def _drop_placeholders(self, block):
        body, carried = [], []
        for statement in block.body:
            if id(statement) in self.placeholders:
                carried.extend(statement.leading_lines)
                continue
            if carried:
                statement = statement.with_changes(leading_lines=[*carried, *statement.leading_lines])
                carried = []
            body.append(statement)
        if not carried:
            return block.with_changes(body=body)
        if not body:  # the block would be empty: keep a `pass` under the comments
            return block.with_changes(body=[cst.SimpleStatementLine([cst.Pass()], leading_lines=carried)])
        return block.with_changes(body=body, footer=[*carried, *block.footer])


def _keep_parens(original: cst.CSTNode, replacement: cst.CSTNode) -> cst.CSTNode:
    """A replacement keeps the parentheses the original had."""
    lpar = getattr(original, "lpar", None)
    if lpar and hasattr(replacement, "lpar") and not replacement.lpar:  # type: ignore[attr-defined]
        return replacement.with_changes(lpar=lpar, rpar=original.rpar)  # type: ignore[attr-defined]
    return replacement


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Rewrites `requests`/`httpx` calls (module functions, sessions, clients, through any alias) whose URL "
         "resolves to a v1 endpoint: the URL (literal, module constant, concatenation, f-string, `urljoin`, "
         "an httpx `base_url`), `X-API-Key` -> `Authorization: Bearer`, the body field by field (`customer_uuid` "
         "dropped, `phone_number` -> `target`, the rest under `signals`/`options`/`metadata`) and the response "
         "reads in the same function (`authentication_uuid` -> `id`, statuses and error codes through the "
         "tables, lookup fields).",
    why="The v1 endpoints are removed; v2 has other paths, authentication, bodies and statuses, so a host "
        "swap alone would send v1 bodies to v2.",
    fix_safety="A shared constant, headers dict or client moves only when every call using it is rewritten. "
               "A check or retry takes the number of the create of the same verification (or a phone-named "
               "parameter, with a TODO), else stays under a TODO; so do a body or headers it cannot see, a "
               "response that escapes, statuses and codes with no v2 equivalent, feedback and status-by-id. "
               "Every rewritten `X-API-Key` gets the v2-key TODO.",
    examples=(
        CodemodExample('''
            import requests

            BASE = "https://api.ding.live/v1"
            HEADERS = {"X-API-Key": "test-v1-key"}


            def verify(phone, code):
                start = requests.post(f"{BASE}/authentication", json={"customer_uuid": CU, "phone_number": phone,
                                                                      "device_type": "IOS"}, headers=HEADERS)
                res = requests.post(BASE + "/check", json={"customer_uuid": CU, "authentication_uuid": start.json()["authentication_uuid"],
                                                           "check_code": code}, headers=HEADERS)
                return res.json()["status"] == "valid"
            ''', '''
            import requests

            BASE = "https://api.prelude.dev/v2"
            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            HEADERS = {"Authorization": "Bearer test-v1-key"}


            def verify(phone, code):
                start = requests.post(f"{BASE}/verification", json={"target": {"type": "phone_number", "value": phone}, "signals": {"device_platform": "ios"}}, headers=HEADERS)
                res = requests.post(BASE + "/verification/check", json={"target": {"type": "phone_number", "value": phone}, "code": code}, headers=HEADERS)
                return res.json()["status"] == "success"
            ''', note="Create then check: the shared base and headers move because every call using them does."),
        CodemodExample('''
            import httpx

            client = httpx.Client(base_url="https://api.ding.live/v1", headers={"X-API-Key": KEY})


            def carrier(phone):
                body = client.get(f"/lookup/{phone}").json()
                return body["carrier"], body["number_ported"]
            ''', '''
            import httpx

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = httpx.Client(base_url="https://api.prelude.dev/v2", headers={"Authorization": f"Bearer {KEY}"})


            def carrier(phone):
                body = client.get(f"/lookup/{phone}").json()
                return body["network_info"]["carrier_name"], ("ported" in body.get("flags", []))
            ''', note="An httpx client's `base_url` and headers, and the lookup reads."),
        CodemodExample('''
            import requests


            def confirm(auth_uuid, code):
                return requests.post("https://api.ding.live/v1/check", json={"customer_uuid": CU, "authentication_uuid": auth_uuid, "check_code": code}, headers={"X-API-Key": KEY})
            ''', '''
            import requests


            def confirm(auth_uuid, code):
                # TODO(prelude-migration): v2 check is keyed by the phone number, not authentication_uuid, and no provably same number is in scope here: send {target: {type: phone_number, value}, code} to https://api.prelude.dev/v2/verification/check
                return requests.post("https://api.ding.live/v1/check", json={"customer_uuid": CU, "authentication_uuid": auth_uuid, "check_code": code}, headers={"X-API-Key": KEY})
            ''', note="No number of this verification in scope: left as it was, marked."),
    ),
    no_ops=(
        NoOp('''
            import requests

            requests.post("https://partner.example.test/v1/check", headers={"X-API-Key": KEY}, json={"code": "1234"})
            ''', "Another API with an `X-API-Key` header and a `/v1/check` path is not Prelude's."),
    ),
)
