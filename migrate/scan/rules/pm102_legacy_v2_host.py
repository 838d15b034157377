"""PM102 legacy-v2-host: ``api.ding.live/v2`` (Transactional on the old host), any file.

Only the host changes: the same ``/v2`` paths live on ``api.prelude.dev``. The ``hosts``
codemod rewrites Python strings.
"""
from __future__ import annotations

from compat.knowledge.deadlines import DEADLINES
from compat.knowledge.hosts import LEGACY_V2_BASE_URL, V2_BASE_URL
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, is_legacy_v2

RULE = RuleInfo(
    id="PM102", name="legacy-v2-host",
    title=f"The deprecated {LEGACY_V2_BASE_URL.partition('://')[2]} host", deadline="v2-host-deprecation",
    fixable=True, docs_url=docs_url("PM102"),
)
SYNTAX_KINDS = ("legacy-v2-host",)

MESSAGE = (f"{LEGACY_V2_BASE_URL.partition('://')[2]} host (deprecation date {DEADLINES['v2-host-deprecation'].date.isoformat()}): "
           f"use {V2_BASE_URL} (same paths)")


def syntax_message(usage, ctx=None) -> str:
    return MESSAGE


def claims(usage) -> bool:
    return usage.kind == "host" and is_legacy_v2(usage.detail)


def usage_message(usage) -> str:
    return MESSAGE


EXAMPLES = (
    Example("config/settings.yaml", "notify:\n  base_url: https://api.ding.live/v2\n", ((2, 13),)),
    Example("send.go", 'req, _ := http.NewRequest("POST", "https://api.ding.live/v2/transactional", body)\n',
            ((1, 36),)),
    Example("app.py", 'URL = "https://api.ding.live/v2/transactional"\n', ((1, 7),)),
    Example("v2.go", 'const base = "https://api.prelude.dev/v2"\n'),
    Example("v1.env", "DING_URL=https://api.ding.live/v1\n"),  # PM101
)
