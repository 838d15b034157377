"""``prelude-migrate scan``: a thin click shell over ``migrate.scan.scan``, the config loader,
the baseline and the reporters. Exit 0 clean, 1 findings at or above ``--fail-on``, 2 usage,
configuration or internal error (nothing is written then, except the error on stderr, in the one
style of ``migrate.errors``).

One run can write several reports: the main one (``--format``, to stdout or ``--output``) and
any number of ``--<format>-output FILE`` (``--sarif-output scan.sarif --html-output report.html``),
each rendered from the same findings.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import re
import sys
import time
import traceback
from typing import Optional

import click

from migrate.limits import DEFAULT_MAX_FILE_BYTES
from migrate.workers import DEFAULT_TIMEOUT
from migrate.config import (FAIL_ON_CHOICES, FORMAT_CHOICES, ConfigError, load_config, should_fail,
                            split_rules)
from migrate.errors import EXIT_INTERRUPTED, CliError
from migrate.report.color import COLOR_CHOICES, use_color
from migrate.rule_help import epilog_for_scan

EXIT_CLEAN, EXIT_FINDINGS = 0, 1
STDIN = "-"
# Formats that can be written as an extra report with --<format>-output FILE (github writes
# workflow commands to the log, so it is a main format only).
EXTRA_OUTPUT_FORMATS = tuple(f for f in FORMAT_CHOICES if f != "github")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_today(ctx, param, value: Optional[str]) -> Optional[_dt.date]:
    if value is None:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as exc:  # 2026-02-30: the right form, but no such day
        raise click.BadParameter(f"{value!r} is not a valid date ({exc})") from None


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


def _extra_outputs(command):
    """``--json-output FILE``, ``--sarif-output FILE``...: more reports from the same run."""
    for fmt in reversed(EXTRA_OUTPUT_FORMATS):
        command = click.option(f"--{fmt}-output", f"{fmt}_output", type=click.Path(dir_okay=False),
                               default=None, metavar="FILE",
                               help=f"Also write the {fmt} report to FILE.")(command)
    return command


@click.command("scan", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=epilog_for_scan())
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
              help="Read settings from this TOML file instead of the nearest configuration "
                   "(.prelude-migrate.toml, prelude-migrate.toml or pyproject.toml).")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour the text report: auto = on a terminal unless NO_COLOR is set.")
@_extra_outputs
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core).")
@click.option("--stdin-filename", default=None, metavar="NAME",
              help="With PATH `-`: the name the text read from stdin is reported (and its "
                   "language chosen) under.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Time one file may take; a file over it is listed as not analysed.")
@click.option("--max-file-size", "max_file_size", type=click.IntRange(min=1), default=DEFAULT_MAX_FILE_BYTES,
              show_default=True, metavar="BYTES", help="Larger files are listed as not scanned.")
def scan(paths, fmt, output, fail_on, today, select, ignore, exclude, extend_exclude, baseline,
         write_baseline, no_gitignore, config_path, color, jobs, stdin_filename, timeout,
         max_file_size, **extra_outputs):
    """Find deprecated Prelude/Ding v1 and api.ding.live usage under PATHS (default: .;
    `-` reads one file from stdin).

    \b
    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage, configuration or internal error.
    Silence one line with a comment: `prelude-migrate: ignore[PM101]`.
    """
    outputs = {key[:-len("_output")]: value for key, value in extra_outputs.items() if value}
    try:
        code = _run(paths or (".",), fmt, output, fail_on, today, select, ignore, exclude,
                    extend_exclude, baseline, write_baseline, no_gitignore, config_path, jobs,
                    stdin_filename, limits=(timeout, max_file_size), color=color,
                    extra_outputs=outputs)
    except (ConfigError, FileNotFoundError, NotADirectoryError) as exc:
        raise CliError(str(exc)) from None
    except KeyboardInterrupt:  # Ctrl-C: no traceback, no report, the shell's usual status
        click.echo("\nprelude-migrate scan: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except (SystemExit, click.ClickException):
        raise
    except Exception as exc:  # a bug: say so, with the traceback, and exit 2 (never 0 or 1)
        traceback.print_exc(file=sys.stderr)
        raise CliError(f"internal error: {type(exc).__name__}: {exc}") from None
    sys.exit(code)


def _run(paths, fmt, output, fail_on, today, select, ignore, exclude, extend_exclude, baseline_path,
         write_baseline_path, no_gitignore, config_path, jobs, stdin_filename=None,
         limits=(DEFAULT_TIMEOUT, DEFAULT_MAX_FILE_BYTES), *, color: str = "never",
         extra_outputs: Optional[dict] = None) -> int:
    from migrate.baseline import BaselineError, load_baseline, write_baseline
    from migrate.report import render
    from migrate.scan import scan as run_scan
    from migrate.scan.rules import ALL_RULES

    if STDIN in paths and len(paths) > 1:
        raise ConfigError("`-` (stdin) cannot be combined with other paths")
    if stdin_filename is not None and paths != (STDIN,):
        raise ConfigError("--stdin-filename needs the path `-`")
    if paths == (STDIN,):
        start = os.getcwd()
    else:
        start = paths[0] if os.path.isdir(paths[0]) else os.path.dirname(os.path.abspath(paths[0]))
    config = load_config(start_dir=start, path=config_path)
    config = config.merged(
        select=split_rules(select) or None, ignore=split_rules(ignore) or None, fail_on=fail_on, format=fmt,
        exclude=tuple(exclude) or None, baseline=baseline_path,
        extend_exclude=(config.extend_exclude + tuple(extend_exclude)) if extend_exclude else None)
    config.check_rules(ALL_RULES)
    extra_outputs = dict(extra_outputs or {})
    baseline = None
    if config.baseline and not write_baseline_path:
        try:
            baseline = load_baseline(config.baseline)
        except BaselineError as exc:
            raise ConfigError(str(exc)) from None
    _check_output(output)
    for extra in extra_outputs.values():
        _check_output(extra)

    if paths == (STDIN,):
        findings, summary = _scan_stdin(stdin_filename or STDIN, config, today, limits)
    else:
        progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
        try:
            written = [p for p in [output, *extra_outputs.values(), write_baseline_path] if p]
            findings, summary = run_scan(list(paths), config=config, today=today, progress=progress,
                                         jobs=jobs, respect_gitignore=not no_gitignore,
                                         timeout=limits[0], max_bytes=limits[1], skip_paths=written)
        finally:
            if progress:
                progress.clear()

    findings, summary.ignored_by_config = config.apply_per_file_ignores(findings)
    if config.format != "text":  # the text report lists them itself
        _warn_parse_failures(summary.files_parse_failed)
    _warn_v1_read_cap(summary.files_over_v1_read_cap)
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
    render(config.format, findings, summary, rules, buffer, fail_on=config.fail_on,
           color=output is None and config.format == "text" and use_color(color, sys.stdout))
    reports = []
    for extra_format, extra_path in extra_outputs.items():
        extra_buffer = io.StringIO()
        render(extra_format, findings, summary, rules, extra_buffer, fail_on=config.fail_on,
               color=False)
        reports.append((extra_path, extra_buffer.getvalue()))
    code = EXIT_FINDINGS if should_fail(findings, config.fail_on) and not write_baseline_path else EXIT_CLEAN
    if output is None:
        _print_report(buffer.getvalue())
    else:
        reports.insert(0, (output, buffer.getvalue()))
    for path, report in reports:
        try:
            _write_output(path, report)
        except OSError as exc:
            raise ConfigError(f"cannot write the report to {path}: {exc.strerror or exc}") from None
    return code


def _scan_stdin(name: str, config, today: Optional[_dt.date], limits=(DEFAULT_TIMEOUT, DEFAULT_MAX_FILE_BYTES)):
    """One file read from stdin, scanned like a file called ``name`` (its language comes from
    the name; the rules, suppressions and deadlines are the same), in a worker process like
    every file, so a text that crashes a parser costs a listed failure."""
    from migrate.findings import ScanSummary
    from migrate.scan import selected_rules
    from migrate.scan.engine import FileResult, ScanOptions
    from migrate.scan.pool import collect
    from migrate.workers import WorkerFailure, run_isolated

    started = time.perf_counter()
    today = today or _dt.date.today()
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    options = ScanOptions(selected_rules(config), today, limits[1])
    language = None
    if name == STDIN:  # no name to go by: the #! line or strong signs of a language
        from codemods.syntax import sniff_language
        from migrate.files import decode_source

        try:
            language = sniff_language(decode_source(data))
        except UnicodeDecodeError:
            language = None
        if language is None:
            click.echo("prelude-migrate scan: could not tell the language of stdin; searched it as text "
                       "(name it with --stdin-filename NAME)", err=True)
        else:
            click.echo(f"prelude-migrate scan: stdin read as {language} (name it with --stdin-filename NAME)",
                       err=True)
    [(_, result)] = run_isolated(_scan_stdin_bytes, [(options, name, data, language)], jobs=1, timeout=limits[0])
    if isinstance(result, WorkerFailure):
        result = FileResult(name, "scanned", reason=f"not analysed: {result}")
    summary = ScanSummary(today=today)
    findings = collect([result], summary)
    summary.duration_s = time.perf_counter() - started
    return findings, summary


def _scan_stdin_bytes(args):
    from migrate.scan.engine import FileScanner

    options, name, data, language = args
    return FileScanner(options).scan_bytes(name, data, language=language)


def _print_report(report: str) -> None:
    """stdout may be a pipe that closed early (``| head``): the exit status still tells the
    result, and Python must not print a traceback when it flushes stdout at exit."""
    try:
        sys.stdout.write(report)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


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


def _warn_v1_read_cap(count: int) -> None:
    """Files of v1 code folders (a v1 SDK's tree...) past the bound the second pass reads: said, never silent."""
    if count:
        from migrate.scan import MAX_UNREAD_V1_FILES

        click.echo(f"prelude-migrate: {count} file(s) in v1 code folders without a pre-filter token were not read "
                   f"(at most {MAX_UNREAD_V1_FILES} are); scan those folders on their own to see them", err=True)


def _check_output(output: Optional[str]) -> None:
    """Check --output before scanning, so a bad path fails fast (exit 2); nothing is truncated
    until the report is complete. Missing folders are created when the report is written (CI
    jobs write to ``reports/scan.sarif`` in a fresh checkout); the nearest existing one must be a
    writable folder."""
    if output is None:
        return
    if os.path.isdir(output):
        raise ConfigError(f"cannot write the report to {output}: it is a folder")
    folder = os.path.dirname(os.path.abspath(output))
    existing = folder
    while not os.path.exists(existing):
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        raise ConfigError(f"cannot write the report to {output}: {existing} is not a folder")
    if not os.access(existing, os.W_OK) or (os.path.exists(output) and not os.access(output, os.W_OK)):
        raise ConfigError(f"cannot write the report to {output}: permission denied")


def _write_output(output: str, report: str) -> None:
    """Replace the file in one step: an interrupted run never leaves half a report."""
    from migrate.files import atomic_write

    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    if not os.path.exists(output):
        open(output, "wb").close()  # atomic_write keeps an existing file's mode; give it one
    atomic_write(output, report.encode("utf-8"))
