"""Read-only walks of a module whose parents are already known, without libcst's rebuilding.

``module.visit(visitor)`` rebuilds every node it passes, even for a ``CSTVisitor`` that changes
nothing (each ``_visit_and_replace_children`` calls the node's constructor): about half the cost
of a traversal. The engine's parent metadata (``ParentNodeProvider``, computed by the walk in
``codemods.core.libcst_speedups``) already lists every node's children, in source order; the
walks here reuse those lists:

- :func:`visit_readonly` calls a visitor's ``on_visit``/``on_leave`` on the same nodes, in the
  same order, as ``wrapper.visit(visitor)`` (children skipped where ``on_visit`` says False),
  metadata resolved as ``wrapper.visit`` does; :func:`visit_module` does the same for a bare
  module and a visitor without metadata. Attribute hooks (``visit_<Node>_<attribute>``) are not
  called: a visitor class that defines one gets libcst's own traversal instead.
- :func:`children_map` gives the lists themselves (``codemods.core.flow`` walks them);
  :func:`children_of` is ``node.children`` read from the node's fields, without a rebuild.

The children lists are kept for one module at a time (the one whose parents were computed
last); for any other module they are computed again from ``node.children``, so the answers
never depend on the cache.
"""
from __future__ import annotations

import inspect
from types import FunctionType
from weakref import WeakKeyDictionary
from typing import Dict, List, Optional, Sequence, Tuple

from libcst import MaybeSentinel

from codemods.core.hooks import has_instance_hooks, is_no_op, real_hook

_EMPTY: Sequence = ()
_children_of: List[object] = [None, {}]  # [module, {node: its children}] for the last module


def remember_children(module, children: Dict[object, Sequence]) -> None:
    """Record ``children`` (every node of ``module`` -> ``node.children``) for the walks."""
    _children_of[0], _children_of[1] = module, children


def children_map(module) -> Dict[object, Sequence]:
    """Every node of ``module`` -> its children in source order (leaves may be absent)."""
    if _children_of[0] is module:
        return _children_of[1]  # type: ignore[return-value]
    children: Dict[object, Sequence] = {}
    stack = [module]
    while stack:
        node = stack.pop()
        kids = children_of(node)
        if kids:
            children[node] = kids
            stack.extend(kids)
    remember_children(module, children)
    return children


def has_attribute_hooks(cls: type) -> bool:
    """Whether a visitor class defines a ``visit_<Node>_<attribute>`` or ``leave_<Node>_<attribute>``
    method (libcst's typed stubs, which do nothing, aside). Cheap enough for the visitor classes
    defined inside functions (a new class at each call)."""
    for klass in cls.__mro__:
        if klass.__module__ == "libcst._typed_visitor" or klass is object:
            continue  # (only the do-nothing stubs, one per node and attribute)
        # node class names have no underscore: a second one makes an attribute hook
        if any(name.startswith(("visit_", "leave_")) and name.partition("_")[2].count("_")
               and not is_no_op(value) for name, value in vars(klass).items()):
            return True
    return False


def visit_readonly(wrapper, visitor) -> None:
    """``wrapper.visit(visitor)`` for a ``CSTVisitor``, rebuilding nothing (a visitor with
    attribute hooks gets libcst's own traversal)."""
    if has_attribute_hooks(type(visitor)):
        wrapper.visit(visitor)
        return
    with visitor.resolve(wrapper):
        _walk(wrapper.module, visitor)


def visit_module(module, visitor, *more) -> None:
    """``module.visit(visitor)`` for a ``CSTVisitor`` that needs no metadata, rebuilding nothing
    (a visitor with attribute hooks gets libcst's own traversal). ``more``: other such visitors
    run in the same walk, each hook on a node after the previous visitor's; their hooks (libcst's
    ``visit_<Node>``/``leave_<Node>`` dispatch, not overridden) may not skip children."""
    if more:
        visitors = (visitor, *more)
        if any(has_attribute_hooks(type(v)) or not _plain_dispatch(v) for v in visitors):
            raise ValueError("visitors batched in one walk use libcst's plain dispatch")
        _walk_batch(module, visitors)
        return
    if has_attribute_hooks(type(visitor)):
        module.visit(visitor)
        return
    _walk(module, visitor)


def _plain_dispatch(visitor) -> bool:
    """Whether ``visitor`` uses ``CSTVisitor``'s own on_visit/on_leave (a ``visit_<Node>`` /
    ``leave_<Node>`` method per node class, found by name)."""
    from libcst import CSTVisitor

    cls = type(visitor)
    return cls.on_visit is CSTVisitor.on_visit and cls.on_leave is CSTVisitor.on_leave \
        and not has_instance_hooks(visitor)


# visitor class -> {(prefix, node class): its hook function or None}; weak: visitor classes
# defined inside functions come and go
_class_hooks: "WeakKeyDictionary[type, Dict[Tuple[str, type], Optional[object]]]" = WeakKeyDictionary()


def _hooks(visitors, prefix: str, kind: type) -> tuple:
    """The ``visit_<Node>`` / ``leave_<Node>`` methods of ``visitors`` for node class ``kind``,
    bound, in the visitors' order: what libcst's dispatch would call (libcst's typed stubs, which
    do nothing, left out). Looked up once per visitor class."""
    found = []
    for visitor in visitors:
        known = _class_hooks.get(type(visitor))
        if known is None:
            known = _class_hooks[type(visitor)] = {}
        function = known.get((prefix, kind), _EMPTY)
        if function is _EMPTY:
            function = known[(prefix, kind)] = real_hook(type(visitor), prefix + kind.__name__)
        if isinstance(function, FunctionType):
            found.append(function.__get__(visitor))
        elif function is not None:  # (not a plain method: as libcst finds it)
            found.append(getattr(visitor, prefix + kind.__name__))
    return tuple(found)


def _walk(module, visitor) -> None:
    if _plain_dispatch(visitor):
        _walk_batch(module, (visitor,), skips=True)
        return
    children = children_map(module)
    on_visit, on_leave = visitor.on_visit, visitor.on_leave
    stack = [(module, iter(children.get(module, _EMPTY) if on_visit(module) else _EMPTY))]
    while stack:
        node, rest = stack[-1]
        child = next(rest, None)
        if child is None:
            stack.pop()
            on_leave(node)
        else:
            stack.append((child, iter(children.get(child, _EMPTY) if on_visit(child) else _EMPTY)))


def _walk_batch(module, visitors, skips: bool = False) -> None:
    """The walk for visitors with libcst's plain dispatch: per node class, the hooks they have
    (looked up once per class, not by name on every node); most nodes call none. ``skips``: a
    single visitor whose ``visit_<Node>`` may return False (its children are then skipped)."""
    children = children_map(module)
    visits: Dict[type, tuple] = {}
    leaves: Dict[type, tuple] = {}

    def enter(node):
        kind = type(node)
        hooks = visits.get(kind)
        if hooks is None:
            hooks = visits[kind] = _hooks(visitors, "visit_", kind)
        for hook in hooks:
            if hook(node) is False:
                if not skips:
                    raise ValueError(f"{hook.__qualname__} skips children: not batchable")
                return iter(_EMPTY)
        return iter(children.get(node, _EMPTY))

    stack = [(module, enter(module))]
    while stack:
        node, rest = stack[-1]
        child = next(rest, None)
        if child is None:
            stack.pop()
            kind = type(node)
            hooks = leaves.get(kind)
            if hooks is None:
                hooks = leaves[kind] = _hooks(visitors, "leave_", kind)
            for hook in hooks:
                hook(node)
        else:
            stack.append((child, enter(child)))


# --- a node's children without rebuilding the node -------------------------------------------

_fields: Dict[type, Optional[Tuple[str, ...]]] = {}  # node class -> visited fields in order (None: use .children)
_UNKNOWN = ("?",)


def children_of(node) -> list:
    """``node.children``, read from the node's fields instead of through a rebuild of the node.

    libcst's ``children`` runs ``_visit_and_replace_children`` with a collecting visitor: it
    visits each child field with ``visit_required(self, "field", ...)`` and its siblings, in
    source order, then builds a new node from the results. The order of those calls is read
    once per class from the method's bytecode (``visitor_walk.visited_fields``), and the fields
    are then read directly; each class is checked once against ``node.children`` on its first
    node, and a class whose method does not have that shape keeps ``node.children``."""
    cls = type(node)
    fields = _fields.get(cls, _UNKNOWN)
    if fields is _UNKNOWN:
        fields = _fields[cls] = _visited_fields(cls)
        if fields is not None and _read(node, fields) != list(node.children):
            fields = _fields[cls] = None
    return list(node.children) if fields is None else _read(node, fields)


def _read(node, fields: Tuple[str, ...]) -> list:
    found = []
    for name in fields:
        value = getattr(node, name)
        if value is None or value is MaybeSentinel.DEFAULT:
            continue
        if type(value) in (list, tuple):
            found.extend(value)
        elif hasattr(value, "_visit_and_replace_children"):
            found.append(value)
        else:
            found.extend(value)  # another kind of sequence
    return found


def _visited_fields(cls: type) -> Optional[Tuple[str, ...]]:
    """The field names ``cls._visit_and_replace_children`` hands to libcst's visit helpers, in
    the order of the calls (``codemods.core.visitor_walk.visited_fields``, which reads them
    strictly from the bytecode); None when that method is not of its one shape."""
    from codemods.core.visitor_walk import visited_fields

    fields = visited_fields(cls)
    return None if fields is None else tuple(field for field, _ in fields)
