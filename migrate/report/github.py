"""GitHub Actions workflow commands: ``::error file=...,line=...::message`` annotations.

GitHub shows at most 10 annotations of each level per step (and 50 per job) and silently drops
the rest, so we emit the first 10 per level (most important first: file order within a level)
and, when ``$GITHUB_STEP_SUMMARY`` names a file, append a Markdown table of every finding there.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from typing import Mapping, Optional, Sequence, TextIO

from migrate.findings import Finding, RuleInfo, ScanSummary
from migrate.report._common import deadline_label, deadline_phrase, hidden_phrase, ordered, summary_data

ANNOTATIONS_PER_LEVEL = 10
STEP_SUMMARY_LIMIT = 1024 * 1024  # GitHub rejects a step summary above 1 MiB
_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message (GitHub's rules: %, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: the data escapes plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    props = [("file", finding.path), ("line", finding.line), ("col", finding.column),
             ("endLine", max(finding.end_line, finding.line)), ("endColumn", finding.end_column),
             ("title", finding.rule)]
    rendered = ",".join(f"{name}={escape_property(str(value))}" for name, value in props)
    return f"::{_COMMANDS[finding.severity]} {rendered}::{escape_data(finding.message)}"


def render_github(findings: Sequence[Finding], summary: ScanSummary, rules: Mapping[str, RuleInfo],
                  out: TextIO, *, color: bool = False, fail_on: str = "error",
                  step_summary: Optional[str] = None) -> None:
    findings = ordered(findings)
    emitted: Counter = Counter()
    for finding in findings:
        if emitted[finding.severity] < ANNOTATIONS_PER_LEVEL:
            out.write(annotation(finding) + "\n")
            emitted[finding.severity] += 1
    dropped = len(findings) - sum(emitted.values())

    path = step_summary if step_summary is not None else os.environ.get("GITHUB_STEP_SUMMARY")
    line = f"prelude-migrate: {len(findings)} findings in {summary.files_scanned} files scanned"
    if dropped:
        where = "the job summary" if path else "`--format text` or `--format sarif`"
        line += (f"; {dropped} not annotated (GitHub shows {ANNOTATIONS_PER_LEVEL} per level "
                 f"per step): see {where}")
    out.write(line + "\n")
    if path:
        try:
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(step_summary_markdown(findings, summary, rules))
        except OSError as exc:  # the annotations above are already out; say why the table is not
            out.write(f"prelude-migrate: could not write the step summary {path}: {exc.strerror or exc}\n")


# Characters that Markdown (GitHub's flavour, HTML included) would read as markup; each is
# written with a backslash so ``Bearer <v2 API key>`` keeps its text instead of becoming a tag.
_MARKUP = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")


def _cell(text: str) -> str:
    """A Markdown table cell showing ``text`` literally: markup characters escaped, no pipes or
    line breaks leaking into the table structure."""
    escaped = _MARKUP.sub(r"\\\1", text.replace("\r\n", "\n"))
    return escaped.replace("\n", "<br>").replace("\r", "<br>")


def _code_cell(text: str) -> str:
    """A code span in a table cell: literal inside; only ``|`` needs escaping (GFM tables)."""
    body = text.replace("|", "\\|")
    return f"`` {body} ``" if "`" in text else f"`{body}`"


def step_summary_markdown(findings: Sequence[Finding], summary: ScanSummary,
                          rules: Mapping[str, RuleInfo]) -> str:
    findings = ordered(findings)
    data = summary_data(findings, summary)
    parts = ["## prelude-migrate scan\n\n"]
    if findings:
        severities = ", ".join(f"{n} {s}" for s, n in data["by_severity"].items() if n)
        parts.append(f"{data['findings']} deprecated Prelude/Ding usages in "
                     f"{data['files_with_findings']} of {data['files_scanned']} files ({severities}).\n\n")
    else:
        parts.append(f"No deprecated Prelude/Ding usage in {data['files_scanned']} files.\n\n")
    parts.append("| Deadline | Date | Status |\n|---|---|---|\n")
    for row in data["deadlines"]:
        parts.append(f"| {_cell(deadline_label(row))} | {row['date']} "
                     f"| {deadline_phrase(row)} |\n")
    parts.append("\n")
    if findings:
        parts.append("| Severity | Rule | Location | Message |\n|---|---|---|---|\n")
        footer_reserve = 200
        size = sum(len(p.encode("utf-8")) for p in parts)
        for shown, finding in enumerate(findings):
            info = rules.get(finding.rule)
            rule = f"{finding.rule} {info.name}" if info else finding.rule
            row = (f"| {finding.severity} | {_cell(rule)} | "
                   f"{_code_cell(f'{finding.path}:{finding.line}:{finding.column}')} | "
                   f"{_cell(finding.message)} |\n")
            size += len(row.encode("utf-8"))
            if size > STEP_SUMMARY_LIMIT - footer_reserve:
                parts.append(f"\n{len(findings) - shown} more findings not listed (GitHub's "
                             f"1 MiB step summary limit).\n")
                break
            parts.append(row)
    hidden = hidden_phrase(data)
    if hidden:
        parts.append(f"\nNot shown: {hidden}.\n")
    if data["files_unreadable"]:
        parts.append(f"\n{len(data['files_unreadable'])} files could not be read.\n")
    return "".join(parts) + "\n"
