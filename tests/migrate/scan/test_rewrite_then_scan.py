"""Rewrite, then scan (issues 10 and 11): after `prelude-migrate rewrite` on the v1 sample
repository, `prelude-migrate scan` reports only the TODO rule (PM301), one finding per TODO that
rewrite reported, each covering the v1 findings directly below it. Through the real CLI, in
subprocesses, on a copy of tests/data/scan/v1_repo."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from paths import DATA

V1_REPO = DATA / "scan" / "v1_repo"
TODAY = "2026-05-01"  # every v1 deadline is past

# Findings rewrite cannot mark: formats without comments, where rewrite lists the line in its
# summary instead of writing a TODO. Empty: rewrite swaps web/package.json's dependency (every
# JS/TS file of web/ moved to @prelude.so/sdk).
UNMARKABLE: set = set()


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migrate.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def rewritten(tmp_path_factory):
    """(tree, rewrite's stderr, scan's JSON report) after rewrite then scan."""
    tree = tmp_path_factory.mktemp("v1") / "repo"
    shutil.copytree(V1_REPO, tree)
    rewrite = _cli("rewrite", ".", "-j", "1", cwd=tree)
    assert rewrite.returncode == 0, rewrite.stderr
    scan = _cli("scan", ".", "--format", "json", "--today", TODAY, "-j", "1", cwd=tree)
    assert scan.returncode in (0, 1), scan.stderr
    return tree, rewrite.stderr, json.loads(scan.stdout)


def _todos_reported(stderr: str) -> Counter:
    """Per file, the TODO count rewrite's summary lines give ("rewrote X (...; 2 TODOs left)")."""
    counts = Counter()
    for match in re.finditer(r"^(?:rewrote|left) (\S+) \((?:[^;\n]*; )?(\d+) TODOs? (?:left)?\)?", stderr, re.M):
        counts[match.group(1)] += int(match.group(2))
    return counts


def test_only_the_todo_rule_is_left(rewritten):
    _, _, report = rewritten
    others = {(f["path"], f["rule"]) for f in report["findings"] if f["rule"] != "PM301"}
    assert others == UNMARKABLE  # shrink UNMARKABLE, never grow it


def test_every_todo_rewrite_reported_is_one_pm301_finding(rewritten):
    tree, stderr, report = rewritten
    reported = _todos_reported(stderr)
    assert sum(reported.values()) >= 30  # the summary lines were read
    found = Counter(f["path"] for f in report["findings"] if f["rule"] == "PM301")
    assert found == reported
    # ... and each PM301 finding sits on a line of the tree holding the marker
    for finding in report["findings"]:
        if finding["rule"] == "PM301":
            line = (tree / finding["path"]).read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
            assert "TODO(prelude-migration)" in line


def test_todos_cover_the_findings_below_them(rewritten):
    _, _, report = rewritten
    by_line = {(f["path"], f["line"]): f for f in report["findings"] if f["rule"] == "PM301"}
    # hand-checked against the rewritten files
    send = by_line[("scripts/send.sh", 2)]  # one TODO above a curl continued with backslashes
    assert [(c["rule"], c["line"]) for c in send["covers"]] == [
        ("PM101", 3), ("PM108", 4), ("PM111", 4), ("PM112", 5), ("PM111", 5)]
    assert send["message"].endswith("(covers PM101, PM108, PM111, PM112)")
    assert send["severity"] == "error"  # as severe as the removed v1 usage it covers
    assert [c["rule"] for c in by_line[("go/otp.go", 11)]["covers"]] == ["PM106"]
    # the legacy route named inside the TODO's own text, and on the line below
    assert [(c["rule"], c["line"]) for c in by_line[("deploy/.env.example", 3)]["covers"]] == [
        ("PM201", 3), ("PM201", 4)]
    assert by_line[("deploy/.env.example", 3)]["severity"] == "warning"  # PM201 is advice (info)
    # Python: the code below these TODOs is migrated; they cover nothing
    assert by_line[("py/otp.py", 4)]["covers"] == []


def test_ignoring_the_todo_rule_shows_the_covered_findings(rewritten):
    tree, _, report = rewritten
    covered = Counter((f["path"], c["rule"]) for f in report["findings"] if f["rule"] == "PM301"
                      for c in f["covers"])
    scan = _cli("scan", ".", "--format", "json", "--today", TODAY, "-j", "1", "--ignore", "PM301", cwd=tree)
    shown = Counter((f["path"], f["rule"]) for f in json.loads(scan.stdout)["findings"])
    assert shown - Counter(dict.fromkeys(UNMARKABLE, 1)) == covered
    assert scan.returncode == 1


# --- folding on hand-written files (through the public scan API) --------------------------------

from scan_helpers import scan_tree, write_tree  # noqa: E402

_GO = ("package otp\n\nimport dinggolang \"github.com/ding-live/ding-golang\"\n\n"
       "func Send(ctx context.Context, phone string) error {\n"
       "\t// TODO(prelude-migration): build the v2 client\n"
       "\t// (a second comment line of the same block)\n"
       "\ts := dinggolang.New(\n"
       "\t\tdinggolang.WithSecurity(key))\n"
       "\t_, err := s.Otp.CreateAuthentication(ctx, &components.CreateAuthenticationRequest{PhoneNumber: phone})\n"
       "\treturn err\n}\n\n"
       "var u = \"https://api.ding.live/v1\"\n")


def _go_tree(tmp_path):
    return write_tree(tmp_path, {"otp.go": _GO})


def test_a_multi_line_block_and_call_are_covered_and_a_blank_line_ends_it(tmp_path):
    findings, _ = scan_tree(_go_tree(tmp_path))
    rules = [(f.rule, f.line) for f in findings if f.path.endswith("otp.go")]
    todo = next(f for f in findings if f.rule == "PM301")
    assert todo.line == 6 and todo.covered_rules == ("PM105",)
    assert ("PM106", 10) in rules  # the next statement: reported on its own
    assert ("PM101", 14) in rules


def test_without_pm301_the_covered_findings_are_reported(tmp_path):
    findings, _ = scan_tree(_go_tree(tmp_path), select=("PM105", "PM101"))
    assert sorted((f.rule, f.line) for f in findings if f.path.endswith("otp.go")) == [
        ("PM101", 14), ("PM105", 8)]


def test_silencing_the_todo_silences_what_it_covers(tmp_path):
    source = _GO.replace("v2 client\n", "v2 client; prelude-migrate: ignore[PM301]\n")
    write_tree(tmp_path, {"otp.go": source})
    findings, summary = scan_tree(tmp_path)
    assert [f.rule for f in findings if f.rule in ("PM301", "PM105")] == []
    assert summary.suppressed == 2  # the TODO and the finding it covers
