"""The reporters, config and baseline through ``prelude-migrate scan`` (click's CliRunner)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from migrate.cli import cli
from paths import DATA

SCHEMA = json.loads((DATA / "sarif-2.1.0.schema.json").read_text())
APP = 'import requests\nBASE = "https://api.ding.live/v1"\n'
CLIENT = 'const url = "https://api.ding.live/v1/check"; // 100%, really\n'
CLIENT_COLUMN = CLIENT.index("https") + 1


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A small repository with two v1 usages, one in a path with a space; cwd is its root."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(APP)
    (tmp_path / "src" / "my client.js").write_text(CLIENT)
    (tmp_path / "README.md").write_text("Uses https://api.prelude.dev/v2 only.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def scan(*args):
    return CliRunner().invoke(cli, ["scan", "--today", "2026-11-22", "-j", "1", *args])


def test_text_report_and_exit_1(tree):
    result = scan(".")
    assert result.exit_code == 1, result.output
    assert "src/app.py:2:8: ERROR PM101 " in result.stdout
    assert f"src/my client.js:1:{CLIENT_COLUMN}: ERROR PM101 " in result.stdout
    assert "Scanned 3 files" in result.stdout
    assert "235 days past" in result.stdout


def test_json_report_paths_relative_to_the_cwd(tree):
    result = scan("--format", "json", "src")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["version"] == 1
    located = sorted((f["path"], f["line"], f["column"], f["rule"]) for f in document["findings"])
    assert located == [("src/app.py", 2, 8, "PM101"), ("src/my client.js", 1, CLIENT_COLUMN, "PM101")]
    assert document["summary"]["files_scanned"] == 2


def test_sarif_report_validates_with_the_real_rules(tree):
    result = scan("--format", "sarif", ".")
    document = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    run = document["runs"][0]
    assert len(run["tool"]["driver"]["rules"]) >= 10  # every enabled rule is described
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"])
    assert uris == ["src/app.py", "src/my%20client.js"]


def test_github_report_and_step_summary(tree, monkeypatch):
    summary_file = tree.parent / f"{tree.name}-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    result = scan("--format", "github", ".")
    assert result.exit_code == 1
    assert f"::error file=src/my client.js,line=1,col={CLIENT_COLUMN}," in result.stdout
    assert "| error | PM101 v1-host | `src/app.py:2:8` |" in summary_file.read_text()


def test_junit_report_to_an_output_file(tree):
    result = scan("--format", "junit", "--output", "report.xml", ".")
    assert result.exit_code == 1 and result.stdout == ""
    root = ET.parse(tree / "report.xml").getroot()
    assert (root.get("tests"), root.get("failures")) == ("2", "2")


def test_clean_tree_exits_0(tree):
    (tree / "src" / "app.py").write_text("BASE = 'https://api.prelude.dev/v2'\n")
    (tree / "src" / "my client.js").unlink()
    result = scan(".")
    assert result.exit_code == 0 and "No deprecated Prelude/Ding usage found." in result.stdout


def test_fail_on_threshold(tree):
    assert scan("--fail-on", "never", ".").exit_code == 0
    # Before the end of support the same findings are info: below the default threshold.
    early = CliRunner().invoke(cli, ["scan", "--today", "2025-10-15", "-j", "1", "."])
    assert early.exit_code == 0 and "INFO PM101" in early.stdout and "17 days" in early.stdout
    strict = CliRunner().invoke(cli, ["scan", "--today", "2025-10-15", "-j", "1", "--fail-on", "info", "."])
    assert strict.exit_code == 1
    # Past the end of support but before removal: a warning, which --fail-on warning fails on.
    middle = CliRunner().invoke(cli, ["scan", "--today", "2026-03-01", "-j", "1", "--fail-on", "warning", "."])
    assert middle.exit_code == 1 and "WARNING PM101" in middle.stdout


def test_pyproject_config_applies_and_the_command_line_wins(tree):
    (tree / "pyproject.toml").write_text('[tool.prelude-migrate]\nformat = "json"\nfail-on = "never"\n'
                                         'extend-exclude = ["*.js"]\n')
    result = scan(".")
    assert result.exit_code == 0
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["src/app.py"]
    assert scan("--fail-on", "error", "--format", "text", ".").exit_code == 1


def test_bad_config_is_exit_2_naming_file_and_key(tree):
    (tree / "pyproject.toml").write_text('[tool.prelude-migrate]\nfail-on = "sometimes"\n')
    result = scan(".")
    assert result.exit_code == 2
    assert "pyproject.toml" in result.output and "fail-on = 'sometimes' is not allowed" in result.output


def test_baseline_hides_known_findings_even_after_lines_move(tree):
    written = scan("--write-baseline", ".prelude-baseline.json", ".")
    assert written.exit_code == 0 and "wrote 2 findings" in written.output
    assert scan("--baseline", ".prelude-baseline.json", ".").exit_code == 0

    (tree / "src" / "app.py").write_text("# a header\n\n" + APP)  # lines moved down
    moved = scan("--baseline", ".prelude-baseline.json", "--format", "json", ".")
    assert moved.exit_code == 0, moved.stdout
    assert json.loads(moved.stdout)["summary"]["baseline_hidden"] == 2

    (tree / "src" / "new.py").write_text('URL = "https://api.ding.live/v1/retry"\n')
    new = scan("--baseline", ".prelude-baseline.json", "--format", "json", ".")
    assert new.exit_code == 1
    assert [f["path"] for f in json.loads(new.stdout)["findings"]] == ["src/new.py"]


def test_baseline_from_the_config_file(tree):
    scan("--write-baseline", "ci-baseline.json", ".")
    (tree / "pyproject.toml").write_text('[tool.prelude-migrate]\nbaseline = "ci-baseline.json"\n')
    result = scan(".")
    assert result.exit_code == 0 and "2 known in the baseline" in result.stdout


def test_broken_baseline_is_exit_2(tree):
    (tree / "baseline.json").write_text("{oops")
    result = scan("--baseline", "baseline.json", ".")
    assert result.exit_code == 2 and "not valid JSON" in result.output
