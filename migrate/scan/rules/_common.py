"""Helpers shared by the rule modules: docs links, operation wording, the rule module protocol.

A rule module defines ``RULE`` (``migrate.findings.RuleInfo``), ``EXAMPLES`` (tuple of
``migrate.scan.context.Example``: flagged and not-flagged cases, tested and documented), and any
of: ``SYNTAX_KINDS`` / ``syntax_message(usage, ctx)`` for the usages ``codemods.syntax`` finds in
files of every language (Python included), ``match(ctx) -> Iterator[Hit]`` for text files, ``TEXT_IN_PYTHON`` (also run ``match`` on
Python files, e.g. for comments), ``USES_PYTHON_EVIDENCE`` (``ctx.python_evidence`` says whether
the libcst detection found v1 usages), and ``claims(usage)`` / ``usage_message(usage)`` for the
libcst usages of Python files and notebook code cells (``codemods.usage.Usage``).
"""
from __future__ import annotations

from typing import Optional

from compat.knowledge.deadlines import DEADLINES
from compat.knowledge.hosts import LEGACY_V2, V1_HOST, V2_AUTH_HEADER, V2_AUTH_SCHEME, V2_BASE_URL, classify_url
from compat.knowledge.operations import OPERATIONS

DOCS_PAGE = "docs/scan.md"


# What changed beyond the host, for the advice of the v1 rules (docs/api-changes.md has the detail).
V1_CHANGES = (f"beyond the host, the paths ({OPERATIONS['create'].v2_path}...), authentication "
              f"({V2_AUTH_HEADER}: {V2_AUTH_SCHEME} <v2 API key>, no customer_uuid), request bodies "
              f"(target, signals) and response statuses changed")


def docs_url(rule_id: str) -> str:
    return f"{DOCS_PAGE}#{rule_id.lower()}"


def operation_advice(name: Optional[str]) -> str:
    """E.g. "check (POST /v1/check) -> POST /v2/verification/check (verification.check)"."""
    op = OPERATIONS.get(name or "")
    if op is None:
        return f"the v1 API at {V1_HOST} is removed; use {V2_BASE_URL}"
    target = f"{op.v2_method} {op.v2_path}" if op.v2_path else "no v2 endpoint"
    sdk = f" ({op.v2_sdk_call})" if op.v2_sdk_call else ""
    return f"{op.name} ({op.v1_method} /v1{op.v1_path}) -> {target}{sdk}"


def is_legacy_v2(url: str) -> bool:
    """``api.ding.live/v2...`` (PM102) rather than a v1 URL (PM101)."""
    return classify_url(url) == LEGACY_V2


def claims_kind(kind: str):
    """The ``claims`` of a rule that takes every libcst usage of one kind."""
    def claims(usage) -> bool:
        return usage.kind == kind

    return claims


def removal_clause() -> str:
    """Worded for any ``--today``: the date, not a tense."""
    return f"v1 removal date {DEADLINES['v1-removal'].date.isoformat()}"

