"""Shared by every reporter: finding order, rule lookup, and the numbers of the closing summary."""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Union

from compat.knowledge.deadlines import DEADLINES, severity_on
from migrate.findings import SEVERITIES, Finding, RuleInfo, ScanSummary

RulesArg = Union[Mapping[str, RuleInfo], Iterable[RuleInfo], None]


def ordered(findings: Iterable[Finding]) -> List[Finding]:
    """Reports list findings by file, then position, so output is stable across runs and cores."""
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule, f.message))


def rule_map(rules: RulesArg) -> Dict[str, RuleInfo]:
    """Accept the registry as a mapping or any iterable of RuleInfo."""
    if rules is None:
        return {}
    if isinstance(rules, Mapping):
        return dict(rules)
    return {rule.id: rule for rule in rules}


def default_level(rule: RuleInfo, today: _dt.date) -> str:
    """The severity a rule's findings get today (advice rules have a fixed one)."""
    return rule.fixed_severity or severity_on(rule.deadline, today)


def deadline_rows(today: _dt.date, findings: Sequence[Finding]) -> List[dict]:
    """Every known deadline with days past (or left) relative to ``today`` and its finding count."""
    per_deadline = Counter(f.deadline for f in findings)
    rows = []
    for deadline in sorted(DEADLINES.values(), key=lambda d: (d.date, d.id)):
        delta = (today - deadline.date).days
        rows.append({
            "id": deadline.id,
            "date": deadline.date.isoformat(),
            "kind": deadline.kind,
            "subject": deadline.subject,
            "days_past": max(delta, 0),
            "days_left": max(-delta, 0),
            "findings": per_deadline.get(deadline.id, 0),
        })
    return rows


def summary_data(findings: Sequence[Finding], summary: ScanSummary) -> dict:
    """The summary as plain data (JSON's ``summary``; the text and Markdown summaries use it)."""
    by_rule = Counter(f.rule for f in findings)
    by_severity = Counter(f.severity for f in findings)
    return {
        "today": summary.today.isoformat(),
        "files_scanned": summary.files_scanned,
        "files_with_findings": len({f.path for f in findings}),
        "files_skipped_binary": summary.files_skipped_binary,
        "files_skipped_large": summary.files_skipped_large,
        "files_too_large": list(summary.files_too_large),
        "files_unreadable": [{"path": p, "reason": r} for p, r in summary.files_unreadable],
        # Python files libcst could not parse: only the text rules ran on them, so say so.
        "files_parse_failed": [{"path": p, "reason": r} for p, r in summary.files_parse_failed],
        "findings": len(findings),
        "fixable": sum(1 for f in findings if f.fixable),
        "by_severity": {s: by_severity.get(s, 0) for s in reversed(SEVERITIES)},
        "by_rule": {rule: by_rule[rule] for rule in sorted(by_rule)},
        "suppressed": summary.suppressed,
        "ignored_by_config": summary.ignored_by_config,
        "baseline_hidden": summary.files_excluded_baseline,
        "deadlines": deadline_rows(summary.today, findings),
        "duration_s": round(summary.duration_s, 3),
    }


_KIND_LABELS = {"deprecation": "deprecation of", "support-end": "end of support for",
                "removal": "removal of"}


def deadline_label(row: dict) -> str:
    """E.g. "removal of the v1 Verify and Lookup APIs"."""
    return f"{_KIND_LABELS.get(row['kind'], row['kind'])} {row['subject']}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def deadline_phrase(row: dict) -> str:
    if row["days_past"]:
        return f"{row['days_past']} days past"
    if row["days_left"]:
        return f"{row['days_left']} days left"
    return "today"


def hidden_phrase(data: dict) -> str:
    """E.g. "3 suppressed inline, 2 known in the baseline"; empty when nothing is hidden."""
    hidden = []
    if data["suppressed"]:
        hidden.append(f"{data['suppressed']} suppressed inline")
    if data.get("ignored_by_config"):
        hidden.append(f"{data['ignored_by_config']} by per-file-ignores")
    if data["baseline_hidden"]:
        hidden.append(f"{data['baseline_hidden']} known in the baseline")
    return ", ".join(hidden)

