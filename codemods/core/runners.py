"""Calls that only run the function they are given (a thread, an executor, a pool, an event
loop, ``functools.partial``): the function's own call, moved elsewhere. One table for every
codemod (the SDK codemods import it; ``codemods.core.flow`` follows values through it).

>>> is_runner("asyncio.to_thread"), is_runner("loop.run_in_executor"), is_runner("retrying")
(True, True, False)
>>> forwards_keywords("anyio.to_thread.run_sync"), forwards_keywords("run_in_threadpool")
(False, True)
"""
from __future__ import annotations

from typing import FrozenSet

# By last name: `asyncio.to_thread`, `loop.run_in_executor`, `pool.submit`, `functools.partial`,
# `pool.apply_async`, `loop.call_soon`, starlette's `run_in_threadpool`. None of them catches what
# the function raises. (`map`/`starmap` run it only as the builtin or on a pool: see the SDK calls.)
RUNNERS: FrozenSet[str] = frozenset({
    "to_thread", "run_in_threadpool", "run_in_executor", "partial", "submit", "apply_async",
    "call_soon", "create_task"})
# Those that pass their extra arguments, keywords too, to the function and give back its result:
# a v1 method handed to one can be rewritten as the v2 method with the v2 arguments.
KEYWORD_FORWARDING_RUNNERS: FrozenSet[str] = frozenset({"to_thread", "run_in_threadpool"})


def is_runner(name: str) -> bool:
    """Whether the dotted call name ``name`` is one of :data:`RUNNERS`."""
    return name.rsplit(".", 1)[-1] in RUNNERS


def forwards_keywords(name: str) -> bool:
    """Whether the dotted call name ``name`` is one of :data:`KEYWORD_FORWARDING_RUNNERS`."""
    return name.rsplit(".", 1)[-1] in KEYWORD_FORWARDING_RUNNERS
