"""JUnit XML for GitLab, Jenkins and Azure test reports.

One ``<testsuite>`` per file with findings (CI test-report views group failures by suite, and a
file is what a developer opens), one ``<testcase>`` per finding: failing when the finding is at
or above ``--fail-on`` (so the report agrees with the exit status), passing with the finding in
``<system-out>`` below it. A clean scan yields one passing test case, so the report never looks
like "no tests ran".
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import Mapping, Sequence, TextIO

from migrate.config import fails
from migrate.findings import Finding, RuleInfo, ScanSummary
from migrate.report._common import ordered

# Characters XML 1.0 cannot carry at all (escaping does not help): drop them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _testcase(suite: ET.Element, finding: Finding, rules: Mapping[str, RuleInfo], failed: bool) -> None:
    info = rules.get(finding.rule)
    name = f"{finding.rule} {info.name}" if info else finding.rule
    case = ET.SubElement(suite, "testcase", {
        "name": _clean(f"{name} at line {finding.line}, column {finding.column}"),
        "classname": _clean(finding.path),
        "file": _clean(finding.path),
        "line": str(finding.line),
    })
    text = _clean(f"{finding.path}:{finding.line}:{finding.column}: "
                  f"{finding.severity.upper()} {finding.rule} {finding.message}")
    if failed:
        failure = ET.SubElement(case, "failure", {"message": _clean(finding.message),
                                                  "type": finding.severity})
        failure.text = text
    else:  # below --fail-on: reported, not failed (the scan exits 0 for it)
        ET.SubElement(case, "system-out").text = text


def junit_tree(findings: Sequence[Finding], summary: ScanSummary,
               rules: Mapping[str, RuleInfo], fail_on: str = "error") -> ET.Element:
    findings = ordered(findings)
    failing = sum(1 for f in findings if fails(f, fail_on))
    root = ET.Element("testsuites", {"name": "prelude-migrate", "tests": str(max(len(findings), 1)),
                                     "failures": str(failing), "errors": "0",
                                     "time": f"{summary.duration_s:.3f}"})
    for path, group in groupby(findings, key=lambda f: f.path):
        group = list(group)
        suite = ET.SubElement(root, "testsuite", {
            "name": _clean(path), "tests": str(len(group)),
            "failures": str(sum(1 for f in group if fails(f, fail_on))), "errors": "0",
            "skipped": "0"})
        for finding in group:
            _testcase(suite, finding, rules, fails(finding, fail_on))
    if not findings:
        suite = ET.SubElement(root, "testsuite", {"name": "prelude-migrate scan", "tests": "1",
                                                  "failures": "0", "errors": "0", "skipped": "0"})
        ET.SubElement(suite, "testcase", {
            "name": f"no deprecated Prelude/Ding usage in {summary.files_scanned} files",
            "classname": "prelude-migrate"})
    return root


def render_junit(findings: Sequence[Finding], summary: ScanSummary, rules: Mapping[str, RuleInfo],
                 out: TextIO, *, color: bool = False, fail_on: str = "error") -> None:
    tree = junit_tree(findings, summary, rules, fail_on)
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree, encoding="unicode"))
    out.write("\n")
