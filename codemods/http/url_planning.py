"""URL planning for the ``raw-http`` codemod: which base-URL constants and client ``base_url``
values can move to v2 (every use of them moves too), and the v2 URL expression of each call.
A mixin of the codemod's planner, which provides the metadata helpers used here.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst

from codemods.http.calls import HttpCall, iter_http_calls
from codemods.http.plan import CallPlan
from codemods.http.url_pieces import emit_url, merge_pieces, slice_pieces
from codemods.core.nodes import dotted_name
from codemods.http.urls import Segment, classify_url, segments_text
from codemods.core.readonly_walk import visit_module
from compat.knowledge.hosts import V1_BASE_ONLY_RE as _V1_BASE_RE
from compat.knowledge.hosts import V1_BASE_PREFIX_RE as _V1_PREFIX_RE
from compat.knowledge.hosts import V2_BASE_URL, V2_ORIGIN
from compat.knowledge.operations import OPERATIONS
from compat.knowledge.todos import CLIENT_BASE_TODO
# What may be done with a client whose base_url moves (anything else might depend on it).
CONFINED_CLIENT_ATTRS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request",
                                   "close", "aclose", "headers", "__enter__", "__exit__"})


class UrlPlanning:
    """Needs ``analysis``, ``module``, ``replacements``, ``client_bases``, ``parent``,
    ``accesses``, ``render`` and ``render_updated`` from the planner."""

    # -- client base URLs

    def _client_base_text(self, client: str, allow_none: bool = False) -> Optional[str]:
        """The v1 base URL literal a client's ``base_url`` holds ("" when it has none and
        ``allow_none``); None when it has one this codemod cannot move."""
        base = self.analysis.clients[client][1]
        if base is None:
            return "" if allow_none else None
        text = base.evaluated_value if isinstance(base, cst.SimpleString) else None
        if isinstance(text, str) and _V1_BASE_RE.match(text):
            return text
        return None

    def _decide_client_bases(self, plans: Sequence[CallPlan]) -> Dict[str, str]:
        """Clients whose ``base_url`` moves to v2: every call through them is a rewritten v1 call.
        Calls through the others are left with a TODO."""
        through: Dict[str, List[CallPlan]] = {}
        for plan in plans:
            client = plan.call.via_client
            if client and self.analysis.clients[client][1] is not None:
                through.setdefault(client, []).append(plan)
        all_calls: Dict[str, int] = {}
        for call in iter_http_calls(self.module, self.analysis):
            if call.via_client:
                all_calls[call.via_client] = all_calls.get(call.via_client, 0) + 1
        moving: Dict[str, str] = {}
        for client, client_plans in through.items():
            text = self._client_base_text(client)
            if text and all(p.rewrite for p in client_plans) and len(client_plans) == all_calls.get(client) \
                    and self._client_confined(client):
                moving[client] = text
                continue
            for plan in client_plans:
                if plan.rewrite:
                    plan.leave(plan.call.node, CLIENT_BASE_TODO)
        return moving

    def _client_confined(self, client: str) -> bool:
        """Every use of the client is an HTTP verb call or a harmless attribute: it is not passed
        on, returned, or used through methods (``stream``, ``send``) that also read base_url."""
        planner = self
        ok = [True]

        class _Uses(cst.CSTVisitor):
            def visit_Name(self, node: cst.Name) -> None:
                self._check(node)

            def visit_Attribute(self, node: cst.Attribute) -> None:
                self._check(node)

            def _check(self, node: cst.BaseExpression) -> None:
                if dotted_name(node) != client:
                    return
                parent = planner.parent(node)
                if isinstance(parent, cst.Attribute) and parent.value is node:
                    if parent.attr.value not in CONFINED_CLIENT_ATTRS:
                        ok[0] = False
                elif not isinstance(parent, (cst.AssignTarget, cst.AsName)):
                    ok[0] = False

        visit_module(self.module, _Uses())
        return ok[0]

    # -- URLs and constants

    def _rewritable_constants(self, plans: Sequence[CallPlan]) -> Set[str]:
        """Constants whose every use is inside a rewritten URL (or inside another such constant)
        and whose own definition can be rewritten: base URLs and whole endpoint URLs."""
        url_args = {id(p.call.url_expr) for p in plans if p.rewrite}
        direct_uses: Dict[str, Set[str]] = {}  # constant -> ops of calls using it as the whole URL
        candidates: Set[str] = set()
        for plan in plans:
            if not plan.rewrite:
                continue
            for seg in plan.call.segments:
                if seg.kind == "constant" and seg.name:
                    candidates.add(seg.name)
            if isinstance(plan.call.url_expr, cst.Name):
                direct_uses.setdefault(plan.call.url_expr.value, set()).add(plan.operation)
        constants = self.analysis.constants
        # Constants referenced from candidate definitions are candidates too (CHECK = BASE + ...).
        frontier = list(candidates)
        while frontier:
            name = frontier.pop()
            for seg in constants.segments(name) or ():
                if seg.kind == "constant" and seg.name and seg.name not in candidates:
                    candidates.add(seg.name)
                    frontier.append(seg.name)
        targets = self._constant_targets()
        # a constant other modules import stays (and is marked): they would read a v2 URL otherwise
        shared = getattr(self.codemod, "shared_names", frozenset())
        rewritable = {n for n in candidates if n in targets and n not in shared and self._constant_kind(n, direct_uses)}
        while True:
            allowed = set(url_args) | {id(constants.definitions[n]) for n in rewritable}
            keep = {n for n in rewritable if self._uses_inside(targets[n], allowed)}
            if keep == rewritable:
                return rewritable
            rewritable = keep

    def _constant_targets(self) -> Dict[str, cst.Name]:
        targets: Dict[str, cst.Name] = {}
        for stmt in self.module.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Assign) and len(small.targets) == 1 and \
                            isinstance(small.targets[0].target, cst.Name):
                        targets[small.targets[0].target.value] = small.targets[0].target
                    elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                        targets[small.target.value] = small.target
        return targets

    def _constant_kind(self, name: str, direct_uses: Dict[str, Set[str]]) -> Optional[str]:
        text = self.analysis.constants.text(name) or ""
        definition = self.analysis.constants.definitions[name]
        if _V1_BASE_RE.match(text) and isinstance(definition, (cst.SimpleString, cst.ConcatenatedString)):
            return "base"
        ops = direct_uses.get(name)
        segments = self.analysis.constants.segments(name)
        op = _op_of(text)
        if ops is not None and ops == {op} and segments is not None and \
                self._build_url(segments, definition, op, set()) is not None:
            return "endpoint"
        return None

    def _uses_inside(self, target: cst.Name, allowed: Set[int]) -> bool:
        uses = self.accesses(target)
        if uses is None:
            return False
        for use in uses:
            node: Optional[cst.CSTNode] = use
            while node is not None and id(node) not in allowed:
                node = self.parent(node)
            if node is None:
                return False
        return True

    def _url_edit(self, call: HttpCall, op: str, rewritable: Set[str]) -> Optional[cst.BaseExpression]:
        """The new URL expression for ``call`` (the same node when a rewritten constant carries
        it), or None when it cannot be built."""
        value = call.url_expr
        if isinstance(value, cst.Name) and value.value in rewritable and \
                not _V1_BASE_RE.match(self.analysis.constants.text(value.value) or ""):
            return value  # an endpoint constant: its definition is rewritten instead
        client_base = None
        if call.via_client and self.analysis.clients[call.via_client][1] is not None:
            client_base = self.client_bases.get(call.via_client)
            if client_base is None:
                return None
        return self._build_url(list(call.segments), value, op, rewritable, client_base)

    def _build_url(self, segments: List[Segment], original: cst.BaseExpression, op: str,
                   rewritable: Set[str], client_base: Optional[str] = None) -> Optional[cst.BaseExpression]:
        """The v2 URL for ``segments``. The v1 base becomes a rewritten base constant (kept by
        name), or nothing when ``client_base`` (a client's base_url, moved separately) carries
        it, or else the v2 origin inline."""
        text = segments_text(segments)
        prefix = _V1_PREFIX_RE.match(text)
        if prefix is None:
            return None
        v1_end = prefix.end()
        pieces: List[Tuple[str, object]] = []  # ("lit", text) | ("name", name) | ("expr", node)
        first = segments[0]
        v2_path = OPERATIONS[op].v2_path or ""
        if client_base is not None:  # relative to the client's base_url, as the original was
            own_leading_slash = text[len(client_base):].startswith("/")
            v2_path = ("/" if own_leading_slash else "") + v2_path[len("/v2/"):]
        elif first.kind == "constant" and first.name in rewritable and _V1_BASE_RE.match(first.text):
            pieces.append(("name", first.name))
            # a base constant ending with "/" becomes ".../v2/": the path loses its first "/"
            v2_path = v2_path[len("/v2/"):] if len(first.text) > v1_end else v2_path[len("/v2"):]
        else:
            pieces.append(("lit", V2_ORIGIN))
        rel = re.split(r"[?#]", text[v1_end:], maxsplit=1)[0]
        rel_path = rel.rstrip("/")
        op_path_end = v1_end + len(rel_path)
        if "{" in v2_path:  # status and lookup: the last path segment is the parameter
            param = slice_pieces(segments, v1_end + rel_path.rfind("/") + 1, op_path_end)
            if param is None:
                return None
            pieces.append(("lit", v2_path[:v2_path.index("{")]))
            pieces.extend(param)
        else:
            pieces.append(("lit", v2_path))
        rest = slice_pieces(segments, v1_end + len(rel), len(text))  # query string; a trailing '/' is dropped
        if rest is None:
            return None
        pieces.extend(rest)
        return emit_url(merge_pieces(pieces), original, self.render_updated)

    def _commit_constants(self, rewritable: Set[str]) -> None:
        constants = self.analysis.constants
        for name in rewritable:
            definition = constants.definitions[name]
            text = constants.text(name) or ""
            if _V1_BASE_RE.match(text):
                new_text = V2_BASE_URL + ("/" if text.endswith("/") else "")
                self.replacements[definition] = emit_url([("lit", new_text)], definition, self.render)
                continue
            segments = constants.segments(name)
            op = _op_of(text)
            if segments is None or op is None:
                continue
            new = self._build_url(segments, definition, op, rewritable)
            if new is not None:
                self.replacements[definition] = new


def _op_of(text: str) -> Optional[str]:
    op = classify_url(text)
    return op if op in OPERATIONS else None
