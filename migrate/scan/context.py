"""What a text rule sees of one file, and what it returns.

A rule gets a ``FileContext`` (decoded text, language, manifest ecosystem, a lazy v1-evidence
flag) and yields ``Hit``s as character offsets; the engine turns offsets into line/column once.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

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
    _lower: Optional[str] = field(default=None, repr=False)
    _line_starts: Optional[List[int]] = field(default=None, repr=False)
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

    def position(self, offset: int) -> Tuple[int, int]:
        """1-based (line, column) of a character offset."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def offset_of_line(self, line: int) -> int:
        """Offset of the start of 1-based ``line`` (the text's end past the last line)."""
        self.position(0)
        starts = self._line_starts
        return starts[line - 1] if line - 1 < len(starts) else len(self.text)

    def line_text(self, line: int) -> str:
        self.position(0)
        starts = self._line_starts
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[starts[line - 1]:end].rstrip("\r")

    def near(self, offset: int, pattern: "re.Pattern[str]", lines: int) -> bool:
        """Whether ``pattern`` occurs within ``lines`` lines of ``offset``."""
        line, _ = self.position(offset)
        starts = self._line_starts
        lo = starts[max(line - 1 - lines, 0)]
        hi = starts[line + lines] if line + lines < len(starts) else len(self.text)
        return pattern.search(self.text, lo, hi) is not None

