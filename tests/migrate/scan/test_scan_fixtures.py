"""Scan the fixture repositories: a v1 code base in every language (each usage found at its
line and column) and its v2 twin plus near misses (nothing found)."""
from __future__ import annotations

import json

from scan_helpers import DATA, V1_EXPECTED, run_cli, scan_tree


def test_v1_repository_every_language_found_at_exact_positions():
    findings, summary = scan_tree(DATA / "v1_repo")
    found = {}
    for f in findings:
        found.setdefault(f.path, []).append((f.rule, f.line, f.column))
    assert found == V1_EXPECTED
    assert summary.files_scanned == 20 and summary.files_parse_failed == []
    assert {f.severity for f in findings if f.deadline == "v1-removal"} == {"error"}


def test_v2_repository_and_near_misses_are_clean():
    findings, summary = scan_tree(DATA / "v2_repo")
    assert findings == []
    assert summary.files_scanned == 14


def test_cli_json_paths_are_relative_to_the_current_directory():
    result = run_cli(["v1_repo/go", "--format", "json"], cwd=DATA)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [
        ("v1_repo/go/go.mod", "PM104"), ("v1_repo/go/otp.go", "PM103"),
        ("v1_repo/go/otp.go", "PM105"), ("v1_repo/go/otp.go", "PM106")]
    first = report["findings"][0]
    assert set(first) == {"rule", "path", "line", "column", "end_line", "end_column", "severity",
                          "message", "fixable", "deadline"}
    assert report["summary"]["files_scanned"] == 2
