"""SARIF 2.1.0 for GitHub code scanning: rule metadata, relative locations, stable
``partialFingerprints`` (so alerts follow code across commits), at most 5,000 results."""
from __future__ import annotations

import json
import re
from typing import Dict, List, Mapping, Sequence, TextIO
from urllib.parse import quote

from compat.knowledge.deadlines import DEADLINES
from compat.knowledge.docs_links import MIGRATION_GUIDE_URL
from migrate import __version__
from migrate.baseline import occurrence_keys
from migrate.findings import Finding, RuleInfo, ScanSummary, severity_rank
from migrate.report._common import default_level

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
# GitHub keeps only the top 5,000 results of a run; we choose which ones (the most severe).
MAX_RESULTS = 5000
FINGERPRINT_KEY = "preludeMigrate/v1"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _uri(path: str) -> Dict[str, str]:
    """Relative paths resolve against %SRCROOT% (the checkout); absolute ones become file URIs."""
    if path.startswith("/") or re.match(r"^[A-Za-z]:[/\\]", path):
        posix = path.replace("\\", "/")
        return {"uri": "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def _descriptor(rule: RuleInfo, summary: ScanSummary) -> dict:
    deadline = DEADLINES.get(rule.deadline) if rule.deadline else None
    descriptor = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.title + (f" (deadline: {deadline.wording})" if deadline else "")},
        "defaultConfiguration": {"level": _LEVELS[default_level(rule, summary.today)]},
        "help": _help(rule, deadline, summary.today),
        "properties": {
            "deadline": rule.deadline,
            "deadlineDate": deadline.date.isoformat() if deadline else None,
            "fixable": rule.fixable,
            "tags": ["prelude-migration", "deprecated-api"],
        },
    }
    if rule.docs_url and _SCHEME.match(rule.docs_url):
        # SARIF wants an absolute URI; the project has no public docs site yet
        # (migrate.rule_help.PUBLIC_DOCS_URL), so the built-in rules carry their page in `help`.
        descriptor["helpUri"] = rule.docs_url
    return descriptor


def _help(rule: RuleInfo, deadline, today) -> dict:
    """Shown in the code scanning alert: the rule's page of ``prelude-migrate rule`` (what it
    finds, why, the deadline, an example, the fix, how to silence it)."""
    from migrate.rule_help import documents, markdown_to_text, rule_markdown

    if documents(rule):
        markdown = rule_markdown(rule.id, today)
        return {"text": markdown_to_text(markdown), "markdown": markdown}
    lines = [rule.title + "."]  # a rule without a module (a plugin or a test double)
    if deadline:
        lines.append(f"Deadline: {deadline.date.isoformat()} ({deadline.kind} of {deadline.subject}).")
    lines.append("`prelude-migrate rewrite` fixes it." if rule.fixable
                 else "Fix by hand; no codemod rewrites it.")
    markdown = "\n\n".join(lines)
    return {"text": markdown.replace("`", ""), "markdown": markdown}


def _unknown_rule(rule_id: str, finding: Finding) -> RuleInfo:
    """A descriptor for a finding whose rule the caller did not pass (keeps ruleIndex valid)."""
    return RuleInfo(id=rule_id, name=rule_id.lower(), title=rule_id, deadline=finding.deadline,
                    fixable=finding.fixable, docs_url="")


def _result(key: str, finding: Finding, rule_index: int) -> dict:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": max(finding.end_line, finding.line)}
    if finding.end_column >= 1:
        region["endColumn"] = finding.end_column
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": _uri(finding.path), "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: key},
        "properties": {"severity": finding.severity, "fixable": finding.fixable,
                       "fix": ("`prelude-migrate rewrite` rewrites this site" if finding.fixable
                               else "no codemod rewrites this site: fix it by hand"),
                       "deadline": finding.deadline},
    }
    if finding.fixable and finding.fix:
        result["fixes"] = [_fix(finding)]
    return result


def _fix(finding: Finding) -> dict:
    """SARIF ``fix``: what ``prelude-migrate rewrite`` writes at this site, as replacements of
    whole lines (``deletedRegion`` + ``insertedContent``)."""
    return {
        "description": {"text": "prelude-migrate rewrite"},
        "artifactChanges": [{
            "artifactLocation": _uri(finding.path),
            "replacements": [{
                "deletedRegion": {"startLine": line, "startColumn": start, "endLine": end_line, "endColumn": end},
                "insertedContent": {"text": text},
            } for line, start, end_line, end, text in finding.fix],
        }],
    }


def sarif_document(findings: Sequence[Finding], summary: ScanSummary,
                   rules: Mapping[str, RuleInfo]) -> dict:
    """The SARIF 2.1.0 document; fixable Python results get their ``fixes`` here (a rewrite in
    memory of those files only: the other formats do not pay for it)."""
    from migrate.scan.fixable import with_python_fixes

    findings = with_python_fixes(findings)
    rule_list: List[RuleInfo] = sorted(rules.values(), key=lambda r: r.id)
    known = set(rules)
    for finding in findings:
        if finding.rule not in known:
            rule_list.append(_unknown_rule(finding.rule, finding))
            known.add(finding.rule)
    index = {rule.id: i for i, rule in enumerate(rule_list)}

    keyed = occurrence_keys(findings)
    # Most severe first, then file order, so the cap drops the least important results.
    keyed.sort(key=lambda kf: (-severity_rank(kf[1].severity), kf[1].path, kf[1].line, kf[1].column))
    kept = keyed[:MAX_RESULTS]

    notifications = []
    if len(keyed) > MAX_RESULTS:
        notifications.append({
            "level": "warning",
            "message": {"text": f"{len(keyed) - MAX_RESULTS} of {len(keyed)} results omitted: "
                                f"GitHub code scanning keeps {MAX_RESULTS} per run. Run "
                                f"`prelude-migrate scan --format json` for all of them."},
        })
    for path, reason in summary.files_unreadable:
        notifications.append({
            "level": "warning",
            "message": {"text": f"could not read {path}: {reason}"},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(path)}}],
        })

    run = {
        "tool": {"driver": {
            "name": "prelude-migrate",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": MIGRATION_GUIDE_URL,
            "rules": [_descriptor(rule, summary) for rule in rule_list],
        }},
        "invocations": [{
            "executionSuccessful": True,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "results": [_result(key, f, index[f.rule]) for key, f in kept],
        "properties": {
            "today": summary.today.isoformat(),
            "filesScanned": summary.files_scanned,
            "resultsTotal": len(keyed),
            "suppressed": summary.suppressed,
            "baselineHidden": summary.files_excluded_baseline,
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(findings: Sequence[Finding], summary: ScanSummary, rules: Mapping[str, RuleInfo],
                 out: TextIO, *, color: bool = False, fail_on: str = "error") -> None:
    json.dump(sarif_document(findings, summary, rules), out, indent=2, ensure_ascii=False)
    out.write("\n")
