"""``api-key-header``: v1 authentication, the ``X-API-Key`` header (any spelling), in a header
literal, a constant, a struct tag or SDK security metadata (``name=x-api-key``) - wherever it is
written, given v1 evidence in the file (a customer UUID counts: v1 sent both), in its folder (one
package), or when the repository is a v1 SDK itself. An ``x-api-key`` header alone is common and says nothing about Ding. Not in
comments.
"""
from __future__ import annotations

import re

from codemods.syntax.source import Example

KIND = "api-key-header"
STRONG = False
_HEADER = re.compile(r"(?<![\w\-])x-api-key(?![\w\-])", re.IGNORECASE)
_CUSTOMER_UUID = re.compile(r"customer[_\-]?uuid", re.IGNORECASE)  # v1 authentication's other half


def find(source):
    if "x-api-key" not in source.lower:
        return
    if not (source.evidence(near=True) or _CUSTOMER_UUID.search(source.text)):
        return
    for m in _HEADER.finditer(source.text):
        where = source.where(m.start(), m.end())
        if where == "comment" or source.in_trace(m.start()):
            continue
        yield source.usage(KIND, m.start(), m.end(), m.group(0), where)


EXAMPLES = (
    Example("bash", 'curl https://api.ding.live/v1/authentication \\\n  -H "X-API-Key: $KEY"\n', (2,)),
    Example("go", 'const base = "https://api.ding.live/v1"\n\nconst apiKeyHeader = "x-api-key"\n', (3,)),
    Example("typescript", 'import { Ding } from "@ding-live/ding";\n// the SDK sends x-api-key\nconst h = "x-api-key";\n', (3,)),
    Example("yaml", "headers:\n  x-api-key: ${UPSTREAM_KEY}\n"),
)
