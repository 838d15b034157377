"""The `prelude-migrate scan` contract: exit codes, --fail-on, --today, rule selection,
suppression comments, formats on the multi-language fixture."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from scan_helpers import DATA, V1_EXPECTED, run_cli, write_tree
from paths import DATA as TEST_DATA

V1_HOST_LINE = "BASE = 'https://api.ding.live/v1'\n"
LEGACY_LINE = "NOTIFY = 'https://api.ding.live/v2/notify'\n"


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    return tmp_path


def json_report(result):
    return json.loads(result.stdout)


# --- exit codes -------------------------------------------------------------------------

def test_clean_tree_exits_0_and_findings_exit_1(repo):
    write_tree(repo, {"ok.py": "URL = 'https://api.prelude.dev/v2/verification'\n"})
    assert run_cli(["."], repo).exit_code == 0
    write_tree(repo, {"bad.py": V1_HOST_LINE})
    result = run_cli([".", "--today", "2026-05-01"], repo)
    assert result.exit_code == 1
    assert "bad.py:1:8: ERROR PM101" in result.output


@pytest.mark.parametrize("args,needle", [
    (["missing-folder"], "missing-folder: no such file or directory"),
    ([".", "--today", "May 1st"], "not a date in YYYY-MM-DD form"),
    ([".", "--select", "PM999"], "no rule matches 'PM999'"),
    ([".", "--format", "xml"], "Invalid value for '--format'"),
    ([".", "--output", "bad.py/report.json"], "cannot write the report to bad.py/report.json: "),
    ([".", "--output", "."], "is a directory"),
    (["-", "."], "`-` (stdin) cannot be combined with other paths"),
    ([".", "--stdin-filename", "x.ts"], "--stdin-filename needs the path `-`"),
    ([".", "--jobs", "0"], "Invalid value for '--jobs'"),
])
def test_usage_errors_exit_2_with_a_clear_message(repo, args, needle):
    write_tree(repo, {"bad.py": V1_HOST_LINE})
    result = run_cli(args, repo)
    assert result.exit_code == 2
    assert needle in result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_internal_error_exits_2_not_0_or_1(repo, monkeypatch):
    write_tree(repo, {"bad.py": V1_HOST_LINE})

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("migrate.scan.scan", broken)
    result = run_cli(["."], repo)
    assert result.exit_code == 2
    assert "internal error: RuntimeError: boom" in result.stderr


# --- calendar and --fail-on ---------------------------------------------------------------

@pytest.mark.parametrize("today,v1,legacy", [
    ("2025-06-01", "info", "info"),  # before every deadline
    ("2025-10-15", "info", "warning"),  # api.ding.live/v2 deprecated, v1 still supported
    ("2025-12-01", "warning", "warning"),  # v1 support ended
    ("2026-04-01", "error", "warning"),  # v1 removed
])
def test_today_sets_severity_from_the_calendar(repo, today, v1, legacy):
    write_tree(repo, {"app.py": V1_HOST_LINE + LEGACY_LINE})
    findings = json_report(run_cli([".", "--format", "json", "--today", today, "--fail-on", "never"], repo))["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("PM101", v1), ("PM102", legacy)]
    if today == "2025-06-01":  # info says how long is left before the next date
        assert findings[0]["message"].endswith("(end of support in 153 days)")
        assert findings[1]["message"].endswith("(deprecation in 122 days)")


@pytest.mark.parametrize("fail_on,code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_threshold_with_only_warnings(repo, fail_on, code):
    write_tree(repo, {"app.py": LEGACY_LINE})
    assert run_cli([".", "--today", "2026-05-01", "--fail-on", fail_on], repo).exit_code == code


def test_advice_rules_stay_info_and_do_not_fail_by_default(repo):
    write_tree(repo, {"send.sh": "curl https://api.prelude.dev/v2/transactional -d @m.json\n"})
    result = run_cli([".", "--format", "json"], repo)
    assert result.exit_code == 0
    assert [(f["rule"], f["severity"], f["deadline"]) for f in json_report(result)["findings"]] == [
        ("PM201", "info", None)]


# --- rule selection -----------------------------------------------------------------------

def test_select_and_ignore_take_ids_prefixes_and_names(repo):
    write_tree(repo, {"app.py": V1_HOST_LINE + LEGACY_LINE,
                      "a.md": "see https://docs.ding.live/x\n"})

    def rules(*args):
        return [f["rule"] for f in json_report(run_cli([".", "--format", "json", *args], repo))["findings"]]

    assert rules() == ["PM203", "PM101", "PM102"]
    assert rules("--select", "legacy-v2-host") == ["PM102"]
    assert rules("--select", "PM1", "--ignore", "v1-host") == ["PM102"]
    assert rules("--ignore", "PM101,PM203") == ["PM102"]


# --- suppression ----------------------------------------------------------------------------

SUPPRESSED = {
    "a.py": "URL = 'https://api.ding.live/v1'  # prelude-migrate: ignore[PM101]\n",
    "b.py": "# prelude-migrate: ignore[v1-host]\nURL = 'https://api.ding.live/v1'\n",
    "c.ts": 'const u = "https://api.ding.live/v1"; // prelude-migrate: ignore[PM101]\n',
    "d.go": "/* prelude-migrate: ignore[PM101] */\nconst u = \"https://api.ding.live/v1\"\n",
    "e.md": "<!-- prelude-migrate: ignore[PM101] -->\nUse https://api.ding.live/v1\n",
    "f.sql": "SELECT 'https://api.ding.live/v1'; -- prelude-migrate: ignore\n",
    "g.yaml": "url: https://api.ding.live/v1  # prelude-migrate: ignore[PM102, PM101]\n",
}
NOT_SUPPRESSED = {
    "h.py": "URL = 'https://api.ding.live/v1'  # prelude-migrate: ignore[PM102]\n",  # other rule
    "i.py": "# prelude-migrate: ignore[PM101]\n\nURL = 'https://api.ding.live/v1'\n",  # two lines up
    "j.txt": "prelude-migrate: ignore[PM101] https://api.ding.live/v1\n",  # not in a comment
    "k.py": "x = 1  # prelude-migrate: ignore[PM101]\nURL = 'https://api.ding.live/v1'\n",  # trailing comment
}


def test_suppression_comments_in_every_comment_style(repo):
    write_tree(repo, {**SUPPRESSED, **NOT_SUPPRESSED})
    result = run_cli([".", "--format", "json", "--fail-on", "never"], repo)
    report = json_report(result)
    assert sorted(f["path"] for f in report["findings"]) == sorted(NOT_SUPPRESSED)
    assert report["summary"]["suppressed"] == len(SUPPRESSED)


# --- formats on the whole fixture -----------------------------------------------------------

def test_sarif_of_the_multi_language_fixture_validates(tmp_path):
    schema = json.loads((TEST_DATA / "sarif-2.1.0.schema.json").read_text())
    result = run_cli(["v1_repo", "--format", "sarif", "--today", "2026-05-01"], DATA)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    assert len(run["results"]) == sum(len(found) for found in V1_EXPECTED.values())
    assert {r["ruleId"] for r in run["results"]} <= {r["id"] for r in run["tool"]["driver"]["rules"]}
    fingerprints = [r["partialFingerprints"] for r in run["results"]]
    again = json.loads(run_cli(["v1_repo", "--format", "sarif", "--today", "2026-05-01"], DATA).output)
    assert [r["partialFingerprints"] for r in again["runs"][0]["results"]] == fingerprints


def test_github_annotations_of_the_fixture(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = run_cli(["v1_repo/go", "--format", "github", "--today", "2026-05-01"], DATA)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("::error ")]
    assert len(lines) == 4
    assert lines[0].startswith("::error file=v1_repo/go/go.mod,line=3,col=9,")


def test_output_file_gets_the_report_and_stdout_stays_empty(repo):
    write_tree(repo, {"bad.py": V1_HOST_LINE})
    result = run_cli([".", "--format", "json", "--output", "report.json"], repo)
    assert result.exit_code == 1 and result.output == ""
    assert json.loads((repo / "report.json").read_text())["findings"][0]["rule"] == "PM101"


def test_failed_scan_keeps_the_previous_report(repo):
    write_tree(repo, {"report.json": '{"previous": true}\n', "bad.py": V1_HOST_LINE})
    result = run_cli(["missing-folder", "--format", "json", "--output", "report.json"], repo)
    assert result.exit_code == 2
    assert (repo / "report.json").read_text() == '{"previous": true}\n'


def test_no_progress_output_when_stderr_is_not_a_terminal(repo):
    write_tree(repo, {f"f{i}.txt": "nothing\n" for i in range(600)})
    result = run_cli([".", "--jobs", "1"], repo)
    assert result.exit_code == 0
    assert "scanned" not in result.stderr
