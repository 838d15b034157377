"""One error style for every command: `prelude-migrate <command>: error: <what>` on stderr,
exit 2, nothing written; and every item of issue 14's inconsistency list."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from migrate.cli import cli
from paths import ROOT

V1_LINE = "BASE = 'https://api.ding.live/v1'\n"
LEGACY = 'URL = "https://api.ding.live/v2/transactional"\n'


def run(args, cwd=None, monkeypatch=None):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "app.py").write_text(V1_LINE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_error(result, command, needle):
    assert result.exit_code == 2, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"prelude-migrate {command}: error: "), result.stderr
    assert needle in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Usage:" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["scan", "rewrite"])
def test_a_missing_path_reads_the_same_in_scan_and_rewrite(repo, command):
    result = run([command, "/nonexistent"])
    assert_error(result, command, "/nonexistent: no such file or directory")
    assert result.stderr.splitlines()[0] == \
        f"prelude-migrate {command}: error: /nonexistent: no such file or directory"


@pytest.mark.parametrize("args,command,needle", [
    (["scan", "--format", "xml", "."], "scan", "Invalid value for '--format'"),
    (["scan", "--no-such-option"], "scan", "No such option '--no-such-option'"),
    (["rewrite", "--only", "nope", "."], "rewrite", "unknown codemod 'nope'"),
    (["rule", "nope"], "rule", "unknown rule 'nope'; known rules: PM101 (v1-host)"),
    (["config", "--fail-on", "sometimes"], "config", "--fail-on 'sometimes' is not allowed"),
])
def test_every_command_uses_the_one_style(repo, args, command, needle):
    assert_error(run(args), command, needle)


def test_usage_errors_name_help_on_a_second_line(repo):
    result = run(["scan", "--jobs", "0", "."])
    assert_error(result, "scan", "Invalid value for '--jobs'")
    assert result.stderr.splitlines()[1] == "prelude-migrate scan: run 'prelude-migrate scan --help' for the options"


def test_an_impossible_date_is_called_that(repo):
    result = run(["scan", "--today", "2026-02-30", "."])
    assert_error(result, "scan", "'2026-02-30' is not a valid date (day is out of range for month)")
    assert "YYYY-MM-DD form" not in result.stderr
    assert_error(run(["scan", "--today", "May 1st", "."]), "scan", "not a date in YYYY-MM-DD form")


def test_an_unknown_selection_lists_ids_with_names(repo):
    result = run(["scan", "--select", "nope", "."])
    assert_error(result, "scan", "no rule matches 'NOPE'")
    assert "PM101 (v1-host), PM102 (legacy-v2-host)" in result.stderr


def test_a_selection_that_leaves_no_rule_is_an_error(repo):
    result = run(["scan", "--select", "PM1", "--ignore", "PM1", "."])
    assert_error(result, "scan", "no rule left to run")
    (repo / "pyproject.toml").write_text('[tool.prelude-migrate]\nignore = ["PM"]\n')
    assert_error(run(["scan", "."]), "scan", "no rule left to run")


def test_diff_and_check_together_are_rejected(repo):
    (repo / "legacy.py").write_text(LEGACY)
    result = run(["rewrite", "--diff", "--check", "."])
    assert_error(result, "rewrite", "--diff and --check cannot be combined")
    assert (repo / "legacy.py").read_text() == LEGACY


def test_write_baseline_creates_missing_folders_like_output(repo):
    result = run(["scan", "--write-baseline", "ci/new/baseline.json", "."])
    assert result.exit_code == 0, result.stderr
    assert (repo / "ci" / "new" / "baseline.json").is_file()
    assert run(["scan", "--baseline", "ci/new/baseline.json", "."]).exit_code == 0


def test_rewrite_shows_paths_as_required_and_lists_codemods_without_them(repo):
    help_text = run(["rewrite", "--help"]).stdout
    usage = help_text.splitlines()[0]
    assert "PATHS..." in usage and "[PATHS]" not in usage
    assert_error(run(["rewrite"]), "rewrite", "Missing argument 'PATHS...'")
    listed = run(["rewrite", "--list-codemods"])
    assert listed.exit_code == 0 and "hosts\t" in listed.stdout


def test_baseline_file_name_is_the_same_everywhere():
    docs = {name: (ROOT / name).read_text() for name in ("README.md", "docs/ci.md", "docs/scan.md")}
    for name, text in docs.items():
        assert ".prelude-baseline.json" not in text, name
    assert all(".prelude-migrate-baseline.json" in text for text in docs.values())


def test_readme_compat_snippet_imports_what_it_uses():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Keep v1 code running today", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    assert "from ding import Ding" in block and "import compat" in block


def test_internal_errors_use_the_style_too(repo, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("migrate.scan.scan", broken)
    result = run(["scan", "."])
    assert result.exit_code == 2
    assert "prelude-migrate scan: error: internal error: RuntimeError: boom" in result.stderr


def test_finalizers_of_objects_in_cycles_run_at_exit(tmp_path):
    """Nothing alive at the CLI's exit is kept from the interpreter's last collections."""
    import subprocess
    import sys as _sys

    marker = tmp_path / "finalized"
    program = (
        "import sys\n"
        "from migrate import cli\n"
        "class Flushes:\n"
        "    def __del__(self, open=open):\n"
        "        open(self.path, 'w').write('ran')\n"
        "cycle = Flushes(); cycle.path = sys.argv.pop(); cycle.me = cycle\n"
        "del cycle\n"
        "import gc; gc.disable()\n"  # (still garbage when main() ends)
        "cli.main()\n"
    )
    done = subprocess.run([_sys.executable, "-c", program, "--help", str(marker)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert marker.read_text() == "ran"
