"""The scanner: find deprecated Prelude/Ding v1 and ``api.ding.live`` usage in a tree.

``scan(paths, config=..., today=...)`` is the plain-Python API under ``prelude-migrate scan``::

    from migrate.scan import scan
    findings, summary = scan(["."], today=datetime.date(2026, 5, 1))

Findings come in walk order (files sorted by name, folders depth-first), then by position.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import time
from typing import Callable, Iterator, List, Optional, Sequence, Tuple

from migrate.files import display_path, is_binary_name, path_problem
from migrate.findings import Finding, ScanSummary
from migrate.scan import engine, pool
from migrate.scan.engine import DEFAULT_MAX_BYTES, ScanOptions
from migrate.scan.rules import ALL_RULES
from migrate.workers import DEFAULT_TIMEOUT


def selected_rules(config=None) -> Tuple[str, ...]:
    if config is None:
        return tuple(ALL_RULES)
    return tuple(rule_id for rule_id in ALL_RULES if config.rule_enabled(rule_id))


def scan(paths: Sequence["os.PathLike[str] | str"], *, config=None, today: Optional[_dt.date] = None,
         progress: Optional[Callable[[int, int], None]] = None, jobs: Optional[int] = None,
         respect_gitignore: bool = True, max_bytes: int = DEFAULT_MAX_BYTES,
         timeout: Optional[float] = DEFAULT_TIMEOUT,
         skip_paths: Sequence[str] = (),
         ) -> Tuple[List[Finding], ScanSummary]:
    """Scan files and folders. ``config`` is a ``migrate.config.Config`` (rule selection and
    excludes; None = every rule, no excludes). ``progress(done, total)`` is called now and then.
    ``skip_paths``: files this run writes (``-o report.sarif``), never scanned.
    A path that does not exist raises ``FileNotFoundError`` before anything is scanned.

    Two passes: the first scans every file and collects, from the files that pass the byte
    pre-filter, what the repository index needs (``codemods.syntax.index``); when the index holds
    v1 evidence, the second scans again the files whose verdict it can change: those with
    v1-looking tokens but no evidence of their own, and those that name an index entry."""
    started = time.perf_counter()
    today = today or _dt.date.today()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in paths:
        problem = path_problem(path)  # "no such file or directory", "symlink loop", ...
        if problem:
            raise FileNotFoundError(problem)
    exclude = config.exclude_spec() if config is not None and config.exclude_patterns() else None
    if exclude is not None:  # files named one by one (pre-commit does that) obey the excludes too
        paths = [p for p in paths if not (os.path.isfile(p) and exclude.match_file(display_path(p)))]
    unlistable: List[Tuple[str, str]] = []  # folders the walk could not enter

    def folder_error(folder: str, exc: OSError) -> None:
        unlistable.append((display_path(folder) + "/", exc.strerror or type(exc).__name__))

    files = engine.iter_file_paths(paths, exclude=exclude, respect_gitignore=respect_gitignore,
                                   on_error=folder_error)
    if _overlapping(paths):  # `scan . src/app.py` must not report a file twice
        files = _once(files)
    walked: List[str] = []
    binary_names = [0]
    options = ScanOptions(selected_rules(config), today, max_bytes, skip_paths=tuple(skip_paths))
    results = list(pool.scan_files(_recorded(files, walked, binary_names), options, jobs=jobs,
                                   progress=progress, timeout=timeout))
    over_cap = _second_pass(walked, results, options, jobs, timeout)
    summary = ScanSummary(today=today, files_over_v1_read_cap=over_cap)
    summary.files_skipped_binary += binary_names[0]
    from migrate.scan.fixable import with_manifest_swaps

    findings = with_manifest_swaps(pool.collect(results, summary))  # rewrite's repo-level manifest swaps
    summary.files_unreadable.extend(unlistable)
    summary.duration_s = time.perf_counter() - started
    return findings, summary


def _recorded(files: Iterator[str], walked: List[str], binary_names: List[int]) -> Iterator[str]:
    """The walk, recorded for the second pass, less the files whose name alone says binary
    (``migrate.files.BINARY_SUFFIXES``): those are only counted, never opened or sent to a
    worker (in a system or vendored tree they are most of the files)."""
    for path in files:
        if is_binary_name(path):
            binary_names[0] += 1
            continue
        walked.append(path)
        yield path


# Files whose language can call a repository's own v1 client (the second pass reads them again).
_CODE_FAMILIES = frozenset({"js", "go", "jvm", "php", "ruby", "csharp", "swift", "python", "rust", "dart"})


def _second_pass(walked: List[str], results: list, options: ScanOptions, jobs: Optional[int],
                 timeout: Optional[float]) -> int:
    """Replace, in place, the results the repository index changes. Returns how many files of
    v1 code folders were left unread past ``MAX_UNREAD_V1_FILES`` (the summary says so)."""
    from codemods.syntax.index import RepoIndex
    from codemods.syntax.languages import family, language_for_path

    facts = [r.facts for r in results if r.facts is not None]
    if not facts:
        return 0
    index = RepoIndex.build(facts)
    if not index.any_evidence:
        return 0
    deferred = [i for i, r in enumerate(results) if r.deferred]
    again = []
    if any(len(name) >= 4 for name in index.names()):  # the second-look automaton's names
        again = [i for i, r in enumerate(results) if not r.deferred and r.status == "scanned"
                 and family(language_for_path(walked[i])) in _CODE_FAMILIES]
    unread, over_cap = _unread_v1_code(walked, results, index)
    if unread:
        skip = set(unread)  # read once, past the pre-filter, below
        again = [i for i in again if i not in skip]
    known = {walked[i]: results[i].python_usages for i in set(deferred) | set(again)
             if results[i].python_usages is not None}
    for positions, names_only, past_prefilter in ((deferred, False, False), (again, True, False), (unread, False, True)):
        if not positions:
            continue
        second = dataclasses.replace(options, index=index, names_only=names_only, known_usages=known,
                                     past_prefilter=past_prefilter)
        for i, result in zip(positions, pool.scan_files([walked[i] for i in positions], second, jobs=jobs, timeout=timeout)):
            if result.status != "unchanged":
                results[i] = result
    return over_cap


# At most this many files are read past the pre-filter because the index says they are v1 code.
MAX_UNREAD_V1_FILES = 2000


def _unread_v1_code(walked: List[str], results: list, index) -> Tuple[List[int], int]:
    """The code files the first pass did not read (no pre-filter token) where the index says every
    file is v1 code (``RepoIndex.v1_code_folder``: a Go package v1 code imports from Ding's
    organisation, a v1 SDK's own tree): the only files the second pass reads past the pre-filter,
    bounded, and none at all in a tree without such a package. Also how many such files the
    bound left out."""
    from codemods.syntax.languages import family, language_for_path

    if not index.has_v1_code_folders:
        return [], 0
    out, over = [], 0
    for i, r in enumerate(results):
        if r.status != "scanned" or r.facts is not None or r.findings:
            continue
        language = language_for_path(walked[i])
        if family(language) in _CODE_FAMILIES and index.v1_code_folder(walked[i], language):
            if len(out) < MAX_UNREAD_V1_FILES:
                out.append(i)
            else:
                over += 1
    return out, over


def _overlapping(paths: Sequence["os.PathLike[str] | str"]) -> bool:
    """Whether one path is inside (or equal to) another: only then is each file checked
    against the ones already seen (an abspath per file costs ~0.2 s on 100k files)."""
    roots = [os.path.normcase(os.path.abspath(p)) for p in paths]
    return any(a == b or a.startswith(b.rstrip(os.sep) + os.sep)
               for i, a in enumerate(roots) for j, b in enumerate(roots) if i != j)


def _once(files: Iterator[str]) -> Iterator[str]:
    seen = set()
    for path in files:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            yield path


__all__ = ["ALL_RULES", "scan", "selected_rules"]
