"""Where Python code talks HTTP to v1: URL resolution, v1 endpoint classification, and
:func:`find_http_usages` (raw ``requests``/``httpx`` calls to v1, v1 host strings, ``X-API-Key``
headers, old documentation links). Shared by the ``hosts``, ``raw-http`` and ``v1-leftovers``
codemods and the scanner, so what the scanner reports is exactly what the codemods see. The
calls themselves are recognised in :mod:`codemods.http.calls`.

A URL expression is resolved into *segments*: literal text, a module constant (with its own
resolved text) or a dynamic part (any other expression). The joined text, with ``DYNAMIC``
standing for each dynamic part, is what :func:`classify_url` reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple
from urllib.parse import urljoin

import libcst as cst

from codemods.core.nodes import dotted_name, string_value
# The URL facts live once, in the knowledge layer; codemods and the scanner read them from here.
from compat.knowledge.docs_links import current_docs_link, is_docs_link, rewrite_docs_links  # noqa: F401
from compat.knowledge.hosts import (LEGACY_V2, V1_UNKNOWN_OPERATION, classify_url, v1_path_operation,  # noqa: F401
                                    replace_legacy_host)
# Lower-case byte substrings: a file containing none of them has no raw-HTTP or host usage.
from compat.knowledge.triggers import HTTP_TRIGGERS  # noqa: F401

DYNAMIC = "\x00"  # stands for a part of a URL only known at run time


# --- segments ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    kind: str  # "literal" | "constant" | "dynamic" | "computed" (urljoin: text known, not editable)
    text: str  # literal text, the constant's resolved text, or DYNAMIC
    node: cst.BaseExpression
    name: Optional[str] = None  # the constant's name


def segments_text(segments: Sequence[Segment]) -> str:
    return "".join(s.text for s in segments)


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
                result.append(Segment("literal", unescape_fstring_text(part.value, node), part))
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


def unescape_fstring_text(value: str, node: cst.FormattedString) -> str:
    value = value.replace("{{", "{").replace("}}", "}")
    if "r" in node.prefix.lower() or "\\" not in value:
        return value
    try:
        return value.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return value
