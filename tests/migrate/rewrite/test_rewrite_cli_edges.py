"""`prelude-migrate rewrite` on awkward trees found in review: a file edited while it is being
rewritten, a directory symlink loop, empty and BOM-only files, --check with a broken file next
to a changing one, --diff on CRLF, and --only with an unknown name."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import migrate.rewrite as rewrite_module
from migrate.cli import cli
from rewrite_helpers import cli_runner

LEGACY = b'URL = "https://api.ding.live/v2/transactional"\n'
LEGACY_DONE = b'URL = "https://api.prelude.dev/v2/transactional"\n'


def run(*args):
    return cli_runner().invoke(cli, ["rewrite", *map(str, args)], catch_exceptions=False)


def test_file_edited_during_the_rewrite_is_not_overwritten(tmp_path, monkeypatch):
    target = tmp_path / "svc.py"
    target.write_bytes(LEGACY)
    edited = LEGACY + b"# saved by an editor meanwhile\n"
    real = rewrite_module.rewrite_bytes

    def rewrite_while_someone_saves(data, path, codemods, *rest):
        result = real(data, path, codemods, *rest)
        target.write_bytes(edited)
        return result

    monkeypatch.setattr(rewrite_module, "rewrite_bytes", rewrite_while_someone_saves)
    result = run("-j", "1", tmp_path)
    assert target.read_bytes() == edited  # the editor's save survives
    assert result.exit_code == 2
    assert "svc.py" in result.stderr and "changed while being rewritten" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_directory_symlink_loop_terminates_and_each_file_is_seen_once(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "svc.py").write_bytes(LEGACY)
    os.symlink("..", tmp_path / "pkg" / "loop")
    result = run(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "pkg" / "svc.py").read_bytes() == LEGACY_DONE
    assert "1 changed" in result.stderr


def test_empty_and_bom_only_files_are_untouched(tmp_path):
    empty = tmp_path / "empty.py"
    empty.write_bytes(b"")
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf")
    other = tmp_path / "svc.py"
    other.write_bytes(b"\xef\xbb\xbf" + LEGACY.replace(b"\n", b"\r\n"))
    result = run(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert empty.read_bytes() == b"" and bom.read_bytes() == b"\xef\xbb\xbf"
    assert other.read_bytes() == b"\xef\xbb\xbf" + LEGACY_DONE.replace(b"\n", b"\r\n")


def test_check_with_a_broken_file_and_a_changing_file_exits_2_and_writes_nothing(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_bytes(b'URL = "https://api.ding.live/v2/x"\ndef f(:\n')
    changing = tmp_path / "svc.py"
    changing.write_bytes(LEGACY)
    result = run("--check", tmp_path)
    assert result.exit_code == 2  # a failure outranks "changes pending"
    assert changing.read_bytes() == LEGACY
    assert "would rewrite" in result.stderr + result.stdout and "broken.py" in result.stderr


def test_diff_on_crlf_keeps_carriage_returns_and_writes_nothing(tmp_path):
    source = tmp_path / "svc.py"
    source.write_bytes(b"import requests\r\n" + LEGACY.replace(b"\n", b"\r\n"))
    result = cli_runner().invoke(cli, ["rewrite", "--diff", str(source)], catch_exceptions=False)
    assert result.exit_code == 1
    out = result.stdout_bytes
    assert b'-URL = "https://api.ding.live/v2/transactional"\r\n' in out
    assert b'+URL = "https://api.prelude.dev/v2/transactional"\r\n' in out
    assert source.read_bytes() == b"import requests\r\n" + LEGACY.replace(b"\n", b"\r\n")


def test_only_with_an_unknown_name_lists_the_known_ones(tmp_path):
    source = tmp_path / "svc.py"
    source.write_bytes(LEGACY)
    result = run("--only", "hosts,nope", source)
    assert result.exit_code == 2
    assert "nope" in result.stderr
    for name in ("hosts", "raw-http", "v1-leftovers", "sdk-calls"):
        assert name in result.stderr
    assert source.read_bytes() == LEGACY
