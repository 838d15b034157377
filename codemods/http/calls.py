"""Recognition of HTTP calls made through ``requests`` or ``httpx``: module functions, a
``Session``/``Client`` instance (assigned, ``with ... as``, ``self.attr``), any import alias,
``requests.request(method, url)``; the URL is resolved with :mod:`codemods.http.urls`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Mapping, Optional, Set, Tuple

import libcst as cst
from libcst.metadata import FunctionScope

from codemods.core.nodes import dotted_name, keyword_arg, string_value, walk
from codemods.http.urls import DYNAMIC, ModuleConstants, Segment, classify_url, segments_text, url_segments
from codemods.core.readonly_walk import visit_module
from compat.knowledge.hosts import V1_AUTH_HEADER

HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
HTTP_MODULES = ("requests", "httpx")
# Constructors of objects that carry the verb methods (aliases of these are tracked too).
CLIENT_FACTORIES = frozenset({
    ("requests", "Session"), ("requests", "session"),
    ("httpx", "Client"), ("httpx", "AsyncClient"),
})


# --- HTTP call recognition --------------------------------------------------------------

@dataclass(frozen=True)
class HttpCall:
    """A ``requests``/``httpx`` call whose URL was resolved."""
    node: cst.Call
    method: str  # upper-case HTTP method, "" when not a literal
    url_arg: cst.Arg
    segments: Tuple[Segment, ...]
    operation: Optional[str]  # classify_url of the resolved URL
    via_client: Optional[str]  # dotted name of the Session/Client it is called on, if any
    # the expression the URL was resolved from when the argument is a local variable holding it
    # (``url = BASE + "/check"`` ... ``requests.post(url, ...)``); None: the argument itself
    url_source: Optional[cst.BaseExpression] = None

    @property
    def url_expr(self) -> cst.BaseExpression:
        """The expression a URL edit replaces: the argument, or the local assignment's value."""
        return self.url_source if self.url_source is not None else self.url_arg.value

    @property
    def url_text(self) -> str:
        return segments_text(self.segments)

    def keyword(self, name: str) -> Optional[cst.Arg]:
        for arg in self.node.args:
            if arg.keyword is not None and arg.keyword.value == name:
                return arg
        return None


class HttpAnalysis:
    """Module-level facts needed to recognise HTTP calls: imports, constants, clients."""

    def __init__(self, module: cst.Module, scopes: Optional[Callable[[], Mapping]] = None,
                 also: Optional[cst.CSTVisitor] = None) -> None:
        """``scopes``: gives the module's ScopeProvider values when a URL variable is first
        followed (the codemod's or the scan's metadata); default: resolved here. One read-only
        walk of ``module``; ``also``: a visitor without metadata that needs no fact of the
        analysis during the walk, run in the same walk (the scanner's strings)."""
        self.module = module
        self._scopes_source = scopes
        self._scopes: Optional[Mapping] = None
        self.constants = ModuleConstants(module)
        self.module_aliases: Dict[str, str] = {}  # local name -> "requests" | "httpx"
        self.function_aliases: Dict[str, Tuple[str, str]] = {}  # local name -> (module, attr)
        self.clients: Dict[str, Tuple[str, Optional[cst.BaseExpression]]] = {}  # name -> (module, base_url)
        collector = _ModuleCollector(self)
        visit_module(module, collector, *((also,) if also is not None else ()))
        for target, value in collector.bindings:  # after the walk: every import alias is known
            name = dotted_name(target)
            factory = self.client_factory(value)
            if name is not None and factory is not None:
                self.clients[name] = factory
        # every call, with its innermost enclosing function, in source order
        self.call_sites: List[Tuple[cst.Call, Optional[cst.FunctionDef]]] = collector.call_sites
        self._resolved: Optional[List[HttpCall]] = None

    def resolved_calls(self) -> List[HttpCall]:
        """Every HTTP call of the module whose URL resolves (any host), in source order (once)."""
        if self._resolved is None:
            found = (self.http_call(call, function) for call, function in self.call_sites)
            self._resolved = [call for call in found if call is not None]
        return self._resolved

    @property
    def scopes(self) -> Mapping:
        if self._scopes is None:
            if self._scopes_source is not None:
                self._scopes = self._scopes_source()
            else:
                from libcst.metadata import MetadataWrapper, ScopeProvider

                self._scopes = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(ScopeProvider)
        return self._scopes

    def _factory(self, func: cst.BaseExpression) -> Optional[Tuple[str, str]]:
        name = dotted_name(func)
        if name is None:
            return None
        if name in self.function_aliases:
            return self.function_aliases[name]
        head, _, attr = name.rpartition(".")
        if head in self.module_aliases:
            return self.module_aliases[head], attr
        return None

    def client_factory(self, call: cst.BaseExpression) -> Optional[Tuple[str, Optional[cst.BaseExpression]]]:
        """(module, base_url expression) when ``call`` builds a Session/Client."""
        if not isinstance(call, cst.Call):
            return None
        target = self._factory(call.func)
        if target not in CLIENT_FACTORIES:
            return None
        base_url = next((a.value for a in call.args if a.keyword and a.keyword.value == "base_url"), None)
        return target[0], base_url

    def http_call(self, node: cst.Call, function: Optional[cst.FunctionDef] = None) -> Optional[HttpCall]:
        """The resolved call when ``node`` is an HTTP request through requests/httpx (inside
        ``function``, whose local URL variables are then followed)."""
        func = node.func
        via_client = None
        verb: Optional[str] = None
        base_url = None
        target = self._factory(func)
        if target is not None and target[0] in HTTP_MODULES:
            verb = target[1]
        elif isinstance(func, cst.Attribute):
            receiver = dotted_name(func.value)
            if receiver in self.clients:
                via_client = receiver
                verb = func.attr.value
                base_url = self.clients[receiver][1]
        if verb is None or (verb not in HTTP_VERBS and verb != "request"):
            return None
        positional = [a for a in node.args if a.keyword is None and not a.star]
        method_node: Optional[cst.BaseExpression] = None
        if verb == "request":
            method_node = positional[0].value if positional else _kw(node, "method")
            url_arg = positional[1] if len(positional) > 1 else keyword_arg(node, "url")
        else:
            url_arg = positional[0] if positional else keyword_arg(node, "url")
        if url_arg is None:
            return None
        url_source = None
        if isinstance(url_arg.value, cst.Name) and function is not None:
            url_source = local_url_source(function, url_arg.value, node, self.scopes)
        segments = url_segments(url_source if url_source is not None else url_arg.value, self.constants)
        if segments is None:
            return None
        text = segments_text(segments)
        if base_url is not None and not re.match(r"(?i)[a-z]+://", text):
            # A base only known at run time stays a dynamic segment (operation None), so that
            # raw-http can still flag a v1 path behind it (e.g. base_url=os.environ["DING_URL"]).
            base = url_segments(base_url, self.constants) or [Segment("dynamic", DYNAMIC, base_url)]
            segments = base + segments
            text = segments_text(segments)
        if method_node is not None:
            method = (string_value(method_node) or "").upper()
        else:
            method = verb.upper()
        return HttpCall(node, method, url_arg, tuple(segments), classify_url(text), via_client, url_source)


def local_url_source(function: cst.FunctionDef, name: cst.Name, call: cst.Call,
                     scopes: Mapping) -> Optional[cst.BaseExpression]:
    """The value of ``name = <value>`` when that is the whole flow of the variable in
    ``function`` (its scope, from ScopeProvider): one plain assignment among the function's own
    statements, before the statement of ``call``, and this argument its only read (not
    rebound, not a parameter, not captured, not passed on). None otherwise: the URL then stays
    where it is, with a TODO."""
    scope = scopes.get(name)
    if not isinstance(scope, FunctionScope) or scope.node is not function:
        return None
    assignments = list(scope.assignments[name.value])
    if len(assignments) != 1 or [a.node for a in assignments[0].references] != [name]:
        return None
    target = assignments[0].node
    assign_index = call_index = None
    value = None
    for index, statement in enumerate(function.body.body):
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
                and isinstance(statement.body[0], cst.Assign) and len(statement.body[0].targets) == 1 \
                and statement.body[0].targets[0].target is target:
            assign_index, value = index, statement.body[0].value
        if call_index is None and any(node is call for node in walk(statement)):
            call_index = index
    if value is None or call_index is None or assign_index is None or assign_index >= call_index:
        return None
    return value


def _kw(node: cst.Call, name: str) -> Optional[cst.BaseExpression]:
    arg = keyword_arg(node, name)
    return None if arg is None else arg.value


class _ModuleCollector(cst.CSTVisitor):
    """Import aliases of requests/httpx, the assignments that may bind a Session/Client
    (``s``, ``self.session``; bound after the walk, when every alias is known) and every call
    with its enclosing function, in one walk."""

    def __init__(self, analysis: HttpAnalysis) -> None:
        self.analysis = analysis
        self.bindings: List[Tuple[cst.BaseExpression, cst.BaseExpression]] = []
        self.call_sites: List[Tuple[cst.Call, Optional[cst.FunctionDef]]] = []
        self.functions: List[cst.FunctionDef] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.functions.pop()

    def visit_Call(self, node: cst.Call) -> None:
        self.call_sites.append((node, self.functions[-1] if self.functions else None))

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = dotted_name(alias.name) or ""
            root = name.split(".")[0]
            if root not in HTTP_MODULES:
                continue
            if alias.asname is None:  # `import requests.adapters` binds `requests` too
                self.analysis.module_aliases[root] = root
            elif name == root and isinstance(alias.asname.name, cst.Name):
                self.analysis.module_aliases[alias.asname.name.value] = root

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = dotted_name(node.module) if node.module is not None else None
        if module is None or isinstance(node.names, cst.ImportStar):
            return
        root = module.split(".")[0]
        if root not in HTTP_MODULES:
            return
        for alias in node.names:
            if not isinstance(alias.name, cst.Name):
                continue
            local = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) \
                else alias.name.value
            self.analysis.function_aliases[local] = (root, alias.name.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self.bindings.append((target.target, node.value))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self.bindings.append((node.target, node.value))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self.bindings.append((node.asname.name, node.item))


def iter_http_calls(module: cst.Module, analysis: Optional[HttpAnalysis] = None) -> Iterator[HttpCall]:
    """Every resolved HTTP call in ``module`` (any host), in source order."""
    analysis = analysis or HttpAnalysis(module)
    if analysis.module is module:
        return iter(analysis.resolved_calls())  # the call sites its walk recorded
    calls: List[HttpCall] = []

    class _Calls(cst.CSTVisitor):
        functions: List[cst.FunctionDef] = []

        def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
            self.functions = [*self.functions, node]

        def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
            self.functions = self.functions[:-1]

        def visit_Call(self, node: cst.Call) -> None:
            call = analysis.http_call(node, self.functions[-1] if self.functions else None)
            if call is not None:
                calls.append(call)

    visit_module(module, _Calls())
    return iter(calls)


def client_header_setups(module: cst.Module, analysis: HttpAnalysis, clients: Set[str]) -> Dict[str, list]:
    """Per client name: header dicts and ``X-API-Key`` item assignments that configure it."""
    found: Dict[str, list] = {}

    class _Setups(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            func = dotted_name(node.func) or ""
            for client in clients:
                if func == f"{client}.headers.update" and node.args and isinstance(node.args[0].value, cst.Dict):
                    found.setdefault(client, []).append(node.args[0].value)

        def visit_Assign(self, node: cst.Assign) -> None:
            if len(node.targets) != 1:
                return
            target = node.targets[0].target
            name = dotted_name(target)
            if name and name in clients:
                factory = analysis.client_factory(node.value)
                if factory is not None and isinstance(node.value, cst.Call):
                    headers = next((a.value for a in node.value.args
                                    if a.keyword and a.keyword.value == "headers"), None)
                    if isinstance(headers, cst.Dict):
                        found.setdefault(name, []).append(headers)
            if name and name.endswith(".headers") and name[:-len(".headers")] in clients \
                    and isinstance(node.value, cst.Dict):
                found.setdefault(name[:-len(".headers")], []).append(node.value)
            if isinstance(target, cst.Subscript) and len(target.slice) == 1:
                owner = dotted_name(target.value) or ""
                index = target.slice[0].slice
                if owner.endswith(".headers") and owner[:-len(".headers")] in clients and \
                        isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString) and \
                        str(index.value.evaluated_value).lower() == V1_AUTH_HEADER.lower():
                    found.setdefault(owner[:-len(".headers")], []).append(node)

        def visit_WithItem(self, node: cst.WithItem) -> None:
            name = dotted_name(node.asname.name) if node.asname else None
            if name in clients and isinstance(node.item, cst.Call):
                headers = next((a.value for a in node.item.args if a.keyword and a.keyword.value == "headers"), None)
                if isinstance(headers, cst.Dict):
                    found.setdefault(name, []).append(headers)

    visit_module(module, _Setups())
    return found
