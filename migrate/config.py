"""Configuration: what to scan, which rules, when to fail, which files ignore which rules.

Where it is found (the nearest wins), from the folder of the first scanned path upward, stopping
at the repository root (the folder holding ``.git``): in each folder ``.prelude-migrate.toml``,
then ``prelude-migrate.toml`` (both with the keys at the top level: PHP, Go and Node repositories
have no ``pyproject.toml``), then ``pyproject.toml`` if it has a ``[tool.prelude-migrate]``
table (a sub-package's pyproject without one does not hide the repository's). ``--config FILE``
names the file instead: a ``pyproject.toml`` is read through its table, any other TOML file
through its top-level keys. Values given on the command line win (``Config.merged``); every
value remembers where it came from (``Config.origin``, shown by ``prelude-migrate config``).
"""
from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Mapping, Optional, Sequence, Tuple

from compat.knowledge.deadlines import SEVERITIES

if TYPE_CHECKING:
    from migrate.findings import Finding

TABLE = "prelude-migrate"
# In each folder, the first of these that holds a configuration is used.
CONFIG_FILE_NAMES = (".prelude-migrate.toml", "prelude-migrate.toml", "pyproject.toml")
FAIL_ON_CHOICES = SEVERITIES + ("never",)  # "never": report only, exit 0 whatever is found
KEYS = ("exclude", "extend-exclude", "select", "ignore", "per-file-ignores", "fail-on", "format",
        "baseline")
DEFAULT = "default"
COMMAND_LINE = "command line"


class ConfigError(ValueError):
    """Bad configuration; the message names the file, the key and what is allowed."""


@dataclass(frozen=True)
class Config:
    exclude: Tuple[str, ...] = ()  # gitignore-style globs, relative to each scanned folder
    extend_exclude: Tuple[str, ...] = ()  # added to `exclude` (handy in a shared base config)
    select: Tuple[str, ...] = ()  # rule ids or prefixes to run; empty = all rules
    ignore: Tuple[str, ...] = ()  # rule ids or prefixes to skip (wins over select)
    # ((gitignore-style glob, (rule ids or prefixes...)), ...); globs relative to `root`
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    fail_on: str = "error"
    format: str = "text"
    baseline: Optional[str] = None  # resolved against the config file's folder
    source: Optional[str] = None  # the file the values came from
    # where each key's value came from: {key: file path or "command line"}; absent = default
    origins: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def root(self) -> Optional[str]:
        """The folder the config file is in (per-file-ignores globs are relative to it)."""
        return os.path.dirname(self.source) if self.source else None

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def merged(self, **overrides) -> "Config":
        """This config with the given values replaced; ``None`` means "not given", keep ours.
        The replaced values are recorded as coming from the command line."""
        given = {k: v for k, v in overrides.items() if v is not None}
        origins = dict(self.origins)
        origins.update({key: COMMAND_LINE for key in given})
        return dataclasses.replace(self, origins=origins, **given)

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

    def check_rules(self, rules) -> None:
        """Raise ConfigError for a select/ignore entry that matches no known rule (a typo), or
        when the selection leaves no rule to run. ``rules``: ids, or a mapping id -> RuleInfo
        (then the error lists the names too)."""
        known = sorted(rules)
        names = rules if isinstance(rules, Mapping) else {}

        def listing() -> str:
            return ", ".join(f"{rule} ({names[rule].name})" if rule in names else rule
                             for rule in known)

        entries = [("select", v) for v in self.select] + [("ignore", v) for v in self.ignore]
        entries += [("per-file-ignores", v) for _glob, ids in self.per_file_ignores for v in ids]
        for key, value in entries:
            if not any(rule.startswith(value) for rule in known):
                where = self.origin(key.replace("-", "_"))
                where = COMMAND_LINE if where == DEFAULT else where
                raise ConfigError(f"{where}: {key}: no rule matches {value!r}; known rules: {listing()}")
        if known and not any(self.rule_enabled(rule) for rule in known):
            raise ConfigError(f"no rule left to run: select {list(self.select) or 'all'} minus "
                              f"ignore {list(self.ignore)} is empty; known rules: {listing()}")

    def apply_per_file_ignores(self, findings: Sequence[Finding]) -> Tuple[List[Finding], int]:
        """Drop the findings that ``per-file-ignores`` silences; returns (kept, dropped count).
        A finding's path (relative to the current folder) is matched relative to the config
        file's folder, so the same config works from any directory."""
        if not self.per_file_ignores:
            return list(findings), 0
        import pathspec

        specs = [(pathspec.GitIgnoreSpec.from_lines([glob]), ids) for glob, ids in self.per_file_ignores]
        root = self.root
        kept, dropped = [], 0
        for finding in findings:
            path = finding.path
            if root is not None:
                rel = os.path.relpath(os.path.abspath(finding.path), root)
                path = rel.replace(os.sep, "/")
            if any(spec.match_file(path) and any(finding.rule.startswith(i) for i in ids)
                   for spec, ids in specs):
                dropped += 1
            else:
                kept.append(finding)
        return kept, dropped

    def settings(self) -> List[Tuple[str, object, str]]:
        """(key as written in the file, value, origin) for every key, in ``KEYS`` order."""
        rows = []
        for key in KEYS:
            attr = key.replace("-", "_")
            rows.append((key, getattr(self, attr), self.origin(attr)))
        return rows


def should_fail(findings: Sequence[Finding], fail_on: str) -> bool:
    """True when a finding is at or above ``fail_on`` (the scan then exits 1)."""
    if fail_on == "never":
        return False
    from migrate.findings import severity_rank

    threshold = severity_rank(fail_on)
    return any(severity_rank(f.severity) >= threshold for f in findings)


def fails(finding: Finding, fail_on: str) -> bool:
    """Whether this one finding is at or above ``fail_on`` (JUnit marks only those failed)."""
    from migrate.findings import severity_rank

    return fail_on != "never" and severity_rank(finding.severity) >= severity_rank(fail_on)


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


def _where(path: Path) -> str:
    return f"[tool.{TABLE}]" if path.name == "pyproject.toml" else "configuration"


def _string_list(path: Path, key: str, value) -> Tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: {_where(path)} {key} must be a list of non-empty strings, "
                          f"got {value!r}")
    return tuple(v.strip() for v in value)


def _choice(path: Path, key: str, value, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ConfigError(f"{path}: {_where(path)} {key} = {value!r} is not allowed; "
                          f"use one of: {', '.join(allowed)}")
    return value


def _rule_entries(values: Iterable[str]) -> Tuple[str, ...]:
    """Rule names (``v1-host``) become ids; ids and prefixes are upper-cased."""
    from migrate.scan.rules import rule_id_for  # the registry; only needed when a key is set

    return tuple(rule_id_for(v) or v.upper() for v in values)


def split_rules(values: Iterable[str]) -> Tuple[str, ...]:
    """Command-line rule lists: ``--select PM101,PM102 --select v1-host`` -> ids."""
    return _rule_entries(v.strip() for value in values for v in value.split(",") if v.strip())


def _per_file_ignores(path: Path, value) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {_where(path)} per-file-ignores must be a table of "
                          f'glob = ["RULE", ...], e.g. {{"tests/**" = ["PM101"]}}, got {value!r}')
    return tuple((glob, _rule_entries(_string_list(path, f"per-file-ignores {glob!r}", ids)))
                 for glob, ids in value.items())


def _parse(path: Path, table: dict) -> Config:
    values = {}
    for key, value in table.items():
        if key not in KEYS:
            import difflib  # only for a misspelt key

            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            if key == "tool" and path.name != "pyproject.toml":
                hint = f" (in {path.name} the keys stand at the top level, without [tool.{TABLE}])"
            raise ConfigError(f"{path}: {_where(path)} unknown key {key!r}{hint}; "
                              f"allowed keys: {', '.join(KEYS)}")
        if key in ("exclude", "extend-exclude"):
            values[key.replace("-", "_")] = _string_list(path, key, value)
        elif key in ("select", "ignore"):
            values[key] = _rule_entries(_string_list(path, key, value))
        elif key == "per-file-ignores":
            values["per_file_ignores"] = _per_file_ignores(path, value)
        elif key == "fail-on":
            values["fail_on"] = _choice(path, key, value, FAIL_ON_CHOICES)
        elif key == "format":
            values["format"] = _choice(path, key, value, _format_choices())
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: {_where(path)} baseline must be a file path string, "
                                  f"got {value!r}")
            values["baseline"] = os.path.normpath(os.path.join(path.parent, value))
    return Config(source=str(path), origins={key: str(path) for key in values}, **values)


def _config_in(folder: Path) -> Optional[Path]:
    for name in CONFIG_FILE_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml"
                                    or _table_of(candidate, _read_toml(candidate)) is not None):
            return candidate
    return None


def find_config_file(start_dir: Optional[os.PathLike | str] = None) -> Optional[Path]:
    """The nearest configuration file (see the module docstring), up to the repository root."""
    folder = Path(start_dir or os.getcwd()).resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        found = _config_in(candidate_dir)
        if found is not None:
            return found
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
        return validate_document(_read_toml(config_path), config_path)
    found = find_config_file(start_dir)
    if found is None:
        return Config()
    return _parse(found, _table_of(found, _read_toml(found)))


def start_folder(paths: Sequence[str]) -> str:
    """Where the configuration search starts for a run over ``paths`` (stdin: the cwd)."""
    if not paths or paths[0] == "-":
        return os.getcwd()
    first = paths[0]
    return first if os.path.isdir(first) else os.path.dirname(os.path.abspath(first))


def validate_document(document: dict, name: "os.PathLike | str" = "prelude-migrate.toml") -> Config:
    """The configuration in a parsed TOML document read from ``name`` (``--config FILE``; the
    docs tests check every ``toml`` block of the documentation with it): ConfigError when it
    has no ``[tool.prelude-migrate]`` table (a pyproject.toml) or a bad value."""
    path = Path(name)
    table = _table_of(path, document)
    if table is None:
        raise ConfigError(f"{name}: no [tool.{TABLE}] table")
    return _parse(path, table)


def _format_choices() -> Tuple[str, ...]:
    from migrate.report import FORMATS  # the reporters' formats, one list (imported when read)

    return tuple(FORMATS)


def __getattr__(name: str):
    if name == "FORMAT_CHOICES":  # the reporters' formats; loaded only by who reads it (scan, config)
        return _format_choices()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
