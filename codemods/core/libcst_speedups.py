"""Per-class caches for two of libcst's per-instance class scans (installed by the engine).

libcst looks for decorated methods every time a visitor is built: each metadata provider's
``BatchableCSTVisitor.get_visitors`` runs ``inspect.getmembers`` over the instance, and each
``MatcherDecoratableTransformer``/``Visitor`` (libcst's own import passes and the helper
visitors they build) walks ``dir(self)`` three times for matcher decorators. Neither answer
can change between two instances of one class (methods live on classes), and together they
were about a fifth of a rewrite of a v1 file. The caches remember, per class, *which* method
names qualify, and bind them on the instance as libcst would, so the results are the same.
"""
from __future__ import annotations

import inspect
from typing import Dict, List, Tuple

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    _cache_batchable_visitors()
    _cache_matcher_scans()


def _cache_batchable_visitors() -> None:
    from libcst._batched_visitor import BatchableCSTVisitor

    names: Dict[type, List[str]] = {}

    def get_visitors(self):
        cls = type(self)
        if cls not in names:
            names[cls] = [name for name, _ in inspect.getmembers(self, lambda m: (
                inspect.ismethod(m) and (m.__name__.startswith("visit_") or m.__name__.startswith("leave_"))
                and not getattr(m, "_is_no_op", False)))]
        return {name: getattr(self, name) for name in names[cls]}

    get_visitors.__doc__ = BatchableCSTVisitor.get_visitors.__doc__
    BatchableCSTVisitor.get_visitors = get_visitors  # type: ignore[method-assign]


def _cache_matcher_scans() -> None:
    from libcst.matchers import _visitors

    def cached(original, bound: bool):
        per_class: Dict[type, Tuple[List[str], dict]] = {}

        def scan(obj):
            cls = type(obj)
            if cls not in per_class:
                result = original(obj)
                if bound:  # matcher -> (bound methods...): remember the method names
                    per_class[cls] = ([], {m: tuple(f.__name__ for f in fs) for m, fs in result.items()})
                else:
                    per_class[cls] = ([], dict(result))
                return result
            _, table = per_class[cls]
            if not bound:
                return dict(table)
            return {m: tuple(getattr(obj, name) for name in fnames) for m, fnames in table.items()}

        return scan

    _visitors._gather_constructed_visit_funcs = cached(_visitors._gather_constructed_visit_funcs, True)
    _visitors._gather_constructed_leave_funcs = cached(_visitors._gather_constructed_leave_funcs, True)
    _visitors._gather_matchers = cached(_visitors._gather_matchers, False)
