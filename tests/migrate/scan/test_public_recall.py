"""Recall of ``prelude-migrate scan`` on public code that uses the v1 API (issue 10, "Done means").

``tests/data/scan/public/<case>/`` holds shape reproductions of real public files (application
code, SDK examples, hand-written and generated client libraries in TS, Go, PHP, Ruby, Java, C#
and Python; sources in each ``SOURCE.md``), an ``expected.txt`` of the v1 lines judged by hand
(the rules for judging are in that folder's README.md) and the category (``app``, ``lib``, ``v2``).
Each case is scanned through the CLI (JSON report) by ``bench/scan_recall.py``, which also runs
on any other set (``python bench/scan_recall.py DIR``).
"""
from __future__ import annotations

import importlib.util
import sys

import pytest

from paths import DATA, ROOT

PUBLIC = DATA / "scan" / "public"


def _bench():
    if "scan_recall" not in sys.modules:
        spec = importlib.util.spec_from_file_location("scan_recall", ROOT / "bench" / "scan_recall.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["scan_recall"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["scan_recall"]


@pytest.fixture(scope="module")
def result():
    bench = _bench()
    cases = bench.load_set(str(PUBLIC))
    got = bench.evaluate(cases)
    print(bench.report(got))  # the misses and unexpected findings, shown with -s or on failure
    return got


def test_the_set_covers_seven_languages_and_every_category():
    bench = _bench()
    cases = bench.load_set(str(PUBLIC))
    suffixes = {p.suffix for case in cases for p in (PUBLIC / case.name).rglob("*")
                if p.is_file() and p.name not in ("expected.txt", "SOURCE.md")}
    assert {".ts", ".go", ".php", ".rb", ".java", ".cs", ".py"} <= suffixes
    categories = {case.category_of(path) for case in cases for path, _ in case.expected} | {
        case.category for case in cases}
    assert {"app", "lib", "v2"} <= categories
    assert sum(len(case.expected) for case in cases) >= 150  # a real sample, not a handful


def test_recall_in_application_code(result):
    assert result.total["app"] > 0
    assert result.recall("app") >= 0.95, [m for m in result.misses]


def test_recall_in_client_libraries(result):
    assert result.total["lib"] > 0
    assert result.recall("lib") >= 0.90, [m for m in result.misses]


def test_v2_code_gives_no_finding(result):
    assert result.v2_findings == []


def test_no_finding_on_a_line_not_judged_v1(result):
    # Every finding on these cases was reviewed by hand: a true v1 line is in expected.txt, a
    # false positive was fixed. A new finding on a line not listed must be judged the same way.
    assert result.extra == []


def test_show_extra_lists_whole_messages_of_unexpected_findings(tmp_path, capsys):
    case = tmp_path / "set" / "ts_case"
    case.mkdir(parents=True)
    (case / "SOURCE.md").write_text("category: app\n", encoding="utf-8")
    (case / "expected.txt").write_text("# nothing judged v1\n", encoding="utf-8")
    (case / "a.ts").write_text('const BASE = "https://api.ding.live/v1";\n', encoding="utf-8")
    bench = _bench()
    assert bench.main([str(tmp_path / "set")]) == 0
    short = capsys.readouterr().out
    assert bench.main([str(tmp_path / "set"), "--show-extra"]) == 0
    whole = capsys.readouterr().out
    assert "not expected:\n  ts_case/a.ts:1  PM101" in short and "not expected:\n  ts_case/a.ts:1  PM101" in whole
    row = lambda out: next(r for r in out.splitlines() if r.startswith("  ts_case/a.ts:1"))
    assert len(row(whole)) > len(row(short)) and row(whole).startswith(row(short))
    assert bench.main([str(tmp_path / "set"), "--no-extra"]) == 0
    assert "not expected:\n" not in capsys.readouterr().out
