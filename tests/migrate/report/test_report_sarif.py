"""SARIF 2.1.0 output: valid against the official schema, stable fingerprints, result cap."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from migrate.report.sarif import FINGERPRINT_KEY, MAX_RESULTS
from report_helpers import RULES, finding, rendered, summary, tricky_findings
from paths import DATA

SCHEMA = json.loads((DATA / "sarif-2.1.0.schema.json").read_text())


def validate(document):
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)


def test_vendored_schema_is_the_oasis_one():
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")
    assert "runs" in SCHEMA["required"] and "version" in SCHEMA["required"]


def test_report_validates_against_the_sarif_schema():
    document = json.loads(rendered("sarif", tricky_findings()))
    validate(document)
    assert document["version"] == "2.1.0" and document["$schema"].endswith("sarif-schema-2.1.0.json")


def test_schema_validation_would_catch_a_broken_report():
    document = json.loads(rendered("sarif", tricky_findings()))
    document["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_driver_lists_rule_metadata():
    run = json.loads(rendered("sarif", tricky_findings()))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "prelude-migrate" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == set(RULES)
    assert rules["PM101"]["name"] == "v1-host"
    assert rules["PM101"]["shortDescription"]["text"] == "api.ding.live host in a string"
    assert rules["PM101"]["helpUri"] == "https://example.invalid/docs/scan.md#pm101"
    assert rules["PM101"]["defaultConfiguration"]["level"] == "error"  # past the removal date
    assert rules["PM101"]["properties"]["deadline"] == "v1-removal"
    assert rules["PM101"]["properties"]["fixable"] is True
    assert rules["PM301"]["defaultConfiguration"]["level"] == "note"  # advice rule, fixed info
    assert "helpUri" not in rules["PM201"]  # relative docs link: not a valid helpUri
    # Rules without a module (test doubles here) get a short help; no repository-relative links.
    assert "Deadline: 2026-04-01 (removal of" in rules["PM201"]["help"]["markdown"]
    assert "docs/scan.md#pm201" not in json.dumps(driver)
    assert "Fix by hand" in rules["PM301"]["help"]["text"]


def test_real_rules_carry_their_rule_page_as_help():
    from migrate.scan.rules import ALL_RULES

    run = json.loads(rendered("sarif", [], rules=ALL_RULES))["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == set(ALL_RULES)
    help_ = rules["PM101"]["help"]
    for heading in ("What it finds", "Why it matters", "Deadline", "Example", "Fix", "Suppress"):
        assert f"**{heading}.**" in help_["markdown"] and f"{heading}." in help_["text"]
    assert "2026-04-01" in help_["text"] and "235 days past as of 2026-11-22" in help_["text"]
    assert "prelude-migrate: ignore[PM101]" in help_["text"]
    assert "```" in help_["markdown"] and "```" not in help_["text"] and "`" not in help_["text"]
    assert "helpUri" not in rules["PM101"]  # no public docs site yet (and no repository path)
    assert "docs/scan.md#" not in json.dumps(run)


def test_each_result_says_whether_rewrite_fixes_it():
    run = json.loads(rendered("sarif", tricky_findings()))["runs"][0]
    fixes = {(r["ruleId"], r["properties"]["fixable"], r["properties"]["fix"]) for r in run["results"]}
    assert ("PM301", False, "no codemod rewrites this site: fix it by hand") in fixes
    assert ("PM101", True, "`prelude-migrate rewrite` rewrites this site") in fixes


def test_results_point_at_rules_and_relative_locations():
    run = json.loads(rendered("sarif", tricky_findings()))["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    spaced = next(r for r in run["results"] if "client" in json.dumps(r["locations"]))
    location = spaced["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "src/my%20app/client.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 18}
    assert spaced["level"] == "error"
    assert spaced["message"]["text"] == "100% broken: api.ding.live, v1\nuse api.prelude.dev"
    levels = sorted(r["level"] for r in run["results"])
    assert levels == ["error", "error", "note", "warning"]


def test_absolute_paths_become_file_uris():
    result = json.loads(rendered("sarif", [finding(path="/srv/app/x y.py")]))["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///srv/app/x%20y.py"}


def fingerprints(findings):
    run = json.loads(rendered("sarif", findings))["runs"][0]
    return {(r["locations"][0]["physicalLocation"]["region"]["startLine"]):
            r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]}


def test_fingerprints_survive_line_moves_and_tell_duplicates_apart():
    before = fingerprints([finding(line=3), finding(line=9, snippet="other = 'https://api.ding.live/v1'")])
    after = fingerprints([finding(line=30), finding(line=90, snippet="other = 'https://api.ding.live/v1'")])
    assert before[3] == after[30] and before[9] == after[90]
    assert before[3] != before[9]
    same_line = 'URL = "https://api.ding.live/v1"'
    twins = fingerprints([finding(line=3, snippet=same_line), finding(line=7, snippet=same_line)])
    assert len(set(twins.values())) == 2


def test_unreadable_files_become_notifications():
    run = json.loads(rendered("sarif", []))["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["message"]["text"] == "could not read secret.env: Permission denied"
    assert run["results"] == []


def test_results_capped_most_severe_first_with_a_notification():
    infos = [finding("PM301", "web/a.js", i + 1, 1, snippet=f"x{i}") for i in range(MAX_RESULTS)]
    errors = [finding("PM101", "z/last.py", i + 1, 1, snippet=f"y{i}") for i in range(5)]
    document = json.loads(rendered("sarif", infos + errors, summary(files_unreadable=[])))
    run = document["runs"][0]
    assert len(run["results"]) == MAX_RESULTS
    assert [r["level"] for r in run["results"][:5]] == ["error"] * 5  # errors kept despite file order
    note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert note.startswith(f"5 of {MAX_RESULTS + 5} results omitted")
    assert run["properties"]["resultsTotal"] == MAX_RESULTS + 5


def test_finding_of_an_unregistered_rule_still_has_a_descriptor():
    run = json.loads(rendered("sarif", [finding("PM999")], rules={}))["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["PM999"]
    assert run["results"][0]["ruleIndex"] == 0
    validate({"version": "2.1.0", "runs": [run]})


def test_fixable_results_carry_the_rewrite_as_sarif_fixes(tmp_path):
    """Through the CLI on the sample repository: the safe moves (legacy host in YAML and .env)
    come with the replacement rewrite writes; the document stays valid."""
    import shutil

    from scan_helpers import DATA as SCAN_DATA, run_cli

    shutil.copytree(SCAN_DATA / "v1_repo", tmp_path / "repo")
    result = run_cli([".", "--format", "sarif", "--today", "2026-05-01"], cwd=tmp_path / "repo")
    document = json.loads(result.stdout)
    validate(document)
    results = document["runs"][0]["results"]
    by_site = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"]): r for r in results}
    k8s = by_site[("deploy/k8s.yaml", 3, "PM102")]
    change = k8s["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "deploy/k8s.yaml"
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 43},
        "insertedContent": {"text": "    value: https://api.prelude.dev/v2/notify"}}]
    assert by_site[("deploy/.env.example", 2, "PM102")]["fixes"][0]["artifactChanges"][0]["replacements"][0][
        "insertedContent"]["text"] == "NOTIFY_URL=https://api.prelude.dev/v2/transactional"
    # only fixable results have fixes; the Go SDK call is marked, not rewritten
    assert all(r["properties"]["fixable"] for r in results if "fixes" in r)
    assert "fixes" not in by_site[("go/otp.go", 9, "PM106")]


def _apply(text: str, replacements) -> str:
    """Apply SARIF replacements (whole-line regions, 1-based, end column exclusive) to ``text``."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    regions = sorted({(offset(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
                       offset(r["deletedRegion"]["endLine"], r["deletedRegion"]["endColumn"]),
                       r["insertedContent"]["text"]) for r in replacements}, reverse=True)
    for start, end, inserted in regions:
        text = text[:start] + inserted + text[end:]
    return text


def test_python_results_carry_what_rewrite_writes(tmp_path):
    """Through the CLI on the sample repository: every fixable Python result has fixes; all of
    a file's fixes applied give exactly what `prelude-migrate rewrite` writes there; the
    document stays valid."""
    import shutil
    import subprocess
    import sys

    from scan_helpers import DATA as SCAN_DATA, run_cli

    repo, rewritten = tmp_path / "repo", tmp_path / "rewritten"
    shutil.copytree(SCAN_DATA / "v1_repo", repo)
    shutil.copytree(SCAN_DATA / "v1_repo", rewritten)
    subprocess.run([sys.executable, "-m", "migrate.cli", "rewrite", "."], cwd=rewritten, check=True,
                   capture_output=True, timeout=300)
    document = json.loads(run_cli([".", "--format", "sarif", "--today", "2026-05-01"], cwd=repo).stdout)
    validate(document)
    every = document["runs"][0]["results"]
    results = [r for r in every if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".py")]
    assert results and all("fixes" in r for r in results if r["properties"]["fixable"])
    assert not any("fixes" in r for r in every if not r["properties"]["fixable"])
    # files whose every change is at a fixable finding (no TODO for another one), in three languages
    for name in ("py/otp.py", "py/raw.py", "web/otp.ts", "deploy/k8s.yaml"):
        replacements = [rep for r in every if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == name
                        for change in r.get("fixes", [{"artifactChanges": []}])[0]["artifactChanges"]
                        for rep in change["replacements"]]
        assert _apply((repo / name).read_text(), replacements) == (rewritten / name).read_text(), name
    # the v1 response read of py/otp.py: one line, `res.id`
    [read] = [r for r in results if r["ruleId"] == "PM117"]
    assert read["fixes"][0]["artifactChanges"][0]["replacements"] == [{
        "deletedRegion": {"startLine": 13, "startColumn": 1, "endLine": 13, "endColumn": 66},
        "insertedContent": {"text": "    return res.id"}}]


def test_python_fixes_are_left_out_when_the_file_changed_since_the_scan(tmp_path):
    import datetime

    from migrate.scan import scan
    from migrate.scan.fixable import with_python_fixes

    source = tmp_path / "otp.py"
    source.write_text((DATA / "scan" / "v1_repo" / "py" / "otp.py").read_text())
    findings = [f for f in scan([str(source)], today=datetime.date(2026, 5, 1), jobs=1)[0] if f.fixable]
    assert findings and all(f.fix for f in with_python_fixes(findings))
    source.write_text(source.read_text().replace("return res.", "return  res."))
    assert not any(f.fix for f in with_python_fixes(findings))
