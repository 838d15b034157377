"""``prelude-migrate scan``: a thin click shell over ``migrate.scan.scan``, the config loader,
the baseline and the reporters. Exit 0 clean, 1 findings at or above ``--fail-on``, 2 usage,
configuration or internal error (nothing is written then, except the error on stderr).
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import sys
import time
import traceback
from typing import Optional, Sequence, Tuple

import click

from migrate.config import FAIL_ON_CHOICES, FORMAT_CHOICES, ConfigError, load_config, should_fail

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: Sequence[str]) -> Tuple[str, ...]:
    """``--select PM101,PM102 --select v1-host`` -> ids (names are translated)."""
    from migrate.scan.rules import rule_id_for

    items = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return tuple(rule_id_for(item) or item.upper() for item in items)


def _parse_today(ctx, param, value: Optional[str]) -> Optional[_dt.date]:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


class _Progress:
    """``scanned N/M files`` on stderr, rewritten in place; only on a terminal."""

    INTERVAL_S = 0.2

    def __init__(self, stream) -> None:
        self.stream = stream
        self.shown = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < self.INTERVAL_S:
            return
        self.last = now
        self.stream.write(f"\rprelude-migrate: scanned {done}/{total} files")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _fail(message: str) -> None:
    click.echo(f"prelude-migrate scan: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command("scan", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default=None,
              help="Report format (default: text, or `format` from the config).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to FILE instead of stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding has this severity or worse (default: error).")
@click.option("--today", callback=_parse_today, metavar="YYYY-MM-DD",
              help="Judge the deadlines as of this date instead of today.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules (ids, id prefixes such as PM1, or names; comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (wins over --select).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Gitignore-style globs to skip (replaces `exclude` from the config).")
@click.option("--extend-exclude", multiple=True, metavar="GLOB", help="Globs to skip in addition.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record every current finding in this baseline file (exit 0).")
@click.option("--no-gitignore", is_flag=True, help="Also scan files that .gitignore excludes.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Read settings from this TOML file instead of the nearest pyproject.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core).")
def scan(paths, fmt, output, fail_on, today, select, ignore, exclude, extend_exclude, baseline,
         write_baseline, no_gitignore, config_path, jobs):
    """Find deprecated Prelude/Ding v1 and api.ding.live usage under PATHS (default: .).

    \b
    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage, configuration or internal error.
    Silence one line with a comment: `prelude-migrate: ignore[PM101]`.
    """
    try:
        code = _run(paths or (".",), fmt, output, fail_on, today, select, ignore, exclude,
                    extend_exclude, baseline, write_baseline, no_gitignore, config_path, jobs)
    except (ConfigError, FileNotFoundError, NotADirectoryError) as exc:
        _fail(str(exc))
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a bug: say so, with the traceback, and exit 2 (never 0 or 1)
        traceback.print_exc(file=sys.stderr)
        _fail(f"internal error: {type(exc).__name__}: {exc}")
    sys.exit(code)


def _run(paths, fmt, output, fail_on, today, select, ignore, exclude, extend_exclude, baseline_path,
         write_baseline_path, no_gitignore, config_path, jobs) -> int:
    from migrate.baseline import BaselineError, load_baseline, write_baseline
    from migrate.report import render
    from migrate.scan import scan as run_scan
    from migrate.scan.rules import ALL_RULES

    start = paths[0] if os.path.isdir(paths[0]) else os.path.dirname(os.path.abspath(paths[0]))
    config = load_config(start_dir=start, path=config_path)
    config = config.merged(
        select=_split(select) or None, ignore=_split(ignore) or None, fail_on=fail_on, format=fmt,
        exclude=tuple(exclude) or None, baseline=baseline_path,
        extend_exclude=(config.extend_exclude + tuple(extend_exclude)) if extend_exclude else None)
    config.check_rules(ALL_RULES)
    baseline = None
    if config.baseline and not write_baseline_path:
        try:
            baseline = load_baseline(config.baseline)
        except BaselineError as exc:
            raise ConfigError(str(exc)) from None
    _check_output(output)

    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    try:
        findings, summary = run_scan(list(paths), config=config, today=today, progress=progress,
                                     jobs=jobs, respect_gitignore=not no_gitignore)
    finally:
        if progress:
            progress.clear()

    _warn_parse_failures(summary.files_parse_failed)
    if write_baseline_path:
        try:
            count = write_baseline(write_baseline_path, findings)
        except (BaselineError, OSError) as exc:
            raise ConfigError(f"cannot write the baseline: {exc}") from None
        click.echo(f"prelude-migrate: wrote {count} findings to {write_baseline_path}", err=True)
    elif baseline is not None:
        findings, summary.files_excluded_baseline = baseline.filter(findings)

    rules = {rule_id: info for rule_id, info in ALL_RULES.items() if config.rule_enabled(rule_id)}
    buffer = io.StringIO()
    render(config.format, findings, summary, rules, buffer,
           color=output is None and config.format == "text" and sys.stdout.isatty())
    if output is None:
        click.echo(buffer.getvalue(), nl=False)
    else:
        _write_output(output, buffer.getvalue())
    if write_baseline_path:
        return EXIT_CLEAN
    return EXIT_FINDINGS if should_fail(findings, config.fail_on) else EXIT_CLEAN


def _warn_parse_failures(failures, shown: int = 5) -> None:
    """The reports do not list them; stderr keeps stdout machine-readable."""
    if not failures:
        return
    click.echo(f"prelude-migrate: {len(failures)} Python file(s) could not be parsed by libcst; "
               f"only the text rules ran on them:", err=True)
    for path, reason in failures[:shown]:
        click.echo(f"  {path}: {reason}", err=True)
    if len(failures) > shown:
        click.echo(f"  ... and {len(failures) - shown} more", err=True)


def _check_output(output: Optional[str]) -> None:
    """Check --output before scanning, so a bad path fails fast (exit 2); nothing is truncated
    until the report is complete."""
    if output is None:
        return
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise ConfigError(f"cannot write the report to {output}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (os.path.exists(output) and not os.access(output, os.W_OK)):
        raise ConfigError(f"cannot write the report to {output}: permission denied")


def _write_output(output: str, report: str) -> None:
    """Replace the file in one step: an interrupted run never leaves half a report."""
    from migrate.files import atomic_write

    if not os.path.exists(output):
        open(output, "wb").close()  # atomic_write keeps an existing file's mode; give it one
    atomic_write(output, report.encode("utf-8"))
