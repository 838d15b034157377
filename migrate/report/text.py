"""Human output: findings grouped by file as ``path:line:col: SEVERITY RULE message``, then a
summary (files, skips, unreadable files, counts per rule, hidden findings, deadlines)."""
from __future__ import annotations

from itertools import groupby
from typing import Mapping, Sequence, TextIO

from migrate.findings import Finding, RuleInfo, ScanSummary
from migrate.report._common import (deadline_label, deadline_phrase, hidden_phrase, ordered, plural,
                                     summary_data)

# ANSI styles, only used when the caller asks for colour (a terminal, not a CI log file).
_STYLES = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m",
           "path": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def _style(text: str, style: str, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color else text


def _finding_line(finding: Finding, color: bool) -> str:
    location = f"{finding.path}:{finding.line}:{finding.column}:"
    # Continuation lines of a multi-line message are indented so each finding stays one block.
    message = finding.message.replace("\r\n", "\n").replace("\n", "\n    ")
    fix = _style(" [fixable]", "dim", color) if finding.fixable else ""
    return (f"{_style(location, 'path', color)} "
            f"{_style(finding.severity.upper(), finding.severity, color)} "
            f"{finding.rule} {message}{fix}")


def render_text(findings: Sequence[Finding], summary: ScanSummary, rules: Mapping[str, RuleInfo],
                out: TextIO, *, color: bool = False, fail_on: str = "error") -> None:
    findings = ordered(findings)
    for _path, group in groupby(findings, key=lambda f: f.path):
        for finding in group:
            out.write(_finding_line(finding, color) + "\n")
        out.write("\n")
    _write_summary(findings, summary, rules, out, color)


def _write_summary(findings, summary, rules, out, color) -> None:
    data = summary_data(findings, summary)
    skipped = []
    if data["files_skipped_binary"]:
        skipped.append(f"{data['files_skipped_binary']} binary")
    if data["files_skipped_large"]:
        skipped.append(f"{data['files_skipped_large']} too large")
    line = f"Scanned {plural(data['files_scanned'], 'file')} in {data['duration_s']:.2f} s"
    if skipped:
        line += f" (skipped {', '.join(skipped)})"
    out.write(line + "\n")
    if data.get("files_too_large"):
        out.write(f"{plural(len(data['files_too_large']), 'file')} over the size limit not scanned "
                  "(raise it with --max-file-size):\n")
        for path in data["files_too_large"]:
            out.write(f"  {path}\n")
    if data["files_unreadable"]:
        out.write(f"{plural(len(data['files_unreadable']), 'file')} could not be read:\n")
        for item in data["files_unreadable"]:
            out.write(f"  {item['path']}: {item['reason']}\n")
    if data["files_parse_failed"]:
        out.write(f"{plural(len(data['files_parse_failed']), 'Python file')} could not be parsed "
                  f"(only the text rules ran on them):\n")
        for item in data["files_parse_failed"]:
            out.write(f"  {item['path']}: {item['reason']}\n")

    if findings:
        severities = ", ".join(f"{n} {s}" for s, n in data["by_severity"].items() if n)
        out.write(f"Found {plural(data['findings'], 'deprecated usage')} in "
                  f"{plural(data['files_with_findings'], 'file')} ({severities}); "
                  f"{data['fixable']} fixable by `prelude-migrate rewrite`.\n")
        width = max(len(rule) for rule in data["by_rule"])
        for rule, count in data["by_rule"].items():
            info = rules.get(rule)
            label = f"  {info.name}: {info.title}" if info else ""
            out.write(f"  {rule.ljust(width)} {count:>5}{label}\n")
    else:
        out.write(_style("No deprecated Prelude/Ding usage found.", "info", color) + "\n")

    hidden = hidden_phrase(data)
    if hidden:
        out.write(f"Not shown: {hidden}.\n")

    out.write(f"Deadlines (as of {data['today']}):\n")
    for row in data["deadlines"]:
        count = f", {plural(row['findings'], 'finding')}" if row["findings"] else ""
        out.write(f"  {row['date']} {deadline_label(row)}: "
                  f"{deadline_phrase(row)}{count}\n")
