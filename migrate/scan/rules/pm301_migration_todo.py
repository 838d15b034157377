"""PM301 migration-todo: a ``TODO(prelude-migration)`` comment that ``prelude-migrate rewrite``
wrote above a v1 usage it could not migrate safely, saying what v2 needs there. The tool's own
trace: the comment's text is never a v1 finding, and the v1 findings on the statement directly
below it (its first line, the lines a multi-line call or a backslash-continued command goes on
to) are not reported under their own rules but folded into this one finding, which lists them
("covers PM105, PM106"; JSON ``covers``). So "rewrite, then scan" shows each piece of work left
exactly once. Found by ``codemods.syntax`` (kind ``todo-marker``; in languages with a grammar,
comments only).
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

SEVERITY = ("None of its own: `warning` for a TODO that covers no v1 finding or only advice; a TODO "
            "that covers v1 findings takes the severity of the most severe of them, which follows the "
            "calendar (`error` past the v1 removal).")
SEVERITY_LABEL = "none (warning, or what it covers)"
WHY = ("A migration TODO marks code that still talks v1, or v2 code whose meaning a human must "
       "confirm (a key that must be the new v2 key, a response read whose fields changed, a webhook "
       "receiver). Until someone decides, the code may fail once the v1 API is gone, or behave "
       "differently on v2, so the TODO must not reach production unnoticed. Folding never lowers a "
       "severity: a TODO covering a removed-API usage is an `error` and fails the default "
       "`--fail-on error`; every TODO fails `--fail-on warning`, the setting for a CI job that "
       "must stay green only once the migration is finished.")
FIX = ("Read the comment: it says what v2 needs at that line (docs/api-changes.md has the detail). "
       "Make the change (or confirm that the rewritten code is right), then delete the comment "
       "line; the next scan no longer reports it, and any v1 usage still on the line below then "
       "shows under its own rule. To see the covered v1 findings under their own rules without "
       "deleting anything: `--ignore PM301`. To accept the work list for now: record it in a "
       "baseline (`--write-baseline`).")


def syntax_message(usage, ctx) -> str:
    return f"migration TODO left by rewrite: {usage.detail or 'see the comment'}"


EXAMPLES = (
    Example("otp.py", "# TODO(prelude-migration): needs a v2 API key (Bearer)\nclient = make()\n", ((1, 3),)),
    Example("otp.go", "package otp\n\n// TODO(prelude-migration): api.ding.live/v1 was removed: move to v2\nvar u = base\n",
            ((3, 4),)),
    Example("marker.py", "MARKER = 'TODO(prelude-migration)'  # a string, not a comment\n"),
)
