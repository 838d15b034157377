"""One bad file never stops a run, and nothing is lost: scan and rewrite through their CLIs on
files that crash or hang a parser, files owned by others, hard links, FIFOs, symlink loops,
non-UTF-8 names, unlistable folders, huge files and edits racing a rewrite."""
from __future__ import annotations

import ctypes
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from migrate import files as migrate_files
from migrate import rewrite as rewrite_module
from migrate.cli import cli
from rewrite_helpers import cli_runner

LEGACY = 'URL = "https://api.ding.live/v2/transactional"\n'  # the host move rewrite always makes
MOVED = 'URL = "https://api.prelude.dev/v2/transactional"\n'
CLI = [sys.executable, "-m", "migrate.cli"]

# Shapes that overflow libcst's stack or run for minutes (issue 15), each a few KB.
BOMBS = {
    "parens.py": "x = " + "(" * 1500 + "1" + ")" * 1500 + "\n",
    "calls.py": "x = " + "f(" * 2000 + ")" * 2000 + "\n",
    "lists.py": "x = " + "[" * 3000 + "]" * 3000 + "\n",
    "dicts.py": "x = " + "{1: " * 2000 + "1" + "}" * 2000 + "\n",
    "attrs.py": "x = a" + ".b" * 8000 + "\n",
    "ands.py": "x = " + " and ".join(["a"] * 10000) + "\n",
    "plus.py": "x = " + "+".join(["a"] * 20000) + "\n",
}


def _run(args, cwd, timeout=300, **kw):
    return subprocess.run(CLI + args, cwd=cwd, capture_output=True, timeout=timeout, **kw)


def _invoke(args, cwd):
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        return cli_runner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(previous)


def _tree(root: Path, files: dict) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())


# --- parser crashes and hangs ------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rewrite_reports_each_nesting_bomb_and_still_rewrites_the_rest(tmp_path, jobs):
    bombs = {name: "import ding\n" + text for name, text in BOMBS.items()}  # v1 evidence: parsed
    _tree(tmp_path, {**bombs, "a_good.py": LEGACY, "z_good.py": LEGACY})
    result = _run(["rewrite", ".", "-j", jobs], tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2, err  # failures, not "changes pending"
    for name in BOMBS:
        assert f"error: {name}: not parsed:" in err or f"error: {name}: not rewritten:" in err, (name, err)
        assert (tmp_path / name).read_text() == bombs[name]  # untouched
    assert (tmp_path / "a_good.py").read_text() == MOVED and (tmp_path / "z_good.py").read_text() == MOVED
    assert "rewrote a_good.py" in err and "rewrote z_good.py" in err  # what was written is listed


def test_scan_reports_each_nesting_bomb_and_still_finds_the_rest(tmp_path):
    _tree(tmp_path, {**{n: "import ding\n" + t for n, t in BOMBS.items()}, "good.py": LEGACY})
    result = _run(["scan", ".", "--format", "json", "--fail-on", "never"], tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {f["path"] for f in report["findings"]} >= {"good.py"}
    failed = {item["path"] for item in report["summary"]["files_parse_failed"]}
    assert failed == set(BOMBS)


def _crash_or_hang(real):
    def rewrite_source(text, path="<string>", *args, **kwargs):
        if "crash" in path:
            ctypes.string_at(0)  # SIGSEGV, like a stack overflow in a native parser
        if "hang" in path:
            time.sleep(120)
        return real(text, path, *args, **kwargs)
    return rewrite_source


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_parser_crash_or_hang_costs_one_file(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(rewrite_module, "rewrite_source", _crash_or_hang(rewrite_module.rewrite_source))
    _tree(tmp_path, {"a.py": LEGACY, "crash.py": LEGACY, "hang.py": LEGACY, "z.py": LEGACY})
    started = time.monotonic()
    result = _invoke(["rewrite", ".", "-j", jobs, "--timeout", "2"], tmp_path)
    assert time.monotonic() - started < 100  # the hanging file was cut off, not waited for
    assert result.exit_code == 2
    assert "error: crash.py: not rewritten: the worker processing it was killed by SIGSEGV" in result.stderr
    assert "error: hang.py: not rewritten: took longer than 2 s" in result.stderr
    assert (tmp_path / "crash.py").read_text() == LEGACY and (tmp_path / "hang.py").read_text() == LEGACY
    assert (tmp_path / "a.py").read_text() == MOVED and (tmp_path / "z.py").read_text() == MOVED
    assert "2 changed" in result.stderr


def test_rewrite_from_stdin_survives_a_bomb(tmp_path):
    source = ("import ding\n" + BOMBS["ands.py"]).encode()
    result = _run(["rewrite", "-", "--stdin-filename", "x.py"], tmp_path, input=source)
    assert result.returncode == 2
    assert b"x.py: not parsed" in result.stderr and b"Traceback" not in result.stderr
    assert result.stdout == source  # passed through untouched


def test_scan_from_stdin_survives_a_bomb(tmp_path):
    result = _run(["scan", "-", "--stdin-filename", "x.py", "--format", "json"], tmp_path,
                  input=("import ding\n" + BOMBS["parens.py"] + LEGACY).encode())
    assert b"Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert [item["path"] for item in report["summary"]["files_parse_failed"]] == ["x.py"]
    assert any(f["line"] == 3 for f in report["findings"])  # the text rules still ran


# --- size limits ---------------------------------------------------------------------------

def test_files_over_the_size_limit_are_listed_by_both_commands(tmp_path):
    _tree(tmp_path, {"big.py": LEGACY + "# padding\n" * 200, "small.py": LEGACY})
    rewritten = _invoke(["rewrite", ".", "--check", "--max-file-size", "1000"], tmp_path)
    assert rewritten.exit_code == 2
    assert "error: big.py: not rewritten: larger than 1000 B" in rewritten.stderr or \
        "error: big.py: not rewritten: larger than 1 KiB" in rewritten.stderr
    scanned = _invoke(["scan", ".", "--max-file-size", "1000"], tmp_path)
    assert "over the size limit not scanned" in scanned.stdout and "  big.py" in scanned.stdout


# --- owner, mode, hard links, racing edits -----------------------------------------------

@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_rewrite_keeps_another_users_owner_and_mode(tmp_path):
    target = tmp_path / "theirs.py"
    target.write_text(LEGACY)
    os.chown(target, 12345, 23456)
    os.chmod(target, 0o640)
    result = _invoke(["rewrite", "theirs.py"], tmp_path)
    assert result.exit_code == 0, result.stderr
    st = target.stat()
    assert target.read_text() == MOVED
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (12345, 23456, 0o640)


def test_rewrite_keeps_hard_links_together(tmp_path):
    first = tmp_path / "a.py"
    first.write_text(LEGACY)
    os.link(first, tmp_path / "b.pyi")
    inode = first.stat().st_ino
    result = _invoke(["rewrite", "a.py"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "b.pyi").read_text() == MOVED and first.stat().st_ino == inode


def test_an_edit_landing_during_the_write_is_never_lost(tmp_path, monkeypatch):
    target = tmp_path / "busy.py"
    target.write_text(LEGACY)
    real_fsync = os.fsync

    def editor_saves_meanwhile(fd):  # runs right before the new content is swapped in
        real_fsync(fd)
        if target.read_text() == LEGACY:
            target.write_text(LEGACY + "x = 1  # the user's edit\n")

    monkeypatch.setattr(migrate_files.os, "fsync", editor_saves_meanwhile)
    with pytest.raises(migrate_files.FileChangedError):
        migrate_files.atomic_write(str(target), MOVED.encode(), expected=LEGACY.encode())
    assert target.read_text() == LEGACY + "x = 1  # the user's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["busy.py"]  # no temp file left behind


def test_a_writable_file_in_a_folder_we_cannot_write_is_named_so(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.py").write_text(LEGACY)
    real_access = os.access
    folder = str(tmp_path / "sub")
    monkeypatch.setattr(migrate_files.os, "access",
                        lambda p, mode, **kw: False if os.fspath(p) == folder else real_access(p, mode, **kw))
    result = _invoke(["rewrite", "sub/f.py"], tmp_path)
    assert result.exit_code == 2
    assert "its folder is not writable" in result.stderr and "read-only" not in result.stderr


# --- odd file kinds and names --------------------------------------------------------------

def test_fifos_and_symlink_loops_given_by_name_get_clear_errors(tmp_path):
    os.mkfifo(tmp_path / "pipe.py")
    os.symlink("loop_b.py", tmp_path / "loop_a.py")
    os.symlink("loop_a.py", tmp_path / "loop_b.py")
    fifo = _run(["rewrite", "pipe.py"], tmp_path, timeout=60)
    assert fifo.returncode == 2 and b"pipe.py: not a regular file (a FIFO)" in fifo.stderr
    assert b"Traceback" not in fifo.stderr
    scanned = _run(["scan", "pipe.py", "--format", "json"], tmp_path, timeout=60)
    assert json.loads(scanned.stdout)["summary"]["files_unreadable"] == [
        {"path": "pipe.py", "reason": "not a regular file"}]
    for command in ("rewrite", "scan"):
        loop = _run([command, "loop_a.py"], tmp_path, timeout=60)
        assert loop.returncode == 2 and b"loop_a.py: symlink loop" in loop.stderr, loop.stderr


def test_a_symlinked_file_from_outside_the_tree_is_scanned(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shared.py").write_text(LEGACY)
    tree = tmp_path / "tree"
    tree.mkdir()
    os.symlink(outside / "shared.py", tree / "linked.py")
    os.symlink("linked.py", tree / "again.py")  # points inside the tree: its target is walked
    result = _invoke(["scan", ".", "--format", "json", "--fail-on", "never"], tree)
    assert sorted({f["path"] for f in json.loads(result.stdout)["findings"]}) == ["linked.py"]


NON_UTF8 = os.fsdecode(b"caf\xe9.py")


@pytest.mark.parametrize("args", [
    ["scan", ".", "--format", "sarif"],
    ["scan", ".", "-o", "out/report.json", "--format", "json"],
    ["scan", ".", "--write-baseline", "baseline.json"],
    ["scan", "."],
    ["rewrite", ".", "--diff"],
])
def test_non_utf8_file_names_never_crash_a_report(tmp_path, args):
    (tmp_path / NON_UTF8).write_text(LEGACY)
    result = _run(args, tmp_path, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode in (0, 1), result.stderr
    shown = (result.stdout + result.stderr).decode("utf-8")  # valid UTF-8 throughout
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*.json")).decode("utf-8")
    assert "caf" in shown + written  # the file is named, as \\xe9 or percent-encoded


def test_an_exclude_glob_that_is_no_glob_is_a_config_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.prelude-migrate]\nexclude = ["[z-a]"]\n')
    (tmp_path / "a.py").write_text(LEGACY)
    for command in (["scan", "."], ["rewrite", "."]):
        result = _invoke(command, tmp_path)
        assert result.exit_code == 2
        assert "'[z-a]' is not a valid glob" in result.stderr
        assert "Traceback" not in result.stderr


def test_rewrite_names_folders_it_cannot_list(tmp_path, monkeypatch):
    _tree(tmp_path, {"ok/a.py": LEGACY, "locked/b.py": LEGACY})
    real_scandir = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path="."):
        if os.path.abspath(os.fspath(path)) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(migrate_files.os, "scandir", scandir)
    result = _invoke(["rewrite", "."], tmp_path)
    assert result.exit_code == 2
    assert "error: locked: cannot list folder: Permission denied" in result.stderr
    assert (tmp_path / "ok" / "a.py").read_text() == MOVED


# --- the whole malformed tree at once ------------------------------------------------------

def test_a_malformed_tree_is_processed_file_by_file(tmp_path):
    """Scan and rewrite finish (here within 10 minutes each, usually seconds), name every file
    they could not process, and leave every other file rewritten correctly or byte-identical
    with its mode and owner."""
    root = tmp_path / "tree"
    bombs = {f"bombs/{name}": "import ding\n" + text for name, text in BOMBS.items()}
    _tree(root, {
        **bombs,
        "endings/lone_cr.py": LEGACY.replace("\n", "\r") + "x = 1\r",
        "endings/mixed.py": "x = 1\r\n" + LEGACY + "y = 2\r",
        "big/huge.py": LEGACY + "# padding\n" * 20000,
        "plain/ok.py": LEGACY,
        "plain/unrelated.py": "print('hello')\n",
    })
    (root / "names").mkdir()
    (root / "names" / NON_UTF8).write_text(LEGACY)
    os.mkfifo(root / "plain" / "pipe.py")
    os.symlink("loop2.py", root / "plain" / "loop1.py")
    os.symlink("loop1.py", root / "plain" / "loop2.py")
    theirs = root / "plain" / "theirs.py"
    theirs.write_text(LEGACY)
    os.chmod(theirs, 0o640)
    if os.geteuid() == 0:
        os.chown(theirs, 12345, 23456)
    before = {p: (p.read_bytes(), p.stat()) for p in root.rglob("*") if p.is_file() and not p.is_symlink()}

    scanned = _run(["scan", ".", "--format", "json", "--fail-on", "never", "--max-file-size", "100000"],
                   root, timeout=600)
    assert scanned.returncode == 0 and b"Traceback" not in scanned.stderr, scanned.stderr
    summary = json.loads(scanned.stdout)["summary"]
    assert {i["path"] for i in summary["files_parse_failed"]} == set(bombs)
    assert summary["files_too_large"] == ["big/huge.py"]

    rewritten = _run(["rewrite", ".", "--max-file-size", "100000"], root, timeout=600)
    err = rewritten.stderr.decode("utf-8")
    assert rewritten.returncode == 2 and "Traceback" not in err
    failed = {line.split("error: ", 1)[1].split(": ")[0] for line in err.splitlines() if "error: " in line}
    assert failed == set(bombs) | {"big/huge.py"}
    expected = {
        "endings/lone_cr.py": MOVED.replace("\n", "\r") + "x = 1\r",
        "endings/mixed.py": "x = 1\r\n" + MOVED + "y = 2\r",
        "plain/ok.py": MOVED, "plain/theirs.py": MOVED, f"names/{NON_UTF8}": MOVED,
    }
    for path, (data, st) in before.items():
        rel = path.relative_to(root).as_posix()
        now = path.stat()
        assert (now.st_uid, now.st_gid, stat.S_IMODE(now.st_mode)) == \
            (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)), rel
        if rel in expected:
            assert path.read_bytes() == expected[rel].encode(), rel
        else:
            assert path.read_bytes() == data, rel
