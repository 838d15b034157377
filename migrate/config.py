"""``[tool.prelude-migrate]`` in ``pyproject.toml``: what to scan, which rules, when to fail.

The nearest ``pyproject.toml`` from the start folder upward that has a ``[tool.prelude-migrate]``
table is used (a sub-package's pyproject without one does not hide the repository's); the search
stops at the folder holding ``.git``. A file given explicitly is read as it is: a
``pyproject.toml`` through its ``[tool.prelude-migrate]`` table, any other TOML file
(e.g. ``prelude-migrate.toml``) through its top-level keys. Values given on the command line win
(``Config.merged``).
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence, Tuple

from migrate.findings import SEVERITIES, Finding, severity_rank
from migrate.report import FORMATS as FORMAT_CHOICES  # the reporters' formats, one list

TABLE = "prelude-migrate"
FAIL_ON_CHOICES = SEVERITIES + ("never",)  # "never": report only, exit 0 whatever is found
KEYS = ("exclude", "extend-exclude", "select", "ignore", "fail-on", "format", "baseline")


class ConfigError(ValueError):
    """Bad configuration; the message names the file, the key and what is allowed."""


@dataclass(frozen=True)
class Config:
    exclude: Tuple[str, ...] = ()  # gitignore-style globs, relative to each scanned folder
    extend_exclude: Tuple[str, ...] = ()  # added to `exclude` (handy in a shared base config)
    select: Tuple[str, ...] = ()  # rule ids or prefixes to run; empty = all rules
    ignore: Tuple[str, ...] = ()  # rule ids or prefixes to skip (wins over select)
    fail_on: str = "error"
    format: str = "text"
    baseline: Optional[str] = None  # resolved against the config file's folder
    source: Optional[str] = None  # the file the values came from

    def merged(self, **overrides) -> "Config":
        """This config with the given values replaced; ``None`` means "not given", keep ours."""
        return dataclasses.replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def exclude_patterns(self) -> Tuple[str, ...]:
        return self.exclude + self.extend_exclude

    def exclude_spec(self):
        """The exclude globs as a ``pathspec.PathSpec`` for ``migrate.files.iter_files``."""
        import pathspec  # only the scan needs it

        import re

        for pattern in self.exclude_patterns():  # name the bad glob, not a regex internal
            try:
                pathspec.GitIgnoreSpec.from_lines([pattern])
            except (re.error, ValueError, TypeError) as exc:
                raise ConfigError(f"exclude: {pattern!r} is not a valid glob ({exc})") from None
        return pathspec.GitIgnoreSpec.from_lines(self.exclude_patterns())

    def rule_enabled(self, rule_id: str) -> bool:
        """Selected (or no selection) and not ignored; entries match as prefixes ("PM1")."""
        if any(rule_id.startswith(prefix) for prefix in self.ignore):
            return False
        return not self.select or any(rule_id.startswith(prefix) for prefix in self.select)

    def check_rules(self, known_ids: Iterable[str]) -> None:
        """Raise ConfigError for a select/ignore entry that matches no known rule (a typo)."""
        known = sorted(known_ids)
        for key, values in (("select", self.select), ("ignore", self.ignore)):
            for value in values:
                if not any(rule.startswith(value) for rule in known):
                    raise ConfigError(f"{self.source or 'command line'}: {key}: no rule matches "
                                      f"{value!r}; known rules: {', '.join(known)}")


def should_fail(findings: Sequence[Finding], fail_on: str) -> bool:
    """True when a finding is at or above ``fail_on`` (the scan then exits 1)."""
    if fail_on == "never":
        return False
    threshold = severity_rank(fail_on)
    return any(severity_rank(f.severity) >= threshold for f in findings)


def _toml_loads(text: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.9 and 3.10
        import tomli as tomllib
    return tomllib.loads(text)


def _read_toml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    try:
        return _toml_loads(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError / tomli.TOMLDecodeError
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _table_of(path: Path, document: dict) -> Optional[dict]:
    if path.name != "pyproject.toml":
        return document
    tool = document.get("tool")
    table = tool.get(TABLE) if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.{TABLE}] must be a table")
    return table


def _string_list(path: Path, key: str, value) -> Tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: [tool.{TABLE}] {key} must be a list of non-empty strings, "
                          f"got {value!r}")
    return tuple(v.strip() for v in value)


def _choice(path: Path, key: str, value, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ConfigError(f"{path}: [tool.{TABLE}] {key} = {value!r} is not allowed; "
                          f"use one of: {', '.join(allowed)}")
    return value


def _parse(path: Path, table: dict) -> Config:
    values = {}
    for key, value in table.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{path}: [tool.{TABLE}] unknown key {key!r}{hint}; "
                              f"allowed keys: {', '.join(KEYS)}")
        if key in ("exclude", "extend-exclude", "select", "ignore"):
            values[key.replace("-", "_")] = _string_list(path, key, value)
        elif key == "fail-on":
            values["fail_on"] = _choice(path, key, value, FAIL_ON_CHOICES)
        elif key == "format":
            values["format"] = _choice(path, key, value, FORMAT_CHOICES)
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: [tool.{TABLE}] baseline must be a file path string, "
                                  f"got {value!r}")
            values["baseline"] = os.path.normpath(os.path.join(path.parent, value))
    return Config(source=str(path), **values)


def find_config_file(start_dir: Optional[os.PathLike | str] = None) -> Optional[Path]:
    """The nearest pyproject.toml with a [tool.prelude-migrate] table, up to the repository root."""
    folder = Path(start_dir or os.getcwd()).resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        candidate = candidate_dir / "pyproject.toml"
        if candidate.is_file() and _table_of(candidate, _read_toml(candidate)) is not None:
            return candidate
        if (candidate_dir / ".git").exists():  # a folder or, in worktrees, a file
            return None
    return None


def load_config(start_dir: Optional[os.PathLike | str] = None,
                path: Optional[os.PathLike | str] = None) -> Config:
    """The configuration for a scan started in ``start_dir`` (default: the current folder), or
    read from ``path`` when given. No file found: the defaults."""
    if path is not None:
        config_path = Path(path)
        if not config_path.is_file():
            raise ConfigError(f"{config_path}: configuration file not found")
        table = _table_of(config_path, _read_toml(config_path))
        if table is None:
            raise ConfigError(f"{config_path}: no [tool.{TABLE}] table")
        return _parse(config_path, table)
    found = find_config_file(start_dir)
    if found is None:
        return Config()
    return _parse(found, _table_of(found, _read_toml(found)))
