"""JS/TS raw HTTP to v1 (fetch, node-fetch, axios and its instances, got, ky) moved to v2:
URL, ``Authorization: Bearer``, body fields, response reads and error codes, all or nothing
per call. Where a value's flow leaves what is visible (a body or headers built elsewhere, a
response returned, a check whose phone number is not the create's), the call is left as it is
with a TODO saying what v2 needs there.

A check or retry is rewritten only when its ``authentication_uuid`` comes from the create of
the same verification earlier in the same function (v2 is keyed by the phone number: the
create's number is the only one provably right). A base-URL constant, an axios/got/ky instance
or a shared headers object is rewritten only when every use of it is a call rewritten here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

from codemods.lang.edits import Edit, Mark, Plan
from codemods.lang.facts import OPERATIONS, V1_AUTH_HEADER, V1_CUSTOMER_HEADER, V2_AUTH_HEADER, V2_AUTH_SCHEME
from codemods.lang.js import bodies
from codemods.lang.js.clients import HttpCall, http_calls, references
from codemods.lang.js.errors import error_code_edits
from codemods.lang.js.nodes import (
    declarator_of, enclosing_function, entry, indent_of_line, is_const, is_reassigned, line_of, object_entries,
    span, statement_of, string_value, unwrap)
from codemods.lang.js.responses import Reads, plan_reads
from codemods.lang.js.todo_texts import (
    BODY_SHAPES, BODY_TODO, CLIENT_BASE_TODO, FEEDBACK_TODO, HIDDEN_HEADERS_TODO, NO_HEADER_TODO, NO_PHONE_TODO,
    SHARED_HEADER_TODO, STATUS_TODO, UNKNOWN_URL_TODO, V2_KEY_TODO, WRONG_METHOD_TODO)
from codemods.lang.js.urls import Segment, constants, joined, operation_of, segments, url_edits

_REWRITTEN_OPS = ("create", "check", "retry", "lookup")


@dataclass
class CallPlan:
    call: HttpCall
    op: str
    segs: List[Segment]
    ok: bool = True
    edits: List[Edit] = field(default_factory=list)
    shared: List[Edit] = field(default_factory=list)  # edits in constants, instances, shared headers
    marks: List[Mark] = field(default_factory=list)  # TODOs that go with the rewrite
    why: Optional[str] = None  # the TODO when the call is left
    consts: Set[str] = field(default_factory=set)
    header_names: Set[str] = field(default_factory=set)
    reads: Optional[Reads] = None
    depends_on: Optional["CallPlan"] = None  # check/retry: the create whose phone number it uses

    def leave(self, why: str) -> None:
        if self.ok:
            self.ok, self.why = False, why

    @property
    def line(self) -> int:
        return line_of(statement_of(self.call.node))


def plan_raw_http(tree) -> Plan:
    root = tree.root
    source = tree.source
    consts = constants(root)
    plans: List[CallPlan] = []
    for call in http_calls(root):
        segs = _url_segments(call, consts)
        op = operation_of(segs, call.method)
        if op is None:
            continue
        plans.append(CallPlan(call, op, segs))
    if not plans:
        return Plan()
    for plan in plans:
        _plan_call(plan, plans, source, root)
    _all_or_nothing(plans, root, consts)
    result = Plan()
    rewritten_scopes = {}
    seen: Set[Tuple[int, int, str]] = set()
    for plan in plans:
        if not plan.ok:
            result.marks.append(Mark(plan.line, plan.why or UNKNOWN_URL_TODO))
            continue
        for edit in plan.edits + plan.shared + (plan.reads.edits if plan.reads else []):
            key = (edit.start, edit.end, edit.text)
            if key not in seen:
                seen.add(key)
                result.edits.append(edit)
        result.marks += plan.marks + (plan.reads.marks if plan.reads else [])
        scope = enclosing_function(plan.call.node)
        rewritten_scopes[span(scope)] = scope
    for scope in rewritten_scopes.values():
        edits, marks = error_code_edits(scope)
        result.edits += edits
        result.marks += marks
    return result


def _url_segments(call: HttpCall, consts) -> List[Segment]:
    path = segments(call.url, consts)
    if call.instance is None or call.instance.base is None or joined(path).lower().startswith(("http:", "https:")):
        return path
    base = segments(call.instance.base, consts)
    if call.library in ("got", "ky") and not joined(base).endswith("/") and not joined(path).startswith("/"):
        base.append(Segment("joiner", "/"))  # got and ky join prefixUrl and input with one slash
    return base + path


def _plan_call(plan: CallPlan, plans: List[CallPlan], source: str, root) -> None:
    call, op = plan.call, plan.op
    if op == "feedback":
        return plan.leave(FEEDBACK_TODO)
    if op == "status":
        return plan.leave(STATUS_TODO)
    if op not in _REWRITTEN_OPS:
        expected = next((o.v1_method for o in OPERATIONS.values() if _path_matches(plan, o)), None)
        return plan.leave(WRONG_METHOD_TODO.format(method=call.method, expected=expected) if expected
                          else UNKNOWN_URL_TODO)
    if call.method is None:
        return plan.leave(UNKNOWN_URL_TODO)
    edits = url_edits(plan.segs, op)
    if edits is None:
        return plan.leave(UNKNOWN_URL_TODO)
    for seg, edit in edits:
        if seg.kind == "const":
            plan.consts.add(seg.const.name)
            plan.shared.append(edit)
        elif call.instance is not None and _inside(seg.start, call.instance.config):
            plan.shared.append(edit)
        else:
            plan.edits.append(edit)
    _plan_headers(plan, root)
    if not plan.ok:
        return
    _plan_body(plan, plans, source)
    if not plan.ok:
        return
    plan.reads = plan_reads(call, op)


def _path_matches(plan: CallPlan, operation) -> bool:
    from codemods.lang.facts import classify_url
    return classify_url(joined(plan.segs)) == operation.name


def _inside(offset: int, node) -> bool:
    start, end = span(node)
    return start <= offset < end


# --- headers ------------------------------------------------------------------------------

def _header_objects(plan: CallPlan, root) -> Optional[List[Tuple[object, bool]]]:
    """(object literal, shared?) of every headers object the call sends; None: not visible."""
    found: List[Tuple[object, bool]] = []
    for headers, shared in ((plan.call.instance.headers if plan.call.instance else None, True),
                            (plan.call.headers, False)):
        if headers is None:
            continue
        headers = unwrap(headers)
        if headers.kind() == "object":
            found.append((headers, shared))
            continue
        if headers.kind() in ("identifier", "shorthand_property_identifier"):
            obj = _const_object(root, headers.text())
            if obj is None:
                return None
            plan.header_names.add(headers.text())
            found.append((obj, True))
            continue
        return None
    if plan.call.options is not None and plan.call.options.kind() == "object":
        shorthand = entry(plan.call.options, "headers")
        if shorthand is not None and shorthand.shorthand and not any(o for o, _ in found if o is not None):
            return None
    return found


def _const_object(root, name: str):
    matches = []
    for declarator in root.find_all(kind="variable_declarator"):
        target = declarator.field("name")
        if target is not None and target.kind() == "identifier" and target.text() == name:
            matches.append(declarator)
    if len(matches) != 1 or not is_const(matches[0]):
        return None
    value = unwrap(matches[0].field("value"))
    return value if value is not None and value.kind() == "object" else None


def _plan_headers(plan: CallPlan, root) -> None:
    objects = _header_objects(plan, root)
    if objects is None:
        return plan.leave(HIDDEN_HEADERS_TODO)
    keyed = False
    for obj, shared in objects:
        target = plan.shared if shared else plan.edits
        entries = object_entries(obj)
        if any(e.spread or e.key is None for e in entries) and not any(
                e.key and e.key.lower() == V1_AUTH_HEADER.lower() for e in entries):
            return plan.leave(HIDDEN_HEADERS_TODO)
        for index, e in enumerate(entries):
            if e.key is None:
                continue
            if e.key.lower() == V1_AUTH_HEADER.lower():
                keyed = True
                target.append(_auth_edit(e))
                plan.marks.append(Mark(line_of(e.node), V2_KEY_TODO))
            elif e.key.lower() == V1_CUSTOMER_HEADER:
                target.append(_removal(obj, entries, index))
    if not keyed:
        plan.leave(NO_HEADER_TODO)


def _auth_edit(e) -> Edit:
    key = e.node.field("key")
    quote = key.text()[0] if key.kind() == "string" else ""
    literal = string_value(e.value)
    if literal is not None and "`" not in e.value.text()[:1]:
        q = e.value.text()[0]
        value = f"{q}{V2_AUTH_SCHEME} {literal}{q}"
    else:
        value = f"`{V2_AUTH_SCHEME} ${{{e.value.text()}}}`"
    return Edit(*span(e.node), f"{quote}{V2_AUTH_HEADER}{quote}: {value}", "auth")


def _removal(obj, entries, index: int) -> Edit:
    """Delete one entry of an object literal with its comma."""
    node = entries[index].node
    start, end = span(node)
    source = obj.get_root().get_root().text() if False else None  # noqa: F841 (kept simple below)
    if index + 1 < len(entries):
        return Edit(start, span(entries[index + 1].node)[0], "", "field")
    if index > 0:
        return Edit(span(entries[index - 1].node)[1], end, "", "field")
    return Edit(start, end, "", "field")


# --- bodies -------------------------------------------------------------------------------

def _body_object(plan: CallPlan):
    body = plan.call.body
    if body is None:
        return None
    body = unwrap(body)
    if body.kind() == "object":
        return body
    if body.kind() == "identifier":  # const body = {...} in the same function, used once
        scope = enclosing_function(plan.call.node)
        uses = [n for n in scope.find_all(kind="identifier") if n.text() == body.text()]
        for node in uses:
            declarator = declarator_of(node)
            if declarator is not None and is_const(declarator) and len(uses) == 2:
                value = unwrap(declarator.field("value"))
                if value is not None and value.kind() == "object":
                    return value
    return None


def _plan_body(plan: CallPlan, plans: List[CallPlan], source: str) -> None:
    op = plan.op
    path = OPERATIONS[op].v2_path
    if op == "lookup":
        if plan.call.body is not None:
            plan.leave(BODY_TODO.format(path=path, shape="no body"))
        return
    obj = _body_object(plan)
    if obj is None or "body" in plan.call.problems:
        return plan.leave(BODY_TODO.format(path=path, shape=BODY_SHAPES[op]))
    indent = indent_of_line(source, span(obj)[0])
    if op == "create":
        body = bodies.create_body(obj, indent)
        if body.text is None:
            return plan.leave(body.why if body.why and " " in body.why else BODY_TODO.format(path=path, shape=BODY_SHAPES[op]))
        plan.edits.append(Edit(*span(obj), body.text, "body"))
        plan.marks += [Mark(plan.line, note) for note in body.notes]
        plan.phone = body.phone  # type: ignore[attr-defined]
        return
    body = bodies.check_body(obj) if op == "check" else bodies.retry_body(obj)
    if body.text is None:
        return plan.leave(body.why if body.why and " " in body.why else BODY_TODO.format(path=path, shape=BODY_SHAPES[op]))
    create = _create_of(plan, body.auth_uuid, plans)
    phone = _stable_phone(create) if create is not None else None
    if phone is None:
        return plan.leave(NO_PHONE_TODO.format(op=op, body=BODY_SHAPES[op], path=path))
    plan.depends_on = create
    target = bodies.target_code(phone)
    pairs = [("target", target)] + ([("code", body.text)] if op == "check" else [])
    plan.edits.append(Edit(*span(obj), bodies.render(pairs, "\n" in obj.text(), indent), "body"))


def _create_of(plan: CallPlan, auth_uuid, plans: List[CallPlan]) -> Optional[CallPlan]:
    """The create in the same function, before this call, whose response id ``auth_uuid`` is."""
    scope = span(enclosing_function(plan.call.node))
    value = unwrap(auth_uuid)
    for create in plans:
        if create.op != "create" or not create.ok or create.reads is None:
            continue
        if span(enclosing_function(create.call.node)) != scope or span(create.call.node)[0] > span(plan.call.node)[0]:
            continue
        if value.kind() == "member_expression" and span(value) in create.reads.id_exprs:
            return create
        if value.kind() in ("identifier", "shorthand_property_identifier") and value.text() in create.reads.id_names:
            return create
    return None


def _stable_phone(create: CallPlan) -> Optional[str]:
    phone = unwrap(getattr(create, "phone", None))
    if phone is None:
        return None
    if string_value(phone) is not None:
        return phone.text()
    scope = enclosing_function(create.call.node)
    root_name = phone
    while root_name.kind() == "member_expression":
        root_name = root_name.field("object")
    if root_name.kind() not in ("identifier", "shorthand_property_identifier"):
        return None
    if is_reassigned(scope, root_name.text()):
        return None
    if phone.kind() == "member_expression" and _is_mutated_member(scope, phone.text()):
        return None
    return phone.text()


def _is_mutated_member(scope, text: str) -> bool:
    for node in scope.find_all(kind="assignment_expression"):
        left = node.field("left")
        if left is not None and left.text() == text:
            return True
    return False


# --- all or nothing for shared things ------------------------------------------------------

def _all_or_nothing(plans: List[CallPlan], root, consts) -> None:
    changed = True
    while changed:
        changed = False
        ok = [p for p in plans if p.ok]
        covered = {span(n) for p in ok for n in _covered_refs(p)}
        for name in {n for p in ok for n in p.consts}:
            if any(span(ref) not in covered for ref in references(root, name)):
                changed |= _demote([p for p in ok if name in p.consts], CLIENT_BASE_TODO)
        for name in {p.call.instance.name for p in ok if p.call.instance is not None}:
            calls = {span(p.call.node.field("function").field("object") or p.call.node.field("function"))
                     for p in ok if p.call.instance is not None and p.call.instance.name == name}
            if any(span(ref) not in calls for ref in references(root, name)):
                changed |= _demote([p for p in ok if p.call.instance is not None and p.call.instance.name == name],
                                   CLIENT_BASE_TODO)
        for name in {n for p in ok for n in p.header_names}:
            users = [p for p in ok if name in p.header_names]
            used = {span(n) for p in users for n in _header_refs(p, name)}
            if any(span(ref) not in used for ref in references(root, name)):
                changed |= _demote(users, SHARED_HEADER_TODO)
        for p in ok:
            if p.depends_on is not None and not p.depends_on.ok:
                changed |= _demote([p], NO_PHONE_TODO.format(op=p.op, body=BODY_SHAPES[p.op],
                                                             path=OPERATIONS[p.op].v2_path))


def _demote(plans: List[CallPlan], why: str) -> bool:
    for plan in plans:
        plan.leave(why)
    return bool(plans)


def _covered_refs(plan: CallPlan):
    for seg in plan.segs:
        if seg.kind == "const" and seg.ref is not None:
            yield seg.ref


def _header_refs(plan: CallPlan, name: str):
    for holder in (plan.call.options, plan.call.instance.config if plan.call.instance else None):
        if holder is None:
            continue
        for node in holder.find_all(kind="identifier"):
            if node.text() == name:
                yield node
        for node in holder.find_all(kind="shorthand_property_identifier"):
            if node.text() == name:
                yield node


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    title="JS/TS raw HTTP",
    languages=("javascript", "typescript", "tsx"),
    summary="`fetch`, `node-fetch`, `axios` (and `axios.create` instances), `got` and `ky` calls to v1 "
            "endpoints whose URL, headers and body are visible become v2 calls, with the response reads of the "
            "same function.",
    what="`fetch` (global and `node-fetch`), `axios` (also `axios.create({ baseURL, headers })` instances), `got` "
         "(also `got.extend({ prefixUrl })`) and `ky` (also `ky.create({ prefixUrl })`) calls to v1 endpoints "
         "whose URL, headers and body are visible become v2 calls: the URL, `X-API-Key` -> "
         "`Authorization: Bearer`, the `customer-uuid` header dropped, the body through the field moves, and "
         "the reads of the response in the same function (`authentication_uuid` -> `id`, statuses and `switch` "
         "cases through the status tables, lookup fields, error codes).",
    why="The v1 endpoints are removed; v2 has other paths, authentication, bodies and statuses.",
    fix_safety="As in Python: a check or retry is rewritten only when its `authentication_uuid` comes from the "
               "create of the same verification earlier in the same function, with the number not reassigned; "
               "a body or headers it cannot see, a base URL, instance or headers object shared with code that "
               "is not rewritten, feedback and status-by-id stay under a TODO. A response that leaves the "
               "function, a status used other than in a comparison, a field v2 does not answer and a v1 error "
               "that became a 200 `blocked` status get a TODO.",
    examples=(
        CodemodExample('''
            const BASE = "https://api.ding.live/v1";

            async function login(phone, ask) {
              const res = await fetch(`${BASE}/authentication`, {
                method: "POST",
                headers: { "Content-Type": "application/json", "X-API-Key": API_KEY },
                body: JSON.stringify({ customer_uuid: CUSTOMER_UUID, phone_number: phone }),
              });
              const auth = await res.json();
              if (auth.status !== "pending") return { sent: false };
              const code = await ask("CODE? ");
              const checked = await fetch(`${BASE}/check`, {
                method: "POST",
                headers: { "Content-Type": "application/json", "X-API-Key": API_KEY },
                body: JSON.stringify({ customer_uuid: CUSTOMER_UUID, authentication_uuid: auth.authentication_uuid, check_code: code }),
              });
              const result = await checked.json();
              return { sent: true, verified: result.status === "valid" };
            }
            ''', '''
            const BASE = "https://api.prelude.dev/v2";

            async function login(phone, ask) {
              const res = await fetch(`${BASE}/verification`, {
                method: "POST",
                // TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
                headers: { "Content-Type": "application/json", "Authorization": `Bearer ${API_KEY}` },
                body: JSON.stringify({ target: { type: "phone_number", value: phone } }),
              });
              const auth = await res.json();
              if (!["success", "retry", "challenged", "shadow_blocked"].includes(auth.status)) return { sent: false };
              const code = await ask("CODE? ");
              const checked = await fetch(`${BASE}/verification/check`, {
                method: "POST",
                // TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
                headers: { "Content-Type": "application/json", "Authorization": `Bearer ${API_KEY}` },
                body: JSON.stringify({ target: { type: "phone_number", value: phone }, code: code }),
              });
              const result = await checked.json();
              return { sent: true, verified: result.status === "success" };
            }
            ''', language="javascript", path="otp.js",
            note="Create then check with `fetch`: URL, key, body, status reads; the check is keyed to the create's number."),
    ),
    no_ops=(
        NoOp('''
            await fetch("https://partner.example.test/v1/check", { method: "POST", headers: { "X-API-Key": K } });
            ''', "Another API's `/v1/check` with an `X-API-Key` header is not Prelude's.",
            language="javascript", path="partner.js"),
    ),
)
