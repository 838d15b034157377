"""libcst's traversal for read-only visitors (``CSTVisitor``), without rebuilding each node.

``node.visit(visitor)`` runs the node's ``_visit_and_replace_children``, which visits each child
field through a helper (``visit_required(self, "field", self.field, visitor)``,
``visit_sequence``...) and then calls the node's constructor with the results: for a
``CSTVisitor`` the new node is thrown away (``visit`` returns the original). libcst's own
scope and expression-context providers are such visitors, as are its import gatherers and
ours: the constructors (with their validation) are about half of each of those walks.

:func:`install` replaces ``CSTNode.visit`` by one that, for a ``CSTVisitor``, makes the same
calls in the same order: ``on_visit``; then for each child field, in the order of the helper
calls, ``on_visit_attribute``, the children's own ``visit``, ``on_leave_attribute`` (the
attribute calls left out only where they would reach one of libcst's do-nothing stubs); then
``on_leave``; and it returns the node itself, as libcst does. The field order and the helper
of each field are read once per node class from the bytecode of its
``_visit_and_replace_children``, which must be exactly ``return Node(field=helper(self,
"field", self.field, visitor), other=self.other, ...)`` (or ``return self`` for leaves); any
other shape, any other Python's bytecode, and every transformer keep libcst's own ``visit``.
"""
from __future__ import annotations

import dis
from typing import Dict, Optional, Tuple

from codemods.core.hooks import real_hook

_EACH, _REQUIRED, _OPTIONAL, _SENTINEL = "each", "required", "optional", "sentinel"
_HOW = {"visit_required": _REQUIRED, "visit_optional": _OPTIONAL, "visit_sentinel": _SENTINEL,
        "visit_iterable": _EACH, "visit_sequence": _EACH, "visit_body_iterable": _EACH,
        "visit_body_sequence": _EACH}
# instructions that carry no meaning for the shape (they differ between Python versions)
_NOISE = frozenset({"RESUME", "PRECALL", "CACHE", "NOP", "PUSH_NULL", "KW_NAMES", "EXTENDED_ARG"})
_MISSING = object()

_fields: Dict[type, Optional[Tuple[Tuple[str, str], ...]]] = {}  # node class -> ((field, how)...) or None
# visitor class -> {node class -> ((field, how, call on_visit_attribute, call on_leave_attribute,
# its visit hook's name, its leave hook's name)...) or None}, kept in the visitor class's own
# __dict__ under this name: it dies with the class (visitor classes defined inside functions come
# and go, with what they close over), and the lookup at every node makes no weak reference
_PLANS = "_visitor_walk_plans"
_NO_DICT: dict = {}
_installed = False


def install() -> None:
    """Replace ``CSTNode.visit`` (once per process); transformers are unaffected."""
    global _installed
    if _installed:
        return
    _installed = True
    from libcst import CSTNode, CSTVisitor, MaybeSentinel

    libcst_visit = CSTNode.visit

    def visit(self, visitor):
        kind = type(visitor)
        plans = kind.__dict__.get(_PLANS, _MISSING)
        if plans is _MISSING:
            plans = {} if isinstance(visitor, CSTVisitor) else None
            setattr(kind, _PLANS, plans)
        if plans is None:
            return libcst_visit(self, visitor)
        plan = plans.get(type(self), _MISSING)  # type: ignore[union-attr]
        if plan is _MISSING:
            plan = plans[type(self)] = _plan(kind, type(self))  # type: ignore[index]
        if plan is None:
            return libcst_visit(self, visitor)
        if visitor.on_visit(self):
            # libcst finds the attribute hooks on the instance: one set there is called too
            own = getattr(visitor, "__dict__", _NO_DICT)
            for field, how, enter, leave, visit_hook, leave_hook in plan:
                value = getattr(self, field)
                if enter or visit_hook in own:
                    visitor.on_visit_attribute(self, field)
                if how is _EACH:
                    for child in value:
                        child.visit(visitor)
                elif how is _REQUIRED or (value is not None if how is _OPTIONAL
                                          else not isinstance(value, MaybeSentinel)):
                    value.visit(visitor)
                if leave or leave_hook in own:
                    visitor.on_leave_attribute(self, field)
        visitor.on_leave(self)
        return self

    visit.__doc__ = libcst_visit.__doc__
    visit.libcst_visit = libcst_visit  # type: ignore[attr-defined]
    CSTNode.visit = visit  # type: ignore[method-assign]


def _plan(visitor_class: type, node_class: type) -> Optional[tuple]:
    fields = _fields.get(node_class, _MISSING)
    if fields is _MISSING:
        fields = _fields[node_class] = visited_fields(node_class)
    if fields is None:
        return None
    return tuple((field, how, _reaches(visitor_class, "on_visit_attribute", "visit", node_class, field),
                  _reaches(visitor_class, "on_leave_attribute", "leave", node_class, field),
                  f"visit_{node_class.__name__}_{field}", f"leave_{node_class.__name__}_{field}")
                 for field, how in fields)


def _reaches(visitor_class: type, method: str, prefix: str, node_class: type, field: str) -> bool:
    """Whether ``visitor.<method>(node, field)`` can do anything: an override of libcst's
    dispatch, or a ``<prefix>_<Node>_<field>`` hook that is not one of libcst's no-op stubs."""
    from libcst import CSTVisitor

    if getattr(visitor_class, method) is not getattr(CSTVisitor, method):
        return True
    return real_hook(visitor_class, f"{prefix}_{node_class.__name__}_{field}") is not None


def visited_fields(node_class: type) -> Optional[Tuple[Tuple[str, str], ...]]:
    """((field, how)...) in the order ``node_class._visit_and_replace_children`` visits them,
    ``how`` naming the helper's handling of the value; () for a leaf (``return self``); None
    when the method is not of the one shape this module reproduces."""
    try:
        instructions = [i for i in dis.get_instructions(node_class._visit_and_replace_children)
                        if i.opname not in _NOISE and not (i.opname == "LOAD_CONST" and isinstance(i.argval, tuple))]
    except (TypeError, AttributeError):
        return None
    shape = [(i.opname, i.argval) for i in instructions]
    if shape == [("LOAD_FAST", "self"), ("RETURN_VALUE", None)]:
        return ()
    # the constructor: `Node(` or `self.__class__(`
    start = 1 if shape[:1] and shape[0][0] == "LOAD_GLOBAL" else \
        2 if shape[:1] == [("LOAD_FAST", "self")] and shape[1:2] in ([("LOAD_ATTR", "__class__")],
                                                                   [("LOAD_METHOD", "__class__")]) else 0
    if not start or len(shape) < start + 2 or shape[-1] != ("RETURN_VALUE", None) or shape[-2][0] != "CALL":
        return None
    fields = []
    position, end, arguments = start, len(shape) - 2, 0
    while position < end:
        arguments += 1
        if shape[position] == ("LOAD_FAST", "self") and shape[position + 1][0] == "LOAD_ATTR":
            position += 2  # a field passed on as it is (`value=self.value`)
            continue
        group = shape[position:position + 7]
        if len(group) == 7 and group[0][0] == "LOAD_GLOBAL" and group[0][1] in _HOW \
                and group[1] == ("LOAD_FAST", "self") and group[2][0] == "LOAD_CONST" \
                and group[3] == ("LOAD_FAST", "self") and group[4] == ("LOAD_ATTR", group[2][1]) \
                and group[5] == ("LOAD_FAST", "visitor") and group[6] == ("CALL", 4):
            fields.append((group[2][1], _HOW[group[0][1]]))
            position += 7
            continue
        return None
    names = [field for field, _ in fields]
    if len(set(names)) != len(names) or shape[-2][1] != arguments:
        return None
    return tuple(fields)
