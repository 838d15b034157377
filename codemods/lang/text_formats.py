"""Formats without a bundled grammar (TOML, ``.env``, Dockerfile, go.mod, Gradle/Groovy, XML
manifests, pip requirements, Markdown), handled line by line: a line whose first non-blank
text opens a comment is a comment, every other line is a value. Lines inside a TOML multi-line
string, a Markdown code fence or after a backslash continuation take no comment line above them.
"""
from __future__ import annotations

import re

from codemods.syntax.languages import Language
from codemods.lang.syntax_tree import Tree

_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_TOML_MULTI = ('"""', "'''")


def scan_text(source: str, language: Language) -> Tree:
    tree = Tree(source)
    opening = language.comment[0].strip() if language.comment else None
    offset = 0
    fence = None  # the fence that opened the current code block
    toml_quote = None
    for number, line in enumerate(source.splitlines(keepends=True)):
        start, end = offset, offset + len(line.rstrip("\r\n"))
        offset += len(line)
        stripped = line.strip()
        if language.name == "markdown":
            match = _FENCE.match(line)
            if fence is not None:
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                    fence = None
                tree.protected_lines.add(number)
            elif match:
                fence = match.group(1)
            tree.literals.append((start, end))  # prose and code alike: links are text
            continue
        if toml_quote is not None:
            tree.protected_lines.add(number)
            tree.literals.append((start, end))
            if line.count(toml_quote) % 2 == 1:
                toml_quote = None
            continue
        if opening and stripped.startswith(opening):
            tree.comments.append((start, end))
            continue
        tree.literals.append((start, end))
        if language.name == "toml":
            for quote in _TOML_MULTI:
                if line.count(quote) % 2 == 1:
                    toml_quote = quote
                    break
    return tree
