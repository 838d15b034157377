"""``[tool.prelude-migrate]`` loading: discovery, validation, merging, fail-on."""
from __future__ import annotations

import sys
import textwrap
import types

import pytest

from migrate.config import Config, ConfigError, load_config, should_fail
from report_helpers import finding


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_defaults_without_any_pyproject(tmp_path):
    (tmp_path / ".git").mkdir()
    config = load_config(tmp_path)
    assert config == Config()
    assert (config.fail_on, config.format, config.baseline, config.source) == ("error", "text", None, None)


def test_reads_every_key(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "app"
        [tool.prelude-migrate]
        exclude = ["vendor/"]
        extend-exclude = ["fixtures/**/*.json"]
        select = ["PM1", "PM201"]
        ignore = ["PM105"]
        fail-on = "warning"
        format = "sarif"
        baseline = "ci/prelude-baseline.json"
    """)
    config = load_config(tmp_path)
    assert config.exclude == ("vendor/",) and config.extend_exclude == ("fixtures/**/*.json",)
    assert config.select == ("PM1", "PM201") and config.ignore == ("PM105",)
    assert (config.fail_on, config.format) == ("warning", "sarif")
    assert config.baseline == str(tmp_path / "ci" / "prelude-baseline.json")
    assert config.source == str(tmp_path / "pyproject.toml")


def test_nearest_pyproject_with_the_table_wins(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.prelude-migrate]\nfail-on = "info"\n')
    write(tmp_path / "services" / "api" / "pyproject.toml", '[tool.prelude-migrate]\nfail-on = "warning"\n')
    write(tmp_path / "services" / "web" / "pyproject.toml", '[project]\nname = "web"\n')  # no table
    (tmp_path / "services" / "api" / "pkg").mkdir()
    assert load_config(tmp_path / "services" / "api" / "pkg").fail_on == "warning"
    assert load_config(tmp_path / "services" / "web").fail_on == "info"


def test_search_stops_at_the_repository_root(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.prelude-migrate]\nfail-on = "info"\n')
    repo = tmp_path / "checkout"
    (repo / ".git").mkdir(parents=True)
    (repo / "src").mkdir()
    assert load_config(repo / "src") == Config()
    write(repo / "pyproject.toml", '[tool.prelude-migrate]\nformat = "json"\n')
    assert load_config(repo / "src").format == "json"


def test_explicit_path_and_standalone_file(tmp_path):
    standalone = write(tmp_path / "prelude-migrate.toml", 'fail-on = "never"\nignore = "PM3"\n')
    config = load_config(path=standalone)
    assert config.fail_on == "never" and config.ignore == ("PM3",)
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(path=tmp_path / "missing.toml")
    bare = write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.prelude-migrate\] table"):
        load_config(path=bare)


def test_unknown_key_names_file_key_and_allowed_keys(tmp_path):
    pyproject = write(tmp_path / "pyproject.toml", '[tool.prelude-migrate]\nfail_on = "error"\n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert str(pyproject) in message and "'fail_on'" in message
    assert "did you mean 'fail-on'" in message and "allowed keys: exclude, extend-exclude" in message


@pytest.mark.parametrize("line, fragment", [
    ('fail-on = "critical"', "fail-on = 'critical' is not allowed; use one of: info, warning, error, never"),
    ('format = "xml"', "format = 'xml' is not allowed; use one of: text, json, sarif, github, junit, html"),
    ("exclude = [1, 2]", "exclude must be a list of non-empty strings"),
    ("select = [\"\"]", "select must be a list of non-empty strings"),
    ("baseline = 3", "baseline must be a file path string"),
])
def test_bad_values_are_clear_errors(tmp_path, line, fragment):
    pyproject = write(tmp_path / "pyproject.toml", f"[tool.prelude-migrate]\n{line}\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert fragment in str(info.value) and str(pyproject) in str(info.value)


def test_invalid_toml_names_the_file(tmp_path):
    pyproject = write(tmp_path / "pyproject.toml", "[tool.prelude-migrate\nfail-on = \n")
    with pytest.raises(ConfigError, match="invalid TOML") as info:
        load_config(tmp_path)
    assert str(pyproject) in str(info.value)


def test_tomli_is_used_before_python_3_11(tmp_path, monkeypatch):
    import tomllib

    calls = []

    def loads(text):
        calls.append(text)
        return tomllib.loads(text)

    fake_tomli = types.ModuleType("tomli")
    fake_tomli.loads = loads
    monkeypatch.setitem(sys.modules, "tomli", fake_tomli)
    monkeypatch.setattr(sys, "version_info", (3, 10, 14, "final", 0))
    write(tmp_path / "pyproject.toml", '[tool.prelude-migrate]\nfail-on = "warning"\n')
    assert load_config(tmp_path).fail_on == "warning"
    assert calls and "fail-on" in calls[0]


def test_command_line_values_win_over_the_file(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.prelude-migrate]\nfail-on = "info"\nformat = "json"\n')
    merged = load_config(tmp_path).merged(fail_on="warning", format=None)
    assert (merged.fail_on, merged.format) == ("warning", "json")


def test_rule_selection_by_prefix():
    config = Config(select=("PM1",), ignore=("PM105",))
    assert config.rule_enabled("PM101") and not config.rule_enabled("PM105")
    assert not config.rule_enabled("PM201")
    assert Config().rule_enabled("PM999")
    with pytest.raises(ConfigError, match="no rule matches 'PM9'"):
        Config(select=("PM9",)).check_rules(["PM101", "PM201"])
    Config(select=("PM1",)).check_rules(["PM101"])  # a matching prefix is fine


def test_exclude_spec_matches_both_lists():
    spec = Config(exclude=("vendor/",), extend_exclude=("*.min.js",)).exclude_spec()
    assert spec.match_file("vendor/lib.py") and spec.match_file("web/app.min.js")
    assert not spec.match_file("src/app.py")


def test_should_fail_respects_the_threshold():
    warning = finding(severity="warning")
    assert should_fail([warning], "warning") and should_fail([warning], "info")
    assert not should_fail([warning], "error") and not should_fail([warning], "never")
    assert not should_fail([], "info")
