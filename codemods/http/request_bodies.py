"""Request side of the ``raw-http`` codemod: v1 JSON bodies become v2 bodies field by field,
and the ``X-API-Key`` header becomes ``Authorization: Bearer``. Pure functions over libcst
nodes; each returns the replacement and the TODO texts the codemod must attach.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import libcst as cst

from codemods.core.nodes import comments_in, string_literal
from compat.knowledge.enums import DEVICE_TYPE_V1_TO_V2
from compat.knowledge.hosts import V1_AUTH_HEADER, V1_CUSTOMER_HEADER, V2_AUTH_HEADER, V2_AUTH_SCHEME
from compat.knowledge.operations import CHECK_FIELD_MOVES, CREATE_FIELD_MOVES, CREATE_FIELD_REVIEW

Render = Callable[[cst.CSTNode], str]  # source code of a node

SECTION_ORDER = ("signals", "options", "metadata")


@dataclass
class Edit:
    """A replacement expression (source code) or None to leave the node, plus TODO texts."""
    code: Optional[str]
    todos: List[str] = field(default_factory=list)


def string_key(element: cst.BaseDictElement) -> Optional[str]:
    if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
        value = element.key.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _quote_of(node: cst.Dict) -> str:
    for element in node.elements:
        if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
            return element.key.quote if element.key.quote in ("'", '"') else '"'
    return '"'


def _is_atom(node: cst.BaseExpression) -> bool:
    return isinstance(node, (cst.Name, cst.Attribute, cst.Subscript, cst.Call, cst.SimpleString))


def render_dict(entries: List[Tuple[str, str]], original: cst.Dict) -> str:
    """``{key: value, ...}`` laid out like ``original`` (one entry per line if it was multi-line).
    Comments of the original are kept, on their own lines at the top, since the fields they
    described may have moved."""
    lbrace = original.lbrace.whitespace_after
    rbrace = original.rbrace.whitespace_before
    comments = comments_in(original)
    if not isinstance(lbrace, cst.ParenthesizedWhitespace) and not comments or not entries:
        return "{" + ", ".join(f"{k}: {v}" for k, v in entries) + "}"
    indent = lbrace.last_line.value if isinstance(lbrace, cst.ParenthesizedWhitespace) else "    "
    closing = rbrace.last_line.value if isinstance(rbrace, cst.ParenthesizedWhitespace) else indent[:-4]
    body = "".join(f"{indent}{c}\n" for c in comments)
    body += "".join(f"{indent}{k}: {v},\n" for k, v in entries)
    return "{\n" + body + closing + "}"


def target_code(phone_code: str, quote: str) -> str:
    return "{%s: %s, %s: %s}" % (string_literal("type", quote), string_literal("phone_number", quote),
                                 string_literal("value", quote), phone_code)


def _unknown_field_todo(name: str) -> str:
    return f"'{name}' is not a v1 field this tool knows; check it against the v2 reference"


def rewrite_create_body(body: cst.Dict, render: Render) -> Edit:
    """v1 create body -> v2 ``POST /v2/verification`` body (docs/api-changes.md, "Send a code: request fields")."""
    quote = _quote_of(body)
    top: List[Tuple[str, str]] = []
    sections: Dict[str, List[Tuple[str, str]]] = {}
    spreads: List[str] = []  # **extra entries, kept as they are
    todos: List[str] = []
    for element in body.elements:
        key = string_key(element)
        if key is None:
            if isinstance(element, cst.StarredDictElement):
                todos.append(f"fields spread from {render(element.value)} are not rewritten for v2")
                spreads.append("**" + render(element.value))
                continue
            todos.append("a computed key is not rewritten for v2")
            top.append((render(element.key), render(element.value)))  # type: ignore[union-attr]
            continue
        value_node = element.value  # type: ignore[union-attr]
        value = render(value_node)
        if key not in CREATE_FIELD_MOVES:
            todos.append(_unknown_field_todo(key))
            top.append((string_literal(key, quote), value))
            continue
        section, new_key = CREATE_FIELD_MOVES[key]
        if new_key is None:
            continue  # customer_uuid: gone in v2
        if key == "phone_number":
            top.insert(0, (string_literal("target", quote), target_code(value, quote)))
            continue
        if key == "device_type":
            literal = value_node.evaluated_value if isinstance(value_node, cst.SimpleString) else None
            if isinstance(literal, str):
                if literal not in DEVICE_TYPE_V1_TO_V2:
                    todos.append(f"device_type {literal!r} is not a v1 value; v2 device_platform is "
                                 "one of " + ", ".join(sorted(set(DEVICE_TYPE_V1_TO_V2.values()))))
                value = string_literal(DEVICE_TYPE_V1_TO_V2.get(literal, literal.lower()), quote)
            else:
                value = f"{value}.lower()" if _is_atom(value_node) else f"({value}).lower()"
        if key == "app_realm":
            value = "{%s: %s, %s: %s}" % (string_literal("platform", quote), string_literal("android", quote),
                                          string_literal("value", quote), value)
        if key in CREATE_FIELD_REVIEW:
            todos.append(CREATE_FIELD_REVIEW[key])
        sections.setdefault(section, []).append((string_literal(new_key, quote), value))  # type: ignore[arg-type]
    entries = list(top)
    entries += [(string_literal(s, quote), "{" + ", ".join(f"{k}: {v}" for k, v in sections[s]) + "}")
                for s in SECTION_ORDER if s in sections]
    code = render_dict(entries, body)
    code = _with_spreads(code, spreads)
    return Edit(code, todos)


def _with_spreads(code: str, spreads: List[str]) -> str:
    """Append ``**name`` entries (kept as they were, with a TODO) to a rendered dict."""
    if not spreads:
        return code
    inner = code[1:-1].rstrip()
    if inner and not inner.endswith(","):
        inner += ","
    return "{" + inner + (" " if inner else "") + ", ".join(spreads) + "}"


def rewrite_check_body(body: cst.Dict, render: Render, phone_code: str) -> Edit:
    """v1 check body -> v2 ``POST /v2/verification/check`` body (docs/api-changes.md, "Check a code: request fields"): keyed by
    the phone."""
    quote = _quote_of(body)
    entries: List[Tuple[str, str]] = [(string_literal("target", quote), target_code(phone_code, quote))]
    todos: List[str] = []
    for element in body.elements:
        key = string_key(element)
        if key is None:
            return Edit(None, ["this check body has computed keys or ** spreads; rewrite it for v2 by hand: "
                               "{target: {type: phone_number, value}, code}"])
        if key == "phone_number" and render(element.value) == phone_code:  # type: ignore[union-attr]
            continue  # it is the target now
        if key not in CHECK_FIELD_MOVES:
            todos.append(_unknown_field_todo(key))
            entries.append((string_literal(key, quote), render(element.value)))  # type: ignore[union-attr]
            continue
        new_key = CHECK_FIELD_MOVES[key]
        if new_key is not None:
            entries.append((string_literal(new_key, quote), render(element.value)))  # type: ignore[union-attr]
    return Edit(render_dict(entries, body), todos)


def rewrite_retry_body(body: cst.Dict, render: Render, phone_code: str) -> Edit:
    """v1 retry body -> a v2 create for the same target, which v2 treats as a retry (docs/api-changes.md,
    "Operations")."""
    quote = _quote_of(body)
    for element in body.elements:
        key = string_key(element)
        if key == "phone_number" and render(element.value) == phone_code:  # type: ignore[union-attr]
            continue  # it is the target now
        if key is None or key not in ("customer_uuid", "authentication_uuid"):
            return Edit(None, ["this retry body has fields this tool does not know; v2 retries by "
                               "repeating the create call: {target: {type: phone_number, value}}"])
    return Edit(render_dict([(string_literal("target", quote), target_code(phone_code, quote))], body))


# --- headers ------------------------------------------------------------------------------

def bearer_value(value: cst.BaseExpression, render: Render, quote: str) -> str:
    literal = value.evaluated_value if isinstance(value, cst.SimpleString) else None
    if isinstance(literal, str):
        return string_literal(f"{V2_AUTH_SCHEME} {literal}", quote)
    code = render(value)
    for q in (quote, "'" if quote == '"' else '"'):
        if q not in code and "\\" not in code and "\n" not in code:
            return f"f{q}{V2_AUTH_SCHEME} {{{code}}}{q}"
    return f"{string_literal(V2_AUTH_SCHEME + ' ', quote)} + {code}"


def rewrite_headers(headers: cst.Dict, render: Render) -> Tuple[Optional[cst.Dict], bool]:
    """``X-API-Key`` -> ``Authorization: Bearer ...``; the lookup ``customer-uuid`` header is
    dropped. Edits the elements in place so comments and layout stay. Returns (new dict or
    None when nothing changed, whether an API-key entry was rewritten)."""
    quote = _quote_of(headers)
    elements: List[cst.BaseDictElement] = []
    rewrote_key = False
    changed = False
    for element in headers.elements:
        key = string_key(element)
        if key is not None and key.lower() == V1_CUSTOMER_HEADER:
            changed = True
            continue
        if key is not None and key.lower() == V1_AUTH_HEADER.lower() and isinstance(element, cst.DictElement):
            new_value = cst.parse_expression(bearer_value(element.value, render, quote))
            element = element.with_changes(key=cst.SimpleString(string_literal(V2_AUTH_HEADER, quote)), value=new_value)
            rewrote_key = changed = True
        elements.append(element)
    if not changed:
        return None, False
    if elements and len(elements) < len(headers.elements):
        last_had_comma = not isinstance(headers.elements[-1].comma, cst.MaybeSentinel)
        if not last_had_comma:
            elements[-1] = elements[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return headers.with_changes(elements=elements), rewrote_key
