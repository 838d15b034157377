"""Which files the scan reads: .gitignore, dotfiles, binary, huge and unreadable files, Python
that libcst cannot parse, and the same result whatever the number of worker processes."""
from __future__ import annotations

import json
import os

import migrate.scan.engine as engine
import migrate.scan.pool as pool
from migrate.scan import scan
from scan_helpers import AFTER_REMOVAL, positions, run_cli, scan_tree, write_tree

V1_LINE = "DING_URL=https://api.ding.live/v1\n"


def test_gitignore_is_respected_unless_no_gitignore(tmp_path):
    (tmp_path / ".git").mkdir()
    write_tree(tmp_path, {".gitignore": "build/\n*.log\n", "build/out.js": V1_LINE,
                          "debug.log": V1_LINE, "src/app.env": V1_LINE})
    result = run_cli([".", "--format", "json"], tmp_path)
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["src/app.env"]
    result = run_cli([".", "--format", "json", "--no-gitignore"], tmp_path)
    assert sorted(f["path"] for f in json.loads(result.stdout)["findings"]) == [
        "build/out.js", "debug.log", "src/app.env"]


def test_dotfiles_such_as_env_example_are_scanned(tmp_path):
    write_tree(tmp_path, {".env.example": V1_LINE, ".github/workflows/ci.yml": "url: " + V1_LINE})
    findings, _ = scan_tree(tmp_path)
    assert [(f.path, f.line, f.column) for f in findings] == [
        (".env.example", 1, 10), (".github/workflows/ci.yml", 1, 15)]


def test_exclude_globs_from_config_and_command_line(tmp_path):
    write_tree(tmp_path, {"vendor/lib.js": V1_LINE, "gen/a.ts": V1_LINE, "src/a.ts": V1_LINE})
    findings, _ = scan_tree(tmp_path, exclude=("vendor/",), extend_exclude=("gen/*.ts",))
    assert [f.path for f in findings] == ["src/a.ts"]
    result = run_cli([".", "--format", "json", "--exclude", "src/", "--extend-exclude", "gen/"], tmp_path)
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["vendor/lib.js"]


def test_files_named_one_by_one_obey_the_excludes_too(tmp_path):
    """pre-commit passes staged files by name: the config's excludes must still apply."""
    (tmp_path / ".git").mkdir()
    write_tree(tmp_path, {"pyproject.toml": '[tool.prelude-migrate]\nexclude = ["fixtures/"]\n',
                          "fixtures/v1.env": V1_LINE, "src/app.env": V1_LINE})
    result = run_cli(["fixtures/v1.env", "src/app.env", "--format", "json"], tmp_path)
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["findings"]] == ["src/app.env"]
    assert report["summary"]["files_scanned"] == 1


def test_binary_and_huge_files_are_skipped_with_counts(tmp_path):
    write_tree(tmp_path, {"logo.png": b"\x89PNG\0\0api.ding.live/v1", "big.txt": "x" * 5000 + V1_LINE,
                          "small.txt": V1_LINE})
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        findings, summary = scan(["."], today=AFTER_REMOVAL, jobs=1, max_bytes=4096)
    finally:
        os.chdir(previous)
    assert [f.path for f in findings] == ["small.txt"]
    assert (summary.files_scanned, summary.files_skipped_binary, summary.files_skipped_large) == (1, 1, 1)


def test_unreadable_file_is_reported_and_the_scan_goes_on(tmp_path, monkeypatch):
    """Root reads anything, so unreadability is simulated: a file removed after the walk found it."""
    write_tree(tmp_path, {"a.txt": V1_LINE, "gone.txt": V1_LINE, "z.txt": V1_LINE})
    real_walk = engine.iter_file_paths

    def walk_then_delete(*args, **kwargs):
        for path in real_walk(*args, **kwargs):
            if path.endswith("gone.txt"):
                os.unlink(path)
            yield path

    monkeypatch.setattr(engine, "iter_file_paths", walk_then_delete)
    result = run_cli([".", "--format", "json", "--jobs", "1"], tmp_path)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["findings"]] == ["a.txt", "z.txt"]
    assert report["summary"]["files_unreadable"] == [{"path": "gone.txt", "reason": "No such file or directory"}]


def test_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    write_tree(tmp_path, {"locked/a.txt": V1_LINE, "open/b.txt": V1_LINE})
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_cli([".", "--format", "json", "--jobs", "1"], tmp_path)
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["findings"]] == ["open/b.txt"]
    assert report["summary"]["files_unreadable"] == [{"path": "locked/", "reason": "Permission denied"}]


def test_non_utf8_text_is_still_scanned(tmp_path):
    write_tree(tmp_path, {"legacy.php": "// caf\xe9\n$u = 'https://api.ding.live/v1';\n".encode("latin-1")})
    findings, _ = scan_tree(tmp_path)
    assert positions(findings) == [(2, 7)]


def test_python_that_libcst_cannot_parse_still_gets_the_text_rules(tmp_path):
    write_tree(tmp_path, {"old.py": "print 'hi'\nURL = 'https://api.ding.live/v1'\n"})
    findings, summary = scan_tree(tmp_path)
    assert [(f.rule, f.line, f.column) for f in findings] == [("PM101", 2, 8)]
    assert [path for path, _ in summary.files_parse_failed] == ["old.py"]
    result = run_cli([".", "--format", "json"], tmp_path)
    assert json.loads(result.stdout)["findings"][0]["path"] == "old.py"
    assert "1 Python file(s) could not be parsed" in result.stderr and "  old.py: " in result.stderr


def test_parallel_scan_gives_the_same_findings_in_the_same_order(tmp_path):
    files = {f"pkg{i % 7}/mod{i:04d}.{'py' if i % 2 else 'env'}": ("x = 1\n" * (i % 5))
             + (V1_LINE if i % 3 == 0 else "y = 2\n") for i in range(700)}
    write_tree(tmp_path, files)
    serial, serial_summary = scan_tree(tmp_path, jobs=1)
    parallel, parallel_summary = scan_tree(tmp_path, jobs=2)
    assert len(serial) == len([name for name, text in files.items() if V1_LINE in text])
    assert parallel == serial
    assert parallel_summary.files_scanned == serial_summary.files_scanned == len(files)


def test_nested_gitignore_git_info_exclude_and_virtual_envs(tmp_path):
    write_tree(tmp_path, {
        ".git/info/exclude": "local.env\n",
        "local.env": V1_LINE,
        "svc/.gitignore": "secrets/\n",
        "svc/secrets/prod.env": V1_LINE,
        "svc/app.env": V1_LINE,
        "env/pyvenv.cfg": "home = /usr/bin\n",
        "env/lib/ding.env": V1_LINE,  # a virtual env is never walked
        "other/ding.env": V1_LINE,
    })
    findings, summary = scan_tree(tmp_path)
    assert [(f.path, f.line, f.column) for f in findings] == [("other/ding.env", 1, 10), ("svc/app.env", 1, 10)]
    assert summary.files_scanned == 3  # .git/info/exclude is not walked; svc/.gitignore is a file
