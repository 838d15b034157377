"""``customer-uuid-field`` / ``customer-uuid-header``: the v1 customer UUID, which v2 does not
have, as a request field wherever it is written: object and dict keys (``fetch``/axios bodies),
Go struct tags ``json:"customer_uuid"``, ``@JsonProperty`` / ``[JsonProperty]`` /
``@SerializedName`` / PHP attributes, Ruby ``field :customer_uuid``, zod schema keys, Python
dict keys and dataclass fields, identifiers and accessors (``CustomerUUID``, ``getCustomerUuid``);
as a header name (``customer-uuid``, ``CUSTOMER_UUID``, a line that sets headers). Not in
comments. Needs v1 evidence anywhere in the repository, or ``authentication_uuid`` /
``check_code`` / ``x-api-key`` in the same file (the rest of a v1 request); configuration names such as
``DING_CUSTOMER_UUID`` are ``config-name``. A string passed as the first positional argument of a
v1 ``CreateAuthenticationRequest`` constructor is the customer UUID too (its first two
positionals are always customer UUID and phone number), in a file with v1 evidence.
"""
from __future__ import annotations

import re

from codemods.syntax.rules.config_name import FORMS
from compat.knowledge.sdk_shapes import SDK_V1_REQUEST_MODELS
from codemods.syntax.source import Example

KINDS = ("customer-uuid-field", "customer-uuid-header")

_TOKEN = re.compile(r"(?<![A-Za-z0-9_$@-])[A-Za-z0-9_$@-]*customer[_-]?uuid[A-Za-z0-9_-]*", re.IGNORECASE)
_CORE = re.compile(r"customer[_-]?uuid", re.IGNORECASE)
_PREFIXES = ("", "get", "set", "with", "has", "_", "m_", "$", "@", ":", "x-", "get_", "set_", "with_")
_COMPANIONS = re.compile(r"authentication[_-]?uuid|check[_-]?code|x-api-key", re.IGNORECASE)


# The request model whose first positional is the customer UUID (phone number second).
_CREATE_MODEL = next(name for name, op in SDK_V1_REQUEST_MODELS.items() if op == "create")
_POSITIONAL = re.compile(r"""\b(?:new\s+)?%s\s*\(\s*(?P<arg>"[^"\n]*"|'[^'\n]*')\s*,""" % _CREATE_MODEL)


def _positional(source):
    """The customer UUID passed positionally to the v1 create request model."""
    if _CREATE_MODEL not in source.text or not source.evidence(near=True):
        return
    for m in _POSITIONAL.finditer(source.text):
        start, end = m.start("arg"), m.end("arg")
        if source.where(start, end) == "string":
            yield source.usage("customer-uuid-field", start, end, "customer_uuid (positional)", "string")


def _accepted(token: str) -> bool:
    if token.lower() in FORMS:
        return False
    m = _CORE.search(token)
    prefix, suffix = token[:m.start()].lower(), token[m.end():]
    return prefix in _PREFIXES and suffix in ("", "_", "s", "Str", "String", "Value")


def find(source):
    yield from _positional(source)
    if "uuid" not in source.lower:
        return
    matches = [m for m in _TOKEN.finditer(source.text) if _accepted(m.group(0))]
    if not matches:
        return
    if not (source.evidence(near=True, repo=True) or _COMPANIONS.search(source.text)):
        return
    for start, end, word, where in source.field_spans(matches, _CORE):
        line = source.lines.position(start)[0]
        header = "-" in word or (where == "string" and (word.isupper() or "header" in source.lines.line_text(line).lower()))
        kind = "customer-uuid-header" if header else "customer-uuid-field"
        yield source.usage(kind, start, end, word, where)


EXAMPLES = (
    Example("typescript", 'await fetch(url, { body: JSON.stringify({ customer_uuid: id, phone_number: p }) });\n'
            "const check = { authentication_uuid: a, check_code: c };\n", (1,)),
    Example("go", 'type Req struct {\n\tCustomerUUID string `json:"customer_uuid"`\n\tCode string `json:"check_code"`\n}\n', (2, 2)),
    Example("java", '@JsonProperty("customer_uuid") private String customerUuid; // check_code\n', (1, 1)),
    Example("ruby", "field :customer_uuid, String\nfield :authentication_uuid, String\n", (1,)),
    Example("csharp", '[JsonProperty("customer_uuid")] public string CustomerUuid { get; set; } // check_code\n', (1, 1)),
    Example("typescript", 'const S = z.object({ customer_uuid: z.string(), check_code: z.string() });\n', (1,)),
    Example("python", "@dataclass\nclass Check:\n    customer_uuid: str\n    check_code: str\n", (3,)),
    Example("typescript", "const r = await fetch('https://api.ding.live/v1/lookup/' + p, { headers: { 'customer-uuid': id } });\n", (1,)),
    Example("java", 'import live.ding.dingSdk.Ding;\nvar req = new CreateAuthenticationRequest(\n    "c0ffee00-0000-4000-8000-000000000001",\n    "+15550100");\n', (3,)),
    Example("java", 'var req = new CreateAuthenticationRequest("c0ffee00-0000-4000-8000-000000000001", "+15550100");\n'),
    Example("sql", "CREATE TABLE orders (customer_uuid uuid, total int);\n"),  # no v1 evidence
    Example("typescript", "// customer_uuid was removed; check_code too\nconst x = 1;\n"),
)
