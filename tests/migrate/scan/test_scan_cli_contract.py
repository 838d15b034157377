"""The process-level contract of `prelude-migrate scan`: stdin, --output folders, Ctrl-C, a
closed pipe, progress only on a terminal, parse failures in the summaries."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from scan_helpers import run_cli, write_tree

V1_LINE = "BASE = 'https://api.ding.live/v1'\n"
SCAN = [sys.executable, "-m", "migrate.cli", "scan"]


def _subprocess_env():
    env = dict(os.environ)
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def test_dash_scans_stdin_under_the_stdin_filename(tmp_path):
    source = 'import { Ding } from "@ding-live/ding";\nconst ding = new Ding({ apiKey: k });\n'
    result = subprocess.run(SCAN + ["-", "--stdin-filename", "src/otp.ts", "--format", "json",
                                    "--today", "2026-05-01"],
                            input=source.encode(), capture_output=True, cwd=tmp_path, env=_subprocess_env())
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [(f["rule"], f["path"], f["line"], f["column"]) for f in report["findings"]] == [
        ("PM103", "src/otp.ts", 1, 23), ("PM105", "src/otp.ts", 2, 14)]
    assert report["summary"]["files_scanned"] == 1


def test_output_into_a_folder_that_does_not_exist_yet_creates_it(tmp_path):
    write_tree(tmp_path, {"bad.py": V1_LINE})
    result = run_cli([".", "--format", "json", "--output", "reports/ci/scan.json", "--today", "2026-05-01"],
                     tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    report = json.loads((tmp_path / "reports" / "ci" / "scan.json").read_text())
    assert [(f["line"], f["column"]) for f in report["findings"]] == [(1, 8)]


def test_keyboard_interrupt_exits_130_without_a_traceback(tmp_path, monkeypatch):
    write_tree(tmp_path, {"bad.py": V1_LINE})

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("migrate.scan.scan", interrupted)
    result = run_cli(["."], tmp_path)
    assert result.exit_code == 130
    assert "Traceback" not in result.output
    assert "interrupted" in result.output


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_during_a_parallel_scan_stops_workers_quietly(tmp_path):
    tree, ready = tmp_path / "tree", tmp_path / "ready"
    write_tree(tree, {f"f{i:03d}.txt": "nothing here\n" for i in range(400)})
    # Workers are forked from this script, so they inherit the slowed-down scan_path: the first
    # file a worker starts creates `ready` (the readiness signal), and every file takes 50 ms, so
    # ~10 s of scanning are left when Ctrl-C arrives, however loaded the machine is.
    # SIGINT is set back to Python's default first: a process started in the background by a
    # non-interactive shell (CI, `cmd &`) inherits SIGINT ignored, and Ctrl-C would never arrive.
    code = textwrap.dedent(f"""
        import os, signal, sys, time
        signal.signal(signal.SIGINT, signal.default_int_handler)
        from migrate.scan import engine
        slow = engine.FileScanner.scan_path

        def scan_path(self, path):
            os.close(os.open({str(ready)!r}, os.O_CREAT | os.O_WRONLY))
            time.sleep(0.05)
            return slow(self, path)

        engine.FileScanner.scan_path = scan_path
        sys.argv = ["prelude-migrate", "scan", {str(tree)!r}, "--jobs", "2"]
        from migrate.cli import main
        main()
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True, env=_subprocess_env())
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():  # no sleep-and-hope: wait until a worker is scanning
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "no worker started scanning"
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGINT)  # like a terminal: the whole group gets it
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr
    assert b"interrupted" in stderr


def test_closed_pipe_keeps_the_exit_status_and_prints_no_traceback(tmp_path):
    write_tree(tmp_path, {"many.env": "".join(f"URL_{i}=https://api.ding.live/v1/check\n" for i in range(3000))})
    process = subprocess.Popen(SCAN + [".", "--today", "2026-05-01", "--jobs", "1"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_subprocess_env())
    first = process.stdout.readline()  # like `| head -1`
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert first.startswith(b"many.env:1:")
    assert process.returncode == 1
    assert b"Traceback" not in stderr and b"BrokenPipe" not in stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_appears_on_a_terminal_and_never_on_a_pipe(tmp_path):
    import pty

    write_tree(tmp_path, {f"f{i:04d}.txt": "nothing\n" for i in range(1200)})
    master, slave = pty.openpty()
    try:
        result = subprocess.run(SCAN + [".", "--jobs", "1"], cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=slave, env=_subprocess_env(), timeout=60)
        os.close(slave)
        terminal = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # Linux: EIO once the terminal's writers are gone
                break
            if not chunk:
                break
            terminal += chunk
    finally:
        os.close(master)
    assert result.returncode == 0
    # done / found so far (the walk runs ahead of the workers)
    counts = [tuple(map(int, m)) for m in re.findall(rb"scanned (\d+)/(\d+) files", terminal)]
    assert counts and all(0 < done <= found <= 1200 for done, found in counts)
    assert b"scanned" not in result.stdout

    piped = subprocess.run(SCAN + [".", "--jobs", "1"], cwd=tmp_path, capture_output=True,
                           env=_subprocess_env(), timeout=60)
    assert b"scanned 500" not in piped.stderr


def test_parse_failures_are_counted_in_text_and_json_summaries(tmp_path):
    write_tree(tmp_path, {"broken.py": "import ding\ndef f(:\n    x = 'https://api.ding.live/v1'\n"})
    text = run_cli([".", "--today", "2026-05-01"], tmp_path)
    assert "1 Python file could not be parsed (only the text rules ran on them):\n  broken.py: " in text.stdout
    assert "broken.py:3:10: ERROR PM101" in text.stdout
    report = json.loads(run_cli([".", "--format", "json", "--today", "2026-05-01"], tmp_path).stdout)
    assert [item["path"] for item in report["summary"]["files_parse_failed"]] == ["broken.py"]
    assert [(f["rule"], f["line"], f["column"]) for f in report["findings"]] == [("PM101", 3, 10)]


def test_no_paths_scans_the_current_folder_and_overlapping_paths_report_once(tmp_path):
    write_tree(tmp_path, {"src/app.py": V1_LINE, "other.env": "DING_URL=https://api.ding.live/v1\n"})
    report = json.loads(run_cli(["--format", "json", "--today", "2026-05-01"], tmp_path).stdout)
    assert [(f["path"], f["line"], f["column"]) for f in report["findings"]] == [
        ("other.env", 1, 10), ("src/app.py", 1, 8)]
    report = json.loads(run_cli([".", "src", "./src/app.py", "--format", "json", "--today", "2026-05-01"],
                                tmp_path).stdout)
    assert [(f["path"], f["line"], f["column"]) for f in report["findings"]] == [
        ("other.env", 1, 10), ("src/app.py", 1, 8)]
    assert report["summary"]["files_scanned"] == 2
