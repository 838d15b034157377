"""What a text rule sees of one file, and what it returns.

A rule gets a ``FileContext`` (decoded text, language, manifest ecosystem, a lazy v1-evidence
flag) and yields ``Hit``s as character offsets; the engine turns offsets into line/column once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from codemods.syntax.lines import LineIndex
from compat.knowledge.triggers import V1_EVIDENCE  # weak signatures count only next to these
from migrate.scan.languages import language_of, manifest_ecosystem

@dataclass(frozen=True)
class Hit:
    start: int  # character offset in the text
    end: int  # exclusive
    message: str
    fixable: bool = False


@dataclass(frozen=True)
class Example:
    """A documented, tested case: ``flagged`` lists the expected (line, column) of each hit."""
    path: str
    source: str
    flagged: Tuple[Tuple[int, int], ...] = ()


@dataclass
class FileContext:
    path: str  # display path
    text: str
    language: str = ""
    ecosystem: Optional[str] = None
    python_evidence: bool = False  # the libcst detection found v1 usages in this file
    syntax_language: str = ""  # codemods.syntax's language id (typescript, go, dotenv...)
    _lower: Optional[str] = field(default=None, repr=False)
    _lines: Optional[LineIndex] = field(default=None, repr=False)
    _evidence: Optional[bool] = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.language:
            self.language = language_of(self.path)
        if self.ecosystem is None:
            self.ecosystem = manifest_ecosystem(self.path)

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def has_v1_evidence(self) -> bool:
        if self._evidence is None:
            self._evidence = any(token in self.lower for token in V1_EVIDENCE)
        return self._evidence

    @property
    def family(self) -> str:
        """The coarse language (js, go, jvm, php, ruby, csharp, python...)."""
        return self.language

    @property
    def lines(self) -> LineIndex:
        """The one line index (CRLF, LF and a lone CR end a line, as in libcst)."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def position(self, offset: int) -> Tuple[int, int]:
        """1-based (line, column) of a character offset."""
        return self.lines.position(offset)

    def offset_of_line(self, line: int) -> int:
        """Offset of the start of 1-based ``line`` (the text's end past the last line)."""
        return self.lines.line_start(line)

    def line_text(self, line: int) -> str:
        return self.lines.line_text(line)

    def near(self, offset: int, pattern: "re.Pattern[str]", lines: int) -> bool:
        """Whether ``pattern`` occurs within ``lines`` lines of ``offset``."""
        index = self.lines
        line, _ = index.position(offset)
        lo = index.line_start(max(line - lines, 1))
        hi = index.line_end(line + lines)
        return pattern.search(self.text, lo, hi) is not None
