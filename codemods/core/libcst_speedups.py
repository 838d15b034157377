"""Per-class caches for two of libcst's per-instance class scans (installed by the engine).

libcst looks for decorated methods every time a visitor is built: each metadata provider's
``BatchableCSTVisitor.get_visitors`` runs ``inspect.getmembers`` over the instance, and each
``MatcherDecoratableTransformer``/``Visitor`` (libcst's own import passes and the helper
visitors they build) walks ``dir(self)`` three times for matcher decorators. Neither answer
can change between two instances of one class (methods live on classes), and together they
were about a fifth of a rewrite of a v1 file. The caches remember, per class, *which* method
names qualify, and bind them on the instance as libcst would, so the results are the same.

A third: ``AddImportsVisitor`` first walks the whole module with a gatherer whose only hook
is ``leave_Module`` (it reads the module's top-level statements there); the walk below the
module is skipped, which changes nothing it can see.

Two more for metadata resolution (``MetadataWrapper.resolve_many``), which libcst does in
rounds: each round builds one batched visitor over the round's providers and walks the whole
module with it. libcst's scope, parent and expression-context providers only hook
``visit_Module`` (each runs its own traversal from there), so the batched walk below the module
calls nothing: it is skipped when no provider of the round hooks anything but the module (one
whole traversal saved per round, two per file; about 13 % of a rewrite). And
``ParentNodeProvider`` records each node's children as the parent of each, in post-order, from
a full visitor traversal that also rebuilds every node; the same ``set_metadata`` calls, in the
same order, come from a post-order walk over each node's children alone, read from the nodes'
fields (``codemods.core.readonly_walk.children_of``, no node rebuilt); the children lists it
meets are kept for the read-only walks of that module.

Why patch rather than copy: the answers stay libcst's own (same classes, same code paths), so
the output is byte-identical to an unpatched run; each patch checks that the private name it
replaces exists, and a libcst upgrade that renames one makes ``install`` fail loudly in the
engine's tests (tests/codemods/test_engine.py) instead of silently changing output.
"""
from __future__ import annotations

import inspect
from typing import Dict, List, Tuple

from codemods.core.hooks import is_no_op

_metadata_installed = False
_import_passes_installed = False


def install() -> None:
    """Every patch (the scanner)."""
    install_metadata_patches()
    install_import_pass_patches()


def install_metadata_patches() -> None:
    """The patches of metadata resolution (no ``libcst.codemod`` or ``libcst.matchers`` import:
    the rewrite engine installs these for every parsed file)."""
    global _metadata_installed
    if _metadata_installed:
        return
    _metadata_installed = True
    _cache_batchable_visitors()
    _batched_walk_stops_at_a_module_only_round()
    _parents_from_a_children_walk()


def install_import_pass_patches() -> None:
    """The patches of libcst's import passes (imports ``libcst.codemod`` and ``libcst.matchers``:
    installed when a file really needs an import added or removed,
    ``codemods.core.import_requests``)."""
    global _import_passes_installed
    if _import_passes_installed:
        return
    _import_passes_installed = True
    _cache_matcher_scans()
    _top_imports_gatherer_reads_the_module_only()


def _cache_batchable_visitors() -> None:
    from libcst._batched_visitor import BatchableCSTVisitor

    names: Dict[type, List[str]] = {}

    def get_visitors(self):
        cls = type(self)
        if cls not in names:
            names[cls] = [name for name, _ in inspect.getmembers(self, lambda m: (
                inspect.ismethod(m) and (m.__name__.startswith("visit_") or m.__name__.startswith("leave_"))
                and not is_no_op(m)))]
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


def _top_imports_gatherer_reads_the_module_only() -> None:
    from libcst.codemod.visitors import _add_imports

    gatherer = _add_imports._GatherTopImportsBeforeStatements
    hooks = [name for name in vars(gatherer) if name.startswith(("visit_", "leave_"))]
    assert hooks == ["leave_Module"], hooks  # anything else would need the walk

    def on_visit(self, node) -> bool:
        super(gatherer, self).on_visit(node)
        return False  # leave_Module reads original_node.body itself

    gatherer.on_visit = on_visit  # type: ignore[method-assign]


_MODULE_HOOKS = frozenset({"visit_Module", "leave_Module"})


def _batched_walk_stops_at_a_module_only_round() -> None:
    from libcst import Module
    from libcst._batched_visitor import _BatchedCSTVisitor

    original = _BatchedCSTVisitor.on_visit
    assert {"visitor_methods", "before_visit", "after_leave"} <= set(_BatchedCSTVisitor.__init__.__code__.co_names)

    def on_visit(self, node) -> bool:
        descend = original(self, node)
        if type(node) is Module and self.before_visit is None and self.after_leave is None \
                and self.visitor_methods.keys() <= _MODULE_HOOKS:
            return False  # nothing below the module would be called; leave_Module still is
        return descend

    on_visit.__doc__ = original.__doc__
    _BatchedCSTVisitor.on_visit = on_visit  # type: ignore[method-assign]


def _parents_from_a_children_walk() -> None:
    from libcst.metadata import parent_node_provider

    from codemods.core.readonly_walk import children_of, remember_children

    provider = parent_node_provider.ParentNodeProvider
    hooks = [name for name in vars(provider) if name.startswith(("visit_", "leave_"))]
    assert hooks == ["visit_Module"], hooks
    assert [n for n in vars(parent_node_provider.ParentNodeVisitor) if n.startswith("on_")] == ["on_leave"]

    def visit_Module(self, node) -> None:
        # ParentNodeVisitor.on_leave(n): set_metadata(child, n) for each child, n in post-order
        set_metadata = self.set_metadata
        lists: dict = {}
        stack = [(node, children_of(node), 0)]
        while stack:
            parent, children, index = stack[-1]
            if index < len(children):
                stack[-1] = (parent, children, index + 1)
                child = children[index]
                stack.append((child, children_of(child), 0))
            else:
                stack.pop()
                if children:
                    lists[parent] = children
                for child in children:
                    set_metadata(child, parent)
        remember_children(node, lists)  # for codemods.core.readonly_walk

    provider.visit_Module = visit_Module  # type: ignore[method-assign]

