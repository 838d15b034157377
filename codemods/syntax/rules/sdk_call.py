"""``sdk-call``: a call of a v1 SDK operation (create, check, retry, feedback, status, lookup) on
the ``otp``/``lookup`` namespaces of the v1 SDKs. Names only v1 has (the ``createAutentication``
typo, ``createAuthentication``, ``getAuthenticationStatus``) always; shared names (``otp.check``,
``lookup.lookup``, ``authenticate``) only in files with other v1 evidence. Go: the operations
of the hand-written ``ding-go`` client called on the variable that ``ding.NewClient(...)``
returned (``client.Check(...)``, ``client.Retry(...)``). In code only.
"""
from __future__ import annotations

import re

from codemods.syntax.languages import family
from codemods.syntax.source import Example

KIND = "sdk-call"
STRONG = True

# Normalised method name (lower case, no "_", no "async") -> operation.
OPERATIONS = {
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
_WEAK_FREE_CALLS = re.compile(
    r"(?:\b(?P<fn>otp(?:CreateAuthentication|Check|Retry|Feedback|GetAuthenticationStatus))"
    r"|\.(?P<name>authenticate|Authenticate(?:WithContext)?))\s*\(")
# Go, the hand-written ding-go client: `client, err := ding.NewClient(...)`, then `client.Check(...)`.
_GO_CLIENT_VAR = re.compile(r"(?P<var>[A-Za-z_]\w*)\s*(?:,\s*[A-Za-z_]\w*\s*)?:?=\s*ding\.NewClient\s*\(")
_NO_CALLS = frozenset({"text", "dockerfile", "bash", "shell", "dotenv", "yaml", "json", "toml",
                       "markdown", "make"})


def operation_of(name: str):
    key = name.lower().replace("_", "")
    if key.endswith("async"):
        key = key[:-5]
    return key, OPERATIONS.get(key)


def find(source):
    if source.language in _NO_CALLS:
        return
    seen = set()
    for pattern in (_NAMESPACE_CALL, _LOOKUP_CALL, _TYPO):
        for m in pattern.finditer(source.text):
            key, operation = operation_of(m.group("name"))
            start, end = m.start("name"), m.end("name")
            if operation is None or start in seen:
                continue
            if key not in _STRONG and pattern is not _TYPO and not source.evidence(near=True):
                continue
            where = source.where(start, end)
            if where in ("comment", "string"):
                continue
            seen.add(start)
            source.strong = True
            yield source.usage(KIND, start, end, operation, where)
    if family(source.language) == "go":
        for v in {m.group("var") for m in _GO_CLIENT_VAR.finditer(source.text)}:
            for m in re.finditer(r"(?<![\w.])%s\.(?P<name>[A-Z]\w*)\s*\(" % re.escape(v), source.text):
                _, operation = operation_of(m.group("name"))
                start, end = m.start("name"), m.end("name")
                if operation and start not in seen and source.where(start, end) not in ("comment", "string"):
                    seen.add(start)
                    source.strong = True
                    yield source.usage(KIND, start, end, operation, "code")
    if source.evidence(near=True):
        for m in _WEAK_FREE_CALLS.finditer(source.text):
            group = "fn" if m.group("fn") else "name"
            name = m.group(group)
            _, operation = operation_of(name[3:] if group == "fn" else name)
            start, end = m.start(group), m.end(group)
            if operation and start not in seen and source.where(start, end) not in ("comment", "string"):
                seen.add(start)
                yield source.usage(KIND, start, end, operation, "code")


EXAMPLES = (
    Example("typescript", "const res = await ding.otp.createAuthentication({ customerUuid, phoneNumber });\n", (1,)),
    Example("go", 'import dinggolang "github.com/ding-live/ding-golang"\nres, err := s.Otp.CreateAuthentication(ctx, &req)\n'
            "res2, err := s.Otp.Check(ctx, &check)\n", (2, 3)),
    Example("go", 'client, err := ding.NewClient(ding.Config{APIKey: k})\nauth, err := client.Check(id, code)\nr, err := client.Retry(id)\n',
            (2, 3)),
    Example("go", 'client := other.NewClient()\nok := client.Check(id, code)\n'),
    Example("java", "var res = sdk.otp().createAuthentication().request(req).call();\n", (1,)),
    Example("php", "<?php\n$response = $sdk->otp->createAuthentication($request);\n", (2,)),
    Example("ruby", "require 'ding_sdk'\nres = s.otp.create_authentication(req)\n", (2,)),
    Example("csharp", "var res = await sdk.Otp.CreateAuthenticationAsync(req);\n", (1,)),
    Example("typescript", "const v = await client.verification.create({ target });\nawait client.lookup.lookup(phone, {});\n"),
    Example("javascript", "if (!user.otp.check(token)) { throw new Error('bad'); }\n"),
)
