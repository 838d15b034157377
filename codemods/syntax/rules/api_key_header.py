"""``api-key-header``: v1 authentication, the ``X-API-Key`` header (any spelling), in a header
literal, a constant, a struct tag or SDK security metadata (``name=x-api-key``) - wherever it is
written, given v1 evidence in the file (a customer UUID counts: v1 sent both), in its folder (one
package), or when the repository is a v1 SDK itself. An ``x-api-key`` header alone is common and says nothing about Ding. Not in
comments. A constant that holds the header name (``const APIKeyHeader = "x-api-key"``, from the
repository index) is flagged where it is used in code too (``req.Header.Set(APIKeyHeader, k)``).
"""
from __future__ import annotations

import re

from codemods.syntax.source import Example

KIND = "api-key-header"
_HEADER = re.compile(r"(?<![\w\-])x-api-key(?![\w\-])", re.IGNORECASE)
HEADER_CONSTANT = re.compile(r"""(?P<name>[A-Za-z_$][\w$]*)\s*(?::=|=|:|=>)\s*["']x-api-key["']""", re.IGNORECASE)  # a constant holding the header name
_CUSTOMER_UUID = re.compile(r"customer[_\-]?uuid", re.IGNORECASE)  # v1 authentication's other half


def _constant_uses(source):
    """Code uses of the repository's header-name constants, in a file with v1 evidence."""
    index = source.index
    names = set(index.header_constants if index is not None else ())
    if "x-api-key" in source.lower:  # declared in this file
        names.update(m.group("name") for m in HEADER_CONSTANT.finditer(source.text))
    names = [n for n in names if n in source.text]
    if not names or not source.evidence(near=True):
        return
    # a use, not a named-argument label or object key (``forHTTPHeaderField: "x-api-key"``)
    for m in re.finditer(r"(?<![\w$.])(?:%s)(?![\w$])(?!\s*:(?!=))" % "|".join(map(re.escape, sorted(names))), source.text):
        line = source.lines.line_text(source.lines.position(m.start())[0])
        if _HEADER.search(line):  # the declaration itself (already flagged on its literal)
            continue
        if source.where(m.start(), m.end()) in ("comment", "string"):
            continue
        yield source.usage(KIND, m.start(), m.end(), m.group(0), "code")


def find(source):
    yield from _constant_uses(source)
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
    Example("go", 'import "github.com/ding-live/go-sdk/pkg/status"\nconst APIKeyHeader = "x-api-key"\n\n'
            'func do(req *http.Request, k string) {\n\treq.Header.Set(APIKeyHeader, k)\n}\n', (2, 5)),
    Example("swift", 'let u = URL(string: "https://api.ding.live/v1/check")!\n'
            'request.setValue(k, forHTTPHeaderField: "x-api-key")\nrequest.setValue(j, forHTTPHeaderField: "Content-Type")\n', (2,)),
    Example("yaml", "headers:\n  x-api-key: ${UPSTREAM_KEY}\n"),
)
