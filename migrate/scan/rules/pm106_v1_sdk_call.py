"""PM106 v1-sdk-call: a call of a v1 Ding SDK operation (create, check, retry, feedback, status,
lookup).

Python through libcst (receivers and aliases tracked). Other languages by method names on the
``otp``/``lookup`` namespaces of the v1 SDKs (docs/reference/v1-api.md). Names unique to v1 (the
``createAutentication`` typo, ``otp.createAuthentication``, ``getAuthenticationStatus``) are always
flagged; names that v2 or other code share
(``otp.check``, ``lookup.lookup``, ``authenticate``) only in files with other v1 evidence.
"""
from __future__ import annotations

import re

from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import claims_kind, docs_url, operation_advice, removal_clause

RULE = RuleInfo("PM106", "v1-sdk-call", "Call of a v1 Ding SDK operation", "v1-removal", True,
                docs_url("PM106"))

# Normalised method name (lower case, no "_", no "async") -> operation.
_OPERATIONS = {
    "createauthentication": "create", "createautentication": "create", "send": "create",
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
_WEAK_FREE_CALLS = re.compile(  # TS standalone functions and the hand-written Go/JS clients
    r"(?:\b(?P<fn>otp(?:CreateAuthentication|Check|Retry|Feedback|GetAuthenticationStatus))"
    r"|\.(?P<name>authenticate|Authenticate(?:WithContext)?))\s*\(")


def _operation(name: str):
    key = name.lower().replace("_", "")
    if key.endswith("async"):
        key = key[:-5]
    return key, _OPERATIONS.get(key)


def _hit(start: int, end: int, operation: str) -> Hit:
    return Hit(start, end, f"v1 SDK call {operation_advice(operation)}; {removal_clause()}")


def match(ctx):
    if ctx.language in ("python", "text", "docker", "shell"):
        return
    seen = set()
    for pattern in (_NAMESPACE_CALL, _LOOKUP_CALL, _TYPO):
        for m in pattern.finditer(ctx.text):
            key, operation = _operation(m.group("name"))
            if operation is None or m.start("name") in seen:
                continue
            if key not in _STRONG and pattern is not _TYPO and not ctx.has_v1_evidence:
                continue
            seen.add(m.start("name"))
            yield _hit(m.start("name"), m.end("name"), operation)
    if ctx.has_v1_evidence:
        for m in _WEAK_FREE_CALLS.finditer(ctx.text):
            group = "fn" if m.group("fn") else "name"
            name = m.group(group)
            _, operation = _operation(name[3:] if group == "fn" else name)
            if operation and m.start(group) not in seen:
                yield _hit(m.start(group), m.end(group), operation)


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
    # near misses: v2 calls (v2 also has lookup.lookup), otp helpers of unrelated code
    Example("v2.ts", "const v = await client.verification.create({ target });\nawait client.lookup.lookup(phone, {});\n"),
    Example("v2.go", "v, err := client.Verification.New(ctx, params)\nl, err := client.Lookup.Lookup(ctx, phone, prelude.LookupLookupParams{})\n"),
    Example("totp.js", "if (!user.otp.check(token)) { throw new Error('bad'); }\n"),
    Example("V2.java", "client.verification().create(params);\n"),
)
