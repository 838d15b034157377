"""``prelude-migrate rewrite``: run the codemods over Python files and, through
:mod:`codemods.lang`, over every other language and config format it knows.

The engine is plain Python (:func:`rewrite_source`, :func:`rewrite_file`, :func:`rewrite_paths`);
the click command at the bottom is a thin shell over it. Per file: read the bytes once, skip the
file when it contains none of the selected codemods' trigger tokens (no parse), otherwise parse
once and run every triggered codemod on the same tree. Files that do not decode or parse are
reported and never written. Many candidate files are spread over a process pool; results come
back in input order.

Start-up stays lazy: the codemods' names and trigger tokens are data (``codemods.registry``), so
a tree where no file passes the pre-filter never imports libcst, the codemods or the non-Python
rewriters (``codemods.lang``'s engine, ast-grep); each is imported once a file of its kind does,
in this process before the workers are forked, so that the workers share it.
"""
from __future__ import annotations

import contextlib
import gc
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import click

from codemods.lang.registry import LANG_REWRITERS  # names and descriptions only (no ast-grep)
from compat.knowledge.todos import TODO_MARKER
from migrate.files import FileChangedError
from migrate.limits import DEFAULT_MAX_FILE_BYTES
from migrate.workers import DEFAULT_TIMEOUT

PYTHON_SUFFIXES = (".py", ".pyi")
POOL_MAX_WORKERS = 61  # Windows' limit for multiprocessing waits
PROGRESS_MIN_FILES = 200
# A worker is forked only for this many candidate files (at least one worker): a fork, its
# pipes and a worker's first-file costs outweigh a second worker for a handful of small files.
FILES_PER_WORKER = 4


class UsageError(Exception):
    """Bad options (unknown codemod name, missing path): exit 2."""


# --- codemod selection ------------------------------------------------------------------

def available_codemods() -> Dict[str, type]:
    """NAME -> codemod class, in run order (imports libcst and every codemod)."""
    from codemods.registry import all_codemods
    return all_codemods()


def select_codemods(only: Sequence[str] = (), skip: Sequence[str] = ()) -> List[str]:
    """The codemod names to run, in run order (the Python codemods, then the rewriters of the
    other languages, ``codemods.lang.registry``); raises UsageError for an unknown name."""
    from codemods.registry import codemod_names

    names = list(codemod_names()) + list(LANG_REWRITERS)
    for requested in list(only) + list(skip):
        if requested not in names:
            raise UsageError(f"unknown codemod {requested!r}; known: {', '.join(names) or '(none)'}")
    if only:
        names = [n for n in names if n in only]
    return [n for n in names if n not in skip]


def _split_names(values: Iterable[str]) -> List[str]:
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


# --- one source ---------------------------------------------------------------------------

@dataclass
class SourceResult:
    """What the codemods made of one source text."""
    text: str
    changed: bool
    applied: Tuple[str, ...]  # codemods that changed something
    todos: int  # TODO(prelude-migration) markers in the result


def rewrite_source(text: str, path: str = "<string>", codemods: Optional[Sequence[str]] = None,
                   repo=None) -> SourceResult:
    """Run the codemods (names; default all) on ``text``, parsing it once.

    Raises ``libcst.ParserSyntaxError`` when the text does not parse. Line endings and
    formatting are kept (libcst round-trips the text exactly).
    """
    from codemods.engine import RewriteOptions, transform_source

    if codemods is not None:
        codemods = _python_only(codemods)
    options = RewriteOptions(None if codemods is None else tuple(codemods), repo)  # repo: codemods.prepass
    result = transform_source(text, path, options)  # one parse, one analysis, batched codemods
    return SourceResult(result.new_source, result.changed, result.applied, result.todos)


def _python_only(codemods: Sequence[str]) -> List[str]:
    return [n for n in codemods if n not in LANG_REWRITERS]


def _lang_only(codemods: Sequence[str]) -> frozenset:
    return frozenset(n for n in codemods if n in LANG_REWRITERS)


# --- one file -----------------------------------------------------------------------------

@dataclass
class FileResult:
    path: str  # as displayed
    status: str  # "skipped" (no trigger) | "unchanged" | "changed" | "failed"
    original: bytes = b""
    new: Optional[bytes] = None  # set when changed
    applied: Tuple[str, ...] = ()
    todos: int = 0
    error: Optional[str] = None
    parse_error: bool = False  # failed because it does not decode or parse
    written: bool = False
    language: str = "python"
    unmarked: Tuple[Tuple[int, str], ...] = ()  # (line, why): v1 usages in a format without comments
    # the findings of `scan` in the file whose code this rewrite changes (changed_sites); None: not counted
    sites: Optional[int] = None

    @property
    def changed(self) -> bool:
        return self.status == "changed"


def rewrite_bytes(data: bytes, path: str, codemods: Sequence[str], repo=None) -> FileResult:
    """Rewrite one file's content (nothing is written)."""
    from codemods.core.tokens import any_token
    from codemods.registry import triggers_of
    from migrate.files import decode_source, encode_like

    language = _language_of(path)
    if language is not None:
        return _rewrite_other_bytes(data, path, language, _lang_only(codemods))
    lowered = data.lower()
    repo_tokens = repo.tokens if repo is not None else ()
    if not any_token(triggers_of(codemods) + tuple(repo_tokens))(lowered):
        return FileResult(path, "skipped", data)
    import libcst as cst

    try:
        text = decode_source(data)
    except UnicodeDecodeError as exc:
        return FileResult(path, "failed", data, error=f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                          parse_error=True)
    from migrate.limits import parse_risk

    risk = parse_risk(text)
    if risk:
        return FileResult(path, "failed", data, error=f"not parsed: {risk}", parse_error=True)
    try:
        result = rewrite_source(text, path, codemods, repo)
    except cst.ParserSyntaxError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
        return FileResult(path, "failed", data, error=f"cannot parse: {first_line} (line {exc.raw_line})",
                          parse_error=True)
    except Exception as exc:  # a codemod bug must not stop the other files
        return FileResult(path, "failed", data, error=f"internal error: {type(exc).__name__}: {exc}")
    if not result.changed:
        return FileResult(path, "unchanged", data, todos=result.todos)
    return FileResult(path, "changed", data, encode_like(result.text, data), result.applied, result.todos)


def _language_of(path: str) -> Optional[str]:
    """The codemods.lang language of a non-Python file (None: Python, rewritten by libcst)."""
    from codemods.syntax.languages import rewrite_language_for_path  # (not codemods.lang: no rewriter)
    return rewrite_language_for_path(path)


def _rewrite_other_bytes(data: bytes, path: str, language: str, rewriters: frozenset) -> FileResult:
    """One non-Python file through :func:`codemods.lang.rewrite_source` (the selected rewriters)."""
    from codemods.lang import rewrite_source as rewrite_other
    from codemods.lang.triggers import has_trigger
    from migrate.files import decode_source, encode_like

    if not rewriters or not has_trigger(data.lower()):
        return FileResult(path, "skipped", data, language=language)
    try:
        text = decode_source(data)
    except UnicodeDecodeError as exc:
        return FileResult(path, "failed", data, error=f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                          parse_error=True, language=language)
    try:
        result = rewrite_other(language, text, path, extra_detect=_scanner_findings(path), rewriters=rewriters)
    except Exception as exc:  # a rewrite bug must not stop the other files
        return FileResult(path, "failed", data, error=f"internal error: {type(exc).__name__}: {exc}",
                          language=language)
    if result.error:
        return FileResult(path, "failed", data, error=result.error, parse_error=result.error.startswith("cannot parse"),
                          language=language, todos=result.todos_total)
    status = "changed" if result.new_source != text else "unchanged"
    return FileResult(path, status, data, encode_like(result.new_source, data) if status == "changed" else None,
                      tuple(f"{language}:{name}" for name in result.edits) + (("todo",) if result.todos else ()),
                      result.todos_total, language=language, unmarked=result.unmarked)


def _scanner_findings(path: str):
    """``text -> [(line, advice)]``: what ``scan`` flags in ``text`` (not the TODO rule), so that
    codemods.lang marks every line scan would flag (manifests, links) and nothing else."""
    import re

    scanner = _site_scanner()
    deadline = re.compile(r" \([^()]*\b(?:removal|deprecation|support)[^()]*\)|;? ?v1 removal date \S+| \(\d+ days? left\)")

    def findings(text: str):
        result = scanner.scan_bytes(path, text.encode("utf-8", "surrogatepass"))
        return [(f.line, deadline.sub("", f.message).strip()) for f in result.findings]

    return findings


_SCANNERS: dict = {}


def _site_scanner(todo_rule: bool = True):
    """One ``FileScanner`` with every rule (``todo_rule=False``: all but the TODO rule, so that no
    v1 finding is folded into a TODO), for the findings ``scan`` would report in a file."""
    import datetime as _dt

    from migrate.findings import TODO_RULE
    from migrate.scan import selected_rules
    from migrate.scan.engine import FileScanner, ScanOptions

    if todo_rule not in _SCANNERS:
        rules = tuple(r for r in selected_rules() if todo_rule or r != TODO_RULE)
        _SCANNERS[todo_rule] = FileScanner(ScanOptions(rules, _dt.date.today(), fixable_checked=False))
    return _SCANNERS[todo_rule]


def changed_sites(result: FileResult) -> int:
    """How many of the findings ``scan`` reports in the file (the TODO rule aside) this rewrite
    changes, i.e. the sites ``scan`` calls fixable: the code of their span differs (a TODO
    comment above a site does not count)."""
    if not result.changed or result.new is None:
        return 0
    from migrate.files import decode_source
    from migrate.scan.fixable import changes_between, span_changed

    try:
        old, new = decode_source(result.original), decode_source(result.new)
    except UnicodeDecodeError:
        return 0
    changes = changes_between(old, new)
    findings = _site_scanner(todo_rule=False).scan_bytes(result.path, result.original).findings
    return sum(1 for f in findings if span_changed(changes, f.line, f.column, f.end_line, f.end_column))


def rewrite_file(path: str, codemods: Sequence[str], write: bool = True, display: Optional[str] = None,
                 max_bytes: int = DEFAULT_MAX_FILE_BYTES, repo=None) -> FileResult:
    """Read, rewrite and (when ``write``) atomically replace one file. Files over ``max_bytes``
    are reported and left alone (a parse of a 50 MB file needs gigabytes)."""
    from migrate.files import FileKindError, atomic_write, display_path, read_regular_file
    from migrate.limits import too_large

    shown = display or display_path(path)
    try:
        data = read_regular_file(path, max_bytes)
    except FileKindError as exc:
        return FileResult(shown, "failed", error=exc.strerror)
    except OSError as exc:
        return FileResult(shown, "failed", error=f"cannot read: {exc.strerror or exc}")
    if data is None:
        return FileResult(shown, "failed", error=f"not rewritten: {too_large(os.path.getsize(path), max_bytes)}")
    result = rewrite_bytes(data, shown, codemods, repo)
    if write and result.changed and result.new is not None:
        try:
            # a symlink stays a symlink; an edit made since we read the file is never lost
            atomic_write(os.path.realpath(path), result.new, expected=data)
            result.written = True
        except FileChangedError:
            result.status, result.error = "failed", "file changed while being rewritten; not written (run again)"
        except PermissionError as exc:
            result.status, result.error = "failed", f"{exc.strerror or exc}; not written"
        except OSError as exc:
            result.status, result.error = "failed", f"cannot write: {exc.strerror or exc}"
    return result


def _rewrite_file_task(args: Tuple[str, Tuple[str, ...], bool, str, int, bool, object, bool]) -> FileResult:
    path, codemods, write, display, max_bytes, keep_original, repo, count_sites = args
    result = rewrite_file(path, codemods, write, display, max_bytes, repo)
    if count_sites:
        result.sites = changed_sites(result)  # here, while the original is at hand
    if not keep_original:
        result.original = b""  # not needed back in the parent unless a diff is wanted
    return result


# --- many files ---------------------------------------------------------------------------

def discover(paths: Sequence[str], respect_gitignore: bool = True, exclude=None,
             on_error: Optional[Callable[[str, OSError], None]] = None) -> List[Path]:
    """Python files under ``paths`` (explicit files always), .gitignore respected; ``exclude`` is
    a ``pathspec.PathSpec`` (the ``exclude`` globs of ``[tool.prelude-migrate]``).
    ``on_error(folder, exc)`` hears about folders that cannot be listed."""
    from migrate.files import iter_file_paths

    found: List[Path] = []
    for root in paths:
        explicit = not os.path.isdir(root)
        for path in iter_file_paths([root], respect_gitignore=respect_gitignore, exclude=exclude,
                                    on_error=on_error):
            if explicit or path.endswith(PYTHON_SUFFIXES) or _language_of(os.path.basename(path)) is not None:
                found.append(Path(path))
    return found


def _prefilter(path: Path, triggers: Optional[Tuple[bytes, ...]]) -> Tuple[bool, int, Optional[bytes]]:
    """Run in the parent: read, lower-case, look for any trigger (``None``: the codemods.lang
    triggers, one automaton pass); also count the TODO markers already there, so skipped files
    still count as "left with TODOs". Returns (triggered, TODO count, the lower-cased bytes or
    None when the file could not be read)."""
    from migrate.files import read_regular_file

    try:
        data = read_regular_file(path)  # never blocks on a FIFO
    except OSError:
        return True, 0, None  # let the worker report the error
    lowered = data.lower() if data is not None else b""
    if triggers is None:
        from codemods.lang.triggers import has_trigger
        return has_trigger(lowered), lowered.count(_TODO_BYTES), lowered
    from codemods.core.tokens import any_token

    return any_token(tuple(triggers))(lowered), lowered.count(_TODO_BYTES), lowered


_TODO_BYTES = TODO_MARKER.lower().encode("ascii")
# The pre-filter keeps each Python file's lower-cased bytes, up to this many in all, for the
# repo pre-pass's importer search and the importer re-check (else each reads the file again).
LOWERED_KEPT_MAX = 64 * 1024 * 1024


def rewrite_paths(
    paths: Sequence[Path],
    codemods: Sequence[str],
    *,
    write: bool = True,
    keep_original: bool = False,
    jobs: Optional[int] = None,
    on_result: Optional[Callable[[FileResult], None]] = None,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    count_sites: bool = True,
) -> List[FileResult]:
    """Rewrite every file of ``paths`` (already discovered); results in input order.

    Files without any trigger of the selected codemods are answered "skipped" without a parse
    (and without leaving this process, nor importing a parser). The rest run in worker processes
    (``migrate.workers``), largest first, so that a file that crashes the parser or runs past
    ``timeout`` seconds is reported as failed and costs nothing else; one worker per
    ``FILES_PER_WORKER`` candidates, up to ``jobs``. ``count_sites``: fill each changed
    result's ``sites`` (a scan of the file; only the summary line shows it).
    """
    from migrate.files import display_path
    from migrate.workers import WorkerFailure, run_isolated

    results, candidates, repo = prefilter_paths(paths, codemods)
    for skipped in results:
        if skipped is not None and on_result:
            on_result(skipped)
    args = [(os.fspath(paths[i]), tuple(codemods), write, display_path(paths[i]), max_bytes, keep_original, repo,
             count_sites) for i in candidates]
    workers = min(jobs or os.cpu_count() or 1, POOL_MAX_WORKERS, max(1, len(args) // FILES_PER_WORKER))
    if args:
        _import_before_fork([paths[i] for i in candidates], codemods, workers)
    done = run_isolated(_rewrite_file_task, args, jobs=workers, timeout=timeout, schedule=_largest_first,
                        chunk_max=8, flush_every=0.0) if args else ()  # one result per message: a written file is never redone
    for index, (arg, result) in zip(candidates, done):
        if isinstance(result, WorkerFailure):
            result = FileResult(arg[3], "failed", error=f"not rewritten: {result}", parse_error=True)
        results[index] = result
        if on_result:
            on_result(result)
    if "manifests" not in codemods or all(_language_of(path.name) is None for path in paths):
        return results  # (a manifest is a file of a known non-Python format)
    from migrate.manifest_swaps import swap_manifests

    return swap_manifests(paths, results, write)  # package.json / requirements: v1 SDK -> v2 when certain


def prefilter_paths(paths: Sequence[Path], codemods: Sequence[str]
                    ) -> Tuple[List[Optional[FileResult]], List[int], object]:
    """The pass before any parse, in this process: (results with the skipped files filled in,
    the indexes of the candidates, the repo pre-pass's facts or None). A candidate is a file
    with a trigger token of the selected codemods, or a Python file importing a module that the
    pre-pass found handing out v1 things."""
    from codemods.registry import triggers_of
    from migrate.files import display_path

    triggers = triggers_of(codemods)
    lang_selected = bool(_lang_only(codemods))
    results: List[Optional[FileResult]] = [None] * len(paths)
    candidates: List[int] = []
    lowered_python: Dict[str, bytes] = {}  # path -> lower-cased bytes, LOWERED_KEPT_MAX in all
    room = LOWERED_KEPT_MAX
    for index, path in enumerate(paths):
        language = _language_of(path.name)
        triggered, todos, lowered = _prefilter(path, triggers if language is None else None)
        if language is None and lowered is not None and len(lowered) <= room:
            lowered_python[os.fspath(path)] = lowered
            room -= len(lowered)
        triggered = triggered and (language is None or lang_selected)
        if triggered:
            candidates.append(index)
        else:
            results[index] = FileResult(display_path(path), "skipped", todos=todos, language=language or "python")
    candidates, repo = _with_importers(paths, candidates, results, codemods, lowered_python)
    return results, candidates, repo


def _import_before_fork(candidates: Sequence[Path], codemods: Sequence[str], workers: int = 1) -> None:
    """Import what the workers will need for these candidates here, once, before they are forked
    (they then share it): libcst and the selected codemods for a Python file, the non-Python
    rewriters for another. Nothing for a kind of file that is not among them. With more than
    one worker, libcst's import passes too (a file asking for an import change needs them, with
    libcst.matchers: about 0.2 s of CPU that each worker would otherwise spend again)."""
    if any(_language_of(path.name) is None for path in candidates) and _python_only(codemods):
        from codemods.engine import codemod_classes

        codemod_classes(_python_only(codemods))
        if workers > 1:
            from codemods.core import libcst_speedups

            libcst_speedups.install_import_pass_patches()  # (imports libcst.codemod's visitors)
    if any(_language_of(path.name) is not None for path in candidates) and _lang_only(codemods):
        import codemods.lang.engine  # noqa: F401
    _START_UP.resume()  # before the workers are forked: they collect again


def _with_importers(paths, candidates: List[int], results: list, codemods: Sequence[str],
                    lowered: Optional[Dict[str, bytes]] = None):
    """The repo pre-pass (``codemods.prepass``) over the Python candidates: files that import a
    module handing out v1 clients, constants or wrappers become candidates too. ``lowered``:
    path -> lower-cased bytes the pre-filter kept (searched instead of reading the file again)."""
    from codemods.core.tokens import any_token
    from codemods.prepass import prepass

    lowered = lowered or {}
    python = [os.fspath(p) for p in paths if _language_of(p.name) is None]
    triggered = [os.fspath(paths[i]) for i in candidates if _language_of(paths[i].name) is None]
    # the others are searched again only if a module hands out v1
    repo = prepass(python, candidates=triggered, lowered=lowered)
    if not repo.modules:
        return candidates, None
    tokens = repo.tokens
    has_token = any_token(tuple(tokens))
    added = []
    for index, result in enumerate(results):
        if result is not None and result.status == "skipped" and result.language == "python":
            kept = lowered.get(os.fspath(paths[index]))
            triggered = has_token(kept) if kept is not None else _prefilter(paths[index], tokens)[0]
            if triggered:
                results[index] = None
                added.append(index)
    return sorted(candidates + added), repo


def _largest_first(args: Sequence[tuple]) -> List[int]:
    """Start the biggest files first so that one large file does not finish a run alone."""
    def size(index: int) -> int:
        try:
            return os.path.getsize(args[index][0])
        except OSError:
            return 0
    return sorted(range(len(args)), key=lambda i: -size(i))


def unified_diff(result: FileResult) -> str:
    """The raw unified diff of one changed file (``a/``/``b/`` prefixes, as git prints it)."""
    import difflib  # only when a diff is printed

    from migrate.files import decode_source

    if result.new is None:
        return ""
    before = decode_source(result.original).splitlines(keepends=True)
    after = decode_source(result.new).splitlines(keepends=True)
    lines = []
    name = result.path.lstrip("/")
    for line in difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)


@dataclass
class Summary:
    scanned: int = 0
    changed: int = 0
    with_todos: int = 0
    parse_failed: int = 0
    failed: int = 0  # every failure, parse failures included
    by_codemod: Dict[str, int] = field(default_factory=dict)
    by_language: Dict[str, int] = field(default_factory=dict)
    sites: int = 0  # the findings of `scan` whose code the rewrite changes (scan's "fixable")
    count_sites: bool = True  # False: `sites` is not shown, not counted (no scan of changed files)

    def add(self, result: FileResult) -> None:
        self.scanned += 1
        self.by_language[result.language] = self.by_language.get(result.language, 0) + 1
        if result.changed:
            self.changed += 1
            if self.count_sites:
                self.sites += result.sites if result.sites is not None else changed_sites(result)
            for name in result.applied:
                self.by_codemod[name] = self.by_codemod.get(name, 0) + 1
        if result.todos and result.status != "failed":
            self.with_todos += 1
        if result.status == "failed":
            self.failed += 1
            self.parse_failed += result.parse_error

    def line(self, verb: str) -> str:
        languages = ", ".join(f"{n} {lang}" for lang, n in sorted(self.by_language.items())
                              ) if set(self.by_language) - {"python"} else ""
        parts = [f"{self.scanned} file{'s' * (self.scanned != 1)} scanned" + (f" ({languages})" if languages else ""),
                 f"{self.changed} {verb}" + (f" ({self.sites} flagged site{'s' * (self.sites != 1)})"
                                             if self.changed else ""),
                 f"{self.with_todos} left with TODOs",
                 f"{self.parse_failed} failed to parse"]
        other = self.failed - self.parse_failed
        if other:
            parts.append(f"{other} could not be processed")
        return "rewrite: " + ", ".join(parts)


# --- the click command -------------------------------------------------------------------

def _list_codemods(ctx, param, value) -> None:
    """``--list-codemods`` is eager: it answers before PATHS are required."""
    if not value or ctx.resilient_parsing:
        return
    for name, codemod in available_codemods().items():
        click.echo(f"{name}\t{codemod.DESCRIPTION}")
    for name, description in LANG_REWRITERS.items():
        click.echo(f"{name}\t{description}")
    ctx.exit(0)


def _explain_codemod(ctx, param, value) -> None:
    """``--explain NAME`` is eager: a codemod's documentation and examples (codemods.docs)."""
    if not value or ctx.resilient_parsing:
        return
    from codemods.docs import documented, explain
    from migrate.errors import CliError
    from migrate.rule_help import markdown_to_text

    if value not in documented():
        raise CliError(f"unknown codemod {value!r}; known: {', '.join(documented())}")
    click.echo(markdown_to_text(explain(value)), nl=False)
    ctx.exit(0)


@click.command(context_settings={"help_option_names": ["-h", "--help"]},
               epilog="\b\nWhich scan findings it fixes: `prelude-migrate rule --all` (section Fix).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing. Exit 1 if non-empty.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when any file would change.")
@click.option("--only", multiple=True, metavar="NAME",
              help="Run only these codemods (repeat or comma-separate): Python ones and the other languages' "
                   f"({', '.join(LANG_REWRITERS)}); see --list-codemods.")
@click.option("--skip", multiple=True, metavar="NAME", help="Do not run these codemods.")
@click.option("--list-codemods", is_flag=True, is_eager=True, expose_value=False, callback=_list_codemods,
              help="List the codemods and exit.")
@click.option("--explain", metavar="NAME", is_eager=True, expose_value=False, callback=_explain_codemod,
              help="Print what a codemod (or a non-Python rewriter such as todo-marks) does, why, "
                   "its examples and its fix safety, and exit.")
@click.option("--stdin-filename", metavar="PATH", help="Name to report for source read from '-'.")
@click.option("--no-gitignore", is_flag=True, help="Also rewrite files that .gitignore excludes.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Read `exclude`/`extend-exclude` from this TOML file instead of the nearest "
                   "configuration (.prelude-migrate.toml, prelude-migrate.toml or pyproject.toml).")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes at most (default: all cores); one per 4 files that need a parse, "
                   "none when no file does.")
@click.option("-q", "--quiet", is_flag=True, help="No per-file lines and no summary; errors only.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Time one file may take; a file over it is reported and left as it was.")
@click.option("--max-file-size", "max_file_size", type=click.IntRange(min=1), default=DEFAULT_MAX_FILE_BYTES,
              show_default=True, metavar="BYTES", help="Larger files are reported and left as they were.")
def rewrite(paths, show_diff, check, only, skip, stdin_filename, no_gitignore, config_path, jobs, quiet,
            timeout, max_file_size):
    """Rewrite v1 code to v2: Python (the v1 ding SDK and v1 HTTP calls -> prelude-python-sdk)
    and every other language and config format (hosts and docs links everywhere, JS/TS raw HTTP
    and @ding-live/ding -> @prelude.so/sdk, dependency manifests, a TODO above what is left).

    \b
    Writes in place by default. Exit codes: 0 nothing to do or all written; 1 changes pending
    (--check / --diff); 2 usage error, or a file that could not be processed (reported by
    name; the other files are still processed). Sites that cannot be migrated safely get a
    `# TODO(prelude-migration): ...` comment.
    """
    from migrate.errors import CliError

    if show_diff and check:
        raise CliError("--diff and --check cannot be combined (--diff already exits 1 when "
                       "something would change)")
    try:
        codemods = select_codemods(_split_names(only), _split_names(skip))
    except UsageError as exc:
        raise CliError(str(exc)) from None

    if "-" in paths:
        if len(paths) > 1:
            raise CliError("'-' (stdin) cannot be combined with other paths")
        sys.exit(_rewrite_stdin(codemods, stdin_filename or "-", show_diff, check, timeout))
    if stdin_filename is not None:
        raise CliError("--stdin-filename needs the path '-'")

    from migrate.files import path_problem

    problems = [problem for problem in map(path_problem, paths) if problem]
    if problems:
        raise CliError("; ".join(problems))
    with _START_UP:
        _rewrite_tree(paths, codemods, show_diff, check, no_gitignore, config_path, jobs, quiet, timeout,
                      max_file_size)


def _rewrite_tree(paths, codemods, show_diff, check, no_gitignore, config_path, jobs, quiet, timeout,
                  max_file_size) -> None:
    """``rewrite`` over the files under ``paths``: the per-file lines, the summary, the exit."""
    dry_run = show_diff or check
    unlisted: List[FileResult] = []

    def folder_error(folder: str, exc: OSError) -> None:
        from migrate.files import display_path
        unlisted.append(FileResult(display_path(folder), "failed",
                                   error=f"cannot list folder: {exc.strerror or exc}; its files were not rewritten"))

    files = discover(paths, respect_gitignore=not no_gitignore, exclude=_config_exclude(paths, config_path),
                     on_error=folder_error)
    summary = Summary(count_sites=not quiet)
    show_bar = len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty() and not quiet
    progress = click.progressbar(length=len(files), label="rewriting", file=sys.stderr) if show_bar \
        else contextlib.nullcontext()
    with progress as bar:
        results = rewrite_paths(files, codemods, write=not dry_run, keep_original=show_diff, jobs=jobs,
                                on_result=(lambda _result: bar.update(1)) if show_bar else None,
                                timeout=timeout, max_bytes=max_file_size, count_sites=not quiet)
    results = unlisted + results

    out = sys.stdout
    for result in results:
        summary.add(result)
        if result.status == "failed":
            click.echo(f"prelude-migrate rewrite: error: {result.path}: {result.error}", err=True)
        elif result.changed and show_diff:
            out.write(unified_diff(result))
        elif result.changed and not quiet:
            verb = "would rewrite" if dry_run else "rewrote"
            left = f"; {result.todos} TODO{'s' * (result.todos != 1)} left" if result.todos else ""
            click.echo(f"{verb} {result.path} ({', '.join(result.applied)}{left})", err=True)
        elif result.todos and not quiet and result.status == "unchanged":
            click.echo(f"left {result.path} ({result.todos} TODO{'s' * (result.todos != 1)})", err=True)
        if result.unmarked and not quiet and result.status != "failed":
            for line, why in result.unmarked:
                click.echo(f"left {result.path}:{line}: {why} ({result.language} has no comments: "
                           "change it by hand)", err=True)
    out.flush()
    if not quiet:
        click.echo(summary.line("would change" if dry_run else "changed"), err=True)
    if summary.failed:
        sys.exit(2)
    sys.exit(1 if dry_run and summary.changed else 0)


class _StartUpCollector:
    """The CLI's start-up makes many objects that live as long as the process (libcst's node
    classes, the codemods) and little garbage; the cyclic collector walking them again and
    again was about a tenth of a run where a few files use v1. So no collection until they are
    imported; then they are frozen (``gc.freeze``: no later collection walks them, here or in
    the forked workers) and collection resumes, before any worker is forked. As it was again
    when the command ends (the CLI also runs in-process: click's test runner)."""

    def __init__(self) -> None:
        self.paused = self.frozen = False

    def __enter__(self) -> "_StartUpCollector":
        if gc.isenabled() and not gc.get_freeze_count():  # a host's own freeze is left alone
            gc.disable()
            self.paused = True
        return self

    def resume(self) -> None:
        if self.paused:
            gc.freeze()
            gc.enable()
            self.paused, self.frozen = False, True

    def __exit__(self, *exc_info) -> None:
        if self.frozen:
            gc.unfreeze()
        if self.paused:
            gc.enable()
        self.paused = self.frozen = False


_START_UP = _StartUpCollector()


def _config_exclude(paths: Sequence[str], config_path: Optional[str] = None):
    """The ``exclude``/``extend-exclude`` globs of the configuration (shared with scan)."""
    from migrate.config import ConfigError, load_config, start_folder
    from migrate.errors import CliError

    try:
        config = load_config(start_dir=start_folder(paths), path=config_path)
        return config.exclude_spec() if config.exclude_patterns() else None
    except ConfigError as exc:
        raise CliError(str(exc)) from None


def _rewrite_stdin(codemods: Sequence[str], name: str, show_diff: bool, check: bool,
                   timeout: Optional[float] = DEFAULT_TIMEOUT) -> int:
    from migrate.workers import WorkerFailure, run_isolated

    data = sys.stdin.buffer.read()
    # In a worker like files are: a source that crashes the parser costs an error message.
    [(_, result)] = run_isolated(_rewrite_bytes_task, [(data, name, tuple(codemods))], jobs=1, timeout=timeout)
    if isinstance(result, WorkerFailure):
        result = FileResult(name, "failed", data, error=f"not rewritten: {result}", parse_error=True)
    if result.status == "failed":
        click.echo(f"prelude-migrate rewrite: error: {name}: {result.error}", err=True)
        if not (show_diff or check):
            _write_stdout_bytes(data)  # pass the input through untouched
        return 2
    if show_diff:
        sys.stdout.write(unified_diff(result))
    elif not check:
        _write_stdout_bytes(result.new if result.changed and result.new is not None else data)
    return 1 if (show_diff or check) and result.changed else 0


def _rewrite_bytes_task(args: Tuple[bytes, str, Tuple[str, ...]]) -> FileResult:
    return rewrite_bytes(*args)


def _write_stdout_bytes(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
