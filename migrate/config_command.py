"""``prelude-migrate config --show [PATH]``: the settings a scan of PATH would use, and where
each came from (the configuration file, the command line, or the default), printed as TOML."""
from __future__ import annotations

import json

import click

from migrate.errors import CliError


def _toml_value(value) -> str:
    """A TOML literal for the values a configuration holds (strings, lists, tables of lists)."""
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):  # per-file-ignores
        pairs = ", ".join(f"{json.dumps(glob)} = {_toml_value(ids)}" for glob, ids in value)
        return "{ " + pairs + " }" if pairs else "{}"
    return "[" + ", ".join(json.dumps(v) for v in value) + "]"


def show_text(config, start: str) -> str:
    from migrate.config import KEYS

    width = max(len(key) for key in KEYS)
    lines = [f"# prelude-migrate configuration for {start}",
             f"# file: {config.source or 'none found (defaults)'}"]
    for key, value, origin in config.settings():
        if value is None:  # no baseline: nothing a TOML file could say
            lines.append(f"# {key.ljust(width - 2)} = (none)  # from: {origin}")
            continue
        literal = ("{}" if key == "per-file-ignores" and not value else _toml_value(value))
        lines.append(f"{key.ljust(width)} = {literal}  # from: {origin}")
    return "\n".join(lines) + "\n"


@click.command("config", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("path", required=False, default=".", type=click.Path())
@click.option("--show", is_flag=True, help="Print the effective settings (the default action).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Read this TOML file instead of the nearest configuration.")
@click.option("--select", multiple=True, metavar="RULES", help="As `scan --select`.")
@click.option("--ignore", multiple=True, metavar="RULES", help="As `scan --ignore`.")
@click.option("--fail-on", default=None, help="As `scan --fail-on`.")
@click.option("--format", "fmt", default=None, help="As `scan --format`.")
def config(path, show, config_path, select, ignore, fail_on, fmt):
    """Show the configuration a scan of PATH (default: .) uses: each setting, its value and
    where it came from. Search order in each folder from PATH up to the repository root:
    .prelude-migrate.toml, prelude-migrate.toml, pyproject.toml [tool.prelude-migrate]."""
    import os

    from migrate.config import (FAIL_ON_CHOICES, FORMAT_CHOICES, ConfigError, load_config, split_rules,
                                start_folder)
    from migrate.scan.rules import ALL_RULES

    if not os.path.exists(path):
        raise CliError(f"{path}: no such file or directory")
    for name, value, allowed in (("--fail-on", fail_on, FAIL_ON_CHOICES), ("--format", fmt, FORMAT_CHOICES)):
        if value is not None and value not in allowed:
            raise CliError(f"{name} {value!r} is not allowed; use one of: {', '.join(allowed)}")
    try:
        loaded = load_config(start_dir=start_folder([path]), path=config_path)
        merged = loaded.merged(select=split_rules(select) or None, ignore=split_rules(ignore) or None,
                               fail_on=fail_on, format=fmt)
        merged.check_rules(ALL_RULES)
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    click.echo(show_text(merged, os.path.abspath(path)), nl=False)
