"""``prelude-migrate rewrite`` on non-Python files: dispatched to codemods.lang, the same CLI
contract as Python (--diff, --check, atomic writes keeping line endings, BOM and mode), and a
summary that says what it did per language."""
from __future__ import annotations

import os
import stat

from migrate.cli import cli as main
from rewrite_helpers import cli_runner


def _tree(tmp_path):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "notify.ts").write_bytes(b'export const URL = "https://api.ding.live/v2/notify";\r\n')
    (tmp_path / "k8s.yaml").write_bytes(b"\xef\xbb\xbfenv:\n  - value: https://api.ding.live/v2/notify\n")
    (tmp_path / "notes.json").write_text('{"a": 1}\n')
    (tmp_path / "broken.go").write_text('package p\nfunc f( {\nvar u = "https://api.ding.live/v2"\n')
    return tmp_path


def test_check_and_diff_write_nothing(tmp_path):
    root = _tree(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    check = cli_runner().invoke(main, ["rewrite", "--check", str(root)])
    assert check.exit_code == 2  # broken.go could not be processed; the others still were
    assert "would rewrite" in check.stderr and "notify.ts" in check.stderr
    assert "broken.go: cannot parse as go" in check.stderr
    diff = cli_runner().invoke(main, ["rewrite", "--diff", str(root / "web"), str(root / "k8s.yaml")])
    assert diff.exit_code == 1
    assert '+export const URL = "https://api.prelude.dev/v2/notify";' in diff.stdout
    assert "+  - value: https://api.prelude.dev/v2/notify" in diff.stdout
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_write_keeps_line_endings_bom_and_mode(tmp_path):
    root = _tree(tmp_path)
    ts = root / "web" / "notify.ts"
    os.chmod(ts, 0o640)
    result = cli_runner().invoke(main, ["rewrite", str(root / "web"), str(root / "k8s.yaml")])
    assert result.exit_code == 0, result.stderr
    assert ts.read_bytes() == b'export const URL = "https://api.prelude.dev/v2/notify";\r\n'
    assert stat.S_IMODE(os.stat(ts).st_mode) == 0o640
    assert (root / "k8s.yaml").read_bytes() == b"\xef\xbb\xbfenv:\n  - value: https://api.prelude.dev/v2/notify\n"
    assert "2 files scanned (1 typescript, 1 yaml), 2 changed" in result.stderr
    again = cli_runner().invoke(main, ["rewrite", "--check", str(root / "web"), str(root / "k8s.yaml")])
    assert again.exit_code == 0 and "0 would change" in again.stderr


def test_an_explicit_non_python_file_is_counted(tmp_path):
    path = tmp_path / "server.go"
    path.write_text('package p\n\nvar u = "https://example.test"\n')
    result = cli_runner().invoke(main, ["rewrite", "--diff", str(path)])
    assert result.exit_code == 0
    assert "1 file scanned (1 go), 0 would change" in result.stderr


def test_stdin_is_rewritten_as_the_language_of_its_name():
    result = cli_runner().invoke(main, ["rewrite", "-", "--stdin-filename", "web/notify.ts"],
                                 input='export const u = "https://api.ding.live/v2/notify";\n')
    assert result.exit_code == 0, result.stderr
    assert result.stdout == 'export const u = "https://api.prelude.dev/v2/notify";\n'
