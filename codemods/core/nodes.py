"""Small CST helpers every codemod family uses: dotted names, argument lookup, string values,
literal builders and comment collection. No metadata and no API facts here."""
from __future__ import annotations

from typing import List, Optional, Sequence

import libcst as cst


def dotted_name(node: cst.CSTNode) -> Optional[str]:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = dotted_name(node.value)
        return f"{inner}.{node.attr.value}" if inner else None
    return None


def arg(call: cst.Call, keyword: str, position: Optional[int]) -> Optional[cst.Arg]:
    """The argument passed as ``keyword=`` or at ``position`` (plain positionals only)."""
    for a in call.args:
        if a.keyword is not None and a.keyword.value == keyword:
            return a
    if position is not None:
        positional = [a for a in call.args if a.keyword is None and not a.star]
        if len(positional) > position:
            return positional[position]
    return None


def keyword_arg(call: cst.Call, name: str) -> Optional[cst.Arg]:
    """The ``name=`` argument of ``call``, or None."""
    return arg(call, name, None)


def is_none(node: cst.CSTNode) -> bool:
    """Whether the expression is the literal ``None``."""
    return isinstance(node, cst.Name) and node.value == "None"


def string_value(node: cst.CSTNode) -> Optional[str]:
    """The value of a str literal or of an implicit concatenation of them, else None."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = string_value(node.left), string_value(node.right)
        return None if left is None or right is None else left + right
    return None


def literal_string(node: cst.CSTNode) -> Optional[str]:
    """The value of one plain (non-bytes, non-f) string literal, else None."""
    return string_value(node) if isinstance(node, cst.SimpleString) else None


def string(value: str, quote: str = '"') -> cst.SimpleString:
    """A plain literal (the values written here never contain quotes or backslashes)."""
    return cst.SimpleString(f"{quote}{value}{quote}")


def strings_tuple(values: Sequence[str], quote: str = '"') -> cst.Tuple:
    return cst.Tuple([cst.Element(string(v, quote)) for v in values])


def string_literal(text: str, quote: str) -> str:
    """Source code of a str literal for ``text``, in ``quote`` when it needs no escaping."""
    if quote in text or "\\" in text:
        return repr(text)
    return f"{quote}{text}{quote}"


def code(node: cst.CSTNode) -> str:
    """The source code of ``node``."""
    return cst.Module([]).code_for_node(node)


class _CommentCollector(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.comments: List[str] = []

    def visit_Comment(self, node: cst.Comment) -> None:
        self.comments.append(node.value)


def comments_in(node: cst.CSTNode) -> List[str]:
    """Every comment inside ``node``, in source order."""
    collector = _CommentCollector()
    node.visit(collector)
    return collector.comments


def walk(node: cst.CSTNode):
    """``node`` and every node below it (no metadata, no visitor overhead)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)
