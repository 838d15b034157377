"""Realistic findings and rules for the reporter, baseline and config tests."""
from __future__ import annotations

import datetime as dt
import io

from compat.knowledge.deadlines import severity_on
from migrate.findings import Finding, RuleInfo, ScanSummary
from migrate.report import render

TODAY = dt.date(2026, 11, 22)

RULES = {
    "PM101": RuleInfo(
        id="PM101", name="v1-host", title="api.ding.live host in a string", deadline="v1-removal",
        fixable=True, docs_url="https://example.invalid/docs/scan.md#pm101",
    ),
    "PM201": RuleInfo(
        id="PM201", name="v1-sdk-import", title="v1 ding SDK import", deadline="v1-removal", fixable=True,
        docs_url="docs/scan.md#pm201",
    ),
    "PM301": RuleInfo(
        id="PM301", name="transactional-route", title="deprecated /v2/transactional route", deadline=None,
        fixable=False, docs_url="docs/scan.md#pm301", fixed_severity="info",
    ),
}


def finding(rule="PM101", path="src/app.py", line=3, column=11, *, message=None, snippet=None,
            severity=None, end_column=None):
    info = RULES.get(rule)
    deadline = info.deadline if info else "v1-removal"
    snippet = snippet if snippet is not None else 'URL = "https://api.ding.live/v1/authentication"'
    return Finding(
        rule=rule, path=path, line=line, column=column, end_line=line,
        end_column=end_column if end_column is not None else column + 13,
        severity=severity or (info.fixed_severity if info and info.fixed_severity
                              else severity_on(deadline, TODAY)),
        message=message or "api.ding.live is gone; use api.prelude.dev/v2",
        fixable=bool(info and info.fixable), deadline=deadline, snippet=snippet)


def tricky_findings():
    """Paths with spaces, messages with %, commas, colons and newlines, three severities."""
    return [
        finding("PM101", "src/my app/client.py", 12, 5,
                message="100% broken: api.ding.live, v1\nuse api.prelude.dev"),
        finding("PM201", "src/app.py", 1, 1, message="from ding import Ding", snippet="from ding import Ding"),
        finding("PM301", "web/send.js", 7, 20, message="route /v2/transactional: move to /v2/notify",
                snippet="fetch('https://api.prelude.dev/v2/transactional')"),
        finding("PM101", "src/app.py", 3, 11, severity="warning", message="a <tag> & \"quote\" | pipe"),
    ]


def summary(**overrides):
    values = dict(today=TODAY, files_scanned=42, files_skipped_binary=2, files_skipped_large=1,
                  files_unreadable=[("secret.env", "Permission denied")], files_excluded_baseline=3,
                  suppressed=4, duration_s=0.25)
    values.update(overrides)
    return ScanSummary(**values)


def rendered(fmt, findings, summ=None, rules=RULES, **kwargs):
    out = io.StringIO()
    render(fmt, findings, summ or summary(), rules, out, **kwargs)
    return out.getvalue()
