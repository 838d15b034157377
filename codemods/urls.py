"""Where Python code talks HTTP to v1: URL resolution, v1 endpoint classification, and
:func:`find_http_usages` (raw ``requests``/``httpx`` calls to v1, v1 host strings, ``X-API-Key``
headers, old documentation links). Shared by the ``hosts``, ``raw-http`` and ``v1-leftovers``
codemods and the scanner, so what the scanner reports is exactly what the codemods see. The
calls themselves are recognised in :mod:`codemods.http_calls`.

A URL expression is resolved into *segments*: literal text, a module constant (with its own
resolved text) or a dynamic part (any other expression). The joined text, with ``DYNAMIC``
standing for each dynamic part, is what :func:`classify_url` reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple, Union
from urllib.parse import urljoin

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from codemods.usage import Usage
from compat.tables import DOCS_LINK_MOVES, OPERATIONS, V1_AUTH_HEADER, V2_HOST, current_docs_link

# Lower-case byte substrings: a file containing none of them has no raw-HTTP or host usage.
HTTP_TRIGGERS: Tuple[bytes, ...] = (
    b"api.ding.live",
    b"docs.prelude.so/api-reference",
    b"docs.ding.live",
    b"/v2/transactional",
)

DYNAMIC = "\x00"  # stands for a part of a URL only known at run time
V1_UNKNOWN_OPERATION = "v1"  # classify_url: a v1 URL that is no known endpoint (e.g. the base URL)
LEGACY_V2 = "legacy-v2"


# The v1 host, anchored: no host character may touch it on either side.
_V1_HOST_RE = re.compile(
    r"(?<![A-Za-z0-9.\-])api\.ding\.live(?![A-Za-z0-9\-]|\.[A-Za-z0-9])(?::\d+)?"
    r"(?P<path>/[^\s'\"<>]*)?",
    re.IGNORECASE,
)
_DOCS_PREFIXES = tuple(sorted(DOCS_LINK_MOVES, key=len, reverse=True))


# --- classification ---------------------------------------------------------------------

def _v1_path_operation(path: str) -> str:
    """The v1 operation for a path relative to /v1 (no query string)."""
    parts = [p for p in path.strip("/").split("/") if p] if path else []
    for op in OPERATIONS.values():
        pattern = [p for p in op.v1_path.strip("/").split("/") if p]
        if len(pattern) != len(parts):
            continue
        if all(want == got or (want.startswith("{") and got and got != "feedback")
               for want, got in zip(pattern, parts)):
            return op.name
    # "/lookup/" + phone resolves to "lookup/\x00": one dynamic segment.
    return V1_UNKNOWN_OPERATION


def classify_url(url: str) -> Optional[str]:
    """The v1 operation a URL targets (a key of ``compat.tables.OPERATIONS``), ``"legacy-v2"``
    for ``api.ding.live/v2``, ``"v1"`` for another v1 URL (the base URL, an unknown path or
    the bare host), ``None`` when it is not on ``api.ding.live`` at all.

    The host match is anchored (``mbktrading.live/v1`` and ``xapi.ding.live`` are not v1).
    ``DYNAMIC`` characters stand for run-time parts, e.g. a path parameter.
    """
    match = _V1_HOST_RE.search(url)
    if match is None:
        return None
    path = re.split(r"[?#]", match.group("path") or "", maxsplit=1)[0]
    lowered = path.lower()
    if lowered == "/v2" or lowered.startswith("/v2/"):
        return LEGACY_V2
    if lowered == "/v1" or lowered.startswith("/v1/"):
        return _v1_path_operation(path[3:])
    return V1_UNKNOWN_OPERATION


_LEGACY_V2_HOST_RE = re.compile(
    r"(?:(?P<scheme>https?://))?(?<![A-Za-z0-9.\-])api\.ding\.live(?=/v2(?:[/?#'\"\s]|$))",
    re.IGNORECASE,
)


def replace_legacy_host(text: str) -> str:
    """``api.ding.live/v2...`` -> ``https://api.prelude.dev/v2...`` (same path); any other text,
    including ``api.ding.live/v1``, is left as it is."""
    def swap(match: "re.Match[str]") -> str:
        return ("https://" if match.group("scheme") else "") + V2_HOST

    return _LEGACY_V2_HOST_RE.sub(swap, text)


def is_docs_link(text: str) -> bool:
    return any(prefix in text for prefix in _DOCS_PREFIXES)


def rewrite_docs_links(text: str) -> str:
    """Every old documentation link in ``text`` replaced by its current page."""
    out, pos = [], 0
    # Whole pages only (see current_docs_link): no path character may follow the old link.
    pattern = re.compile("(?:%s)(?![A-Za-z0-9_/-])" % "|".join(re.escape(p) for p in _DOCS_PREFIXES))
    for match in pattern.finditer(text):
        current = current_docs_link(match.group(0))
        if current is None:
            continue
        out.append(text[pos:match.start()])
        out.append(current)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


# --- segments ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    kind: str  # "literal" | "constant" | "dynamic" | "computed" (urljoin: text known, not editable)
    text: str  # literal text, the constant's resolved text, or DYNAMIC
    node: cst.BaseExpression
    name: Optional[str] = None  # the constant's name


def segments_text(segments: Sequence[Segment]) -> str:
    return "".join(s.text for s in segments)


def string_value(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = string_value(node.left), string_value(node.right)
        return None if left is None or right is None else left + right
    return None


def dotted_name(node: cst.BaseExpression) -> Optional[str]:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


class ModuleConstants:
    """Module-level names bound exactly once to a string expression."""

    def __init__(self, module: cst.Module) -> None:
        self.definitions: Dict[str, cst.BaseExpression] = {}
        seen: Dict[str, int] = {}
        for stmt in module.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                targets, value = _assignment(small)
                for target in targets:
                    seen[target] = seen.get(target, 0) + 1
                    if value is not None:
                        self.definitions[target] = value
        for name, count in seen.items():
            if count > 1:
                self.definitions.pop(name, None)
        self._resolving: set = set()
        self._cache: Dict[str, Optional[List[Segment]]] = {}

    def segments(self, name: str) -> Optional[List[Segment]]:
        if name in self._cache:
            return self._cache[name]
        if name not in self.definitions or name in self._resolving:
            return None
        self._resolving.add(name)
        try:
            result = url_segments(self.definitions[name], self)
        finally:
            self._resolving.discard(name)
        if result is not None and all(s.kind == "dynamic" for s in result):
            result = None
        self._cache[name] = result
        return result

    def text(self, name: str) -> Optional[str]:
        segments = self.segments(name)
        return None if segments is None else segments_text(segments)


def _assignment(small: cst.BaseSmallStatement) -> Tuple[List[str], Optional[cst.BaseExpression]]:
    if isinstance(small, cst.Assign):
        names = [t.target.value for t in small.targets if isinstance(t.target, cst.Name)]
        return names, small.value if len(small.targets) == 1 and names else None
    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
        return [small.target.value], small.value
    if isinstance(small, cst.AugAssign) and isinstance(small.target, cst.Name):
        return [small.target.value, small.target.value], None  # counted twice: not a constant
    return [], None


def url_segments(node: cst.BaseExpression, constants: ModuleConstants) -> Optional[List[Segment]]:
    """The segments of a string expression, or None when it is not string-like.

    Literals, module constants, ``+`` concatenation, f-strings and ``urljoin`` of literal
    parts are resolved; any other expression inside them is a dynamic segment.
    """
    text = string_value(node)
    if text is not None:
        return [Segment("literal", text, node)]
    if isinstance(node, cst.Name):
        resolved = constants.text(node.value)
        return None if resolved is None else [Segment("constant", resolved, node, node.value)]
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        left = url_segments(node.left, constants)
        right = url_segments(node.right, constants)
        if left is None and right is None:
            return None
        return (left or [Segment("dynamic", DYNAMIC, node.left)]) + \
            (right or [Segment("dynamic", DYNAMIC, node.right)])
    if isinstance(node, cst.FormattedString):
        result: List[Segment] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                result.append(Segment("literal", _unescape_fstring_text(part.value, node), part))
            elif isinstance(part, cst.FormattedStringExpression):
                inner = None
                if part.conversion is None and part.format_spec is None:
                    inner = url_segments(part.expression, constants)
                if inner is not None and all(s.kind == "constant" for s in inner) and len(inner) == 1:
                    result.append(Segment("constant", inner[0].text, part.expression, inner[0].name))
                else:
                    result.append(Segment("dynamic", DYNAMIC, part.expression))
        return result
    if isinstance(node, cst.Call) and dotted_name(node.func) in ("urljoin", "urllib.parse.urljoin", "parse.urljoin") \
            and len(node.args) == 2:
        base = url_segments(node.args[0].value, constants)
        ref = url_segments(node.args[1].value, constants)
        if base and ref and DYNAMIC not in segments_text(base) + segments_text(ref):
            return [Segment("computed", urljoin(segments_text(base), segments_text(ref)), node)]
    return None


def _unescape_fstring_text(value: str, node: cst.FormattedString) -> str:
    value = value.replace("{{", "{").replace("}}", "}")
    if "r" in node.prefix.lower() or "\\" not in value:
        return value
    try:
        return value.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return value


# --- detection for the scanner -----------------------------------------------------------

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
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, analysis) -> None:
        self.analysis = analysis
        self.found: List[Tuple[cst.CSTNode, str, str, bool]] = []
        self.header_keys: List[cst.CSTNode] = []
        self.has_v1 = False

    def visit_Call(self, node: cst.Call) -> None:
        call = self.analysis.http_call(node)
        if call is not None and call.operation is not None and call.operation != LEGACY_V2:
            self.has_v1 = True
            self.found.append((node, "raw-http", call.operation, False))  # see _with_codemod_outcomes
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
        text = "".join(_unescape_fstring_text(p.value, node) if isinstance(p, cst.FormattedStringText)
                       else DYNAMIC for p in node.parts)
        self._string(node, text)

    def visit_Comment(self, node: cst.Comment) -> None:
        if is_docs_link(node.value):
            self.found.append((node, "docs-link", node.value.lstrip("# ").strip(), True))


def find_http_usages(source_or_wrapper: Union[str, bytes, cst.Module, MetadataWrapper]) -> List[Usage]:
    """Raw-HTTP calls to v1, v1/legacy host strings, ``X-API-Key`` headers in modules that talk
    to v1, and old docs links, in source order (1-based columns)."""
    from codemods.http_calls import HttpAnalysis  # it builds on this module

    wrapper = _as_wrapper(source_or_wrapper)
    analysis = HttpAnalysis(wrapper.module)
    visitor = _UsageVisitor(analysis)
    wrapper.visit(visitor)
    positions = wrapper.resolve(PositionProvider)
    found = list(visitor.found)
    if any(kind == "raw-http" for _, kind, _, _ in found):
        found = _with_codemod_outcomes(found, positions, wrapper.module)
    if visitor.has_v1:
        found += [(node, "api-key-header", V1_AUTH_HEADER, False) for node in visitor.header_keys]
    usages = []
    for node, kind, detail, fixable in found:
        pos = positions[node]
        usages.append(Usage(kind, detail, pos.start.line, pos.start.column + 1,
                            pos.end.line, pos.end.column + 1, fixable))
    usages.sort(key=lambda u: (u.line, u.column, u.kind))
    return usages


def _with_codemod_outcomes(found, positions, module: cst.Module):
    """``fixable`` of raw-HTTP calls, and of v1 host strings inside them, from what the raw-http
    codemod actually does with them (so the scanner never promises a fix that leaves a TODO)."""
    from codemods.raw_http import call_outcomes  # imports this module: keep the import local

    outcomes = call_outcomes(module)
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
    return final


def _contains(outer, inner) -> bool:
    start, end = outer
    return (start.line, start.column) <= (inner.start.line, inner.start.column) and \
        (inner.end.line, inner.end.column) <= (end.line, end.column)
