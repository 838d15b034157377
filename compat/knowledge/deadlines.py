"""The dates on which v1 stops being supported and is removed, and the ONE answer to "how
severe is a use of v1 today" (``severity_on``; the scanner's findings, its SARIF rules and
every report read it). See docs/reference/v1-api.md ("Deadlines").
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Mapping, Optional

@dataclass(frozen=True)
class Deadline:
    id: str
    date: _dt.date
    kind: str  # "support-end" | "removal" | "deprecation"
    subject: str
    wording: str  # the source's wording, paraphrased; newest wording first
    source: str


DEADLINES: Mapping[str, Deadline] = {
    d.id: d
    for d in (
        Deadline(
            "v2-host-deprecation", _dt.date(2025, 10, 1), "deprecation",
            "the api.ding.live/v2 host",
            "api.ding.live/v2 \"will be deprecated by October 2025\"; use https://api.prelude.dev/v2",
            "docs.prelude.so/api-reference/v2/transactional/introduction",
        ),
        Deadline(
            "v1-support-end", _dt.date(2025, 11, 1), "support-end",
            "the v1 Verify and Lookup APIs",
            "starting November 1st 2025 no support is provided for the v1 API",
            "docs.prelude.so/verify/v1/documentation/introduction",
        ),
        Deadline(
            "v1-removal", _dt.date(2026, 4, 1), "removal",
            "the v1 Verify and Lookup APIs",
            "the v1 API is removed \"by April 2026\" (taken as 2026-04-01)",
            "docs.prelude.so/verify/v1/documentation/introduction",
        ),
    )
}

SEVERITIES = ("info", "warning", "error")  # ascending
_SEVERITY_OF_KIND = {"removal": "error", "support-end": "warning", "deprecation": "warning"}


def effective_deadline(deadline_id: Optional[str], today: _dt.date) -> Optional[str]:
    """The deadline a use is measured against today. A rule names the final one (v1 removal);
    the same subject's earlier dates (v1 end of support) count once passed, and before any
    date has passed the first one is the one to show (with the days left)."""
    if deadline_id is None:
        return None
    subject = DEADLINES[deadline_id].subject
    same = sorted((d for d in DEADLINES.values() if d.subject == subject), key=lambda d: d.date)
    passed = [d for d in same if today >= d.date]
    return passed[-1].id if passed else same[0].id


def severity_on(deadline_id: Optional[str], today: _dt.date) -> str:
    """How severe a use tied to ``deadline_id`` is on ``today``: past its subject's removal ->
    error; past a support end or deprecation -> warning; otherwise (or no deadline) info."""
    effective = effective_deadline(deadline_id, today)
    if effective is None:
        return "info"
    deadline = DEADLINES[effective]
    if today < deadline.date:
        return "info"
    return _SEVERITY_OF_KIND[deadline.kind]
