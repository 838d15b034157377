"""``sdk-call``: a call of a v1 SDK operation (create, check, retry, feedback, status, lookup) on
the ``otp``/``lookup`` namespaces of the v1 SDKs. Names only v1 has (the ``createAutentication``
typo, ``createAuthentication``, ``getAuthenticationStatus``) always; shared names (``otp.check``,
``lookup.lookup``, ``authenticate``) only in files with other v1 evidence. Go: the operations
of the hand-written ``ding-go`` client called on the variable that ``ding.NewClient(...)``
returned (``client.Check(...)``, ``client.Retry(...)``). In code only.
"""
from __future__ import annotations

import re

from compat.knowledge.sdk_shapes import SDK_V1_TS_STANDALONE_FUNCTIONS
from codemods.syntax.languages import family
from codemods.syntax.rules.sdk_import import go_v1_aliases
from codemods.syntax.source import Example
from codemods.syntax.stainless_v1 import prototype_facts
from codemods.syntax.ts_sdk_layout import namespace as ts_namespace

KIND = "sdk-call"

# Normalised method name (lower case, no "_", no "async") -> operation.
OPERATIONS = {
    "createauthentication": "create", "createautentication": "create", "send": "create", "authentication": "create",
    "postauthentication": "create", "authenticate": "create", "authenticatewithcontext": "create",
    "check": "check", "postcheck": "check", "checkwithcontext": "check",
    "retry": "retry", "postretry": "retry", "retrywithcontext": "retry",
    "feedback": "feedback", "getauthenticationstatus": "status",
    "lookup": "lookup", "postlookup": "lookup",
}
_STRONG = frozenset({"createauthentication", "createautentication", "getauthenticationstatus"})

_NAMESPACE_CALL = re.compile(
    r"(?:\.(?:otp|Otp)(?:\(\))?|->otp)\s*(?:\.|->)\s*(?P<name>[A-Za-z_]+)\s*\(")
_LOOKUP_CALL = re.compile(
    r"(?:\.(?:lookup|Lookup)(?:\(\))?|->lookup)\s*(?:\.|->)\s*(?P<name>lookup|Lookup|LookupAsync|post_?[lL]ookup)\s*\(")
_TYPO = re.compile(r"\b(?P<name>create_?[aA]utentication(?:Async)?)\b")
# The TS SDK's standalone functions are named namespace + operation (``otpCheck``, ``lookupLookup``;
# docs/reference/v1-api.md): only those pairs, not ``otpLookup`` or ``lookupCheck``.
_WEAK_FREE_CALLS = re.compile(
    r"(?:\b(?P<fn>%s)|(?:(?<![\w$])(?P<recv>[A-Za-z_$][\w$]*)\s*)?\.(?P<name>authenticate|Authenticate(?:WithContext)?))\s*\("
    % "|".join(SDK_V1_TS_STANDALONE_FUNCTIONS))
# The hand-written clients' other operations, called on a receiver the file also calls
# ``authenticate`` on (README fragments call ``client.`` without binding it).
_COMPANIONS = "check|retry|feedback|Check|Retry|Feedback|CheckWithContext|RetryWithContext"
# Go, the hand-written ding-go client: `client, err := ding.NewClient(...)`, then `client.Check(...)`;
# likewise a client built by `New`/`NewClient` of a package imported from Ding's organisation and
# kept in a variable or a struct field (`dingClient: ding.New(...)`, then `s.dingClient.Check(...)`).
_GO_CLIENT_VAR = r"(?P<var>[A-Za-z_]\w*)[ \t]*(?:,[ \t]*[A-Za-z_]\w*[ \t]*)?(?P<op>:?=|:)[ \t]*&?[ \t]*(?:%s)\s*\("
_NO_CALLS = frozenset({"text", "dockerfile", "bash", "shell", "dotenv", "yaml", "json", "toml",
                       "markdown", "make"})


def operation_of(name: str):
    key = name.lower().replace("_", "")
    if key.endswith("async"):
        key = key[:-5]
    return key, OPERATIONS.get(key)


# Inside the v1 Go client's own packages (its tests): the constructor unqualified, with its
# ``Config`` literal (``client, err := NewClient(Config{...})``, ``a := New(Config{...})``).
GO_OWN_CONSTRUCTOR = r"New(?:Client)?(?=\s*\(\s*&?\s*Config\s*\{)"
_GO_DING_PACKAGE = re.compile(r"(?m)^package[ \t]+ding(?:_test)?[ \t]*$")


def go_own_client_package(source) -> bool:
    """The file is in the hand-written v1 Go client's own package (``package ding``, its
    ``NewClient(Config{CustomerUUID: ...})``), or in a package that imports a v1 package and builds
    its own client from a ``Config`` (``internal/api`` of ding-go): unqualified constructors there
    build the v1 client."""
    text = source.text
    if "Config" not in text or not re.search(r"(?<![\w.])%s" % GO_OWN_CONSTRUCTOR, text):
        return False
    if _GO_DING_PACKAGE.search(text) and re.search(r"(?i)customer_?uuid", text):
        return True
    return bool(go_v1_aliases(text))


def _go_client_calls(text: str, own: bool = False):
    """The method calls on Go variables and fields that hold a v1 client."""
    constructors = [r"ding\.NewClient"] + [r"%s\.New(?:Client)?" % re.escape(a) for a in sorted(go_v1_aliases(text))]
    if own:
        constructors.append(r"(?<![\w.])" + GO_OWN_CONSTRUCTOR)
    assigned = re.compile(_GO_CLIENT_VAR % "|".join(constructors))
    # a struct field (``sms: otp.NewClient(...)``) is called through its owner (``a.sms.Check``);
    # a variable (``client := ...``) only by its bare name: ``h.client.Check`` is another field.
    names = {(m.group("var"), m.group("op") == ":") for m in assigned.finditer(text)}
    for v, field in sorted(names):
        before = r"(?<![\w])" if field else r"(?<![\w.])"
        yield from re.finditer(r"%s%s\.(?P<name>[A-Z]\w*)\s*\(" % (before, re.escape(v)), text)


def find(source):
    if source.language in _NO_CALLS:
        return
    seen = set()
    for start, end, call in prototype_facts(source).calls:  # the Stainless v1 prototype's resources
        if source.where(start, end) == "code":
            seen.add(start)
            source.strong = True
            yield source.usage(KIND, start, end, call, "code")
    for pattern in (_NAMESPACE_CALL, _LOOKUP_CALL, _TYPO):
        for m in pattern.finditer(source.text):
            key, operation = operation_of(m.group("name"))
            start, end = m.start("name"), m.end("name")
            if operation is None or start in seen:
                continue
            if key not in _STRONG and pattern is not _TYPO and not source.evidence(near=True):
                continue
            where = source.where(start, end)
            if where in ("comment", "string") or (pattern is _TYPO and source.defines(start)):
                continue  # the v1 SDK's own ``public ... createAutentication(...)`` declares the method
            seen.add(start)
            source.strong = True
            yield source.usage(KIND, start, end, operation, where)
    if family(source.language) == "go":
        for m in _go_client_calls(source.text, go_own_client_package(source)):
            _, operation = operation_of(m.group("name"))
            start, end = m.start("name"), m.end("name")
            if operation and start not in seen and source.where(start, end) not in ("comment", "string"):
                seen.add(start)
                source.strong = True
                yield source.usage(KIND, start, end, operation, "code")
    if source.evidence(near=True):
        receivers = set()
        for m in _WEAK_FREE_CALLS.finditer(source.text):
            group = "fn" if m.group("fn") else "name"
            name = m.group(group)
            namespace = ts_namespace(name) if group == "fn" else ""
            _, operation = operation_of(name[len(namespace):] if group == "fn" else name)
            start, end = m.start(group), m.end(group)
            if operation and start not in seen and source.where(start, end) not in ("comment", "string") \
                    and not source.defines(start):
                seen.add(start)
                if m.group("recv") and m.group("recv") not in ("this", "self"):
                    receivers.add(m.group("recv"))
                yield source.usage(KIND, start, end, operation, "code")
        yield from _companion_calls(source, receivers, seen)


def _companion_calls(source, receivers, seen):
    if not receivers:
        return
    pattern = re.compile(r"(?<![\w$.])(?:%s)\s*\.\s*(?P<name>%s)\s*\(" % (
        "|".join(map(re.escape, sorted(receivers))), _COMPANIONS))
    for m in pattern.finditer(source.text):
        start, end = m.start("name"), m.end("name")
        if start not in seen and source.where(start, end) == "code" and not source.defines(start):
            seen.add(start)
            yield source.usage(KIND, start, end, operation_of(m.group("name"))[1], "code")


EXAMPLES = (
    Example("typescript", "const res = await ding.otp.createAuthentication({ customerUuid, phoneNumber });\n", (1,)),
    # the Stainless v1 prototype's resources on a Prelude client (v2 has none of them)
    Example("python", "client = Prelude(api_key=k)\nr = client.lookup.retrieve(phone)\n", (2,)),
    Example("typescript", "const prelude = new Prelude();\nconst r = await prelude.authentication\n  .create({ phone_number: p });\n",
            (3,)),
    Example("typescript", "const r = await github.check.create({ name });\n"),  # not a Prelude client
    # a test's fixture typed with the client class; Stainless's raw-response view
    Example("python", "def test_retry(client: Prelude) -> None:\n    r = client.retry.with_raw_response.create(\n"
            "        authentication_uuid=ID,\n    )\n", (2,)),
    # a README fragment: the receiver of ``authenticate`` is the hand-written v1 client
    Example("go", 'import ding "github.com/ding-live/ding-go"\n\nfunc send() {\n\ta, _ := sms.Authenticate(opts)\n}\n'
            'func verify() {\n\tok, _ := sms.Check(a.UUID, "0000")\n\t_, _ = sms.Retry(a.UUID)\n\t_ = other.Check(a)\n}\n', (4, 7, 8)),
    Example("javascript", "const x = api.authenticate(p);\nconst ok = api.check(x.id, code);\n"),  # no v1 evidence
    Example("go", 'import dinggolang "github.com/ding-live/ding-golang"\nres, err := s.Otp.CreateAuthentication(ctx, &req)\n'
            "res2, err := s.Otp.Check(ctx, &check)\n", (2, 3)),
    Example("go", 'client, err := ding.NewClient(ding.Config{APIKey: k})\nauth, err := client.Check(id, code)\nr, err := client.Retry(id)\n',
            (2, 3)),
    Example("go", 'import otp "github.com/ding-live/otp-demo/sms"\n\ntype app struct{ sms *otp.Client }\n'
            'var a = app{\n\tlog: logger,\n\tsms: otp.NewClient(otp.Options{}),\n}\n'
            'func f() { ok, _ := a.sms.Check(id, code); _ = a.log.Check(ok) }\n', (8,)),
    Example("go", 'client := other.NewClient()\nok := client.Check(id, code)\n'),
    # inside the v1 client's own packages (its tests): the constructor unqualified
    Example("go", 'package ding\n\nfunc TestSend(t *testing.T) {\n\tc, _ := NewClient(Config{CustomerUUID: u})\n'
            '\t_, err := c.Authenticate(AuthenticateOptions{})\n\t_, err = c.Retry(id)\n}\n', (5, 6)),
    Example("go", 'package api\n\nimport "github.com/ding-live/go-sdk/pkg/status"\n\nfunc TestCheck(t *testing.T) {\n'
            '\ta := New(Config{BaseURL: u})\n\tres, _ := a.Check(ctx, CheckRequest{})\n\t_ = a.Authentication(ctx, r)\n}\n', (7, 8)),
    Example("go", 'package store\n\nfunc f() {\n\tc := NewClient(Config{Path: p})\n\tc.Check(ctx)\n}\n'),  # not a v1 package
    # a variable holds the v1 client; a field of the same name on another value does not
    Example("go", 'client, err := ding.NewClient(ding.Config{APIKey: k})\nfunc (h *handler) f() { h.client.Check(ctx) }\n'),
    Example("java", "var res = sdk.otp().createAuthentication().request(req).call();\n", (1,)),
    Example("php", "<?php\n$response = $sdk->otp->createAuthentication($request);\n", (2,)),
    Example("ruby", "require 'ding_sdk'\nres = s.otp.create_authentication(req)\n", (2,)),
    Example("csharp", "var res = await sdk.Otp.CreateAuthenticationAsync(req);\n", (1,)),
    Example("javascript", "const sms = makeClient(process.env.PRELUDE_CUSTOMER_UUID);\nsms.authenticate(phone).then(done);\n", (2,)),
    Example("typescript", 'import { DingCore } from "../core.js";\nimport * as c from "@ding-live/ding/models/components";\n'
            "export async function otpRetry(client: DingCore, request: c.RetryAuthenticationRequest) {}\n"),
    Example("typescript", 'import { lookupLookup } from "@ding-live/ding/funcs/lookupLookup.js";\n'
            "const res = await lookupLookup(core, uuid, phone);\n", (2,)),
    # inside the SDK (no package name): a standalone function imported from its own funcs/ module
    Example("typescript", 'import { otpRetry } from "../funcs/otpRetry.js";\n\n'
            "export async function resend(core, req) {\n  return otpRetry(core, req);\n}\n", (4,)),
    Example("typescript", 'import { otpRetry } from "../helpers/otpRetry.js";\nawait otpRetry(core, req);\n'),  # not funcs/
    Example("typescript", "const v = await client.verification.create({ target });\nawait client.lookup.lookup(phone, {});\n"),
    # not a v1 standalone function name: namespace and operation do not pair so
    Example("typescript", 'import { Ding } from "@ding-live/ding";\nconst a = otpLookup(phone);\nconst b = lookupCheck(x);\n'),
    Example("javascript", "if (!user.otp.check(token)) { throw new Error('bad'); }\n"),
    # inside the v1 Java SDK: the method declared, with its qualified return type
    Example("java", "package live.ding.dingSdk;\nclass Otp {\n    public live.ding.dingSdk.models.operations.CreateAutenticationResponse "
            "createAutentication(Req request) throws Exception {\n        return null;\n    }\n}\n"),
)
