"""Files whose name says binary (images, compressed files, shared objects, message catalogues)
are counted as binary without being opened; everything else is still read and sniffed."""
from __future__ import annotations

import json

import pytest

from migrate.files import is_binary_name
from scan_helpers import run_cli, scan_tree, write_tree

V1_LINE = 'URL = "https://api.ding.live/v1/authentication"\n'


@pytest.mark.parametrize("path, binary", [
    ("logo.png", True), ("docs/LOGO.PNG", True), ("man/ls.1.gz", True), ("lib/libssl.so.3", True),
    ("lib/libc.so.6.1", True), ("po/fr.mo", True), ("app.jar", True), ("x.cpython-311.pyc", True),
    ("release.v1.2", False), ("notes.png.txt", False), ("assets.png/readme.md", False),
    (".gz", False), ("Makefile", False), ("otp.py", False), ("lib/so.3", False),
])
def test_which_names_say_binary(path, binary):
    assert is_binary_name(path) is binary


def test_a_binary_name_is_counted_not_opened_and_text_files_next_to_it_are_scanned(tmp_path):
    # The .png holds v1 text on purpose: had it been opened it would be a finding.
    write_tree(tmp_path, {"logo.png": V1_LINE, "lib/libding.so.1": V1_LINE, "app/otp.py": V1_LINE,
                          "app/notes.png.txt": V1_LINE})
    findings, summary = scan_tree(tmp_path, select=["PM101"])
    assert sorted({f.path for f in findings}) == ["app/notes.png.txt", "app/otp.py"]
    assert (summary.files_scanned, summary.files_skipped_binary) == (2, 2)


def test_the_cli_json_summary_counts_binary_names(tmp_path):
    write_tree(tmp_path, {"a.gz": b"\x1f\x8b\x08\x00", "b.PNG": V1_LINE, "c.py": V1_LINE})
    result = run_cli(["--format", "json", "--select", "PM101", "."], cwd=tmp_path)
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert [f["path"] for f in data["findings"]] == ["c.py"]
    assert data["summary"]["files_skipped_binary"] == 2
