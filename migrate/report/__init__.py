"""Scan reporters: one module per output format, all behind ``render``.

``render(fmt, findings, summary, rules, out, *, color=False)`` writes the report for ``findings``
(a sequence of ``migrate.findings.Finding``) and ``summary`` (``ScanSummary``) to the text stream
``out``. ``rules`` is the rule registry (mapping of id to ``RuleInfo``, or an iterable of them);
rules without findings still appear where a format lists rules (SARIF).
"""
from __future__ import annotations

import importlib
from typing import Sequence, TextIO

from migrate.findings import Finding, ScanSummary
from migrate.report._common import RulesArg, rule_map

FORMATS = ("text", "json", "sarif", "github", "junit", "html")

# format -> "module:function"; imported on use so `--format json` never loads the XML code etc.
_RENDERERS = {
    "text": "migrate.report.text:render_text",
    "json": "migrate.report.json_report:render_json",
    "sarif": "migrate.report.sarif:render_sarif",
    "github": "migrate.report.github:render_github",
    "junit": "migrate.report.junit:render_junit",
    "html": "migrate.report.html:render_html",
}


def render(fmt: str, findings: Sequence[Finding], summary: ScanSummary, rules: RulesArg,
           out: TextIO, *, color: bool = False, fail_on: str = "error") -> None:
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module, _, function = _RENDERERS[fmt].partition(":")
    renderer = getattr(importlib.import_module(module), function)
    renderer(list(findings), summary, rule_map(rules), out, color=color, fail_on=fail_on)


__all__ = ["FORMATS", "render"]
