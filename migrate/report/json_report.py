"""Machine output: ``{"version": 1, "findings": [...], "summary": {...}}`` with stable key order."""
from __future__ import annotations

import json
from typing import Mapping, Sequence, TextIO

from migrate.findings import Finding, RuleInfo, ScanSummary
from migrate.report._common import ordered, summary_data

JSON_VERSION = 1


def render_json(findings: Sequence[Finding], summary: ScanSummary, rules: Mapping[str, RuleInfo],
                out: TextIO, *, color: bool = False, fail_on: str = "error") -> None:
    findings = ordered(findings)
    document = {
        "version": JSON_VERSION,
        "findings": [f.to_json() for f in findings],
        "summary": summary_data(findings, summary),
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
