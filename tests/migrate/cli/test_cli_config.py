"""Config discovery (standalone files, nearest wins), --config on scan and rewrite,
per-file-ignores, and `prelude-migrate config --show`."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from migrate.cli import cli

V1_LINE = "BASE = 'https://api.ding.live/v1'\n"
LEGACY = 'URL = "https://api.ding.live/v2/transactional"\n'


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def findings(*args):
    result = run("scan", "--format", "json", "--today", "2026-05-01", *args)
    assert result.exit_code in (0, 1), result.stderr
    return sorted((f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"])


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    for rel in ("go/otp.go", "legacy/old.go", "tests/fixtures/f.go"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text('const u = "https://api.ding.live/v1/check"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", ["prelude-migrate.toml", ".prelude-migrate.toml"])
def test_a_standalone_file_is_found_without_pyproject(repo, name):
    (repo / name).write_text('exclude = ["legacy/"]\n')
    assert findings(".") == [("go/otp.go", "PM101"), ("tests/fixtures/f.go", "PM101")]


def test_nearest_to_the_scanned_path_wins_and_dotfile_first(repo):
    (repo / "prelude-migrate.toml").write_text('exclude = ["legacy/"]\n')
    (repo / "go" / "pyproject.toml").write_text('[tool.prelude-migrate]\nfail-on = "never"\n')
    assert run("scan", "go").exit_code == 0  # go/pyproject.toml is nearer
    assert run("scan", ".").exit_code == 1
    (repo / ".prelude-migrate.toml").write_text('fail-on = "never"\n')
    assert run("scan", ".").exit_code == 0  # .prelude-migrate.toml before prelude-migrate.toml


def test_standalone_file_with_a_tool_table_gets_a_hint(repo):
    (repo / "prelude-migrate.toml").write_text('[tool.prelude-migrate]\nfail-on = "never"\n')
    result = run("scan", ".")
    assert result.exit_code == 2
    assert "keys stand at the top level, without [tool.prelude-migrate]" in result.stderr


def test_per_file_ignores_with_globs_ids_prefixes_and_names(repo):
    (repo / "prelude-migrate.toml").write_text(
        'per-file-ignores = { "legacy/**" = ["PM1"], "tests/fixtures/*.go" = ["v1-host"] }\n')
    assert findings(".") == [("go/otp.go", "PM101")]
    text = run("scan", "--today", "2026-05-01", ".").stdout
    assert "Not shown: 2 by per-file-ignores." in text
    # globs are relative to the config file, whatever folder the scan runs from
    assert findings("legacy", "tests") == []


def test_per_file_ignores_typo_names_the_key(repo):
    (repo / "prelude-migrate.toml").write_text('per-file-ignores = { "legacy/**" = ["PM999"] }\n')
    result = run("scan", ".")
    assert result.exit_code == 2 and "per-file-ignores: no rule matches 'PM999'" in result.stderr
    (repo / "prelude-migrate.toml").write_text('per-file-ignores = ["legacy/**"]\n')
    result = run("scan", ".")
    assert result.exit_code == 2 and "per-file-ignores must be a table" in result.stderr


def test_rewrite_takes_config(repo):
    (repo / "a.py").write_text(LEGACY)
    (repo / "keep").mkdir()
    (repo / "keep" / "b.py").write_text(LEGACY)
    (repo / "ci.toml").write_text('exclude = ["keep/"]\n')
    result = run("rewrite", "--config", "ci.toml", ".")
    assert result.exit_code == 0, result.stderr
    assert (repo / "keep" / "b.py").read_text() == LEGACY
    assert "api.prelude.dev" in (repo / "a.py").read_text()
    missing = run("rewrite", "--config", "nope.toml", ".")
    assert missing.exit_code == 2 and "nope.toml: configuration file not found" in missing.stderr


def test_config_show_prints_values_and_origins(repo):
    (repo / "prelude-migrate.toml").write_text(
        'fail-on = "warning"\nper-file-ignores = { "legacy/**" = ["PM1"] }\n')
    result = run("config", "--show", "go", "--ignore", "PM203")
    assert result.exit_code == 0, result.stderr
    lines = {line.split("=")[0].strip(): line for line in result.stdout.splitlines()
             if not line.startswith("#")}
    source = str(repo / "prelude-migrate.toml")
    assert lines["fail-on"].endswith(f'"warning"  # from: {source}')
    assert lines["per-file-ignores"].startswith('per-file-ignores = { "legacy/**" = ["PM1"] }')
    assert lines["ignore"].endswith('["PM203"]  # from: command line')
    assert lines["format"].endswith('"text"  # from: default')
    assert f"# file: {source}" in result.stdout


def test_config_show_output_is_a_valid_configuration(repo):
    from migrate.config import _toml_loads, validate_document

    (repo / "pyproject.toml").write_text(
        '[tool.prelude-migrate]\nexclude = ["legacy/"]\nbaseline = "b.json"\n'
        'per-file-ignores = { "tests/**" = ["v1-host"] }\n')
    shown = run("config", "--show").stdout
    config = validate_document(_toml_loads(shown))
    assert config.exclude == ("legacy/",) and config.per_file_ignores == (("tests/**", ("PM101",)),)
    assert config.baseline.endswith("b.json")


def test_config_show_without_any_file(repo):
    result = run("config")
    assert result.exit_code == 0
    assert "# file: none found (defaults)" in result.stdout
    assert all(line.startswith("#") or line.endswith("# from: default")
               for line in result.stdout.splitlines())
