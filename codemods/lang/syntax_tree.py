"""One parse of a file with ``ast-grep-py``, and what the rewrites need from the tree: the
character ranges of literal text (string literals without their interpolations), of comments,
and the lines where no comment line may be inserted.

Offsets are character offsets into the Python ``str`` (ast-grep-py reports them so).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Set, Tuple

from codemods.syntax.languages import Language

Range = Tuple[int, int]

# Nodes that are literal text inside a string node (anything else named inside one is a hole:
# an interpolated expression).
_TEXT_KINDS = frozenset({
    "string_fragment", "string_content", "escape_sequence", "line_str_text", "multi_line_str_text",
    "interpreted_string_literal_content", "raw_string_literal_content", "multiline_string_fragment",
    "heredoc_content", "heredoc_start", "heredoc_end", "heredoc_body", "string_scalar",
    "string_literal_content", "raw_string_content", "str_escaped_char", "nowdoc_string",
    "verbatim_string_literal_content", "raw_string_start", "raw_string_end", "word",
})


class ParseError(Exception):
    """The file does not parse with its grammar."""


@dataclass
class Tree:
    source: str
    literals: List[Range] = field(default_factory=list)
    comments: List[Range] = field(default_factory=list)
    protected_lines: Set[int] = field(default_factory=set)  # 0-based lines no comment may precede
    # 0-based line -> first line of the one statement it belongs to (one TODO above that line)
    statement_start: Dict[int, int] = field(default_factory=dict)
    root: object = None  # the ast-grep root node


def _node_range(node) -> Range:
    r = node.range()
    return r.start.index, r.end.index


def _literal_ranges(node, out: List[Range]) -> None:
    start, end = _node_range(node)
    children = node.children()
    if node.kind() in _TEXT_KINDS or not children:
        out.append((start, end))
        return
    pos = start
    for child in children:
        c_start, c_end = _node_range(child)
        if c_start > pos:
            out.append((pos, c_start))  # text the grammar keeps in the string node itself
        if not child.is_named() or child.kind() in _TEXT_KINDS:
            _literal_ranges(child, out)
        pos = max(pos, c_end)
    if end > pos:
        out.append((pos, end))


def parse(source: str, language: Language) -> Tree:
    from ast_grep_py import SgRoot

    root = SgRoot(source, language.grammar).root()
    tree = Tree(source, root=root)
    if root.find(kind="ERROR") is not None:
        raise ParseError(_first_error(root))
    stack = [root]
    while stack:
        node = stack.pop()
        kind = node.kind()
        if node.is_leaf():
            r = node.range()
            if r.start.index == r.end.index and source:  # tree-sitter's MISSING node: a token it had to invent
                raise ParseError(f"missing {kind!r} at line {r.start.line + 1}, column {r.start.column + 1}")
        if kind in language.string_kinds:
            _literal_ranges(node, tree.literals)
        elif kind in language.comment_kinds:
            tree.comments.append(_node_range(node))
        if kind in language.no_comment_kinds:
            r = node.range()
            tree.protected_lines.update(range(r.start.line + 1, r.end.line + 1))
        if kind == "block_sequence_item" and language.name == "yaml":
            _yaml_entry(node, tree.statement_start, source)
        if kind not in language.string_kinds:
            stack.extend(node.children())
    tree.literals.sort()
    tree.comments.sort()
    return tree


def _yaml_entry(item, starts: Dict[int, int], source: str) -> None:
    """A YAML list item holding a flat mapping (``- name: DING_URL`` / ``value: ...``, a
    Kubernetes env entry) is one statement: its lines take one TODO, above the ``-`` line. An
    item with a list inside (a container with its ``env:``) is not: its entries are."""
    body = [child for child in item.children() if child.is_named()]
    if len(body) != 1 or body[0].find(kind="block_mapping") is None or body[0].find(kind="block_sequence"):
        return
    r = item.range()
    if r.end.line - r.start.line > _MAX_ENTRY_LINES:
        return
    lines = source.splitlines()
    for line in range(r.start.line + 1, r.end.line + 1):
        if line < len(lines) and not lines[line].lstrip().startswith("#"):  # a comment (the next TODO) is no part
            starts.setdefault(line, r.start.line)


_MAX_ENTRY_LINES = 12


def _first_error(root) -> str:
    node = root.find(kind="ERROR")
    if node is None:
        return "syntax error"
    pos = node.range().start
    return f"syntax error at line {pos.line + 1}, column {pos.column + 1}"
