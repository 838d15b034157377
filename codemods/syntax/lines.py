"""One line index for every position the tools compute (scanner findings, snippets, fingerprints,
TODO placement): a line ends at ``\\r\\n``, ``\\n`` or a lone ``\\r``, as libcst's tokenizer and
Python's universal newlines count them. tree-sitter (ast-grep) counts ``\\n`` only, so syntax
positions are taken as character offsets and converted here, never from its line numbers.
"""
from __future__ import annotations

import bisect
import re
from typing import List, Tuple

_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """1-based (line, column) <-> character offsets of one text."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: List[int] = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def __len__(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> Tuple[int, int]:
        """1-based (line, column) of a character offset (columns count characters)."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The character offset of a 1-based (line, column); past the end -> len(text)."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def line_start(self, line: int) -> int:
        return self.offset(line, 1)

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s content (before its line break)."""
        if line < 1:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        end = self.starts[line]
        text = self.text
        if end >= 2 and text[end - 2:end] == "\r\n":
            return end - 2
        return end - 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break ('' past the end)."""
        if line < 1 or line > len(self.starts):
            return ""
        return self.text[self.starts[line - 1]:self.line_end(line)]

    def lines_of(self, start: int, end: int) -> range:
        """The 1-based lines a character span touches."""
        first = self.position(start)[0]
        last = self.position(max(start, end - 1))[0]
        return range(first, last + 1)


def split_lines(text: str) -> List[str]:
    """The lines of ``text`` as ``LineIndex`` counts them (no line breaks kept)."""
    index = LineIndex(text)
    return [index.line_text(n) for n in range(1, len(index) + 1)]


__all__ = ["LineIndex", "split_lines"]
