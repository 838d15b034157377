"""Small helpers over ast-grep-py JS/TS nodes: offsets, string values, object entries,
enclosing functions and statements."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, List, Optional, Tuple

FUNCTION_KINDS = frozenset({
    "function_declaration", "function_expression", "arrow_function", "method_definition",
    "generator_function_declaration", "generator_function", "function"})
_STATEMENT_PARENTS = frozenset({"program", "statement_block", "switch_case", "switch_default", "class_body"})


def span(node) -> Tuple[int, int]:
    r = node.range()
    return r.start.index, r.end.index


def line_of(node) -> int:
    return node.range().start.line


def unwrap(node):
    """The expression inside parentheses, ``await`` and TS ``as``/``!`` wrappers."""
    while node is not None and node.kind() in ("parenthesized_expression", "await_expression",
                                                "as_expression", "non_null_expression", "satisfies_expression"):
        named = node.named_children()
        node = named[0] if named else None
    return node


def string_value(node) -> Optional[str]:
    """The text of a plain string or a template without substitutions (escapes left as written)."""
    if node is None:
        return None
    if node.kind() == "string":
        return node.text()[1:-1]
    if node.kind() == "template_string" and not any(c.kind() == "template_substitution" for c in node.children()):
        return node.text()[1:-1]
    return None


def is_string(node) -> bool:
    return node is not None and node.kind() in ("string", "template_string")


def key_name(node) -> Optional[str]:
    kind = node.kind()
    if kind in ("property_identifier", "identifier", "shorthand_property_identifier",
                "shorthand_property_identifier_pattern"):
        return node.text()
    if kind == "string":
        return node.text()[1:-1]
    return None  # computed or numeric keys


@dataclass
class Entry:
    node: object
    key: Optional[str]  # None: spread, computed key or method
    value: object  # the value node (for a shorthand: the identifier itself)
    shorthand: bool = False
    spread: bool = False


def object_entries(obj) -> List[Entry]:
    entries: List[Entry] = []
    for child in obj.named_children():
        kind = child.kind()
        if kind == "pair":
            key = child.field("key")
            entries.append(Entry(child, key_name(key) if key is not None else None, child.field("value")))
        elif kind == "shorthand_property_identifier":
            entries.append(Entry(child, child.text(), child, shorthand=True))
        elif kind == "spread_element":
            entries.append(Entry(child, None, child, spread=True))
        elif kind != "comment":
            entries.append(Entry(child, None, child))
    return entries


def entry(obj, name: str, fold_case: bool = False) -> Optional[Entry]:
    for e in object_entries(obj):
        if e.key is not None and (e.key == name or fold_case and e.key.lower() == name.lower()):
            return e
    return None


def enclosing_function(node):
    for ancestor in node.ancestors():
        if ancestor.kind() in FUNCTION_KINDS:
            return ancestor
    ancestors = node.ancestors()
    return ancestors[-1] if ancestors else node


def statement_of(node):
    """The statement (or class member) holding ``node``."""
    current = node
    for ancestor in node.ancestors():
        if ancestor.kind() in _STATEMENT_PARENTS:
            return current
        current = ancestor
    return current


def identifiers(scope, name: str) -> Iterator[object]:
    for node in scope.find_all(kind="identifier"):
        if node.text() == name:
            yield node


def is_reassigned(scope, name: str) -> bool:
    for node in scope.find_all(kind="assignment_expression"):
        left = node.field("left")
        if left is not None and left.kind() == "identifier" and left.text() == name:
            return True
    for node in scope.find_all(kind="update_expression"):
        if any(c.kind() == "identifier" and c.text() == name for c in node.children()):
            return True
    return False


def declarator_of(identifier):
    """The ``variable_declarator`` that declares ``identifier`` as its plain name, if any."""
    parent = identifier.parent()
    if parent is not None and parent.kind() == "variable_declarator":
        name = parent.field("name")
        if name is not None and span(name) == span(identifier):
            return parent
    return None


def is_const(declarator) -> bool:
    parent = declarator.parent()
    return parent is not None and parent.kind() == "lexical_declaration" and parent.child(0).text() == "const"


def indent_of_line(source: str, offset: int) -> str:
    start = source.rfind("\n", 0, offset) + 1
    line = source[start:]
    return line[:len(line) - len(line.lstrip(" \t"))]
