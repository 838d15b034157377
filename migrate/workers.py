"""Crash- and hang-proof worker processes for ``scan`` and ``rewrite``.

A parser can segfault or run for minutes on one pathological file (libcst overflows its stack on
a few thousand nested brackets or a 10,000-term ``and`` chain). Such a file must cost that one
file, never the run: every item is processed in a worker process, the parent watches each
worker's progress through shared memory, and

- a worker that dies (a signal, ``os._exit``, the OOM killer) fails only the item it was on; the
  rest of its chunk is handed to a fresh worker;
- an item that runs longer than ``timeout`` seconds gets its worker killed and is failed as
  timed out; the rest of the chunk goes on elsewhere;
- results come back in input order whatever the timing, so the output is deterministic.

``concurrent.futures.ProcessPoolExecutor`` cannot do this: one dead worker breaks the whole pool
(``BrokenProcessPool``) and it has no per-task timeout. Workers are forked where the platform
allows (milliseconds to start, the rules already imported), spawned elsewhere.
"""
from __future__ import annotations

import collections
import faulthandler
import itertools
import os
import signal
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

DEFAULT_TIMEOUT = 60.0  # seconds one file may take; `--timeout` changes it
CHUNK_FIRST = 1  # a chunk's items run in one round trip: start small so every worker gets work
CHUNK_MAX = 256


@dataclass(frozen=True)
class WorkerFailure:
    """Why an item produced no result: its worker died on it, or it ran out of time."""
    kind: str  # "crashed" | "timed-out" | "error"
    message: str

    def __str__(self) -> str:
        return self.message


def _describe_exit(code: Optional[int]) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (the parser overflowed its stack: too deeply nested)" if name == "SIGSEGV" else ""
        return f"the worker processing it was killed by {name}{hint}"
    return f"the worker processing it exited with status {code}"


def _context():
    import multiprocessing  # only once a pool is started (a run with nothing to parse has none)

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def _worker_main(conn, slot, index, func, initializer, initargs, flush_every) -> None:
    # Ctrl-C reaches the whole process group: only the parent reacts (one message, exit 130).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A crash is reported by the parent in one line; no C-level traceback on the user's terminal.
    faulthandler.disable()
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        task_id, items = task
        results: list = []
        base, flushed = 0, time.monotonic()
        try:
            for position, item in enumerate(items):
                slot[index] = position  # the parent reads this to know which item a crash hit
                try:
                    results.append(func(item))
                except Exception as exc:  # a bug in one item must not lose the other results
                    results.append(WorkerFailure("error", f"internal error: {type(exc).__name__}: {exc}"))
                now = time.monotonic()
                if flush_every is not None and now - flushed >= flush_every and position + 1 < len(items):
                    # results travel early, so a crash later in the chunk does not lose them
                    conn.send(("part", task_id, base, results))
                    base, results, flushed = position + 1, [], now
            conn.send(("done", task_id, base, results))
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self, pool: "_Pool", index: int) -> None:
        self.index = index
        parent_end, child_end = pool.ctx.Pipe(duplex=True)
        self.conn = parent_end
        self.process = pool.ctx.Process(
            target=_worker_main, daemon=True,
            args=(child_end, pool.slots, index, pool.func, pool.initializer, pool.initargs,
                  pool.flush_every))
        self.process.start()
        child_end.close()
        self.task: Optional[Tuple[int, List[Tuple[int, Any]]]] = None
        self.received = 0  # results of the current chunk already back in the parent
        self.position = -1  # last progress seen
        self.since = 0.0  # when that progress was first seen

    def give(self, task_id: int, items: List[Tuple[int, Any]], slots) -> None:
        self.task = (task_id, items)
        self.received = 0
        slots[self.index] = 0
        self.position, self.since = 0, time.monotonic()
        self.conn.send((task_id, [item for _, item in items]))

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError, BrokenPipeError):
            pass
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Pool:
    def __init__(self, func, jobs, timeout, initializer, initargs, flush_every) -> None:
        self.ctx = _context()
        self.func, self.timeout, self.flush_every = func, timeout, flush_every
        self.initializer, self.initargs = initializer, initargs
        self.slots = self.ctx.RawArray("q", max(1, jobs))
        self.workers = [_Worker(self, i) for i in range(max(1, jobs))]

    def replace(self, worker: _Worker) -> _Worker:
        worker.stop(kill=True)
        fresh = _Worker(self, worker.index)
        self.workers[worker.index] = fresh
        return fresh

    def close(self, kill: bool = False) -> None:
        for worker in self.workers:
            worker.stop(kill=kill)


def run_isolated(
    func: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    jobs: int = 1,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    initializer: Optional[Callable[..., None]] = None,
    initargs: Sequence[Any] = (),
    chunk_max: int = CHUNK_MAX,
    schedule: Optional[Callable[[Sequence[Any]], Sequence[int]]] = None,
    flush_every: Optional[float] = 0.0,
) -> Iterator[Tuple[Any, Any]]:
    """Yield ``(item, func(item))`` for every item, in input order, computed in ``jobs`` worker
    processes. An item whose worker crashed or that exceeded ``timeout`` seconds yields a
    :class:`WorkerFailure` instead of a result; so does one whose ``func`` raised.

    ``items`` may be lazy (a directory walk goes on while workers work). ``schedule``, given the
    whole list of items, returns the order in which to start them (e.g. largest file first); it
    makes the iterable be read at once. ``func`` and what it returns must be picklable where
    workers are spawned (top-level functions, plain data).

    ``flush_every`` (seconds) is how long a worker may hold results before sending them: 0 sends
    each result at once (an item with side effects, such as a written file, is never run twice);
    a larger value batches cheap items, and a crash then re-runs the few whose results were not
    yet sent (fine for read-only work such as a scan); None sends once per chunk.
    """
    pool = _Pool(func, jobs, timeout, initializer, tuple(initargs), flush_every)
    try:
        yield from _drive(pool, iter(items), chunk_max, schedule)
    except BaseException:  # Ctrl-C or a consumer that stopped early: no waiting for workers
        pool.close(kill=True)
        raise
    pool.close()


def _chunks(indexed: Iterator[Tuple[int, Any]], chunk_max: int) -> Iterator[List[Tuple[int, Any]]]:
    size, chunk = CHUNK_FIRST, []
    for pair in indexed:
        chunk.append(pair)
        if len(chunk) >= size:
            yield chunk
            size, chunk = min(size * 2, chunk_max), []
    if chunk:
        yield chunk


def _drive(pool: _Pool, items: Iterator[Any], chunk_max: int, schedule) -> Iterator[Tuple[Any, Any]]:
    from multiprocessing.connection import wait

    if schedule is not None:
        listed = list(items)
        order = list(schedule(listed))
        source: Iterator[Tuple[int, Any]] = iter([(i, listed[i]) for i in order])
    else:
        source = enumerate(items)
    lookahead: Deque[Tuple[int, Any]] = collections.deque()  # walked ahead while workers work
    walk_ended = [schedule is not None]
    chunks = _chunks(_lookahead_first(lookahead, source), chunk_max)
    retry: Deque[List[Tuple[int, Any]]] = collections.deque()  # rests of chunks a crash cut short
    done: Dict[int, Tuple[Any, Any]] = {}
    next_out, seen, exhausted, task_ids = 0, 0, False, 0
    while True:
        # hand out work: first what a crash left over, then fresh chunks of the walk
        for worker in pool.workers:
            if worker.task is not None:
                continue
            chunk = retry.popleft() if retry else None
            if chunk is None and not exhausted:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    seen += len(chunk)
            if chunk is None:
                break
            task_ids += 1
            worker.give(task_ids, chunk, pool.slots)
        busy = [w for w in pool.workers if w.task is not None]
        if not busy:
            break
        poll = 0.5 if pool.timeout is None else max(0.05, min(0.5, pool.timeout / 4))
        watched = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        if not walk_ended[0]:
            _read_ahead(source, lookahead, walk_ended, watched)
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=poll)
        now = time.monotonic()
        for worker in busy:
            task_id, chunk = worker.task
            if worker.conn in ready and _receive(worker, task_id, chunk, done):
                continue
            if worker.task is None:
                continue
            if worker.process.sentinel in ready or not worker.process.is_alive():
                worker.process.join(timeout=1)
                failure = WorkerFailure("crashed", _describe_exit(worker.process.exitcode))
                _fail_current(pool, worker, chunk, failure, done, retry)
                continue
            position = pool.slots[worker.index]
            if position != worker.position:
                worker.position, worker.since = position, now
            elif pool.timeout is not None and now - worker.since > pool.timeout:
                failure = WorkerFailure("timed-out", f"took longer than {pool.timeout:g} s (the per-file "
                                                     "time limit; raise it with --timeout)")
                _fail_current(pool, worker, chunk, failure, done, retry)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
    while next_out in done:  # schedule-ordered runs finish with whatever is left, in order
        yield done.pop(next_out)
        next_out += 1


READ_AHEAD_MAX = 4096  # items walked ahead of the workers, at most
_READ_AHEAD_STEP = 64


def _lookahead_first(lookahead: Deque[Tuple[int, Any]], source: Iterator[Tuple[int, Any]]):
    while True:
        if lookahead:
            yield lookahead.popleft()
            continue
        pair = next(source, None)
        if pair is None:
            return
        yield pair


def _read_ahead(source, lookahead, walk_ended, watched) -> None:
    """While every worker is busy, go on with a lazy walk (a directory walk is as slow as the
    scanning of what it finds) instead of sleeping; stop as soon as a worker has something."""
    from multiprocessing.connection import wait

    while len(lookahead) < READ_AHEAD_MAX:
        batch = list(itertools.islice(source, _READ_AHEAD_STEP))
        lookahead.extend(batch)
        if len(batch) < _READ_AHEAD_STEP:
            walk_ended[0] = True
            return
        if wait(watched, timeout=0):
            return


def _receive(worker: _Worker, task_id: int, chunk, done) -> bool:
    """Take every message waiting from ``worker``; True once its chunk is complete."""
    try:
        while worker.conn.poll():
            kind, got_id, base, results = worker.conn.recv()
            if got_id != task_id:
                continue
            for offset, result in enumerate(results):
                index, item = chunk[base + offset]
                done[index] = (item, result)
            worker.received = base + len(results)
            if kind == "done":
                worker.task = None
                return True
    except (EOFError, OSError):
        pass  # the worker died mid-message: the sentinel check handles it
    return False


def _fail_current(pool: _Pool, worker: _Worker, chunk, failure: WorkerFailure, done, retry) -> None:
    """Fail the item the worker was on; run again what it computed but never sent, and the rest."""
    position = max(worker.received, min(pool.slots[worker.index], len(chunk) - 1))
    index, item = chunk[position]
    done[index] = (item, failure)
    again = chunk[worker.received:position] + chunk[position + 1:]
    if again:
        retry.append(again)
    worker.task = None
    pool.replace(worker)


__all__ = ["DEFAULT_TIMEOUT", "WorkerFailure", "run_isolated"]
