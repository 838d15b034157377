"""The v1 JavaScript SDK ``@ding-live/ding`` (Speakeasy) moved to ``@prelude.so/sdk``, all or
nothing per file: the import, every client built with ``new Ding({ apiKey })`` and every use of
those clients must be understood, or nothing is changed (the detection layer then marks each v1
line with a TODO).

Understood uses: ``client.otp.createAuthentication({...})`` -> ``client.verification.create``
(fields per the knowledge layer's moves), ``client.otp.check({ authenticationUuid, checkCode })``
-> ``client.verification.check({ target, code })`` when the id comes from a create earlier in the
same function (its phone number is the target), ``client.otp.retry`` -> ``verification.create``
likewise, ``client.lookup.lookup(customerUuid, phone)`` -> ``client.lookup.lookup(phone)``; the
results are read as in the raw-HTTP rewrite (``authenticationUuid`` -> ``id``, statuses through
the tables). ``@ding-live/sdk`` (hand-written, deprecated) has no documented result shape: it is
only marked. The v2 client is built with ``maxRetries: 0`` (a create or a check is never re-sent).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from codemods.lang.edits import Edit, Mark, Plan
from codemods.lang.js import bodies
from codemods.lang.js.nodes import (
    declarator_of, enclosing_function, entry, indent_of_line, is_reassigned, line_of, object_entries, span,
    statement_of, string_value, unwrap)
from codemods.lang.js.responses import Reads, plan_sdk_reads, snake
from codemods.lang.js.todo_texts import V2_KEY_TODO
from compat.knowledge.packages import V1_DISTRIBUTIONS, V2_PACKAGES

V1_PACKAGE = V1_DISTRIBUTIONS["npm"][0]  # @ding-live/ding
V1_SCOPE = V1_PACKAGE.split("/")[0] + "/"  # @ding-live/
V2_PACKAGE = V2_PACKAGES["npm"]
V2_CLIENT = "Prelude"  # the default export of @prelude.so/sdk
_V1_CLIENT = "Ding"
_METHODS = {("otp", "createAuthentication"): "create", ("otp", "createAutentication"): "create",
            ("otp", "check"): "check", ("otp", "retry"): "retry", ("lookup", "lookup"): "lookup"}


@dataclass
class _Call:
    node: object
    op: str
    args: List[object]
    reads: Optional[Reads] = None
    phone: Optional[object] = None


@dataclass
class _File:
    edits: List[Edit] = field(default_factory=list)
    marks: List[Mark] = field(default_factory=list)
    calls: List[_Call] = field(default_factory=list)


def plan_sdk(tree) -> Plan:
    root, source = tree.root, tree.source
    v1 = [i for i in root.find_all(kind="import_statement") if (_source(i) or "").startswith(V1_SCOPE)]
    imports = [i for i in v1 if _source(i) == V1_PACKAGE]
    others = [n for n in root.find_all(kind="string") if (string_value(n) or "").startswith(V1_SCOPE)]
    if len(imports) != 1 or len(v1) != 1 or len(others) != 1:
        return Plan()  # sub-path imports (models, errors), requires, a second import: not all understood
    local = _imported_client(imports[0])
    if local is None:
        return Plan()
    work = _File()
    work.edits.append(Edit(*span(imports[0]), f'import {V2_CLIENT} from "{V2_PACKAGE}";', "sdk"))
    clients: Dict[str, object] = {}
    for ref in _refs(root, local):
        parent = ref.parent()
        if parent is not None and parent.kind() == "new_expression" and _client(parent, work, clients):
            continue
        if parent is not None and parent.kind() in ("type_annotation", "generic_type") or ref.kind() == "type_identifier":
            work.edits.append(Edit(*span(ref), V2_CLIENT, "sdk"))
            continue
        return Plan()
    if not clients:
        return Plan()
    for name in clients:
        for ref in _refs(root, name):
            if declarator_of(ref) is not None:
                continue
            call = _sdk_call(ref)
            if call is None:
                return Plan()
            work.calls.append(call)
    for call in work.calls:
        if not _plan_call(call, work, source):
            return Plan()
    plan = Plan(edits=work.edits, marks=work.marks)
    for call in work.calls:
        if call.reads is not None:
            plan.edits += call.reads.edits
            plan.marks += call.reads.marks
    return plan


def _source(imp) -> Optional[str]:
    source = imp.field("source")
    return string_value(source) if source is not None else None


def _imported_client(imp) -> Optional[str]:
    clause = next((c for c in imp.named_children() if c.kind() == "import_clause"), None)
    if clause is None:
        return None
    named = [c for c in clause.named_children()]
    if len(named) != 1 or named[0].kind() != "named_imports":
        return None
    specifiers = [c for c in named[0].named_children() if c.kind() == "import_specifier"]
    if len(specifiers) != 1:
        return None
    names = specifiers[0].named_children()
    if names[0].text() != _V1_CLIENT:
        return None
    return names[-1].text()  # `Ding` or the alias of `Ding as D`


def _refs(root, name: str):
    for kind in ("identifier", "type_identifier"):
        try:
            found = root.find_all(kind=kind)
        except RuntimeError:  # a kind the grammar does not have (type_identifier in JavaScript)
            continue
        for node in found:
            if node.text() == name and node.parent() is not None and node.parent().kind() != "import_specifier":
                yield node


def _client(new_expression, work: _File, clients: Dict[str, object]) -> bool:
    """``const x = new Ding({ apiKey: K })`` -> ``new Prelude({ apiToken: K, maxRetries: 0 })``."""
    declarator = new_expression.parent()
    args = new_expression.field("arguments")
    options = args.named_children() if args is not None else []
    if declarator is None or declarator.kind() != "variable_declarator" or len(options) != 1 \
            or options[0].kind() != "object":
        return False
    entries = object_entries(options[0])
    if len(entries) != 1 or entries[0].key != "apiKey":
        return False
    name = declarator.field("name")
    if name is None or name.kind() != "identifier":
        return False
    key = entries[0].value.text()
    work.edits.append(Edit(*span(new_expression), f"new {V2_CLIENT}({{ apiToken: {key}, maxRetries: 0 }})", "sdk"))
    work.marks.append(Mark(line_of(statement_of(new_expression)), V2_KEY_TODO))
    clients[name.text()] = declarator
    return True


def _sdk_call(ref) -> Optional[_Call]:
    """``client.otp.check(...)``: the call, when ``ref`` is the client of a known method."""
    namespace = ref.parent()
    if namespace is None or namespace.kind() != "member_expression":
        return None
    method = namespace.parent()
    if method is None or method.kind() != "member_expression":
        return None
    call = method.parent()
    if call is None or call.kind() != "call_expression":
        return None
    op = _METHODS.get((namespace.field("property").text(), method.field("property").text()))
    if op is None:
        return None
    return _Call(call, op, call.field("arguments").named_children())


def _plan_call(call: _Call, work: _File, source: str) -> bool:
    function = call.node.field("function")
    namespace = function.field("object")
    client = namespace.field("object").text()
    indent = indent_of_line(source, span(call.node)[0])
    if call.op == "lookup":
        if len(call.args) != 2:
            return False
        work.edits.append(Edit(span(namespace)[0], span(call.node)[1],
                               f"{client}.lookup.lookup({call.args[1].text()})", "sdk"))
        call.reads = plan_sdk_reads(call.node, "lookup")
        return True
    if len(call.args) != 1 or unwrap(call.args[0]).kind() != "object":
        return False
    obj = unwrap(call.args[0])
    if call.op == "create":
        body = bodies.create_body(obj, indent, snake)
        if body.text is None:
            return False
        call.phone = body.phone
        work.edits.append(Edit(span(namespace)[0], span(call.node)[1], f"{client}.verification.create({body.text})", "sdk"))
        work.marks += [Mark(line_of(statement_of(call.node)), note) for note in body.notes]
        call.reads = plan_sdk_reads(call.node, "create")
        return True
    body = bodies.check_body(obj, snake) if call.op == "check" else bodies.retry_body(obj, snake)
    if body.text is None:
        return False
    phone = _phone_of_create(call, body.auth_uuid, work)
    if phone is None:
        return False
    pairs = [("target", bodies.target_code(phone))] + ([("code", body.text)] if call.op == "check" else [])
    method = "check" if call.op == "check" else "create"
    work.edits.append(Edit(span(namespace)[0], span(call.node)[1],
                           f"{client}.verification.{method}({bodies.render(pairs, chr(10) in obj.text(), indent)})",
                           "sdk"))
    call.reads = plan_sdk_reads(call.node, call.op)
    return True


def _phone_of_create(call: _Call, auth_uuid, work: _File) -> Optional[str]:
    value = unwrap(auth_uuid)
    scope = span(enclosing_function(call.node))
    for create in work.calls:
        if create.op != "create" or create.reads is None or create.phone is None:
            continue
        if span(enclosing_function(create.node)) != scope or span(create.node)[0] > span(call.node)[0]:
            continue
        same = (value.kind() == "member_expression" and span(value) in create.reads.id_exprs) or \
            (value.kind() in ("identifier", "shorthand_property_identifier") and value.text() in create.reads.id_names)
        if not same:
            continue
        phone = unwrap(create.phone)
        if string_value(phone) is not None:
            return phone.text()
        root_name = phone
        while root_name.kind() == "member_expression":
            root_name = root_name.field("object")
        if root_name.kind() in ("identifier", "shorthand_property_identifier") and \
                not is_reassigned(enclosing_function(create.node), root_name.text()):
            return phone.text()
    return None


__all__ = ["plan_sdk", "entry"]


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    title="JS/TS SDK",
    languages=("javascript", "typescript", "tsx"),
    summary="`@ding-live/ding` becomes `@prelude.so/sdk`, all or nothing per file: import, client "
            "(`maxRetries: 0`), calls and result reads.",
    what="`@ding-live/ding` (Speakeasy) becomes `@prelude.so/sdk`, all or nothing per file: the import, every "
         "`new Ding({ apiKey })` (-> `new Prelude({ apiToken, maxRetries: 0 })`), `otp.createAuthentication` -> "
         "`verification.create({ target, signals, options, metadata })`, `otp.check` -> "
         "`verification.check({ target, code })`, `otp.retry` -> `verification.create({ target })`, "
         "`lookup.lookup(customerUuid, phone)` -> `lookup.lookup(phone)`, and the result reads.",
    why="The v1 JavaScript SDKs are gone; `@prelude.so/sdk` has other namespaces, keys a check by the phone "
        "number and retries by default (`maxRetries: 0` keeps a create or a check from being sent twice).",
    fix_safety="All or nothing: if any use of the client is not understood, the whole file keeps its v1 code "
               "under TODOs. A check is keyed to a number only when its id comes from a create in the same "
               "function. Sub-path imports, client options other than `apiKey`, the old response wrappers and "
               "`@ding-live/sdk` (its result shapes are not documented) are marked, not rewritten.",
    examples=(
        CodemodExample('''
            import { Ding } from "@ding-live/ding";

            const ding = new Ding({ apiKey: process.env.DING_API_KEY });

            export async function verify(phoneNumber: string, code: string) {
              const auth = await ding.otp.createAuthentication({ customerUuid: CU, phoneNumber, ip: "203.0.113.1" });
              const { status } = await ding.otp.check({ customerUuid: CU, authenticationUuid: auth.authenticationUuid, checkCode: code });
              return status === "valid";
            }
            ''', '''
            import Prelude from "@prelude.so/sdk";

            // TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            const ding = new Prelude({ apiToken: process.env.DING_API_KEY, maxRetries: 0 });

            export async function verify(phoneNumber: string, code: string) {
              const auth = await ding.verification.create({ target: { type: "phone_number", value: phoneNumber }, signals: { ip: "203.0.113.1" } });
              const { status } = await ding.verification.check({ target: { type: "phone_number", value: phoneNumber }, code: code });
              return status === "success";
            }
            ''', language="typescript", path="otp.ts"),
    ),
    no_ops=(
        NoOp('''
            import Prelude from "@prelude.so/sdk";

            const client = new Prelude({ apiToken: process.env.PRELUDE_API_KEY });
            await client.verification.create({ target: { type: "phone_number", value: "+33612345678" } });
            ''', 'Code already on `@prelude.so/sdk` is left as it is.',
            language="typescript", path="v2.ts"),
    ),
)
