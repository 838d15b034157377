"""The HTML report (`--format html`) in real headless Chromium: the page loads with no network
request, shows the sample repository's numbers, and its filters (form and URL fragment) show
exactly the matching findings, also with thousands of them."""
from __future__ import annotations

import io
import json
import os
import re
import struct

import pytest
from click.testing import CliRunner

from chromium import Browser, chromium_path, file_url
from migrate.cli import cli
from migrate.findings import Finding, RuleInfo
from migrate.report import render
from paths import DATA, ROOT
from report_helpers import summary

SAMPLE = DATA / "scan" / "v1_repo"
TODAY = "2026-05-01"

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed "
                                "(.ci/run installs the Debian package)")


@pytest.fixture(scope="module")
def browser():
    with Browser() as opened:
        yield opened


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample repository's HTML report and, from the same run, its JSON report."""
    out = tmp_path_factory.mktemp("report")
    cwd = os.getcwd()
    os.chdir(SAMPLE)
    try:
        result = CliRunner().invoke(cli, ["scan", ".", "--today", TODAY, "-j", "1", "--format", "html",
                                          "-o", str(out / "report.html"),
                                          "--json-output", str(out / "report.json")])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, result.stderr
    return out / "report.html", json.loads((out / "report.json").read_text())


SHOWN = "document.getElementById('shown').dataset.count|0"
VISIBLE_ROWS = ("[...document.querySelectorAll('tr.finding')].filter(r => r.offsetParent !== null)"
                ".map(r => [r.closest('section.file').dataset.path, r.dataset.rule, r.dataset.severity])")


def choose(browser, element_id: str, value: str) -> None:
    """Set a filter control as a user would, with the event the page listens to."""
    event = "input" if element_id == "f-path" else "change"
    browser.js(f"(() => {{ const e = document.getElementById({element_id!r}); e.value = {value!r}; "
               f"e.dispatchEvent(new Event({event!r})); }})()")


def test_page_is_self_contained_and_shows_the_sample_numbers(browser, sample):
    page, report = sample
    html = page.read_text()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing to fetch
    assert "<link" not in html
    browser.open(file_url(page))
    assert browser.requests() == [file_url(page)]  # the page itself, nothing else
    findings = report["findings"]
    assert browser.js(SHOWN) == len(findings) == report["summary"]["findings"]
    assert len(browser.js(VISIBLE_ROWS)) == len(findings)
    tiles = browser.js("[...document.querySelectorAll('.tile b')].map(b => +b.textContent)")
    assert tiles[:3] == [len(findings), report["summary"]["files_with_findings"],
                         report["summary"]["fixable"]]
    by_rule = browser.js("Object.fromEntries([...document.querySelectorAll('#by-rule tbody tr')]"
                         ".map(r => [r.cells[0].textContent, +r.cells[3].textContent]))")
    assert by_rule == report["summary"]["by_rule"]
    folders = browser.js("[...document.querySelectorAll('#by-folder tbody tr')].map(r => r.cells[0].textContent)")
    assert {"py/", "web/", "deploy/", "go/"} <= set(folders)
    languages = browser.js("[...document.querySelectorAll('#by-language tbody tr')].map(r => r.cells[0].textContent)")
    assert {"Python", "Go", "PHP", "Ruby", "JavaScript / TypeScript"} <= set(languages)
    deadlines = browser.js("[...document.querySelectorAll('#deadlines tbody tr')].map(r => r.cells[2].textContent)")
    assert deadlines == ["212 days past", "181 days past", "30 days past"]


def test_filters_show_exactly_the_matching_findings(browser, sample):
    page, report = sample
    findings = report["findings"]
    browser.open(file_url(page))
    choose(browser, "f-rule", "PM101")
    rows = browser.js(VISIBLE_ROWS)
    expected = sorted((f["path"], f["rule"], f["severity"]) for f in findings if f["rule"] == "PM101")
    assert sorted(map(tuple, rows)) == expected and browser.js(SHOWN) == len(expected) > 0
    assert browser.js("location.hash") == "#rule=PM101"  # the view can be bookmarked
    choose(browser, "f-rule", "")
    choose(browser, "f-path", "web/")
    assert {row[0] for row in browser.js(VISIBLE_ROWS)} == {"web/otp.ts", "web/package.json"}
    hidden_files = browser.js("[...document.querySelectorAll('section.file')].filter(s => s.hidden).length")
    assert hidden_files == report["summary"]["files_with_findings"] - 2
    choose(browser, "f-severity", "warning")
    assert browser.js(VISIBLE_ROWS) == []
    assert browser.js("document.getElementById('shown').textContent") == f"0 of {len(findings)} findings shown"
    browser.js("document.getElementById('f-clear').click()")
    assert browser.js(SHOWN) == len(findings)


def test_a_fragment_opens_a_filtered_view(browser, sample):
    page, report = sample
    browser.open(file_url(page) + "#severity=warning&path=deploy")
    rows = browser.js(VISIBLE_ROWS)
    expected = [(f["path"], f["rule"], "warning") for f in report["findings"]
                if f["severity"] == "warning" and "deploy" in f["path"]]
    assert sorted(map(tuple, rows)) == sorted(expected) and expected
    assert browser.js("document.getElementById('f-severity').value") == "warning"


def many_findings(count: int):
    rules = {f"PM{100 + i}": RuleInfo(f"PM{100 + i}", f"rule-{i}", f"Rule {i}", "v1-removal", i % 2 == 0, "")
             for i in range(1, 6)}
    rules["PM199"] = RuleInfo("PM199", "todo-left", "TODO(prelude-migration) left by rewrite", None,
                              False, "", fixed_severity="info")
    findings = []
    for i in range(count):
        rule = f"PM{100 + (i % 5) + 1}" if i % 50 else "PM199"
        severity = "info" if rule == "PM199" else ("error", "warning")[i % 3 == 0]
        findings.append(Finding(rule, f"svc{i % 40}/mod{i % 7}/file{i % 300}.py", i % 400 + 1, 5,
                                i % 400 + 1, 9, severity, f"finding {i} <b>not bold</b>",
                                rule != "PM199" and i % 2 == 0, None, ""))
    return findings, rules


def test_thousands_of_findings_stay_usable(browser, tmp_path):
    from migrate.report.html import ROWS_SHOWN

    findings, rules = many_findings(6000)
    out = io.StringIO()
    render("html", findings, summary(), rules, out)
    page = tmp_path / "big.html"
    page.write_text(out.getvalue())
    browser.open(file_url(page))
    assert browser.js(SHOWN) == 6000
    assert len(browser.js(VISIBLE_ROWS)) == ROWS_SHOWN  # capped until asked
    assert browser.js("document.getElementById('more').hidden") is False
    browser.js("document.getElementById('show-all').click()")
    assert len(browser.js(VISIBLE_ROWS)) == 6000
    choose(browser, "f-rule", "PM103")
    choose(browser, "f-path", "svc7/")
    expected = [f for f in findings if f.rule == "PM103" and f.path.startswith("svc7/")]
    assert browser.js(SHOWN) == len(expected) == len(browser.js(VISIBLE_ROWS)) > 0
    # Messages are text, never markup; the TODO rule has its own section.
    assert browser.js("document.querySelectorAll('td.msg b').length") == 0
    todos = browser.js("document.querySelectorAll('#todos tbody tr').length")
    assert todos == sum(1 for f in findings if f.rule == "PM199") == 120


SCREENSHOT = ROOT / "docs" / "report.png"


def test_docs_screenshot_is_the_sample_report(browser, sample):
    """docs/report.png; rewrite it with PM_WRITE_SCREENSHOT=1 after changing the page."""
    page, _ = sample
    if os.environ.get("PM_WRITE_SCREENSHOT"):
        browser.open(file_url(page))
        browser.screenshot(str(SCREENSHOT), 1280, 2300)
    data = SCREENSHOT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1280 and height >= 1000


def test_after_rewrite_the_todos_left_have_their_own_section(browser, tmp_path, monkeypatch):
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(SAMPLE, repo)
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo)
    rewritten = CliRunner().invoke(cli, ["rewrite", "."])
    assert rewritten.exit_code in (0, 2), rewritten.stderr  # 2: a file it could not process
    scanned = CliRunner().invoke(cli, ["scan", ".", "--today", TODAY, "-j", "1", "--format", "html",
                                       "-o", str(tmp_path / "after.html"),
                                       "--json-output", str(tmp_path / "after.json")])
    assert scanned.exit_code in (0, 1), scanned.stderr
    from migrate.report.html import is_todo_rule
    from migrate.scan.rules import ALL_RULES

    todo_ids = {rule_id for rule_id, info in ALL_RULES.items() if is_todo_rule(info)}
    assert todo_ids == {"PM301"}
    todos = [f for f in json.loads((tmp_path / "after.json").read_text())["findings"]
             if f["rule"] in todo_ids]
    assert todos, "rewrite left no TODO in the sample repository"
    browser.open(file_url(tmp_path / "after.html"))
    rows = browser.js("[...document.querySelectorAll('#todos tbody tr')].map(r => r.cells[0].textContent)")
    assert sorted(rows) == sorted(f"{f['path']}:{f['line']}" for f in todos)
