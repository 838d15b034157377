"""Outputs of one scan run: --color/NO_COLOR, several reports at once, JUnit and --fail-on
through the CLI, and a step summary that keeps its text when GitHub renders it."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from migrate.cli import cli

ANSI = "\x1b["


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "app.py").write_text("BASE = 'https://api.ding.live/v1'\n")
    (tmp_path / "notify.sh").write_text("curl https://api.prelude.dev/v2/transactional -d @m.json\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def scan(*args, env=None):
    return CliRunner().invoke(cli, ["scan", "--today", "2026-05-01", "-j", "1", *args], env=env,
                              catch_exceptions=False)


def test_color_always_never_and_no_color(repo):
    assert ANSI in scan("--color", "always", ".").stdout
    assert ANSI not in scan("--color", "never", ".").stdout
    # auto: CliRunner's stdout is not a terminal
    assert ANSI not in scan(".").stdout
    # a flag wins over NO_COLOR (no-color.org); NO_COLOR turns auto off even on a terminal
    assert ANSI in scan("--color", "always", ".", env={"NO_COLOR": "1"}).stdout


def test_auto_colours_a_terminal_unless_no_color():
    from migrate.report.color import use_color

    class Tty:
        def isatty(self):
            return True

    assert use_color("auto", Tty(), environ={}) is True
    assert use_color("auto", Tty(), environ={"NO_COLOR": "1"}) is False
    assert use_color("auto", Tty(), environ={"NO_COLOR": ""}) is True  # empty = unset
    assert use_color("never", Tty(), environ={}) is False


def test_several_reports_from_one_run(repo, tmp_path):
    out = tmp_path / "out"
    result = scan(".", "--sarif-output", str(out / "scan.sarif"), "--json-output",
                  str(out / "scan.json"), "--junit-output", str(out / "scan.xml"),
                  "--html-output", str(out / "scan.html"))
    assert result.exit_code == 1
    assert "app.py:1:8: ERROR PM101" in result.stdout  # the text report, on the terminal
    sarif = json.loads((out / "scan.sarif").read_text())
    document = json.loads((out / "scan.json").read_text())
    assert len(sarif["runs"][0]["results"]) == len(document["findings"]) == 2
    assert ET.parse(out / "scan.xml").getroot().get("tests") == "2"
    assert "<!DOCTYPE html>" in (out / "scan.html").read_text()


def test_extra_outputs_are_checked_before_scanning(repo):
    (repo / "blocker").write_text("a file")
    result = scan(".", "--sarif-output", "blocker/scan.sarif")
    assert result.exit_code == 2 and "cannot write the report to blocker/scan.sarif" in result.stderr
    assert result.stdout == ""


def test_main_format_to_a_file_plus_an_extra_one(repo):
    result = scan(".", "--format", "json", "-o", "main.json", "--html-output", "page.html")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((repo / "main.json").read_text())["summary"]["findings"] == 2
    assert (repo / "page.html").is_file()


@pytest.mark.parametrize("fail_on,exit_code,failures", [
    ("error", 1, 1), ("info", 1, 2), ("never", 0, 0),
])
def test_junit_agrees_with_the_exit_code(repo, fail_on, exit_code, failures):
    result = scan(".", "--format", "junit", "--fail-on", fail_on)
    assert result.exit_code == exit_code
    root = ET.fromstring(result.stdout.encode())
    assert root.get("failures") == str(failures)
    assert len(root.findall(".//failure")) == failures


def test_step_summary_keeps_markup_as_text_when_rendered(repo):
    from migrate.findings import Finding
    from migrate.report.github import step_summary_markdown
    from report_helpers import RULES, summary

    message = "send Authorization: Bearer <v2 API key> | not *bold* or _x_ & [link](y) `z`"
    finding = Finding("PM101", "src/a_b.py", 2, 3, 2, 9, "error", message, False, "v1-removal", "x")
    markdown = step_summary_markdown([finding], summary(), RULES)
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(markdown)
    cells = [t.children for t in tokens if t.type == "inline" and t.children]
    texts = ["".join(c.content for c in cell if c.type in ("text", "code_inline")) for cell in cells]
    assert message in texts  # rendered, the message reads exactly as written
    assert "src/a_b.py:2:3" in texts
    html = parser.render(markdown)
    assert "Bearer &lt;v2 API key&gt;" in html and "<v2" not in html
    assert "<em>" not in html and "<a href" not in html


def test_github_format_writes_the_escaped_table_to_the_step_summary(repo, tmp_path):
    (repo / "hdr.ts").write_text('const h = {"X-API-Key": key, customer_uuid: c}; // <v1 key>\n')
    summary_file = tmp_path / "summary.md"
    result = scan(".", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary_file)})
    assert result.exit_code == 1
    text = summary_file.read_text()
    assert "| Severity | Rule | Location | Message |" in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<table>" in html and "<code>hdr.ts:1:" in html and "<code>app.py:1:8</code>" in html
