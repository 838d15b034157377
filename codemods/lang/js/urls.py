"""URL expressions in JS/TS: resolved into segments (literal text, a string constant of the
file, or a run-time part), classified with the knowledge layer's v1 URL rules, and moved to
the v2 URL by exact edits inside the literal segments (or the constant's definition).

A constant is ``const NAME = "..."`` (also a template without substitutions, and
``process.env.X ?? "..."`` / ``|| "..."``, whose literal default is what is rewritten).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from codemods.lang.edits import Edit
from codemods.lang.facts import OPERATIONS, V2_HOST, classify_url
from codemods.lang.js.nodes import is_const, span, string_value, unwrap
from compat.knowledge.hosts import V1_HOST

DYNAMIC = "\x00"
_V1_BASE = re.compile(re.escape(V1_HOST) + r"(?::443)?/v1", re.IGNORECASE)
_V2_BASE_TEXT = f"{V2_HOST}/v2"


@dataclass
class Constant:
    name: str
    literal: object  # the string node holding the text
    text: str
    from_env: bool  # the literal is only the default of an environment variable


@dataclass
class Segment:
    kind: str  # "lit" | "const" | "dyn"
    text: str
    start: int = 0  # source offset of text[0] (lit: in the literal; const: in the constant's literal)
    const: Optional[Constant] = None
    ref: object = None  # the identifier node (const)


def constants(root) -> Dict[str, Constant]:
    """The file's string constants (a name declared twice is not one)."""
    found: Dict[str, Constant] = {}
    seen: Dict[str, int] = {}
    for declarator in root.find_all(kind="variable_declarator"):
        name = declarator.field("name")
        value = unwrap(declarator.field("value"))
        if name is None or name.kind() != "identifier" or value is None:
            continue
        seen[name.text()] = seen.get(name.text(), 0) + 1
        if not is_const(declarator):
            continue
        from_env = False
        if value.kind() == "binary_expression" and value.field("operator").text() in ("??", "||"):
            left = value.field("left")
            if left is not None and left.text().startswith("process.env."):
                value, from_env = unwrap(value.field("right")), True
        text = string_value(value)
        if text is not None:
            found[name.text()] = Constant(name.text(), value, text, from_env)
    return {n: c for n, c in found.items() if seen.get(n) == 1}


def segments(node, consts: Dict[str, Constant]) -> List[Segment]:
    node = unwrap(node)
    if node is None:
        return [Segment("dyn", DYNAMIC)]
    kind = node.kind()
    if kind == "string":
        start, _ = span(node)
        return [Segment("lit", node.text()[1:-1], start + 1)]
    if kind == "template_string":
        out: List[Segment] = []
        for child in node.children():
            if child.kind() == "string_fragment":
                out.append(Segment("lit", child.text(), span(child)[0]))
            elif child.kind() == "template_substitution":
                inner = child.named_children()
                out += segments(inner[0], consts) if len(inner) == 1 and inner[0].kind() == "identifier" \
                    else [Segment("dyn", DYNAMIC)]
        return out
    if kind == "binary_expression" and node.field("operator").text() == "+":
        return segments(node.field("left"), consts) + segments(node.field("right"), consts)
    if kind == "identifier" and node.text() in consts:
        const = consts[node.text()]
        return [Segment("const", const.text, span(const.literal)[0] + 1, const, node)]
    return [Segment("dyn", DYNAMIC)]


def joined(segs: List[Segment]) -> str:
    return "".join(s.text for s in segs)


def operation_of(segs: List[Segment], method: Optional[str]) -> Optional[str]:
    """The v1 operation these segments call with ``method``; None when it is no v1 URL,
    ``"v1"`` when it is a v1 URL this tool cannot place (unknown path, method mismatch)."""
    text = joined(segs)
    op = classify_url(text)
    if op is None or op == "legacy-v2":
        return None
    if op in OPERATIONS and method is not None and OPERATIONS[op].v1_method != method:
        return "v1"
    return op


def _v1_path_prefix(op: str) -> str:
    """The literal start of the v1 path (``/lookup/`` for ``/lookup/{phone_number}``)."""
    return OPERATIONS[op].v1_path.split("{", 1)[0]


def _v2_path_prefix(op: str) -> str:
    return OPERATIONS[op].v2_path.split("{", 1)[0][len("/v2"):]


def url_edits(segs: List[Segment], op: str) -> Optional[List[Tuple[Segment, Edit]]]:
    """Edits moving the URL to v2 (host+version, then the path start), each inside one
    literal or constant segment; None when a replaced part straddles segments."""
    text = joined(segs)
    match = _V1_BASE.search(text)
    if match is None:
        return None
    old_path, new_path = _v1_path_prefix(op), _v2_path_prefix(op)
    path_start = match.end()
    actual = text[path_start:path_start + len(old_path)]
    if actual.lower() != old_path.lower():
        return None
    rest = text[path_start + len(old_path):]
    if op != "lookup" and rest and rest[0] not in "?#":
        return None
    out: List[Tuple[Segment, Edit]] = []
    for lo, hi, new in ((match.start(), match.end(), _V2_BASE_TEXT), (path_start, path_start + len(old_path), new_path)):
        old = text[lo:hi]
        if old == new:
            continue
        keep = len(_common_prefix(old, new))  # edit only what differs (the "/" may be a joiner)
        lo, new = lo + keep, new[keep:]
        placed = _locate(segs, lo, hi)
        if placed is None:
            return None
        seg, offset = placed
        out.append((seg, Edit(seg.start + offset, seg.start + offset + (hi - lo), new, "url")))
    return out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _locate(segs: List[Segment], lo: int, hi: int) -> Optional[Tuple[Segment, int]]:
    pos = 0
    for seg in segs:
        end = pos + len(seg.text)
        if pos <= lo and hi <= end and seg.kind in ("lit", "const"):
            return seg, lo - pos
        pos = end
    return None
