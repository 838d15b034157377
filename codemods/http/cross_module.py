"""``cross-module``: a read of a v1 value that another module of the tree defines gets a TODO,
because the rewrite changes or keeps that value there and this module cannot see which.

Fed by the repo pre-pass (``codemods.prepass``): for ``from config import BASE_URL`` where
``config.BASE_URL`` is a v1 URL or a header dict with ``X-API-Key``, or ``from otp import start``
where ``otp.start`` wraps v1 calls, every statement that reads the name is marked (the
constant's own module is marked too: a v1 URL that other modules import is not rewritten in
place, so ``v1-leftovers`` marks it). ``import otp`` then ``otp.start(...)`` counts the same.
What a wrapper returned is followed one step: a local bound once in its function to the
wrapper's result (``payload = otp.start(phone)``) marks every statement that reads it
(``session["id"] = payload.authentication_uuid``), where the v2 shape goes wrong. Imported v1
clients need no TODO: the SDK codemods rewrite the calls on them here as they rewrite the
client there. Run alone (libcst's runner) it knows no other module and changes nothing.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Set, Tuple

import libcst as cst

from codemods.core.base import PlainCodemod
from codemods.core.nodes import dotted_name, walk
from codemods.core.todo import COMMENT_HOSTS, comments_above, with_todo_lines
from compat.knowledge.todos import (CROSS_MODULE_CALLBACK_TODO, CROSS_MODULE_CONSTANT_TODO, CROSS_MODULE_RESULT_TODO,
                                    CROSS_MODULE_WRAPPER_TODO)
from compat.knowledge.triggers import CROSS_MODULE_TRIGGERS

_WHY = {
    "constants": CROSS_MODULE_CONSTANT_TODO,
    "wrappers": CROSS_MODULE_WRAPPER_TODO,
}


class CrossModuleCodemod(PlainCodemod):
    NAME = "cross-module"
    DESCRIPTION = "A TODO at each read of a v1 constant or v1 wrapper imported from another module of the tree."
    TRIGGERS = CROSS_MODULE_TRIGGERS  # run by the engine when the pre-pass names an imported module

    def __init__(self, context) -> None:
        super().__init__(context)
        # local name -> (kind, module, name), set by the engine from the repo pre-pass
        self.foreign: Dict[str, Tuple[str, str, str]] = {}
        self._open: List[List[str]] = []  # per open statement: TODO texts
        self._result_reads: Dict[cst.Name, str] = {}  # a read of a wrapper's result -> its TODO

    def visit_Module(self, node: cst.Module) -> None:
        self.current_module = node
        self._result_reads = _wrapper_result_reads(node, self.foreign)
        self._result_reads.update(_callback_reads(node, self.foreign))

    # (the nodes on_visit / on_leave handle beyond the hooks: codemods.engine.BatchedTransformer)
    ON_VISIT_TYPES = (*COMMENT_HOSTS, cst.Import, cst.ImportFrom, cst.Name, cst.Attribute)
    ON_LEAVE_TYPES = COMMENT_HOSTS

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, COMMENT_HOSTS):
            self._open.append([])
        elif isinstance(node, (cst.Import, cst.ImportFrom)):
            return False  # the import itself is no read
        elif self._open and isinstance(node, (cst.Name, cst.Attribute)):
            local = node.value if isinstance(node, cst.Name) else dotted_name(node)
            text = self._result_reads.get(node) if isinstance(node, cst.Name) else None
            if local in self.foreign:  # `start` (from M import start) or `M.start` (import M)
                kind, module, name = self.foreign[local]
                why = _WHY.get(kind)
                text = why.format(local=local, module=module or ".", name=name,
                                  what=_what(local, module, name)) if why else None
            if text is not None and text not in self._open[-1]:
                self._open[-1].append(text)
            if isinstance(node, cst.Attribute) and local in self.foreign:
                return False
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        updated_node = super().on_leave(original_node, updated_node)
        if not isinstance(original_node, COMMENT_HOSTS):
            return updated_node
        texts: Optional[List[str]] = self._open.pop()
        if not texts or not hasattr(updated_node, "leading_lines"):
            return updated_node
        existing = {line.comment.value for line in updated_node.leading_lines if line.comment is not None}
        if self.current_module.body and self.current_module.body[0] is original_node:
            existing |= comments_above(original_node, self.current_module)
        return with_todo_lines(updated_node, texts, existing)


def _callback_reads(module: cst.Module, foreign: Dict[str, Tuple[str, str, str]]) -> Dict[cst.Name, str]:
    """The attribute reads of the parameters of a function registered on an object another
    module hands v1 SDK responses to (``@bus.on("sent")`` over it, or ``bus.subscribe("sent",
    fn)``) -> the TODO each read gets: the function receives those responses, v2 ones once that
    module is migrated."""
    carriers = {local for local, (kind, _, _) in foreign.items() if kind == "carriers"}
    if not carriers:
        return {}
    registered: Set[str] = set()
    for node in walk(module):
        if isinstance(node, cst.Call) and _root(node.func) in carriers:
            registered.update(a.value.value for a in node.args if isinstance(a.value, cst.Name))
    found: Dict[cst.Name, str] = {}
    for function in (n for n in walk(module) if isinstance(n, cst.FunctionDef)):
        owner = next((_root(d.decorator) for d in function.decorators if _root(d.decorator) in carriers), None)
        if owner is None and function.name.value in registered:
            owner = next(iter(sorted(carriers)))
        if owner is None:
            continue
        params = {p.name.value for p in (*function.params.posonly_params, *function.params.params,
                                         *function.params.kwonly_params)} - {"self", "cls"}
        _, module_name, name = foreign[owner]
        text = CROSS_MODULE_CALLBACK_TODO.format(what=_what(owner, module_name, name))
        for node in walk(function.body):
            if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value in params:
                found[node.value] = text
    return found


def _root(node: cst.BaseExpression) -> Optional[str]:
    """``bus`` for ``bus.on("x")`` / ``bus.subscribe`` / ``bus``."""
    while isinstance(node, (cst.Call, cst.Attribute)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return node.value if isinstance(node, cst.Name) else None


def _what(local: str, module: str, name: str) -> str:
    """How a TODO names an imported v1 thing: "`start` (`config.start`)", or "`config.start`"."""
    qualified = f"{module or '.'}.{name}"
    return f"`{local}`" if local == qualified else f"`{local}` (`{qualified}`)"


def _wrapper_result_reads(module: cst.Module, foreign: Dict[str, Tuple[str, str, str]]) -> Dict[cst.Name, str]:
    """The reads of a local bound once in its function to what a foreign wrapper returned
    (``payload = otp.start(phone)``, ``await`` too) -> the TODO each read gets."""
    found: Dict[cst.Name, str] = {}
    wrappers = {local for local, (kind, _, _) in foreign.items() if kind == "wrappers"}
    if not wrappers:
        return found
    for function in (n for n in walk(module) if isinstance(n, cst.FunctionDef)):
        bound: Dict[str, str] = {}
        counts: Dict[str, int] = {}
        targets: Set[cst.Name] = set()
        for node in walk(function.body):
            if isinstance(node, (cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.For, cst.CompFor,
                                 cst.WithItem, cst.AsName, cst.NamedExpr, cst.Param)):
                target = getattr(node, "target", None) or getattr(node, "name", None) \
                    or getattr(node, "asname", None)
                for name in walk(target) if target is not None else ():
                    if isinstance(name, cst.Name):
                        counts[name.value] = counts.get(name.value, 0) + 1
                        targets.add(name)
            if isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
                value = node.value.expression if isinstance(node.value, cst.Await) else node.value
                local = dotted_name(value.func) if isinstance(value, cst.Call) else None
                if local in wrappers:
                    _, module_name, name = foreign[local]
                    bound[node.targets[0].target.value] = CROSS_MODULE_RESULT_TODO.format(
                        holder=node.targets[0].target.value, what=_what(local, module_name, name))
        followed = {holder: text for holder, text in bound.items() if counts.get(holder) == 1}
        if not followed:
            continue
        attrs = {n.attr for n in walk(function.body) if isinstance(n, cst.Attribute)}
        keywords = {n.keyword for n in walk(function.body) if isinstance(n, cst.Arg) and n.keyword is not None}
        for node in walk(function.body):
            if isinstance(node, cst.Name) and node.value in followed and node not in targets \
                    and node not in attrs and node not in keywords:
                found[node] = followed[node.value]
    return found


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Marks each statement that reads a v1 constant (a v1 URL, a header dict with `X-API-Key`) or calls a "
         "v1 wrapper imported from another module of the tree, as the repo pre-pass (`codemods/prepass.py`) "
         "found them.",
    why="A v1 constant other modules import is not rewritten in place (an importer would read a v2 URL and "
        "still send a v1 body), and a wrapper returns v2 shapes and raises v2 errors once its module is "
        "migrated: the importer must be reviewed with it.",
    fix_safety="Comments only, and only in files the pre-pass links to a module handing out v1 values "
               "(`prelude-migrate rewrite` on a folder). Imported v1 clients need no TODO: the SDK codemods "
               "rewrite the calls on them as they rewrite the client.",
    examples=(
        CodemodExample('''
            import requests

            from config import BASE, start


            def ping():
                return requests.get(BASE + "/lookup/+33600000000")


            def begin(phone):
                return start(phone)["authentication_uuid"]
            ''', '''
            import requests

            from config import BASE, start


            def ping():
                # TODO(prelude-migration): `BASE` is the v1 value `config.BASE` (api.ding.live/v1 or an X-API-Key header), defined in another module: move this use to v2 together with that definition
                return requests.get(BASE + "/lookup/+33600000000")


            def begin(phone):
                # TODO(prelude-migration): `start` (`config.start`) calls the v1 API in another module; once that module is migrated it returns v2 shapes and raises v2 errors: review what this code reads from it
                return start(phone)["authentication_uuid"]
            ''', path="views.py", tree=(("config.py", '''
            import requests

            BASE = "https://api.ding.live/v1"


            def start(phone):
                return requests.post(BASE + "/authentication", json={"phone_number": phone}, headers=HEADERS).json()
            '''),), note="`views.py` reads the v1 base URL and calls the v1 wrapper of `config.py`."),
        CodemodExample('''
            import otp


            def login(session, phone):
                sent = otp.start(phone)
                session["auth"] = sent.authentication_uuid
                return True
            ''', '''
            import otp


            def login(session, phone):
                # TODO(prelude-migration): `otp.start` calls the v1 API in another module; once that module is migrated it returns v2 shapes and raises v2 errors: review what this code reads from it
                sent = otp.start(phone)
                # TODO(prelude-migration): `sent` holds what `otp.start` (a v1 wrapper in another module) returned; once that module is migrated it is a v2 value (other fields and statuses): review this read
                session["auth"] = sent.authentication_uuid
                return True
            ''', path="views.py", tree=(("otp.py", '''
            import ding
            from ding.models import components

            client = ding.Ding(api_key=KEY)


            def start(phone):
                res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
                return res.create_authentication_response
            '''),), note="`import otp` then `otp.start(...)`: the call, and the read of the local it returned."),
    ),
    no_ops=(
        NoOp('''
            from config import TIMEOUT

            def wait():
                return TIMEOUT
            ''', "A name imported from a module that hands out nothing v1 is not marked."),
    ),
)
