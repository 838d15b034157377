"""Rebuilding a URL expression from pieces: literal text, a constant's name, or a run-time
expression, in the form of the original (string literal, f-string or ``+`` concatenation) and with
its quote style."""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import libcst as cst

from codemods.http.urls import Segment


def slice_pieces(segments: Sequence[Segment], start: int, end: int) -> Optional[List[Tuple[str, object]]]:
    """Pieces covering text[start:end]; None when a non-literal segment is cut."""
    pieces: List[Tuple[str, object]] = []
    offset = 0
    for seg in segments:
        seg_start, seg_end = offset, offset + len(seg.text)
        offset = seg_end
        lo, hi = max(start, seg_start), min(end, seg_end)
        if lo >= hi:
            continue
        if seg.kind == "literal":
            pieces.append(("lit", seg.text[lo - seg_start:hi - seg_start]))
        elif lo == seg_start and hi == seg_end:
            if seg.kind == "constant":
                pieces.append(("name", seg.name))
            elif seg.kind == "dynamic":
                pieces.append(("expr", seg.node))
            else:
                pieces.append(("lit", seg.text))
        else:
            return None
    return pieces


def merge_pieces(pieces: List[Tuple[str, object]]) -> List[Tuple[str, object]]:
    merged: List[Tuple[str, object]] = []
    for kind, value in pieces:
        if kind == "lit" and not value:
            continue
        if kind == "lit" and merged and merged[-1][0] == "lit":
            merged[-1] = ("lit", str(merged[-1][1]) + str(value))
        else:
            merged.append((kind, value))
    return merged


def _quote_for(original: cst.BaseExpression) -> Tuple[str, str]:
    """(prefix without f, quote) of the original string form."""
    node = original
    if isinstance(node, cst.ConcatenatedString):
        node = node.left  # type: ignore[assignment]
    if isinstance(node, cst.SimpleString):
        return node.prefix.replace("f", "").replace("F", ""), node.quote
    if isinstance(node, cst.FormattedString):
        return node.prefix.replace("f", "").replace("F", ""), node.start[len(node.prefix):]
    return "", '"'


def _literal_code(text: str, prefix: str, quote: str) -> str:
    if quote in text or "\\" in text or "\n" in text:
        return repr(text)
    return f"{prefix}{quote}{text}{quote}"


def _fits_fstring(code: str, quote: str) -> bool:
    return quote not in code and "\\" not in code and "\n" not in code


def emit_url(pieces: List[Tuple[str, object]], original: cst.BaseExpression, render) -> cst.BaseExpression:
    """The expression for ``pieces``, in the form of ``original``: one literal when every piece is
    text; otherwise an f-string (unless the original was a ``+`` concatenation, or no quote
    character fits the parts), else a concatenation."""
    prefix, quote = _quote_for(original)
    if all(kind == "lit" for kind, _ in pieces):
        text = "".join(str(value) for _, value in pieces)
        return cst.parse_expression(_literal_code(text, prefix.replace("r", "").replace("R", ""), quote))
    codes = [(kind, render(value) if kind == "expr" else str(value)) for kind, value in pieces]
    if not isinstance(original, cst.BinaryOperation):
        for q in (quote, "'" if quote == '"' else '"'):
            if all(_fits_fstring(code, q) for _, code in codes):
                body = "".join(code.replace("{", "{{").replace("}", "}}") if kind == "lit" else "{" + code + "}"
                               for kind, code in codes)
                return cst.parse_expression(f"f{q}{body}{q}")
    return cst.parse_expression(" + ".join(_literal_code(code, "", quote) if kind == "lit" else code
                                           for kind, code in codes))
