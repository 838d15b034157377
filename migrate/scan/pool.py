"""Many files: a process pool over chunks of the walk, results in walk order.

A scan starts in this process and moves to a pool only once the tree proves big (many files,
or slow ones: libcst parses): a small tree never pays for starting workers. With a pool the walk
goes on in this process while the workers scan the chunks already found; chunks are handed back
strictly in submission order, so the output never depends on timing.
"""
from __future__ import annotations

import collections
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Deque, Iterable, Iterator, List, Optional, Sequence

from migrate.findings import Finding, ScanSummary
from migrate.scan.engine import FileResult, FileScanner, ScanOptions

# Scanned in this process before a pool is started: a pool costs ~0.1 s to start and ~10 us
# per file to ship; files without a trigger cost ~20 us here, a libcst parse ~50 ms.
SERIAL_MAX_FILES = 2000
SERIAL_MAX_SECONDS = 0.25
# Chunks start small (every worker gets work at once) and grow: each chunk is one pickled
# round trip, and fewer of them halve the parent's CPU on a 95k-file tree.
CHUNK_FILES = 32
CHUNK_FILES_MAX = 256

_WORKER: Optional[FileScanner] = None


def _init_worker(options: ScanOptions) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the parent alone handles it (one message, exit
    # 130), instead of every worker printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = FileScanner(options)


def _scan_chunk(paths: Sequence[str]) -> list:
    """Results to send back; a file with nothing to report travels as its status string alone
    (pickling ~100k result objects would cost more than scanning the files)."""
    results = [_WORKER.scan_path(p) for p in paths]
    return [r if r.findings or r.reason or r.suppressed else r.status for r in results]


# One shared, read-only result per status for the files with nothing to report (most of them).
_PLAIN = {status: FileResult("", status) for status in ("scanned", "binary", "large")}


def _unpack(results: list) -> List[FileResult]:
    return [_PLAIN[r] if isinstance(r, str) else r for r in results]


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
    scanner = FileScanner(options)
    started, done = time.monotonic(), 0
    for path in files:
        yield scanner.scan_path(path)
        done += 1
        if progress and done % 500 == 0:
            progress(done, done)
        if jobs > 1 and (done >= SERIAL_MAX_FILES or time.monotonic() - started > SERIAL_MAX_SECONDS):
            break
    else:
        return
    yield from _scan_in_pool(files, options, jobs, progress, done)


def _scan_in_pool(files: Iterator[str], options: ScanOptions, jobs: int,
                  progress: Optional[Callable[[int, int], None]], done: int) -> Iterator[FileResult]:
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(),
                                   initializer=_init_worker, initargs=(options,))
    pending: Deque = collections.deque()
    try:
        found = done
        for chunk in _chunks(files):
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
    except BaseException:  # Ctrl-C or an error: do not wait for the chunks still queued
        for future in pending:
            future.cancel()
        executor.shutdown(wait=False)
        raise
    executor.shutdown(wait=True)


def _chunks(paths: Iterable[str]) -> Iterator[List[str]]:
    size, chunk = CHUNK_FILES, []
    for path in paths:
        chunk.append(path)
        if len(chunk) == size:
            yield chunk
            size, chunk = min(size * 2, CHUNK_FILES_MAX), []
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


__all__ = ["CHUNK_FILES", "SERIAL_MAX_FILES", "SERIAL_MAX_SECONDS", "collect", "default_jobs", "scan_files"]
