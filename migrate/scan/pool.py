"""Many files: a process pool over chunks of the walk, results in walk order.

With a pool the walk goes on in this process while the workers scan the chunks already found;
chunks are handed back strictly in submission order, so the output never depends on timing.
"""
from __future__ import annotations

import collections
import itertools
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Deque, Iterable, Iterator, List, Optional, Sequence

from migrate.findings import Finding, ScanSummary
from migrate.scan.engine import FileResult, FileScanner, ScanOptions

PARALLEL_MIN_FILES = 64  # below this a pool costs more than it saves (libcst: ~0.2 s per file)
CHUNK_FILES = 32

_WORKER: Optional[FileScanner] = None


def _init_worker(options: ScanOptions) -> None:
    global _WORKER
    _WORKER = FileScanner(options)


def _scan_chunk(paths: Sequence[str]) -> list:
    """Results to send back; a file with nothing to report travels as its status string alone
    (pickling ~100k result objects would cost more than scanning the files)."""
    results = [_WORKER.scan_path(p) for p in paths]
    return [r if r.findings or r.reason or r.suppressed else r.status for r in results]


def _unpack(results: list) -> List[FileResult]:
    return [FileResult("", r) if isinstance(r, str) else r for r in results]


def _pool_context():
    import multiprocessing

    # fork starts workers in milliseconds with the rules already imported; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 61))  # Windows pools break above 61 workers


def scan_files(files: Iterable[str], options: ScanOptions, *, jobs: Optional[int] = None,
               progress: Optional[Callable[[int, int], None]] = None) -> Iterator[FileResult]:
    """Results for ``files`` in the same order. ``files`` may be a lazy walk: with a pool the
    walk goes on in this process while the workers scan the chunks already found, and
    ``progress(done, found so far)`` is called as chunks come back."""
    jobs = jobs or default_jobs()
    files = iter(files)
    first = list(itertools.islice(files, PARALLEL_MIN_FILES))
    if jobs <= 1 or len(first) < PARALLEL_MIN_FILES:
        scanner = FileScanner(options)
        for done, path in enumerate(itertools.chain(first, files), start=1):
            yield scanner.scan_path(path)
            if progress and done % 500 == 0:
                progress(done, done)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(),
                             initializer=_init_worker, initargs=(options,)) as executor:
        pending: Deque = collections.deque()
        found = done = 0
        for chunk in _chunks(itertools.chain(first, files)):
            pending.append(executor.submit(_scan_chunk, chunk))
            found += len(chunk)
            while pending and pending[0].done():  # hand back finished chunks while walking
                results = _unpack(pending.popleft().result())
                done += len(results)
                yield from results
                if progress:
                    progress(done, found)
        while pending:
            results = _unpack(pending.popleft().result())
            done += len(results)
            yield from results
            if progress:
                progress(done, found)


def _chunks(paths: Iterable[str]) -> Iterator[List[str]]:
    chunk: List[str] = []
    for path in paths:
        chunk.append(path)
        if len(chunk) == CHUNK_FILES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def collect(results: Iterable[FileResult], summary: ScanSummary) -> List[Finding]:
    """Fold per-file results into findings (walk order) and the summary counts."""
    findings: List[Finding] = []
    for result in results:
        if result.status == "binary":
            summary.files_skipped_binary += 1
        elif result.status == "large":
            summary.files_skipped_large += 1
        elif result.status == "unreadable":
            summary.files_unreadable.append((result.path, result.reason))
        else:
            summary.files_scanned += 1
            summary.suppressed += result.suppressed
            if result.reason:
                summary.files_parse_failed.append((result.path, result.reason))
            findings.extend(result.findings)
    return findings


__all__ = ["CHUNK_FILES", "PARALLEL_MIN_FILES", "collect", "default_jobs", "scan_files"]
