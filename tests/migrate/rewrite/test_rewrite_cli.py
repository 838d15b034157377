"""The `prelude-migrate rewrite` contract: exit codes, --diff, --check, bad files, encodings,
line endings, file modes, --only/--skip, --list-codemods, stdin and .gitignore."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from migrate.cli import cli
from rewrite_helpers import cli_runner

LEGACY = 'URL = "https://api.ding.live/v2/transactional"\n'
LEGACY_DONE = 'URL = "https://api.prelude.dev/v2/transactional"\n'
RAW = (
    "import requests\n"
    "from typing import Optional\n\n"
    "def start(phone: Optional[str]) -> Optional[str]:\n"
    '    r = requests.post("https://api.ding.live/v1/authentication", json={"phone_number": phone},\n'
    '                      headers={"X-API-Key": KEY})\n'
    '    return r.json()["authentication_uuid"]\n'
)
CLEAN = "import requests\n\nrequests.get('https://api.prelude.dev/v2/lookup/+33600000000')\n"


def run(*args, input=None):
    result = cli_runner().invoke(cli, ["rewrite", *map(str, args)], input=input, catch_exceptions=False)
    return result


def write(path: Path, text, mode="w") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def test_nothing_to_do_exits_0(tmp_path):
    write(tmp_path / "a.py", CLEAN)
    result = run(tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / "a.py").read_text() == CLEAN
    assert "1 file scanned, 0 changed, 0 left with TODOs, 0 failed to parse" in result.stderr


def test_writes_in_place_and_summarises(tmp_path):
    legacy = write(tmp_path / "legacy.py", LEGACY)
    raw = write(tmp_path / "pkg" / "raw.py", RAW)
    write(tmp_path / "clean.py", CLEAN)
    result = run(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert legacy.read_text() == LEGACY_DONE
    new_raw = raw.read_text()
    assert "https://api.prelude.dev/v2/verification" in new_raw and 'r.json()["id"]' in new_raw
    assert "3 files scanned, 2 changed (4 flagged sites), 1 left with TODOs, 0 failed to parse" in result.stderr
    assert run(tmp_path, "--check").exit_code == 0  # a second run has nothing left to do


def test_every_v1_url_left_is_explained(tmp_path):
    code = ("import requests\n\nclass Api:\n    base = 'https://api.ding.live/v1'\n\n"
            "    def check(self, body):\n        return requests.post(self.base + '/check', json=body)\n")
    target = write(tmp_path / "api.py", code)
    assert run(target).exit_code == 0
    lines = target.read_text().splitlines()
    marked = lines.index("    base = 'https://api.ding.live/v1'") - 1
    assert lines[marked].startswith("    # TODO(prelude-migration): api.ding.live/v1 was removed")
    assert run("--check", target).exit_code == 0


def test_check_writes_nothing_and_exits_1(tmp_path):
    legacy = write(tmp_path / "legacy.py", LEGACY)
    result = run("--check", tmp_path)
    assert result.exit_code == 1
    assert legacy.read_text() == LEGACY
    assert "would rewrite" in result.stderr and "legacy.py" in result.stderr
    assert result.stdout == ""


def test_diff_is_raw_unified_diff_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    raw = write(tmp_path / "raw.py", RAW)
    result = run("--diff", "raw.py")
    assert result.exit_code == 1
    assert raw.read_text() == RAW
    lines = result.stdout.splitlines()
    assert lines[:2] == ["--- a/raw.py", "+++ b/raw.py"]
    # Square brackets survive (no markup renderer) and context lines are verbatim.
    assert " def start(phone: Optional[str]) -> Optional[str]:" in lines
    assert '-    return r.json()["authentication_uuid"]' in lines
    assert '+    return r.json()["id"]' in lines


def test_diff_applies_as_a_patch(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "raw.py", RAW)
    diff = run("--diff", "raw.py").stdout
    expected = tmp_path / "expected"
    expected.mkdir()
    write(expected / "raw.py", RAW)
    assert run(expected / "raw.py").exit_code == 0
    patch = subprocess.run(["patch", "-p1", "--dry-run"], input=diff.encode(), cwd=tmp_path, capture_output=True) \
        if _has_patch() else None
    if patch is not None:
        assert patch.returncode == 0, patch.stdout
    # Applying the hunks by hand gives what the in-place write produced.
    assert _apply(RAW, diff) == (expected / "raw.py").read_text()


def _has_patch() -> bool:
    from shutil import which
    return which("patch") is not None


def _apply(text: str, diff: str) -> str:
    removed = [l[1:] for l in diff.splitlines(keepends=True) if l.startswith("-") and not l.startswith("---")]
    added = [l[1:] for l in diff.splitlines(keepends=True) if l.startswith("+") and not l.startswith("+++")]
    lines = text.splitlines(keepends=True)
    first = lines.index(removed[0])
    assert lines[first:first + len(removed)] == removed
    return "".join(lines[:first] + added + lines[first + len(removed):])


def test_diff_with_no_changes_exits_0(tmp_path):
    write(tmp_path / "a.py", LEGACY_DONE)
    result = run("--diff", tmp_path)
    assert result.exit_code == 0 and result.stdout == ""


def test_syntax_error_is_reported_untouched_and_others_processed(tmp_path):
    broken = b'URL = "https://api.ding.live/v2/x"\ndef broken(:\n'
    bad = write(tmp_path / "bad.py", broken)
    good = write(tmp_path / "good.py", LEGACY)
    result = run(tmp_path)
    assert result.exit_code == 2
    assert bad.read_bytes() == broken
    assert good.read_text() == LEGACY_DONE
    assert "bad.py" in result.stderr and "cannot parse" in result.stderr
    assert "1 failed to parse" in result.stderr


def test_codemod_crash_is_reported_and_others_processed(tmp_path, monkeypatch):
    from codemods.http.hosts import HostsCodemod

    original = HostsCodemod.leave_SimpleString

    def flaky(self, original_node, updated_node):
        if self.context.filename.endswith("boom.py"):
            raise RuntimeError("simulated codemod bug")
        return original(self, original_node, updated_node)

    monkeypatch.setattr(HostsCodemod, "leave_SimpleString", flaky)
    boom = write(tmp_path / "boom.py", LEGACY)
    fine = write(tmp_path / "fine.py", LEGACY)
    result = run("-j", "1", tmp_path)
    assert result.exit_code == 2
    assert boom.read_text() == LEGACY and fine.read_text() == LEGACY_DONE
    assert "boom.py: internal error: RuntimeError: simulated codemod bug" in result.stderr
    assert "1 could not be processed" in result.stderr


def test_files_without_a_trigger_are_never_parsed(tmp_path):
    write(tmp_path / "broken_but_unrelated.py", "def f(:\n")  # no v1 token: skipped before any parse
    write(tmp_path / "legacy.py", LEGACY)
    result = run("--check", tmp_path)
    assert result.exit_code == 1
    assert "broken_but_unrelated" not in result.stderr
    assert "2 files scanned, 1 would change (1 flagged site), 0 left with TODOs, 0 failed to parse" in result.stderr


def test_non_utf8_file_is_reported_and_untouched(tmp_path):
    latin = 'URL = "https://api.ding.live/v2/caf\xe9"\n'.encode("latin-1")
    bad = write(tmp_path / "latin.py", latin)
    result = run("--check", tmp_path)
    assert result.exit_code == 2
    assert bad.read_bytes() == latin
    assert "latin.py" in result.stderr and "not valid UTF-8" in result.stderr


def test_crlf_and_bom_are_kept(tmp_path):
    crlf = write(tmp_path / "crlf.py", LEGACY.replace("\n", "\r\n") * 2 + "x = 1\r\n")
    bom = write(tmp_path / "bom.py", b"\xef\xbb\xbf" + LEGACY.encode())
    assert run(tmp_path).exit_code == 0
    data = crlf.read_bytes()
    assert data == (LEGACY_DONE.replace("\n", "\r\n") * 2 + "x = 1\r\n").encode()
    assert bom.read_bytes() == b"\xef\xbb\xbf" + LEGACY_DONE.encode()


def test_crlf_kept_on_added_todo_lines(tmp_path):
    code = ('import requests\r\n\r\ndef f(a, code):\r\n    requests.post("https://api.ding.live/v1/check", '
            'json={"authentication_uuid": a, "check_code": code})\r\n')
    target = write(tmp_path / "crlf_todo.py", code)
    assert run(target).exit_code == 0
    data = target.read_bytes()
    assert b"# TODO(prelude-migration)" in data
    assert data.count(b"\n") == data.count(b"\r\n") == 5


def test_crlf_diff_keeps_line_endings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "crlf.py", LEGACY.replace("\n", "\r\n"))
    out = run("--diff", "crlf.py").stdout_bytes  # .stdout would normalise line endings
    assert ("+" + LEGACY_DONE.replace("\n", "\r\n")).encode() in out


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_read_only_file_is_reported_and_others_written(tmp_path):
    locked = write(tmp_path / "locked.py", LEGACY)
    locked.chmod(0o444)
    other = write(tmp_path / "other.py", LEGACY)
    result = run(tmp_path)
    assert result.exit_code == 2
    assert locked.read_text() == LEGACY
    assert other.read_text() == LEGACY_DONE
    assert "locked.py" in result.stderr and "read-only" in result.stderr


def test_file_we_may_not_write_is_refused(tmp_path, monkeypatch):
    """A file with write bits that this user still may not write (another owner): os.access says no."""
    locked = write(tmp_path / "locked.py", LEGACY)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if str(p).endswith("locked.py") and m == os.W_OK
                        else real_access(p, m))
    result = run("-j", "1", tmp_path)
    assert result.exit_code == 2
    assert locked.read_text() == LEGACY
    assert "locked.py: file is read-only" in result.stderr


def test_file_mode_is_kept(tmp_path):
    script = write(tmp_path / "tool.py", "#!/usr/bin/env python\n" + LEGACY)
    script.chmod(0o751)
    assert run(tmp_path).exit_code == 0
    assert stat.S_IMODE(script.stat().st_mode) == 0o751
    assert script.read_text().endswith(LEGACY_DONE)


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlinked_file_is_written_through(tmp_path):
    real = write(tmp_path / "real.py", LEGACY)
    link = tmp_path / "link.py"
    link.symlink_to(real)
    assert run(link).exit_code == 0
    assert link.is_symlink() and real.read_text() == LEGACY_DONE


def test_only_and_skip_select_codemods(tmp_path):
    both = LEGACY + RAW
    target = write(tmp_path / "both.py", both)
    assert run("--only", "hosts", target).exit_code == 0
    text = target.read_text()
    assert LEGACY_DONE in text and "api.ding.live/v1/authentication" in text
    write(target, both)
    assert run("--skip", "hosts", target).exit_code == 0
    text = target.read_text()
    assert LEGACY in text and "api.prelude.dev/v2/verification" in text


def test_unknown_codemod_is_a_usage_error(tmp_path):
    write(tmp_path / "a.py", LEGACY)
    result = run("--only", "nope", tmp_path)
    assert result.exit_code == 2
    assert "unknown codemod 'nope'" in result.stderr
    assert (tmp_path / "a.py").read_text() == LEGACY


def test_usage_errors_exit_2(tmp_path):
    assert run().exit_code == 2
    assert run(tmp_path / "missing").exit_code == 2


def test_list_codemods():
    result = run("--list-codemods")
    assert result.exit_code == 0
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert "raw-http" in names and "hosts" in names
    assert names.index("raw-http") < names.index("hosts")


def test_stdin_to_stdout():
    result = run("-", "--stdin-filename", "app/views.py", input=LEGACY.encode())
    assert result.exit_code == 0
    assert result.stdout == LEGACY_DONE


def test_stdin_check_and_bad_input():
    assert run("--check", "-", input=LEGACY.encode()).exit_code == 1
    assert run("--check", "-", input=LEGACY_DONE.encode()).exit_code == 0
    broken = 'URL = "https://api.ding.live/v2/x"\ndef f(:\n'
    result = run("-", "--stdin-filename", "app/broken.py", input=broken.encode())
    assert result.exit_code == 2
    assert "app/broken.py" in result.stderr
    assert result.stdout == broken  # passed through untouched


def test_gitignore_is_respected(tmp_path):
    write(tmp_path / ".gitignore", "generated/\n")
    ignored = write(tmp_path / "generated" / "client.py", LEGACY)
    kept = write(tmp_path / "app.py", LEGACY)
    assert run(tmp_path).exit_code == 0
    assert ignored.read_text() == LEGACY and kept.read_text() == LEGACY_DONE
    assert run("--no-gitignore", tmp_path).exit_code == 0
    assert ignored.read_text() == LEGACY_DONE


def test_pyproject_exclude_is_respected(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.prelude-migrate]\nexclude = ["vendor/"]\n')
    vendored = write(tmp_path / "vendor" / "lib.py", LEGACY)
    ours = write(tmp_path / "app.py", LEGACY)
    assert run(tmp_path).exit_code == 0
    assert vendored.read_text() == LEGACY and ours.read_text() == LEGACY_DONE


def test_bad_pyproject_is_a_usage_error(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.prelude-migrate]\nexclude = 3\n')
    app = write(tmp_path / "app.py", LEGACY)
    result = run(tmp_path)
    assert result.exit_code == 2 and "exclude" in result.stderr
    assert app.read_text() == LEGACY


def test_only_python_files_in_directories(tmp_path):
    notes = write(tmp_path / "notes.txt", LEGACY)
    assert run(tmp_path).exit_code == 0
    assert notes.read_text() == LEGACY


def test_process_pool_output_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(24):
        write(tmp_path / f"m{i:02d}.py", LEGACY if i % 3 else RAW)
    parallel = run("--diff", "-j", "2", ".")
    serial = run("--diff", "-j", "1", ".")
    assert parallel.exit_code == serial.exit_code == 1
    assert parallel.stdout == serial.stdout
    headers = [l for l in parallel.stdout.splitlines() if l.startswith("--- a/")]
    assert headers == sorted(headers) and len(headers) == 24


def test_console_script_entry_point(tmp_path):
    write(tmp_path / "legacy.py", LEGACY)
    proc = subprocess.run([sys.executable, "-m", "migrate.cli", "rewrite", "--check", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "would change" in proc.stderr
