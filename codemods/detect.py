"""The scanner's view of the codemods: what ``prelude-migrate scan`` asks about a Python module.

It sits above both codemod families and imports them, never the other way round:
:func:`find_sdk_usages` (the v1 ``ding`` SDK, :mod:`codemods.sdk.analysis`) and
:func:`find_http_usages` (raw ``requests``/``httpx`` calls to v1, v1 host strings,
``X-API-Key`` headers, old documentation links, :mod:`codemods.http`), as ``Usage`` rows whose
``fixable`` says what the codemods really do. The trigger tokens and URL classification the
scanner shares are re-exported here, so the scanner needs this one module.
"""
from __future__ import annotations

import dataclasses
from typing import List, Optional, Tuple, Union

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider, ScopeProvider

from codemods.core.nodes import dotted_name, string_value
from codemods.core.usage import Usage
from codemods.http.calls import HTTP_MODULES, HttpAnalysis
from codemods.http.raw_http import call_outcomes_and_changes
from codemods.http.urls import (  # noqa: F401  (the scanner's vocabulary)
    DYNAMIC,
    HTTP_TRIGGERS,
    LEGACY_V2,
    unescape_fstring_text,
    classify_url,
    is_docs_link,
)
from codemods.sdk.analysis import analyze
from codemods.sdk.edits import sdk_edits
from codemods.sdk.model import DISTINCTIVE_METHODS, SDK_TRIGGERS  # noqa: F401
from compat.knowledge.docs_links import OLD_DOCS_PREFIXES
from compat.knowledge.hosts import V1_AUTH_HEADER, V1_HOST

__all__ = ["find_sdk_usages", "find_http_usages", "http_usages_possible", "classify_url", "LEGACY_V2", "HTTP_TRIGGERS",
           "SDK_TRIGGERS", "DISTINCTIVE_METHODS"]


def find_sdk_usages(source_or_wrapper: Union[str, cst.Module, MetadataWrapper]) -> List[Usage]:
    """The v1 SDK usages of one module, in source order (1-based columns). An ``sdk-call``
    usage ``changes`` exactly when the sdk-calls plan rewrites or removes it, and carries as
    ``edits`` what that plan and sdk-responses change for it (:func:`_with_sdk_edits`)."""
    wrapper = _as_wrapper(source_or_wrapper)
    analysis = analyze(wrapper)
    if not analysis.uses_v1:
        return analysis.usages
    return _with_sdk_edits(wrapper, analysis)


def _with_sdk_edits(wrapper: MetadataWrapper, analysis) -> List[Usage]:
    """The analysis' usages with what the SDK codemods will change (``codemods.sdk.edits``), each
    matched to its edits through the node the analysis found it at."""
    edits = sdk_edits(wrapper, analysis)
    imports = set(analysis.imports)
    usages = []
    for usage, node in zip(analysis.usages, analysis.usage_nodes, strict=True):
        if usage.kind == "sdk-call" and node in analysis.calls:
            usage = dataclasses.replace(usage, changes=node in edits.changed_calls, edits=edits.call_edits[node] + tuple(
                edits.op_edits.get(analysis.calls[node].op, ())))
        elif usage.kind == "sdk-import" and node in imports:
            usage = dataclasses.replace(usage, changes=node in edits.changed_imports)
        elif usage.kind == "sdk-error" and node in edits.error_code_edits:
            usage = dataclasses.replace(usage, changes=True, edits=(edits.error_code_edits[node],))
        usages.append(usage)
    return usages


def _as_wrapper(source_or_wrapper: Union[str, bytes, cst.Module, MetadataWrapper]) -> MetadataWrapper:
    if isinstance(source_or_wrapper, MetadataWrapper):
        return source_or_wrapper
    if isinstance(source_or_wrapper, cst.Module):
        return MetadataWrapper(source_or_wrapper, unsafe_skip_copy=True)
    if isinstance(source_or_wrapper, bytes):
        return MetadataWrapper(cst.parse_module(source_or_wrapper))
    return MetadataWrapper(cst.parse_module(source_or_wrapper))


def _display(text: str) -> str:
    return text.replace(DYNAMIC, "{...}")


class _UsageVisitor(cst.CSTVisitor):
    """The strings and comments of a module (run inside ``HttpAnalysis``'s walk); the raw-HTTP
    calls are added from the analysis once the walk is over (:meth:`add_calls`)."""

    def __init__(self) -> None:
        self.found: List[Tuple[cst.CSTNode, str, str, bool]] = []
        self.header_keys: List[cst.CSTNode] = []
        self.has_v1 = False

    def add_calls(self, analysis: HttpAnalysis) -> None:
        """Raw-HTTP calls to v1 (local URL variables followed, as the codemod does)."""
        for call in analysis.resolved_calls():
            if call.operation is not None and call.operation != LEGACY_V2:
                self.has_v1 = True
                self.found.append((call.node, "raw-http", call.operation, False))  # see _with_codemod_outcomes
                if call.operation == "create":
                    self._callback_urls(call)

    def _callback_urls(self, call) -> None:
        """``callback_url`` in an inline create body: v2 webhooks differ, a human must look."""
        arg = call.keyword("json") or call.keyword("data") or call.keyword("content")
        body = arg.value if arg is not None else None
        if isinstance(body, cst.Call) and dotted_name(body.func) in ("json.dumps", "dumps") and body.args:
            body = body.args[0].value
        if isinstance(body, cst.Dict):
            for element in body.elements:
                if isinstance(element, cst.DictElement) and string_value(element.key) == "callback_url":
                    self.found.append((element.key, "callback-url", "callback_url", False))

    def _string(self, node: cst.CSTNode, text: str, rewritable: bool = True) -> None:
        """``rewritable``: the hosts codemod edits this literal (it leaves bytes alone)."""
        kind = classify_url(text)
        if kind is not None:
            self.has_v1 = self.has_v1 or kind != LEGACY_V2
            self.found.append((node, "host", _display(text), kind == LEGACY_V2 and rewritable))
        if is_docs_link(text):
            self.found.append((node, "docs-link", _display(text), rewritable))
        if text.lower() == V1_AUTH_HEADER.lower():
            self.header_keys.append(node)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if isinstance(value, bytes):
            self._string(node, value.decode("latin-1"), rewritable=False)
        else:
            self._string(node, value)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        text = "".join(unescape_fstring_text(p.value, node) if isinstance(p, cst.FormattedStringText)
                       else DYNAMIC for p in node.parts)
        self._string(node, text)

    def visit_Comment(self, node: cst.Comment) -> None:
        if is_docs_link(node.value):
            self.found.append((node, "docs-link", node.value.lstrip("# ").strip(), True))


# Lower-case text without which a module holds nothing find_http_usages reports: a raw-HTTP call
# goes through an imported requests/httpx; a host or docs-link usage is a string or comment
# containing the v1 host or an old docs prefix (classify_url, is_docs_link).
_HTTP_WORDS = (*HTTP_MODULES, V1_HOST.lower(), *OLD_DOCS_PREFIXES)
BACKSLASH = "\\"


def http_usages_possible(text: str, lower: Optional[str] = None) -> bool:
    """Whether :func:`find_http_usages` can find anything in the module of ``text`` (a necessary
    condition, from the text alone; ``lower``: ``text.lower()`` when the caller has it). A
    backslash lets any file through: an escape sequence in a literal can spell part of a host."""
    if BACKSLASH in text:
        return True
    lower = text.lower() if lower is None else lower
    return any(word in lower for word in _HTTP_WORDS)


def find_http_usages(source_or_wrapper: Union[str, bytes, cst.Module, MetadataWrapper]) -> List[Usage]:
    """Raw-HTTP calls to v1, v1/legacy host strings, ``X-API-Key`` headers in modules that talk
    to v1, and old docs links, in source order (1-based columns)."""
    wrapper = _as_wrapper(source_or_wrapper)
    visitor = _UsageVisitor()
    # one walk: the analysis and the strings (URL variables followed with the scan's scopes)
    analysis = HttpAnalysis(wrapper.module, scopes=lambda: wrapper.resolve(ScopeProvider), also=visitor)
    visitor.add_calls(analysis)
    positions = wrapper.resolve(PositionProvider)
    found = list(visitor.found)
    replaced: list = []  # spans the raw-http codemod replaces: what rewrite changes
    if any(kind == "raw-http" for _, kind, _, _ in found):
        found, replaced = _with_codemod_outcomes(found, positions, wrapper, analysis)
    if visitor.has_v1:
        found += [(node, "api-key-header", V1_AUTH_HEADER, False) for node in visitor.header_keys]
    usages = []
    edits = tuple((a[0], a[1], b[0], b[1]) for a, b in replaced)  # the one raw-HTTP plan of the file
    for node, kind, detail, fixable in found:
        pos = positions[node]
        start, end = (pos.start.line, pos.start.column + 1), (pos.end.line, pos.end.column + 1)
        changes = fixable or any(a < end and start < b for a, b in replaced)
        usages.append(Usage(kind, detail, start[0], start[1], end[0], end[1], fixable, changes,
                            edits if kind == "raw-http" else ()))
    usages.sort(key=lambda u: (u.line, u.column, u.kind))
    return usages


def _with_codemod_outcomes(found, positions, wrapper: MetadataWrapper, analysis: HttpAnalysis):
    """``fixable`` of raw-HTTP calls, and of v1 host strings inside them, from what the raw-http
    codemod actually does with them (so the scanner never promises a fix that leaves a TODO);
    the codemod plans with the detection's own analysis."""
    outcomes, replaced = call_outcomes_and_changes(wrapper, analysis)
    fixable_ranges = []
    result = []
    for node, kind, detail, fixable in found:
        if kind == "raw-http":
            pos = positions[node]
            fixable = outcomes.get((pos.start.line, pos.start.column + 1), False)
            if fixable:
                fixable_ranges.append((pos.start, pos.end))
        result.append((node, kind, detail, fixable))
    final = []
    for node, kind, detail, fixable in result:
        if kind == "host" and not fixable:
            pos = positions[node]
            fixable = any(_contains(r, pos) for r in fixable_ranges)
        final.append((node, kind, detail, fixable))
    return final, replaced


def _contains(outer, inner) -> bool:
    start, end = outer
    return (start.line, start.column) <= (inner.start.line, inner.start.column) and \
        (inner.end.line, inner.end.column) <= (end.line, end.column)
