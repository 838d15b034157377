"""Lone CR, CRLF and mixed line endings (issue 15 item 3): one line index everywhere, so
positions, snippets and fingerprints are right in Python and in every other language."""
from __future__ import annotations

import pytest

from scan_helpers import scan_tree, write_tree

PY = ["import requests", "", "URL = 'https://api.ding.live/v1/check'", "",
      "def check(code):", "    return requests.post(URL, json={'code': code})"]
TS = ["// otp", "const base = 'https://api.ding.live/v1';", "export const x = 1;",
      "const key = { 'x-api-key': k };"]


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n", "mixed"])
@pytest.mark.parametrize("name,lines", [("otp.py", PY), ("otp.ts", TS), ("otp.go", TS)])
def test_positions_and_snippets(tmp_path, ending, name, lines):
    endings = ["\r", "\r\n", "\n"] if ending == "mixed" else [ending]
    text = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
    write_tree(tmp_path, {name: text.encode()})
    findings, summary = scan_tree(tmp_path)
    assert summary.files_parse_failed == []
    assert findings, "a lone CR must not hide the file"
    for f in findings:
        assert f.snippet == lines[f.line - 1].strip()[:300], (f.rule, f.line, ending)
        assert lines[f.line - 1][f.column - 1:].startswith(("https://", "api", "x-api-key", "requests", "'", "URL")), \
            (f.rule, f.line, f.column)


def test_fingerprints_do_not_depend_on_line_endings(tmp_path):
    prints = set()
    for ending in ("\r", "\r\n", "\n"):
        root = tmp_path / repr(ending).strip("'\\")
        root.mkdir()
        write_tree(root, {"otp.ts": ending.join(TS).encode()})
        findings, _ = scan_tree(root)
        prints.add(tuple(sorted(f.fingerprint() for f in findings)))
    assert len(prints) == 1


def test_suppression_comment_on_a_lone_cr_line(tmp_path):
    text = "x = 1\r# prelude-migrate: ignore[PM101]\rURL = 'https://api.ding.live/v1'\r"
    write_tree(tmp_path, {"a.py": text.encode()})
    findings, summary = scan_tree(tmp_path)
    assert findings == [] and summary.suppressed == 1
