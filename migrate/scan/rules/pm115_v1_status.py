"""PM115 v1-status: a v1 status compared or switched on (check ``valid``, ``invalid``,
``without_attempt``, ``expired_auth``...; create ``pending``, ``spam_detected``...; retry
``approved``, ``denied``...; feedback ``onboarded``, ``not_onboarded`` only declared, as v1
enum members or next to ``FeedbackRequestStatus``), as a string or as a
member of a v1 SDK status enum (``CheckStatus.Valid``), declared (``Valid = 'valid'``, Ruby
``VALID = :valid``, an attribute ``[JsonProperty("valid")]``) or as members of a union type of v1
statuses (TS ``status?: 'valid' | 'invalid'``, Python ``Literal["valid", "invalid"]``), enum members
that are v1 statuses by name alone (Swift ``case valid, invalid`` of a ``String`` enum, Rust under
``serde(rename_all)``, Kotlin/Java/C#/TS bare members: two at least), and Go constants of ding-go's
``pkg/status`` wherever used (``status.CheckValid``), in a file with v1 evidence. Found by ``codemods.syntax`` (kind
``v1-status``, languages with a grammar). v2 answers with other words, so the comparison silently
never matches after a host swap.
"""
from __future__ import annotations

from compat.knowledge.enums import FEEDBACK_STATUS_V1_TO_V2
from compat.knowledge.statuses import (CHECK_STATUS_V1_TO_V2, CREATE_STATUS_V1_TO_V2, RETRY_STATUS_V1_TO_V2)
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo(
    id="PM115", name="v1-status", title="v1 status string compared or switched on", deadline="v1-removal",
    fixable=False, docs_url=docs_url("PM115"),
)
SYNTAX_KINDS = ("v1-status",)


def _v2_words(status: str) -> str:
    words = []
    for what, table in (("check", CHECK_STATUS_V1_TO_V2), ("retry", RETRY_STATUS_V1_TO_V2)):
        if status in table:
            words.append(f"{what}: {table[status]!r}" if table[status] else f"{what}: no v2 equivalent")
    if status in CREATE_STATUS_V1_TO_V2:
        words.append("create: " + " / ".join(repr(s) for s in CREATE_STATUS_V1_TO_V2[status]))
    if status in FEEDBACK_STATUS_V1_TO_V2:
        v2 = FEEDBACK_STATUS_V1_TO_V2[status]
        # the reference marks the feedback mapping inferred: say "nearest", not "is"
        words.append(f"feedback moved to Watch, nearest type {v2!r} (ambiguous)" if v2
                     else "feedback: no v2 equivalent")
    return "; ".join(words)


def syntax_message(usage, ctx) -> str:
    return f"v1 status {usage.detail!r} ({removal_clause()}): v2 answers differ ({_v2_words(usage.detail)})"


EXAMPLES = (
    Example("check.ts", "const base = 'https://api.ding.live/v1';\nexport interface CheckAnswer {\n"
            "  status?: 'valid' | 'invalid';\n}\n", ((3, 12), (3, 22))),
    Example("verify.ts", 'const r = await fetch("https://api.ding.live/v1/check", opts);\n'
            'const body = await r.json();\nif (body.status === "valid") return true;\n', ((3, 21),)),
    Example("check.go", 'package ding\n\nconst base = "https://api.ding.live/v1"\n\nfunc ok(s string) bool {\n'
            '\tswitch s {\n\tcase "valid":\n\t\treturn true\n\tcase "without_attempt":\n\t}\n\treturn false\n}\n',
            ((7, 7), (9, 7))),
    Example("otp.go", 'package otp\n\nimport c "github.com/ding-live/ding-golang/models/components"\n\n'
            'func ok(s *c.CheckStatus) bool { return s != nil && *s == c.CheckStatusValid }\n', ((5, 59),)),
    Example("form.ts", 'if (form.state === "valid") submit();\n'),  # no v1 evidence
)
