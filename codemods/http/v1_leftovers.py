"""``v1-leftovers``: a v1 URL that no codemod could rewrite gets a TODO, so that rewritten code
never keeps pointing at the removed v1 API without saying so.

Runs last. A string or f-string whose text is a v1 URL (``api.ding.live`` other than ``/v2``,
see :func:`codemods.http.urls.classify_url`) marks its statement, unless that statement already
carries a ``TODO(prelude-migration)`` (the ``raw-http`` codemod explains the calls it left).
Docstrings are prose and are left alone.

The URL is followed too (the value flow of a v1 URL): a call that receives a name holding a v1
URL (``url = BASE_URL + "/check"`` before ``requests.post(url, ...)``), or that sends a relative
v1 path (``client.post("/check")``, ``client.get(f"/lookup/{phone}")``) in a module that still holds a v1 URL (a ``base_url``, a
session subclass given the base, a default in ``os.environ.get``), or whose URL is built by a
helper from a v1 path segment (``requests.post(endpoint(cfg, "check"), ...)``), gets the TODO
at its own line, where the request goes wrong.
"""
from __future__ import annotations

from typing import List, Optional, Set

import libcst as cst

from codemods.core.base import PlainCodemod
from codemods.core.todo import comments_above, with_todo_lines
from codemods.core.nodes import string_value, walk
from codemods.http.calls import HTTP_VERBS
from codemods.http.urls import DYNAMIC, LEGACY_V2, V1_UNKNOWN_OPERATION, v1_path_operation, classify_url
from compat.knowledge.hosts import V1_AUTH_HEADER, V1_HOST
from compat.knowledge.todos import LEFTOVER_TODO, TODO_MARKER, V1_KEY_HEADER_LEFT_TODO
from compat.knowledge.triggers import V1_LEFTOVERS_TRIGGERS


_STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


def _is_v1(text: Optional[str]) -> bool:
    return text is not None and classify_url(text) not in (None, LEGACY_V2)


def _fstring_text(node: cst.FormattedString) -> str:
    return "".join(p.value if isinstance(p, cst.FormattedStringText) else DYNAMIC for p in node.parts)


class _V1StringsOfStatement(cst.CSTVisitor):
    """Whether a statement's own expressions (not its nested statements, not a docstring or
    bare string statement) hold a v1 URL."""

    def __init__(self) -> None:
        super().__init__()
        self.found = False
        self.depth = 0

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.found:
            return False
        if self.depth and isinstance(node, (*_STATEMENTS, cst.IndentedBlock)):
            return False
        self.depth += 1
        if isinstance(node, cst.Expr) and isinstance(node.value, (cst.SimpleString, cst.ConcatenatedString,
                                                                   cst.FormattedString)):
            return False  # a docstring or a bare string statement: prose
        if isinstance(node, cst.SimpleString):
            self.found = _is_v1(string_value(node))
        elif isinstance(node, cst.FormattedString):
            self.found = _is_v1(_fstring_text(node))
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.depth -= 1


class V1LeftoversCodemod(PlainCodemod):
    NAME = "v1-leftovers"
    DESCRIPTION = f"A TODO above every remaining {V1_HOST}/v1 URL that no codemod could rewrite."
    TRIGGERS = V1_LEFTOVERS_TRIGGERS

    # Metadata-free, so that it can judge the tree as the codemods before it in the same
    # traversal left it: a statement that held a v1 string is looked at again when it is left,
    # as rewritten, and marked when a v1 URL is still in it.
    def __init__(self, context) -> None:
        super().__init__(context)
        self._open: List[List[bool]] = []  # per open statement: [held a v1 string]

    def visit_Module(self, node: cst.Module) -> None:
        self.current_module = node

    # (the nodes on_visit / on_leave handle beyond the hooks: codemods.engine.BatchedTransformer)
    ON_VISIT_TYPES = (*_STATEMENTS, cst.SimpleString, cst.FormattedString)
    ON_LEAVE_TYPES = (cst.Module, *_STATEMENTS)

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _STATEMENTS):
            self._open.append([False])
        elif self._open and not self._open[-1][0] and (
                (isinstance(node, cst.SimpleString) and _is_v1(string_value(node)))
                or (isinstance(node, cst.FormattedString) and _is_v1(_fstring_text(node)))):
            self._open[-1][0] = True
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        updated_node = super().on_leave(original_node, updated_node)
        if isinstance(updated_node, cst.Module):
            return _mark_url_flow(updated_node)
        if not isinstance(original_node, _STATEMENTS) or not self._open.pop()[0]:
            return updated_node
        if not isinstance(updated_node, _STATEMENTS):
            return updated_node
        check = _V1StringsOfStatement()
        updated_node.visit(check)
        if not check.found:
            return updated_node
        return _with_leftover_todo(original_node, updated_node, self.current_module)


def _with_leftover_todo(original_node, updated_node, module: cst.Module, why: str = LEFTOVER_TODO):
    """``updated_node`` with the leftover TODO (or ``why``) above it, unless a migration TODO is
    already there (its own comments, or the module header's when it is the first statement)."""
    existing = {line.comment.value for line in updated_node.leading_lines if line.comment is not None}
    if module.body and module.body[0] is original_node:
        existing |= comments_above(original_node, module)
    if any(TODO_MARKER in comment for comment in existing):
        return updated_node
    return with_todo_lines(updated_node, [why], existing)


def _is_v1_url_text(node: cst.CSTNode) -> bool:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        text = string_value(node)
    elif isinstance(node, cst.FormattedString):
        text = "".join(p.value if isinstance(p, cst.FormattedStringText) else DYNAMIC for p in node.parts)
    else:
        return False
    return text is not None and classify_url(text) not in (None, LEGACY_V2)


def _v1_url_names(module: cst.Module) -> Set[str]:
    """Names assigned a value that holds a v1 URL (a literal, or another such name), anywhere:
    plain and annotated assignments (a dataclass field ``base_url: str = "https://..."``)."""
    assigns = [(n.value, [t.target for t in n.targets]) if isinstance(n, cst.Assign) else (n.value, [n.target])
               for n in walk(module) if isinstance(n, cst.Assign) or (isinstance(n, cst.AnnAssign) and n.value)]
    names: Set[str] = set()
    changed = True
    while changed:
        changed = False
        for value, targets in assigns:
            holds = any(_is_v1_url_text(n) or (isinstance(n, cst.Name) and n.value in names)
                        for n in walk(value))
            if not holds:
                continue
            for target in targets:
                if isinstance(target, cst.Name) and target.value not in names:
                    names.add(target.value)
                    changed = True
    return names


def _holds_v1_url(module: cst.Module) -> bool:
    """The module still holds a v1 URL somewhere (a ``base_url=``, a session subclass given the
    base, a default of ``os.environ.get``): then its calls may send relative v1 paths to it."""
    stack: List[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Expr) and isinstance(node.value, (cst.SimpleString, cst.ConcatenatedString)):
            continue  # a docstring or a bare string statement: prose
        if _is_v1_url_text(node):
            return True
        stack.extend(node.children)
    return False


def _is_v1_path(text: str) -> bool:
    """A path of a v1 operation, relative to the v1 base (``/check``) or to the bare v1 host
    (``/v1/check``, sent through ``httpx.Client(base_url="https://api.ding.live")``)."""
    path = text.split("?", 1)[0]
    if path[:4].lower() == "/v1/":
        path = path[3:]
    return path.startswith("/") and v1_path_operation(path) != V1_UNKNOWN_OPERATION


# Calls that send a request to the URL of their first argument.
_SENDING = frozenset({*HTTP_VERBS, "request", "urlopen", "Request", "stream"})


def _built_from_v1_segment(node: cst.BaseExpression) -> bool:
    """A URL built by a helper call from a v1 path segment: ``endpoint(cfg, "check")``,
    ``urljoin(base, "authentication")``."""
    if not isinstance(node, cst.Call):
        return False
    for argument in node.args:
        text = _path_text(argument.value)
        if text and not text.startswith(("http:", "https:")) and _is_v1_path("/" + text.lstrip("/")):
            return True
    return False


def _path_text(node: cst.BaseExpression) -> Optional[str]:
    """The text of a string, an f-string or ``"lookup/" + phone`` (dynamic parts as DYNAMIC)."""
    if isinstance(node, cst.FormattedString):
        return _fstring_text(node)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        left = _path_text(node.left)
        return None if left is None else left + (_path_text(node.right) or DYNAMIC)
    return string_value(node)


def _mark_url_flow(module: cst.Module) -> cst.Module:
    """The module (as rewritten) with a TODO on each statement whose call sends to a v1 URL held
    in a name, or sends a relative v1 path (or a URL a helper builds from a v1 path segment) in a
    module that still holds a v1 URL."""
    holders = _v1_url_names(module)
    relative = bool(holders) or _holds_v1_url(module)
    if not relative:
        return module
    return module.visit(_UrlFlowMarker(module, holders, relative))


def _sets_v1_key_header(node: cst.CSTNode) -> bool:
    """``request.headers["X-API-Key"] = key`` (an ``httpx.Auth.auth_flow``, a ``requests``
    ``AuthBase.__call__``) or ``{"X-API-Key": key}``: the v1 key header, set by name."""
    if isinstance(node, cst.Assign):
        keys = [t.target.slice[0].slice.value for t in node.targets if isinstance(t.target, cst.Subscript)
                and len(t.target.slice) == 1 and isinstance(t.target.slice[0].slice, cst.Index)]
    elif isinstance(node, cst.DictElement):
        keys = [node.key]
    else:
        return False
    return any((string_value(k) or "").lower() == V1_AUTH_HEADER.lower() for k in keys)


class _UrlFlowMarker(cst.CSTTransformer):
    def __init__(self, module: cst.Module, holders: Set[str], relative: bool) -> None:
        super().__init__()
        self.module, self.holders, self.relative = module, holders, relative
        self._open: List[List[bool]] = []  # per open statement: [sends to v1, sets the v1 key header]

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _STATEMENTS):
            self._open.append([False, False])
        elif isinstance(node, cst.Call) and self._open and self._sends_to_v1(node):
            self._open[-1][0] = True
        elif self._open and _sets_v1_key_header(node):
            self._open[-1][1] = True  # in a module still talking to v1: the key goes with it
        return True

    def _sends_to_v1(self, call: cst.Call) -> bool:
        arguments = [a.value for a in call.args]
        reads = {n.value for a in arguments for n in walk(a) if isinstance(n, cst.Name)}
        first = _path_text(arguments[0]) if arguments else None  # "/check", f"/lookup/{phone}"
        if reads & self.holders or (self.relative and first is not None and _is_v1_path(first)):
            return True
        func = call.func.attr.value if isinstance(call.func, cst.Attribute) else \
            call.func.value if isinstance(call.func, cst.Name) else ""
        return self.relative and func in _SENDING and bool(arguments) and _built_from_v1_segment(arguments[0])

    def on_leave(self, original_node, updated_node):
        if not isinstance(original_node, _STATEMENTS):
            return updated_node
        sends, sets_key = self._open.pop()
        if not (sends or sets_key):
            return updated_node
        return _with_leftover_todo(original_node, updated_node, self.module,
                                   LEFTOVER_TODO if sends else V1_KEY_HEADER_LEFT_TODO)


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Runs last: every string or f-string still holding a v1 URL (`api.ding.live`, not `/v2`), and every "
         "call given a name or attribute that holds one, gets a TODO on its statement.",
    why="Rewritten code must never keep pointing at the removed v1 API without saying so.",
    fix_safety="Comments only. A statement that already carries a `TODO(prelude-migration)` is not marked "
               "again; docstrings are prose and are not marked.",
    examples=(
        CodemodExample('''
            class Gateway:
                base = "https://api.ding.live/v1"

                def check(self, session, body):
                    return session.post(self.base + "/check", json=body)
            ''', '''
            class Gateway:
                # TODO(prelude-migration): api.ding.live/v1 was removed in April 2026 and this use could not be rewritten automatically: move it to https://api.prelude.dev/v2 (docs/api-changes.md)
                base = "https://api.ding.live/v1"

                def check(self, session, body):
                    # TODO(prelude-migration): api.ding.live/v1 was removed in April 2026 and this use could not be rewritten automatically: move it to https://api.prelude.dev/v2 (docs/api-changes.md)
                    return session.post(self.base + "/check", json=body)
            ''', note="A URL in a class attribute, read through `self`: the definition and the call."),
    ),
    no_ops=(
        NoOp('''
            def help():
                """Calls https://api.ding.live/v1 (the old API); see the migration notes."""
            ''', "A docstring is prose."),
    ),
)
