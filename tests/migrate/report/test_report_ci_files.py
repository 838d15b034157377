"""The shipped CI integrations: .pre-commit-hooks.yaml and the composite action.yml."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import click
import pytest
import yaml

from migrate.cli import cli
from paths import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
STEPS = {step["name"]: step for step in ACTION["runs"]["steps"]}


def command(name):
    return cli.get_command(click.Context(cli), name)


def option_names(cmd):
    return {opt for param in cmd.params for opt in param.opts + param.secondary_opts}


# --- pre-commit ------------------------------------------------------------------------------------

def test_hooks_manifest_has_scan_and_rewrite():
    assert [hook["id"] for hook in HOOKS] == ["prelude-migrate-scan", "prelude-migrate-rewrite"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert {"id", "name", "entry", "language"} <= set(hook)
    by_id = {hook["id"]: hook for hook in HOOKS}
    assert by_id["prelude-migrate-scan"]["types"] == ["text"]
    assert by_id["prelude-migrate-rewrite"]["types"] == ["python"]


@pytest.mark.parametrize("hook_id", ["prelude-migrate-scan", "prelude-migrate-rewrite"])
def test_hook_entries_are_real_commands_taking_filenames(hook_id):
    if hook_id == "prelude-migrate-scan":
        pytest.importorskip("migrate.scan.command")
    hook = next(h for h in HOOKS if h["id"] == hook_id)
    program, subcommand = hook["entry"].split()
    assert program == "prelude-migrate"
    cmd = command(subcommand)
    assert cmd is not None
    # pre-commit appends the staged file names: the command needs a variadic path argument.
    variadic = [p for p in cmd.params if isinstance(p, click.Argument) and p.nargs == -1]
    assert variadic, f"{subcommand} cannot take file names"
    assert hook.get("pass_filenames", True) is True


# --- GitHub Action -------------------------------------------------------------------------------

def test_action_is_composite_with_the_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "baseline", "version", "args", "config", "working-directory",
            "python-version"} <= set(ACTION["inputs"])
    assert ACTION["inputs"]["fail-on"]["default"] == "error"
    uses = [step.get("uses", "") for step in ACTION["runs"]["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell
            assert "${{ inputs." not in step["run"]  # inputs go through env (no script injection)


def test_action_installs_from_its_own_path_unless_a_version_is_given():
    script = STEPS["Install prelude-migrate"]["run"]
    assert '"$GITHUB_ACTION_PATH"' in script and '"prelude-migrate==$PM_VERSION"' in script


def test_action_leaves_the_callers_python_alone():
    setup = STEPS["Set up Python"]
    assert setup["with"]["update-environment"] is False  # no PATH / pythonLocation changes
    install = STEPS["Install prelude-migrate"]["run"]
    assert "GITHUB_ENV" not in install and "GITHUB_PATH" not in install
    assert "-m venv" in install and "steps.python.outputs.python-path" in str(
        STEPS["Install prelude-migrate"]["env"])


def test_action_scan_uses_options_the_scan_command_has():
    pytest.importorskip("migrate.scan.command")
    script = STEPS["Scan"]["run"]
    used = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", script))
    assert {"--format", "--sarif-output", "--fail-on", "--baseline", "--config"} <= used
    missing = used - option_names(command("scan"))
    assert not missing, f"action.yml passes options the scan command lacks: {missing}"


def run_step(name, env, cwd):
    """Run one of the action's bash steps the way the runner would (inputs as env variables)."""
    return subprocess.run(["bash", "-e", "-c", STEPS[name]["run"]], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def step_env(tmp_path, **inputs):
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(os.sys.executable).parent), env.get("PATH", "")])
    env["GITHUB_OUTPUT"] = str(tmp_path / "github_output")
    env["GITHUB_STEP_SUMMARY"] = str(tmp_path / "step_summary.md")
    env.update(inputs)
    return env


def outputs(tmp_path):
    lines = (tmp_path / "github_output").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines)


def test_action_scan_and_fail_steps_run_end_to_end(tmp_path):
    pytest.importorskip("migrate.scan.command")
    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    (repo / "src" / "client.js").write_text('fetch("https://api.ding.live/v1/authentication")\n')
    (repo / "clean.py").write_text("print('v2 only')\n")
    env = step_env(tmp_path, PM_PATHS="src clean.py", PM_FAIL_ON="error", PM_BASELINE="",
                   PM_SARIF="out.sarif")
    result = run_step("Scan", env, repo)
    assert result.returncode == 0, result.stderr  # the step itself never fails: the last step does
    assert outputs(tmp_path) == {"sarif-file": "out.sarif", "exit-code": "1", "sarif-written": "true"}
    sarif = json.loads((repo / "out.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"] == "src/client.js"
    summary = (tmp_path / "step_summary.md").read_text()
    assert "at or above `error`" in summary
    # A real job summary: the findings table of the github format, not only a verdict line.
    assert "| Severity | Rule | Location | Message |" in summary and "src/client.js:1:" in summary
    assert "::error file=src/client.js,line=1" in result.stdout  # annotations in the log

    fail = run_step("Fail on findings", dict(env, PM_RC="1"), repo)
    assert fail.returncode == 1 and "::error title=prelude-migrate::" in fail.stdout
    assert run_step("Fail on findings", dict(env, PM_RC="0"), repo).returncode == 0
    assert run_step("Fail on findings", dict(env, PM_RC="2"), repo).returncode == 2


def test_action_scan_step_reports_a_clean_tree(tmp_path):
    pytest.importorskip("migrate.scan.command")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "app.py").write_text("BASE = 'https://api.prelude.dev/v2'\n")
    env = step_env(tmp_path, PM_PATHS=".", PM_FAIL_ON="error", PM_BASELINE="", PM_SARIF="",
                   RUNNER_TEMP=str(tmp_path))
    assert run_step("Scan", env, repo).returncode == 0
    assert outputs(tmp_path)["exit-code"] == "0"
    # By default the report lands outside the checkout, so re-scanning never reads it.
    assert outputs(tmp_path)["sarif-file"] == str(tmp_path / "prelude-migrate.sarif")
    assert json.loads((tmp_path / "prelude-migrate.sarif").read_text())["runs"][0]["results"] == []
    assert list(repo.iterdir()) == [repo / "app.py"]


def test_ci_doc_covers_every_format_config_key_and_hook():
    from migrate.config import KEYS
    from migrate.report import FORMATS

    doc = (ROOT / "docs" / "ci.md").read_text()
    for fmt in FORMATS:
        assert f"| `{fmt}` |" in doc, fmt
    for key in KEYS:
        assert f"\n{key} = " in doc, key
    for hook in HOOKS:
        assert f"id: {hook['id']}" in doc
    for name in ACTION["inputs"]:
        assert f"{name}:" in doc, name


def test_action_working_directory_config_and_args(tmp_path):
    pytest.importorskip("migrate.scan.command")
    repo = tmp_path / "repo"
    service = repo / "services" / "otp"
    (service / "src").mkdir(parents=True)
    (service / "src" / "client.js").write_text('fetch("https://api.ding.live/v1/authentication")\n')
    (service / "docs.md").write_text("See https://docs.ding.live/api/send\n")
    (service / "ci.toml").write_text('fail-on = "info"\n')
    (repo / "elsewhere.js").write_text('fetch("https://api.ding.live/v1/check")\n')
    env = step_env(tmp_path, PM_PATHS=".", PM_WORKDIR="services/otp", PM_CONFIG="ci.toml",
                   PM_ARGS="--ignore PM203 --html-output 'report dir/scan.html'", PM_FAIL_ON="error",
                   PM_BASELINE="", PM_SARIF="out.sarif")
    result = run_step("Scan", env, repo)
    assert result.returncode == 0, result.stderr
    assert outputs(tmp_path)["exit-code"] == "1"
    sarif = json.loads((repo / "out.sarif").read_text())
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]}
    assert uris == {"services/otp/src/client.js"}  # relative to the checkout; PM203 ignored
    assert (repo / "report dir" / "scan.html").is_file()  # a quoted argument stayed one


def test_action_install_step_builds_an_isolated_environment(tmp_path):
    """The real install step, from this checkout (as `uses:` does): a venv of its own, and the
    installed copy (not editable) carries the docs, so `rule` and `--docs-path` work."""
    env = step_env(tmp_path, PM_VERSION="", PM_SETUP_PYTHON=os.sys.executable,
                   GITHUB_ACTION_PATH=str(ROOT), RUNNER_TEMP=str(tmp_path))
    result = run_step("Install prelude-migrate", env, tmp_path)
    if result.returncode != 0 and "No matching distribution" in result.stderr:
        pytest.skip("no package index reachable to install the dependencies")
    assert result.returncode == 0, result.stderr[-2000:]
    installed = outputs(tmp_path)
    assert installed["bin"].startswith(str(tmp_path / "prelude-migrate-venv"))
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    rule = subprocess.run([installed["bin"], "rule", "PM101"], capture_output=True, text=True,
                          cwd=tmp_path, env=clean, timeout=120)
    assert rule.returncode == 0 and "Why it matters" in rule.stdout and "Suppress" in rule.stdout
    docs = subprocess.run([installed["bin"], "rule", "--docs-path"], capture_output=True,
                          text=True, cwd=tmp_path, env=clean, timeout=120)
    assert docs.returncode == 0, docs.stderr
    folder = Path(docs.stdout.strip())
    assert str(folder).startswith(str(tmp_path)) and folder.name == "docs"
    assert (folder / "scan.md").read_text() == (ROOT / "docs" / "scan.md").read_text()
    assert (folder / "ci.md").is_file()
