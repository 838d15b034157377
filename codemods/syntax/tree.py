"""ast-grep (tree-sitter) trees, and where a character span sits in one: in a comment, in a
string literal (and how that string is used: compared, a case label, a key, joined to a name),
or in code.

Only character offsets (``Pos.index``) are read from ast-grep; lines come from
``codemods.syntax.lines``. A grammar the wheel lacks raises a Rust panic, which is caught here.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

COMMENT_KINDS = frozenset({"comment", "line_comment", "block_comment", "multiline_comment",
                           "doc_comment", "shebang"})
STRING_KINDS = frozenset({
    "string", "string_literal", "template_string", "interpreted_string_literal", "raw_string_literal",
    "encapsed_string", "line_string_literal", "multi_line_string_literal", "raw_string",
    "interpolated_string_expression", "verbatim_string_literal", "heredoc", "nowdoc",
    "heredoc_body", "interpolated_verbatim_string_expression", "string_value", "raw_str_text",
    "concatenated_string", "character_literal", "text_block",
})
SYMBOL_KINDS = frozenset({"simple_symbol", "hash_key_symbol", "delimited_symbol"})  # Ruby :name
# A string compared with == / === / != / equals(...), or a case label of a switch/match/when.
COMPARISON_KINDS = frozenset({"binary_expression", "comparison_operator", "equality_expression", "binary",
                              "infix_expression"})
COMPARISON_OPERATORS = frozenset({"==", "===", "!=", "!==", "eq", "ne", "is", "is not", "<>"})
CASE_KINDS = frozenset({
    "switch_case", "expression_case", "case_statement", "switch_label", "when_condition", "when",
    "pattern", "constant_pattern", "switch_pattern", "match_condition_list", "case_clause",
    "case_pattern", "match_arm", "match_pattern", "value_pattern", "string_pattern",
    "switch_section", "case_switch_label", "expression_list_case",
})
EQUALS_METHODS = frozenset({"equals", "equalsIgnoreCase", "Equals", "eql?", "equal?", "assertEquals",
                            "contentEquals", "strcmp", "strcasecmp", "compare", "Compare", "EqualFold"})
WRAPPERS = frozenset({"parenthesized_expression", "argument", "value_argument", "expression_list",
                      "literal_element", "interpolation", "string_content", "string_fragment"})


class GrammarUnavailable(Exception):
    """ast-grep has no grammar for this language."""


def parse(language: str, text: str):
    """The root ``SgNode`` of ``text``; raises ``GrammarUnavailable``."""
    from ast_grep_py import SgRoot

    try:
        return SgRoot(text, language).root()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # pyo3 PanicException derives from BaseException
        raise GrammarUnavailable(f"{language}: {type(exc).__name__}") from None


@dataclass
class Spot:
    """Where a span sits: ``where`` is "comment", "string" or "code"."""
    where: str
    node: object  # the smallest node holding the span
    string: Optional[object] = None  # the enclosing string literal (or Ruby symbol)
    chain: List[object] = field(default_factory=list)  # node, parent, grandparent... (to the root)

    def kinds(self, depth: int = 8) -> Tuple[str, ...]:
        return tuple(n.kind() for n in self.chain[:depth])


class Tree:
    """One parsed file; ``spot(start, end)`` finds the nodes around a span."""

    def __init__(self, language: str, text: str) -> None:
        self.language = language
        self.root = parse(language, text)
        self._top = self.root.children()
        self._top_starts = [c.range().start.index for c in self._top]

    def _descend(self, start: int, end: int) -> List[object]:
        chain = [self.root]
        i = bisect.bisect_right(self._top_starts, start) - 1
        node = None
        if i >= 0:
            candidate = self._top[i]
            if candidate.range().end.index >= end:
                node = candidate
        while node is not None:
            chain.append(node)
            nxt = None
            for child in node.children():
                r = child.range()
                if r.start.index <= start and end <= r.end.index and (r.start.index < r.end.index):
                    nxt = child
                    break
                if r.start.index > start:
                    break
            node = nxt
        chain.reverse()
        return chain

    def spot(self, start: int, end: int) -> Spot:
        chain = self._descend(start, end)
        for i, node in enumerate(chain):
            kind = node.kind()
            if kind in COMMENT_KINDS:
                return Spot("comment", chain[0], None, chain)
            if kind in STRING_KINDS or kind in SYMBOL_KINDS:
                # the outermost string of nested ones (a template holding a string)
                outer = node
                for up in chain[i + 1:]:
                    if up.kind() in STRING_KINDS:
                        outer = up
                    else:
                        break
                return Spot("string", chain[0], outer, chain[chain.index(outer):])
        return Spot("code", chain[0], None, chain)


def string_value(node) -> str:
    """The text inside a string literal's quotes (interpolations kept as written)."""
    text = node.text()
    for prefix in ('@"', '$"', '$@"', '@$"', "r#\"", 'r"', 'b"', 'f"', "u8\""):
        if text.startswith(prefix):
            text = text[len(prefix) - 1:]
            break
    if text.startswith(":"):
        text = text[1:]
    for quote in ('"""', "'''", '"', "'", "`"):
        if len(text) >= 2 * len(quote) and text.startswith(quote) and text.endswith(quote):
            return text[len(quote):-len(quote)]
    return text


def _up(node):
    """The first ancestor that is not a transparent wrapper."""
    parent = node.parent()
    while parent is not None and parent.kind() in WRAPPERS:
        parent = parent.parent()
    return parent


def is_compared(string_node) -> bool:
    """Compared for equality, a case/when label, or an argument of ``equals``-like calls."""
    parent = _up(string_node)
    if parent is None:
        return False
    kind = parent.kind()
    if kind in CASE_KINDS:
        return True
    if kind in COMPARISON_KINDS:
        return any(child.text() in COMPARISON_OPERATORS for child in parent.children() if not child.is_named()
                   or child.kind() in ("is", "operator"))
    if kind in ("argument_list", "arguments", "value_arguments"):
        call = _up(parent)
        if call is not None:
            head = call.text().split("(", 1)[0]
            name = head.replace("->", ".").replace("::", ".").rsplit(".", 1)[-1].strip()
            return name in EQUALS_METHODS
    if kind in ("method_invocation", "call_expression", "invocation_expression", "call"):
        name = parent.text().split("(", 1)[0].replace("->", ".").rsplit(".", 1)[-1].strip()
        return name in EQUALS_METHODS
    return False


def expression_around(string_node, levels: int = 3):
    """The enclosing expression a string is joined in (concatenation, template, format call)."""
    node = string_node
    for _ in range(levels):
        parent = node.parent()
        if parent is None:
            break
        node = parent
        if node.kind() in ("binary_expression", "binary", "additive_expression", "template_string",
                           "interpolated_string_expression", "call_expression", "argument_list",
                           "arguments", "encapsed_string", "string", "line_string_literal",
                           "string_literal", "value_arguments", "invocation_expression", "method_invocation"):
            continue
        break
    return node


__all__ = ["GrammarUnavailable", "Spot", "Tree", "expression_around", "is_compared", "parse", "string_value"]
