"""PM101 v1-host: the v1 API host ``api.ding.live`` (bare or with a ``/v1`` path), any file.

Python strings come from ``codemods.urls`` (raw-HTTP calls are PM107, which names the
operation); comments and every other language through ``codemods.syntax`` (kind ``v1-host``),
anchored on the host. The tool's own ``TODO(prelude-migration)`` comments are not v1 usages.
The advice names what changed beyond the host: paths, authentication, bodies and statuses.
"""
from __future__ import annotations

from compat.knowledge.hosts import V1_HOST, V1_UNKNOWN_OPERATION, V2_BASE_URL
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import (V1_CHANGES, classify_url, docs_url, is_legacy_v2, operation_advice,
                                         removal_clause)

RULE = RuleInfo(
    id="PM101", name="v1-host", title=f"The v1 API host {V1_HOST}", deadline="v1-removal", fixable=False,
    docs_url=docs_url("PM101"),
)
SYNTAX_KINDS = ("v1-host",)


def _message(url: str) -> str:
    operation = classify_url(url)
    if operation in (None, V1_UNKNOWN_OPERATION):
        return (f"{V1_HOST} serves the v1 API ({removal_clause()}): use {V2_BASE_URL}; {V1_CHANGES}")
    return f"v1 endpoint {operation_advice(operation)}; {removal_clause()}; {V1_CHANGES}"


def syntax_message(usage, ctx=None) -> str:
    return _message(usage.detail)


def claims(usage) -> bool:
    return usage.kind == "host" and not is_legacy_v2(usage.detail)


def usage_message(usage) -> str:
    return _message(usage.detail)


EXAMPLES = (
    Example("deploy/.env.example", "DING_URL=https://api.ding.live/v1\nOTHER=1\n", ((1, 10),)),
    Example("client.ts", 'const r = await fetch("https://api.ding.live/v1/check", opts);\n', ((1, 24),)),
    Example("notes.py", "# calls https://api.ding.live/v1/authentication\nX = 1\n", ((1, 9),)),
    Example("call.sh", "curl -X POST api.ding.live/v1/retry -d @body.json\n", ((1, 14),)),
    Example("redirect.yaml", "callback: https://example.test/go?to=https%3A%2F%2Fapi.ding.live%2Fv1\n", ((1, 52),)),
    Example("otp.ipynb", '{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["Calls \\"'
            'https://api.ding.live/v1/check\\""]}], "nbformat": 4}\n', ((1, 74),)),
    Example("near_miss.txt", "see https://mbktrading.live/v1/quotes and xapi.ding.live\n"),
    Example("v2.ts", 'const base = "https://api.prelude.dev/v2/verification";\n'),
    Example("legacy.yaml", "url: https://api.ding.live/v2/transactional\n"),  # PM102, not PM101
    Example("after_rewrite.go", "// TODO(prelude-migration): api.ding.live/v1 was removed: move to v2\nvar base = cfg.URL\n"),
)
