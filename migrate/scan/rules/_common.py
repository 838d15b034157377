"""Helpers shared by the rule modules: docs links, operation wording, the rule module protocol.

A rule module defines ``RULE`` (``migrate.findings.RuleInfo``), ``EXAMPLES`` (tuple of
``migrate.scan.context.Example``: flagged and not-flagged cases, tested and documented), and any
of: ``match(ctx) -> Iterator[Hit]`` for text files, ``TEXT_IN_PYTHON`` (also run ``match`` on
Python files, e.g. for comments), ``USES_PYTHON_EVIDENCE`` (``ctx.python_evidence`` says whether
the libcst detection found v1 usages), and ``claims(usage)`` / ``usage_message(usage)`` for the
libcst usages of Python files and notebook code cells (``codemods.usage.Usage``).
"""
from __future__ import annotations

import re
from typing import Optional

from compat.tables import DEADLINES, OPERATIONS, V2_HOST

DOCS_PAGE = "docs/scan.md"


def docs_url(rule_id: str) -> str:
    return f"{DOCS_PAGE}#{rule_id.lower()}"


def operation_advice(name: Optional[str]) -> str:
    """E.g. "check (POST /v1/check) -> POST /v2/verification/check (verification.check)"."""
    op = OPERATIONS.get(name or "")
    if op is None:
        return f"the v1 API at api.ding.live is removed; use https://{V2_HOST}/v2"
    target = f"{op.v2_method} {op.v2_path}" if op.v2_path else "no v2 endpoint"
    sdk = f" ({op.v2_sdk_call})" if op.v2_sdk_call else ""
    return f"{op.name} ({op.v1_method} /v1{op.v1_path}) -> {target}{sdk}"


def classify_url(url: str) -> Optional[str]:
    """``codemods.http.urls.classify_url``, imported on first use: that module imports libcst, which
    a scan of a tree without any v1 host must not pay for at start-up."""
    from codemods.http.urls import classify_url as classify

    return classify(url)


def is_legacy_v2(url: str) -> bool:
    """``api.ding.live/v2...`` (PM102) rather than a v1 URL (PM101)."""
    from codemods.http.urls import LEGACY_V2

    return classify_url(url) == LEGACY_V2


def claims_kind(kind: str):
    """The ``claims`` of a rule that takes every libcst usage of one kind."""
    def claims(usage) -> bool:
        return usage.kind == kind

    return claims


def removal_clause() -> str:
    """Worded for any ``--today``: the date, not a tense."""
    return f"v1 removal date {DEADLINES['v1-removal'].date.isoformat()}"


# The v1 host, anchored like codemods.urls (``mbktrading.live/v1``, ``xapi.ding.live`` and
# ``api.ding.live.example.com`` are not it), with an optional scheme, port and path. A host
# after an URL-encoded slash (``https%3A%2F%2Fapi.ding.live``, in redirect parameters) counts;
# a backslash ends the path (a JSON-escaped quote in a notebook or a JSON string).
HOST_RE = re.compile(
    r"(?:https?://)?(?:(?<=%2[Ff])|(?<![A-Za-z0-9.\-]))api\.ding\.live(?![A-Za-z0-9\-]|\.[A-Za-z0-9])"
    r"(?::\d+)?(?P<path>/[^\s'\"<>`)\]},;\\]*)?",
    re.IGNORECASE,
)
