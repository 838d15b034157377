"""The version is written once, in pyproject.toml; the packages and the CLI read it."""
import sys

from click.testing import CliRunner

import compat
import migrate
from migrate.cli import cli
from paths import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_version_is_the_pyproject_one():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert compat.__version__ == migrate.__version__ == declared
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and declared in result.output
