"""``v1-host`` / ``legacy-v2-host``: the host ``api.ding.live`` in a string, a comment or any
text, anchored (``mbktrading.live/v1``, ``xapi.ding.live`` and ``api.ding.live.example.com`` are
not it), with an optional scheme, port and path; after an URL-encoded slash too. ``/v2`` paths
on that host are the legacy transactional API; everything else is v1. Not inside the tool's
own TODO comments.
"""
from __future__ import annotations

from compat.knowledge.hosts import LEGACY_V2, V1_HOST, V1_HOST_RE, classify_url
from codemods.syntax.source import Example

KINDS = ("v1-host", "legacy-v2-host")

HOST_RE = V1_HOST_RE


def is_legacy_v2(url: str) -> bool:
    return classify_url(url) == LEGACY_V2


def find(source):
    if V1_HOST not in source.lower:
        return
    for m in HOST_RE.finditer(source.text):
        if source.in_trace(m.start()):
            continue
        kind = "legacy-v2-host" if is_legacy_v2(m.group(0)) else "v1-host"
        if kind == "v1-host":
            source.strong = True
        yield source.usage(kind, m.start(), m.end(), m.group(0), source.where(m.start(), m.end()))


EXAMPLES = (
    Example("typescript", 'const r = await fetch("https://api.ding.live/v1/check", opts);\n', (1,)),
    Example("php", "<?php\n// calls api.ding.live\n$u = 'https://api.ding.live/v1';\n", (2, 3)),
    Example("dotenv", "DING_URL=https://api.ding.live/v1\n", (1,)),
    Example("yaml", "callback: https://example.test/go?to=https%3A%2F%2Fapi.ding.live%2Fv1\n", (1,)),
    Example("go", "// TODO(prelude-migration): api.ding.live/v1 was removed\nu := base\n"),
    Example("text", "see https://mbktrading.live/v1/quotes and xapi.ding.live\n"),
    Example("typescript", 'const base = "https://api.prelude.dev/v2/verification";\n'),
)
