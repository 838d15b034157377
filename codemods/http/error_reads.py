"""Error bodies read through the HTTP exception (issue 8, raw HTTP):

    try:
        r = requests.post(V1 + "/authentication", ...); r.raise_for_status()
    except requests.HTTPError as exc:
        if exc.response.json()["code"] == "negative_balance": ...

When every v1 call of the ``try`` is rewritten, ``exc.response`` is the v2 error response: its
``["code"]`` comparisons move through the one error-code policy (``codemods.core.mapping``,
via ``ResponseReads``), and a code that leaves unmapped (stored, returned, passed on) gets the
error-code TODO, as a read of the response itself does. When the ``try`` also holds a v1 call
that stays v1, the handler is left as it is.
"""
from __future__ import annotations

from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import libcst as cst

from codemods.core.nodes import dotted_name, walk
from codemods.http.plan import CallPlan
from codemods.http.response_reads import ReadPlan, ResponseReads

# the exception classes that carry the failed response (requests' raise_for_status, httpx's)
HTTP_ERROR_CLASSES = ("HTTPError", "HTTPStatusError")
ERROR_OPERATION = "error"  # what ResponseReads is told the JSON is: only its "code" is mapped
ESCAPED_TODO = "v1 error codes changed in v2 (see docs/api-changes.md)"


def error_read_plans(plans: Sequence[CallPlan], parent: Callable[[cst.CSTNode], Optional[cst.CSTNode]],
                     reads: ResponseReads) -> List[Tuple[cst.ExceptHandler, ReadPlan]]:
    """(handler, the plan of its error-body reads) for each HTTP-error handler around rewritten
    v1 calls only."""
    by_try: Dict[cst.Try, List[CallPlan]] = {}
    for plan in plans:
        try_node = _enclosing_try_body(plan.call.node, parent)
        if try_node is not None:
            by_try.setdefault(try_node, []).append(plan)
    found = []
    for try_node, inside in by_try.items():
        if not all(plan.rewrite for plan in inside):
            continue
        for handler in try_node.handlers:
            name = handler.name.name if handler.name is not None else None
            if not isinstance(name, cst.Name) or not _catches_http_error(handler):
                continue
            found.append((handler, _plan(handler, name.value, parent, reads)))
    return found


def _enclosing_try_body(node: cst.CSTNode, parent) -> Optional[cst.Try]:
    child, current = node, parent(node)
    while current is not None and not isinstance(current, (cst.FunctionDef, cst.Module)):
        if isinstance(current, cst.Try) and child is current.body:
            return current
        child, current = current, parent(current)
    return None


def _catches_http_error(handler: cst.ExceptHandler) -> bool:
    types = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
    names = [dotted_name(t.value if isinstance(t, cst.Element) else t) or "" for t in types if t is not None]
    return any(n.rsplit(".", 1)[-1] in HTTP_ERROR_CLASSES for n in names)


def _plan(handler: cst.ExceptHandler, name: str, parent, reads: ResponseReads) -> ReadPlan:
    result = ReadPlan()
    for json_call in _error_json_calls(handler.body, name, parent):
        if not reads.plan_json(json_call, ERROR_OPERATION, result):
            result.todos.append((json_call, ESCAPED_TODO))
    return result


def _error_json_calls(body: cst.CSTNode, name: str, parent) -> Iterator[cst.Call]:
    """`name.response.json()` calls in ``body``."""
    for node in walk(body):
        if isinstance(node, cst.Attribute) and node.attr.value == "json" \
                and isinstance(node.value, cst.Attribute) and node.value.attr.value == "response" \
                and isinstance(node.value.value, cst.Name) and node.value.value.value == name:
            call = parent(node)
            if isinstance(call, cst.Call) and call.func is node:
                yield call
