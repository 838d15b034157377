"""``v1-field``: the other v1-only body fields, ``authentication_uuid`` (check/retry requests and
every v1 response; v2 names the verification ``id``) and ``check_code`` (v2: ``code`` next to a
``target``), wherever code spells them: object and dict keys, struct tags, ``@JsonProperty`` /
``[JsonProperty]`` / ``SerializedName`` / ``field :name`` declarations, response reads
(``body.authentication_uuid``, ``json('authentication_uuid')``) and the identifiers generated for
them (``AuthenticationUUID``, ``getCheckCode``, ``withAuthenticationUuid``). Not in comments.
Needs v1 evidence in the file or its folder, or a second v1-only field in the same file (the
rest of a v1 body): ``checkCode`` alone is an ordinary function name.
"""
from __future__ import annotations

import re

from compat.knowledge.operations import CHECK_FIELD_MOVES
from codemods.syntax.source import Example

KIND = "v1-field"
STRONG = False

# The v1 check body's fields other than customer_uuid (which has its own rule and advice).
FIELDS = tuple(name for name in CHECK_FIELD_MOVES if name != "customer_uuid")
_CORE = re.compile("|".join(name.replace("_", "[_-]?") for name in FIELDS), re.IGNORECASE)
_TOKEN = re.compile(r"(?<![A-Za-z0-9_$])[A-Za-z0-9_$@-]*?(?:%s)[A-Za-z0-9_]*" % _CORE.pattern, re.IGNORECASE)
_PREFIXES = ("", "get", "set", "with", "has", "_", "m_", "$", "@", ":", "get_", "set_", "with_", "this.")
_SUFFIXES = ("", "_", "s", "Str", "String", "Value")
_OTHER_FIELD = re.compile(r"customer[_-]?uuid", re.IGNORECASE)


def _accepted(token: str) -> bool:
    m = _CORE.search(token)
    return token[:m.start()].lower() in _PREFIXES and token[m.end():] in _SUFFIXES


def _canonical(word: str) -> str:
    flat = re.sub(r"[_-]", "", word).lower()
    return next(name for name in FIELDS if name.replace("_", "") == flat)


def find(source):
    lower = source.lower
    if "uuid" not in lower and "code" not in lower:
        return
    matches = [m for m in _TOKEN.finditer(source.text) if _accepted(m.group(0))]
    if not matches:
        return
    distinct = {_canonical(_CORE.search(m.group(0)).group(0)) for m in matches}
    if not (source.evidence(near=True) or len(distinct) > 1 or _OTHER_FIELD.search(source.text)):
        return
    for start, end, word, where in source.field_spans(matches, _CORE):
        yield source.usage(KIND, start, end, _canonical(word), where)


EXAMPLES = (
    Example("typescript", "const body = JSON.stringify({ authentication_uuid: id, check_code: code });\n", (1, 1)),
    Example("go", 'type CheckRequest struct {\n\tAuthenticationUUID string `json:"authentication_uuid"`\n'
            '\tCheckCode string `json:"check_code"`\n}\n', (2, 2, 3, 3)),
    Example("php", "<?php\n$u = 'https://api.ding.live/v1';\n$id = $response->json('authentication_uuid');\n", (3,)),
    Example("java", '@JsonProperty("check_code") String checkCode; // with customer_uuid\n', (1, 1)),
    Example("ruby", "field :authentication_uuid, String\nfield :check_code, String\n", (1, 2)),
    Example("typescript", "export async function checkCode(phone: string, code: string) {}\n"),  # v2 app code
    Example("python", "# authentication_uuid and check_code were v1 fields\nx = 1\n"),
)
