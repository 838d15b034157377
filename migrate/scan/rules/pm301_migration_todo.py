"""PM301 migration-todo: a ``TODO(prelude-migration)`` comment that ``prelude-migrate rewrite``
left where a human must decide. The tool's own trace: never a v1 finding (a host or header named
in it is not reported by the other rules), always reported here, with its own severity, so
"rewrite, then scan" shows exactly the work left. Found by ``codemods.syntax`` (kind
``todo-marker``; in languages with a grammar, comments only). Select or ignore it like any rule
(``--ignore PM301`` hides the work list).
"""
from __future__ import annotations

from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url

RULE = RuleInfo(
    id="PM301", name="migration-todo", title="TODO(prelude-migration) left by rewrite", deadline=None,
    fixable=False, docs_url=docs_url("PM301"), fixed_severity="warning",
)
SYNTAX_KINDS = ("todo-marker",)


def syntax_message(usage, ctx) -> str:
    return f"migration TODO left by rewrite: {usage.detail or 'see the comment'}"


EXAMPLES = (
    Example("otp.py", "# TODO(prelude-migration): needs a v2 API key (Bearer)\nclient = make()\n", ((1, 3),)),
    Example("otp.go", "package otp\n\n// TODO(prelude-migration): api.ding.live/v1 was removed: move to v2\nvar u = base\n",
            ((3, 4),)),
    Example("marker.py", "MARKER = 'TODO(prelude-migration)'  # a string, not a comment\n"),
)
