"""PM106 v1-sdk-call: a call of a v1 Ding SDK operation (create, check, retry, feedback, status,
lookup).

Python through libcst (receivers and aliases tracked). Other languages through
``codemods.syntax`` (kind ``sdk-call``): method names on the ``otp``/``lookup`` namespaces of the
v1 SDKs (docs/reference/v1-api.md). Names unique to v1 (the ``createAutentication`` typo, ``otp.createAuthentication``,
``getAuthenticationStatus``) are always flagged; names that v2 or other code share (``otp.check``,
``lookup.lookup``, ``authenticate``) only in files with other v1 evidence; the TypeScript SDK's
standalone functions (``otpCheck(core, ...)``, ``lookupLookup(core, ...)``, also inside the SDK's
own files, known without its manifest by ``DingCore`` next to a v1 request model or by the
function's import from its ``funcs/`` module: ``codemods.syntax.ts_sdk_layout``); in Go, the operations
called on a variable or struct field that holds a v1 client (``s.dingClient.Check(...)``). A
function being declared (``export function otpFeedback(``) is not a call. In code only. The
Stainless v1 prototype's resources on a Prelude client (bound to ``new Prelude(...)`` /
``Prelude(...)`` / ``prelude.NewClient(...)`` in the file, or named ``prelude``):
``.authentication.create(``, ``.check.create(``, ``.retry.create(``, ``.lookup.retrieve(``, Go
``.Check.New(``; v2 has none of these resources. The other operations of a hand-written client
(``check``, ``retry``, ``feedback``) on a receiver the file also calls ``authenticate`` on (README
fragments that never bind it). Go, inside the hand-written v1 client's own packages (its tests:
``package ding`` with a customer UUID, or a package importing a v1 package): the calls on what the
unqualified ``NewClient(Config{...})`` / ``New(Config{...})`` returned (``a.Authentication(...)``).
"""
from __future__ import annotations

from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import V1_CHANGES, claims_kind, docs_url, operation_advice, removal_clause

RULE = RuleInfo(
    id="PM106", name="v1-sdk-call", title="Call of a v1 Ding SDK operation", deadline="v1-removal",
    fixable=True, docs_url=docs_url("PM106"),
)
SYNTAX_KINDS = ("sdk-call",)


def syntax_message(usage, ctx) -> str:
    return f"v1 SDK call {operation_advice(usage.detail)}; {removal_clause()}; {V1_CHANGES}"


claims = claims_kind("sdk-call")


def usage_message(usage) -> str:
    return f"v1 SDK call {operation_advice(usage.detail)}; {removal_clause()}"


EXAMPLES = (
    Example("otp.ts", "const res = await ding.otp.createAuthentication({ customerUuid, phoneNumber });\n", ((1, 28),)),
    Example("old.ts", "sdk.otp.createAutentication(req);\n", ((1, 9),)),
    Example("check.ts", 'import { Ding } from "@ding-live/ding";\nawait ding.otp.check({ customerUuid, authenticationUuid, checkCode });\n',
            ((2, 16),)),
    Example("otp.go", 'import dinggolang "github.com/ding-live/ding-golang"\nres, err := s.Otp.CreateAuthentication(ctx, &req)\n'
            "res2, err := s.Otp.Check(ctx, &check)\n", ((2, 19), (3, 20))),
    Example("Otp.java", "var res = sdk.otp().createAuthentication().request(req).call();\n", ((1, 21),)),
    Example("otp.php", "<?php\n$response = $sdk->otp->createAuthentication($request);\n", ((2, 24),)),
    Example("otp.rb", "require 'ding_sdk'\nres = s.otp.create_authentication(req)\nst = s.otp.get_authentication_status(id)\n",
            ((2, 13), (3, 12))),
    Example("Otp.cs", "var res = await sdk.Otp.CreateAuthenticationAsync(req);\n", ((1, 25),)),
    Example("lookup.ts", 'import { Ding } from "@ding-live/ding";\nconst r = await ding.lookup.lookup(customerUuid, phone);\n',
            ((2, 29),)),
    Example("hand.go", "res, err := client.Authenticate(ding.AuthenticateOptions{PhoneNumber: p})\n", ((1, 20),)),
    Example("check_test.go", "client := prelude.NewClient(option.WithAPIKey(k))\n"
            "_, err := client.Check.New(ctx, prelude.CheckNewParams{AuthenticationUuid: prelude.F(id)})\n",
            ((2, 24),)),
    # near misses: v2 calls (v2 also has lookup.lookup), otp helpers of unrelated code, prose
    Example("v2.ts", "const v = await client.verification.create({ target });\nawait client.lookup.lookup(phone, {});\n"),
    Example("v2.go", "v, err := client.Verification.New(ctx, params)\nl, err := client.Lookup.Lookup(ctx, phone, prelude.LookupLookupParams{})\n"),
    Example("totp.js", "if (!user.otp.check(token)) { throw new Error('bad'); }\n"),
    Example("V2.java", "client.verification().create(params);\n"),
    Example("notes.ts", "// we used to call ding.otp.createAuthentication(...) here\nexport {};\n"),
)
