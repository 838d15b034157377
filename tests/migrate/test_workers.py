"""migrate.workers: one crashing, hanging or failing item costs that item, never the run."""
from __future__ import annotations

import ctypes
import os
import time

import pytest

from migrate.workers import WorkerFailure, run_isolated


def _square_or_worse(item):
    kind, value = item
    if kind == "segv":
        ctypes.string_at(0)  # a real SIGSEGV, as a stack overflow in a native parser gives
    if kind == "exit":
        os._exit(3)
    if kind == "hang":
        time.sleep(60)
    if kind == "raise":
        raise ValueError("bad item")
    return value * value


def _results(items, **options):
    return [result for _item, result in run_isolated(_square_or_worse, items, **options)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_item_comes_back_in_input_order(jobs):
    items = [("ok", n) for n in range(300)]
    assert _results(items, jobs=jobs) == [n * n for n in range(300)]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("flush_every", [0.0, None])
def test_a_crash_fails_only_its_item_and_the_rest_of_the_chunk_still_runs(jobs, flush_every):
    items = [("ok", n) for n in range(40)]
    items[7] = ("segv", 0)
    items[23] = ("exit", 0)
    results = _results(items, jobs=jobs, flush_every=flush_every)
    assert len(results) == 40
    assert isinstance(results[7], WorkerFailure) and results[7].kind == "crashed"
    assert "SIGSEGV" in results[7].message
    assert isinstance(results[23], WorkerFailure) and "status 3" in results[23].message
    assert [r for i, r in enumerate(results) if i not in (7, 23)] == [n * n for n in range(40) if n not in (7, 23)]


def test_a_hanging_item_times_out_and_the_others_finish():
    items = [("ok", 1), ("hang", 0), ("ok", 3), ("ok", 4)]
    started = time.monotonic()
    results = _results(items, jobs=1, timeout=1.0)
    assert results[0] == 1 and results[2:] == [9, 16]
    assert isinstance(results[1], WorkerFailure) and results[1].kind == "timed-out"
    assert "--timeout" in results[1].message
    assert time.monotonic() - started < 30  # far below the 60 s the item would have slept


def test_an_exception_is_reported_as_an_internal_error_of_that_item():
    results = _results([("ok", 2), ("raise", 0), ("ok", 5)], jobs=1)
    assert results[0] == 4 and results[2] == 25
    assert results[1].kind == "error" and "ValueError: bad item" in results[1].message


def test_schedule_changes_the_start_order_not_the_output_order():
    started = []
    items = [("ok", n) for n in range(10)]
    out = list(run_isolated(_square_or_worse, items, jobs=2,
                            schedule=lambda listed: started.extend(reversed(range(len(listed)))) or started))
    assert [result for _i, result in out] == [n * n for n in range(10)]
    assert started == list(reversed(range(10)))


def test_a_lazy_iterable_is_consumed_as_work_proceeds():
    def walk():
        for n in range(50):
            yield ("ok", n)
    assert _results(walk(), jobs=2) == [n * n for n in range(50)]


def test_no_worker_is_left_behind(tmp_path):
    import multiprocessing
    _results([("ok", 1), ("segv", 0), ("ok", 2)], jobs=2)
    assert multiprocessing.active_children() == []


def _wait_for_flag(item):
    flag, value = item
    if flag:
        deadline = time.monotonic() + 30
        while not os.path.exists(flag) and time.monotonic() < deadline:
            time.sleep(0.01)
        return os.path.exists(flag)
    return value


def test_a_lazy_walk_goes_on_while_every_worker_is_busy(tmp_path):
    """The first item blocks until the input has been read well past it: only a parent that
    walks ahead while its worker works lets it finish (else it waits out its 30 s and says so)."""
    flag = tmp_path / "walked-ahead"

    def walk():
        yield (str(flag), 0)
        for n in range(1, 200):
            if n == 150:
                flag.touch()
            yield ("", n)

    results = [r for _item, r in run_isolated(_wait_for_flag, walk(), jobs=1, timeout=None)]
    assert results[0] is True
    assert results[1:] == list(range(1, 200))
