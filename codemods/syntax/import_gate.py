"""Cheap questions about where a word sits in a file's text, for the second pass's gate
(``RepoIndex.may_change``): substring searches around each occurrence, never a regular
expression over the whole text (minified bundles and 9 MB ``typescript.js`` are common in a
``node_modules`` tree). Each answer is a superset of what the index's regular expressions
(``IMPORT_LINE``, its JS relative import pattern) accept, so the gate never hides a file.
"""
from __future__ import annotations

import re
from typing import Iterator

# Words that open an import line, and the call shapes that import anywhere: the index's
# ``IMPORT_LINE`` is built from these.
IMPORT_KEYWORDS = ("import", "from", "use", "using", "require", "require_relative", "include", "#include", "load")
IMPORT_CALLS = ("require", "import")
IMPORT_LINE = re.compile(r"(?m)^[ \t]*(?:" + "|".join(IMPORT_KEYWORDS) + r")\b[^\n]*"
                         + "".join(r"|\b%s\s*\([^)\n]*\)" % call for call in IMPORT_CALLS))
_WORD_CHAR = re.compile(r"[\w$]").match
# Go: an import spec is an ``import "..."`` line, or a line inside an ``import ( ... )`` block (not
# any quoted string at the start of a line: a ``[]string{...}`` literal lists strings so too).
_GO_IMPORT_SPEC = re.compile(r'(?m)^[ \t]*(?:(?P<alias>[A-Za-z_]\w*)[ \t]+)?"(?P<path>[^"\n]+)"')
_GO_IMPORT_LINE = re.compile(r'(?m)^[ \t]*import[ \t]+(?:(?P<alias>[A-Za-z_]\w*)[ \t]+)?"(?P<path>[^"\n]+)"')
_GO_IMPORT_BLOCK = re.compile(r'(?m)^[ \t]*import[ \t]*\((?P<body>[^)]*)\)')
_SPECIFIER_MAX = 4096  # characters searched back for a specifier's opening quote


def occurrences(text: str, word: str, whole: bool = False) -> Iterator[int]:
    """Offsets of ``word`` in ``text``; ``whole``: not inside a longer ``[\\w$]`` word."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not whole or not ((at and _WORD_CHAR(text, at - 1)) or (end < len(text) and _WORD_CHAR(text, end))):
            yield at
        at = text.find(word, at + 1)


def on_import_line(text: str, word: str, whole: bool = True) -> bool:
    """Whether ``word`` occurs inside what ``IMPORT_LINE`` matches: a line opening with an
    import keyword, or the parentheses of ``require(...)`` / ``import(...)`` on one line (the
    call's name may sit on a line above, as ``\\s*`` allows). Linear in the text: each search
    goes on from where the previous occurrence's stopped (a 2 MB one-line bundle may name the
    word thousands of times)."""
    if any(call in word for call in IMPORT_CALLS):
        return word in text  # a match may start inside the word itself: never hide it
    none = len(text) + 1
    seen, opening, close_before = -1, -1, -1  # the last "(" / ")" before `seen` on its line
    next_close = next_newline = -1  # the first ")" / "\n" at or after some offset (none: len + 1)
    for at in occurrences(text, word, whole):
        newline = text.rfind("\n", max(seen, 0), at)
        if newline >= 0 or seen < 0:  # a new line: does it open with an import keyword?
            indent = newline + 1
            while indent < at and text[indent] in " \t":
                indent += 1
            if text.startswith(IMPORT_KEYWORDS, indent):
                return True
            seen, opening, close_before = newline + 1, -1, -1
        found = text.rfind("(", seen, at)
        opening = found if found >= 0 else opening
        found = text.rfind(")", seen, at)
        close_before = found if found >= 0 else close_before
        seen = at
        if opening < 0 or close_before > opening:
            continue  # not inside parentheses opened on this line
        end = at + len(word)
        if next_close < end:
            found = text.find(")", end)
            next_close = none if found < 0 else found
        if next_newline < end:
            found = text.find("\n", end)
            next_newline = none if found < 0 else found
        if next_close == none or next_newline < next_close:
            continue  # the parentheses do not close on this line
        before = opening
        while before > 0 and text[before - 1].isspace():
            before -= 1
        if text.endswith(IMPORT_CALLS, 0, before):
            return True
    return False


def relative_part(text: str, part: str) -> bool:
    """Whether ``part`` occurs as the last part of a relative module specifier could: right
    after a ``/`` and before a quote, ``.`` (an extension) or ``/``."""
    for at in occurrences(text, part):
        after = text[at + len(part):at + len(part) + 1]
        if at and text[at - 1] == "/" and after and after in "'\"./":
            return True
    return False


def dot_specifier(text: str) -> bool:
    """A quoted specifier whose last part is ``.`` or ``..`` (``from ".."``, ``require("./")``)
    right after ``from`` or an opening parenthesis (whitespace and newlines between allowed)."""
    for quote in ("'", '"'):
        for tail in ("." + quote, "./" + quote):
            for at in occurrences(text, tail):
                before = text[at - 1:at]
                if before == ".":
                    before = text[at - 2:at - 1]
                if not before or before not in "'\"/":
                    continue
                window = max(0, at - _SPECIFIER_MAX)  # (a longer specifier is let through)
                opening = max(text.rfind("'", window, at), text.rfind('"', window, at))
                if opening < 0:
                    return True
                while opening > 0 and text[opening - 1].isspace():
                    opening -= 1
                if text.endswith(("from", "("), 0, opening):
                    return True
    return False


def go_import_specs(text: str):
    """The import specs of a Go file (groups ``alias`` and ``path``)."""
    yield from _GO_IMPORT_LINE.finditer(text)
    for block in _GO_IMPORT_BLOCK.finditer(text):
        yield from _GO_IMPORT_SPEC.finditer(text, block.start("body"), block.end("body"))


__all__ = ["IMPORT_CALLS", "IMPORT_KEYWORDS", "IMPORT_LINE", "dot_specifier", "go_import_specs", "occurrences", "on_import_line",
           "relative_part"]
