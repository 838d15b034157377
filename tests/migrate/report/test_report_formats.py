"""Text, JSON, GitHub and JUnit reports through the public ``migrate.report.render``."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from migrate.report import FORMATS, render
from report_helpers import RULES, finding, rendered, summary, tricky_findings


def test_formats_are_the_documented_six():
    assert FORMATS == ("text", "json", "sarif", "github", "junit", "html")


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="choose one of text, json"):
        rendered("xml", tricky_findings())


# --- text ----------------------------------------------------------------------------------------

def test_text_groups_by_file_in_position_order():
    out = rendered("text", tricky_findings())
    lines = [line for line in out.splitlines() if re.match(r"^\S+.*:\d+:\d+: ", line)]
    assert lines[0].startswith("src/app.py:1:1: ERROR PM201 from ding import Ding")
    assert lines[1].startswith("src/app.py:3:11: WARNING PM101 ")
    assert lines[2].startswith("src/my app/client.py:12:5: ERROR PM101 100% broken: api.ding.live, v1")
    assert lines[3].startswith("web/send.js:7:20: INFO PM301 ")
    # A blank line separates files; a multi-line message continues indented, not as a new line.
    assert "[fixable]\n\nsrc/my app/client.py" in out
    assert "\n    use api.prelude.dev [fixable]\n" in out


def test_text_summary_counts_skips_hidden_and_deadlines():
    out = rendered("text", tricky_findings())
    assert "Scanned 42 files in 0.25 s (skipped 2 binary, 1 too large)" in out
    assert "1 file could not be read:\n  secret.env: Permission denied" in out
    assert "Found 4 deprecated usages in 3 files (2 error, 1 warning, 1 info)" in out
    assert re.search(r"PM101\s+2\s+v1-host", out)
    assert re.search(r"PM301\s+1\s+transactional-route", out)
    assert "Not shown: 4 suppressed inline, 3 known in the baseline." in out
    # 2026-11-22 is 235 days after the 2026-04-01 removal; three findings are bound to it.
    assert "2026-04-01 removal of the v1 Verify and Lookup APIs: 235 days past, 3 findings" in out


def test_text_counts_days_left_before_a_deadline():
    import datetime as dt
    out = rendered("text", [], summary(today=dt.date(2026, 3, 22)))
    assert "No deprecated Prelude/Ding usage found." in out
    assert "2026-04-01 removal of the v1 Verify and Lookup APIs: 10 days left" in out


def test_text_colour_only_when_asked():
    plain = rendered("text", tricky_findings())
    coloured = rendered("text", tricky_findings(), color=True)
    assert "\x1b[" not in plain
    assert "\x1b[1;31mERROR\x1b[0m" in coloured


# --- json ----------------------------------------------------------------------------------------

def test_json_document_shape_and_key_order():
    doc = json.loads(rendered("json", tricky_findings()))
    assert list(doc) == ["version", "findings", "summary"]
    assert doc["version"] == 1
    keys = ["rule", "path", "line", "column", "end_line", "end_column", "severity", "message",
            "fixable", "deadline"]
    # a PM301 (TODO) finding also lists the v1 findings folded into it
    assert [list(f) for f in doc["findings"]] == [keys] * 3 + [keys + ["covers"]]
    assert doc["findings"][3]["covers"] == []
    first = doc["findings"][2]
    assert first["path"] == "src/my app/client.py"
    assert first["message"] == "100% broken: api.ding.live, v1\nuse api.prelude.dev"
    summ = doc["summary"]
    assert summ["files_scanned"] == 42
    assert summ["by_rule"] == {"PM101": 2, "PM201": 1, "PM301": 1}
    assert summ["by_severity"] == {"error": 2, "warning": 1, "info": 1}
    assert summ["files_unreadable"] == [{"path": "secret.env", "reason": "Permission denied"}]
    assert summ["suppressed"] == 4 and summ["baseline_hidden"] == 3
    removal = next(d for d in summ["deadlines"] if d["id"] == "v1-removal")
    assert removal["days_past"] == 235 and removal["findings"] == 3


def test_json_is_stable_whatever_the_input_order():
    findings = tricky_findings()
    assert rendered("json", findings) == rendered("json", list(reversed(findings)))


# --- github --------------------------------------------------------------------------------------

def test_github_annotations_escape_messages_and_properties(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    weird = finding("PM101", "src/a,b:c%d.py", 2, 4, message="50% off, now:\r\nreally")
    out = rendered("github", [weird])
    line = out.splitlines()[0]
    assert line == ("::error file=src/a%2Cb%3Ac%25d.py,line=2,col=4,endLine=2,endColumn=17,"
                    "title=PM101::50%25 off, now:%0D%0Areally")


def test_github_levels_map_to_error_warning_notice(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    out = rendered("github", tricky_findings())
    assert [line.split(" ", 1)[0] for line in out.splitlines()[:4]] == [
        "::error", "::warning", "::error", "::notice"]
    assert "file=src/my app/client.py," in out  # spaces need no escape


def test_github_caps_annotations_per_level_and_writes_the_full_step_summary(tmp_path, monkeypatch):
    summary_file = tmp_path / "step_summary.md"
    summary_file.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    errors = [finding("PM101", f"src/f{i:02}.py", i + 1, 1, message=f"err|{i}") for i in range(25)]
    infos = [finding("PM301", "web/x.js", i + 1, 1) for i in range(3)]
    out = rendered("github", errors + infos)
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert sum(line.startswith("::error ") for line in annotations) == 10
    assert sum(line.startswith("::notice ") for line in annotations) == 3
    assert "28 findings" in out and "15 not annotated" in out and "job summary" in out

    markdown = summary_file.read_text(encoding="utf-8")
    assert markdown.startswith("earlier step\n## prelude-migrate scan")  # appended, not replaced
    rows = [line for line in markdown.splitlines() if line.startswith("| error |")]
    assert len(rows) == 25  # every finding, not just the annotated ones
    assert "err\\|24" in markdown  # a pipe in a message does not split the table cell
    assert "| removal of the v1 Verify and Lookup APIs | 2026-04-01 | 235 days past |" in markdown


def test_github_step_summary_keeps_multiline_messages_in_one_row(tmp_path, monkeypatch):
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    rendered("github", tricky_findings())
    row = next(line for line in summary_file.read_text().splitlines() if "client.py" in line)
    assert "100% broken: api.ding.live, v1<br>use api.prelude.dev" in row
    assert "`src/my app/client.py:12:5`" in row


# --- junit ---------------------------------------------------------------------------------------

def test_junit_is_valid_xml_with_one_failing_case_per_finding():
    root = ET.fromstring(rendered("junit", tricky_findings(), fail_on="info").encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("4", "4")
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == ["src/app.py", "src/my app/client.py", "web/send.js"]
    assert suites["src/app.py"].get("failures") == "2"
    case = suites["src/my app/client.py"].find("testcase")
    failure = case.find("failure")
    # Escaping round-trips: newline in an attribute, % and markup characters in text.
    assert failure.get("message") == "100% broken: api.ding.live, v1\nuse api.prelude.dev"
    assert failure.get("type") == "error"
    markup = suites["src/app.py"].findall("testcase")[1].find("failure")
    assert markup.get("message") == 'a <tag> & "quote" | pipe'
    assert case.get("file") == "src/my app/client.py" and case.get("line") == "12"


@pytest.mark.parametrize("fail_on,failing", [
    ("info", {"PM101 error", "PM201 error", "PM301 info", "PM101 warning"}),
    ("warning", {"PM101 error", "PM201 error", "PM101 warning"}),
    ("error", {"PM101 error", "PM201 error"}),
    ("never", set()),
])
def test_junit_fails_only_the_findings_at_or_above_fail_on(fail_on, failing):
    root = ET.fromstring(rendered("junit", tricky_findings(), fail_on=fail_on).encode("utf-8"))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 4
    failed = {f"{c.get('name').split()[0]} {c.find('failure').get('type')}"
              for c in cases if c.find("failure") is not None}
    assert failed == failing
    assert root.get("failures") == str(len(failing))
    passed = [c for c in cases if c.find("failure") is None]
    assert len(passed) == 4 - len(failing)
    assert all(re.search(r":\d+:\d+: (INFO|WARNING|ERROR) PM\d+ ", c.findtext("system-out"))
               for c in passed)  # below the threshold: still reported, in the test's output


def test_junit_drops_characters_xml_cannot_carry():
    bad = finding(message="bell\x07 and nul\x00 inside")
    root = ET.fromstring(rendered("junit", [bad]))
    assert root.find("testsuite/testcase/failure").get("message") == "bell\ufffd and nul\ufffd inside"


def test_junit_clean_scan_is_one_passing_case():
    root = ET.fromstring(rendered("junit", []))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert root.find("testsuite/testcase/failure") is None


def test_rules_may_be_given_as_an_iterable(monkeypatch):
    import io
    out = io.StringIO()
    render("text", tricky_findings(), summary(), list(RULES.values()), out)
    assert "v1-host: api.ding.live host in a string" in out.getvalue()


def test_github_unwritable_step_summary_is_reported_not_raised(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing-dir" / "summary.md"))
    out = rendered("github", tricky_findings())
    assert out.count("\n::") + out.startswith("::") == 4  # annotations still written
    assert "could not write the step summary" in out
