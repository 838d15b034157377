"""Many files: crash-proof worker processes over the walk, results in walk order.

Every file is scanned in a worker process (``migrate.workers``): a file that crashes a parser or
runs past the per-file time limit is reported with the reason and costs nothing else; the walk
goes on in this process while the workers scan what it already found, and results come back
strictly in walk order, so the output never depends on timing. Workers are forked with the rules
already imported (about 10 ms each), so even a small tree pays little for the safety.
"""
from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, List, Optional

from migrate.findings import Finding, ScanSummary
from migrate.files import display_path
from migrate.scan.engine import FileResult, FileScanner, ScanOptions
from migrate.workers import DEFAULT_TIMEOUT, WorkerFailure, run_isolated

# Results a worker may hold before sending (seconds): cheap files travel in batches, and a crash
# re-scans the few whose results had not left yet (a scan writes nothing, so that is harmless).
FLUSH_SECONDS = 0.05

_WORKER: Optional[FileScanner] = None


def _init_worker(options: ScanOptions) -> None:
    global _WORKER
    _WORKER = FileScanner(options)


def _scan_one(path: str):
    """A file with nothing to report travels as its status string alone (pickling ~100k result
    objects would cost more than scanning the files)."""
    result = _WORKER.scan_path(path)
    if result.status == "large":
        return result  # listed by name: a file not scanned is never silent
    if (result.findings or result.reason or result.suppressed or result.facts is not None or result.deferred
            or result.python_usages):
        return result
    return result.status


# One shared, read-only result per status for the files with nothing to report (most of them).
_PLAIN = {status: FileResult("", status) for status in ("scanned", "binary", "large", "unchanged")}


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 61))  # Windows waits break above 61 workers


def scan_files(files: Iterable[str], options: ScanOptions, *, jobs: Optional[int] = None,
               progress: Optional[Callable[[int, int], None]] = None,
               timeout: Optional[float] = DEFAULT_TIMEOUT) -> Iterator[FileResult]:
    """Results for ``files`` in the same order. ``files`` may be a lazy walk;
    ``progress(done, found so far)`` is called every 500 files."""
    counter = _Counter(files)
    done = 0
    for path, result in run_isolated(_scan_one, counter, jobs=jobs or default_jobs(), timeout=timeout,
                                     initializer=_init_worker, initargs=(options,), flush_every=FLUSH_SECONDS):
        if isinstance(result, WorkerFailure):
            # Nothing of the file could be analysed: listed with the parse failures, by name.
            result = FileResult(display_path(path), "scanned", reason=f"not analysed: {result}")
        elif isinstance(result, str):
            result = _PLAIN[result]
        yield result
        done += 1
        if progress and done % 500 == 0:
            progress(done, counter.count)
    if progress:
        progress(done, counter.count)


class _Counter:
    """Counts the files the walk has produced so far (for progress)."""

    def __init__(self, files: Iterable[str]) -> None:
        self.files, self.count = iter(files), 0

    def __iter__(self) -> "_Counter":
        return self

    def __next__(self) -> str:
        path = next(self.files)
        self.count += 1
        return path


def collect(results: Iterable[FileResult], summary: ScanSummary) -> List[Finding]:
    """Fold per-file results into findings (walk order) and the summary counts."""
    findings: List[Finding] = []
    for result in results:
        if result.status == "binary":
            summary.files_skipped_binary += 1
        elif result.status == "large":
            summary.files_skipped_large += 1
            if result.path:
                summary.files_too_large.append(display_path(result.path))
        elif result.status == "unreadable":
            summary.files_unreadable.append((result.path, result.reason))
        else:
            summary.files_scanned += 1
            summary.suppressed += result.suppressed
            if result.reason:
                summary.files_parse_failed.append((result.path, result.reason))
            findings.extend(result.findings)
    return findings


__all__ = ["FLUSH_SECONDS", "collect", "default_jobs", "scan_files"]
