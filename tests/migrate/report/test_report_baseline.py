"""Baselines: write -> load -> filter; moved findings stay known, new ones are reported."""
from __future__ import annotations

import json
import os

import pytest

from migrate.baseline import BaselineError, load_baseline, write_baseline
from report_helpers import finding

HOST_LINE = 'URL = "https://api.ding.live/v1/authentication"'
IMPORT_LINE = "from ding import Ding"


def existing():
    return [finding("PM101", "src/app.py", 3, 7, snippet=HOST_LINE),
            finding("PM201", "src/app.py", 1, 1, snippet=IMPORT_LINE),
            finding("PM101", "web/client.js", 10, 3, snippet="fetch('https://api.ding.live/v1/check')")]


def test_round_trip_hides_every_known_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert write_baseline("baseline.json", existing()) == 3
    new, known = load_baseline("baseline.json").filter(existing())
    assert (new, known) == ([], 3)


def test_moved_finding_is_known_and_a_new_one_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline("baseline.json", existing())
    moved = [finding("PM101", "src/app.py", 40, 7, snippet=HOST_LINE),  # 37 lines inserted above
             finding("PM201", "src/app.py", 1, 1, snippet=IMPORT_LINE),
             finding("PM101", "web/client.js", 12, 3, snippet="fetch('https://api.ding.live/v1/check')")]
    added = finding("PM101", "src/new.py", 5, 1, snippet=HOST_LINE)
    new, known = load_baseline("baseline.json").filter(moved + [added])
    assert new == [added] and known == 3


def test_a_third_copy_of_a_baselined_line_is_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    twins = [finding("PM101", "src/app.py", 3, 7, snippet=HOST_LINE),
             finding("PM101", "src/app.py", 8, 7, snippet=HOST_LINE)]
    write_baseline("baseline.json", twins)
    third = finding("PM101", "src/app.py", 20, 7, snippet=HOST_LINE)
    new, known = load_baseline("baseline.json").filter(twins + [third])
    assert known == 2 and new == [third]


def test_changed_line_content_is_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline("baseline.json", existing()[:1])
    edited = finding("PM101", "src/app.py", 3, 7, snippet='URL = "https://api.ding.live/v1/check"')
    assert load_baseline("baseline.json").filter([edited]) == ([edited], 0)


def test_baseline_works_from_another_current_directory(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    monkeypatch.chdir(repo)
    write_baseline(".prelude-baseline.json", existing())
    monkeypatch.chdir(repo / "src")  # the same findings, now displayed relative to src/
    rebased = [finding(f.rule, os.path.relpath(os.path.join(repo, f.path)), f.line, f.column,
                       snippet=f.snippet) for f in existing()]
    new, known = load_baseline(repo / ".prelude-baseline.json").filter(rebased)
    assert (new, known) == ([], 3)


def test_file_is_readable_json_and_deterministic(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline("a.json", existing())
    write_baseline("b.json", list(reversed(existing())))
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    document = json.loads((tmp_path / "a.json").read_text())
    assert document["version"] == 1
    assert [e["path"] for e in document["findings"]] == ["src/app.py", "src/app.py", "web/client.js"]
    assert set(document["findings"][0]) == {"key", "rule", "path", "line"}
    assert "api.ding.live" not in (tmp_path / "a.json").read_text()  # the baseline is never a finding itself


def test_unmatched_counts_fixed_entries(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline("baseline.json", existing())
    assert load_baseline("baseline.json").unmatched(existing()[:1]) == 2


@pytest.mark.parametrize("content, message", [
    (None, "baseline file not found"),
    ("{not json", "not valid JSON"),
    ('{"version": 1}', "not a prelude-migrate baseline"),
    ('{"version": 99, "findings": []}', "version 99 is not supported"),
    ('{"version": 1, "findings": [{"rule": "PM101"}]}', 'needs a string "key"'),
])
def test_bad_baseline_files_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(BaselineError, match=message) as info:
        load_baseline(path)
    assert str(path) in str(info.value)


def test_writing_into_a_missing_folder_creates_it(tmp_path):
    target = tmp_path / "ci" / "nested" / "baseline.json"
    assert write_baseline(target, existing()) == len(existing())
    assert load_baseline(target).filter(existing()) == ([], len(existing()))


def test_writing_where_a_file_blocks_the_folder_fails_clearly(tmp_path):
    (tmp_path / "ci").write_text("a file, not a folder")
    with pytest.raises(BaselineError, match="cannot create folder"):
        write_baseline(tmp_path / "ci" / "baseline.json", existing())
