"""What a syntax rule sees of one file: text, language, line index, the tree (parsed on first
use, None for text-only languages or when ast-grep has no grammar), the repository index and
whether this file, its folder or the repository shows v1 evidence."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional

from codemods.syntax.languages import has_grammar
from codemods.syntax.lines import LineIndex
from codemods.syntax.tree import GrammarUnavailable, Spot, Tree
from codemods.syntax.usage import Usage

_UNSET = object()

# What precedes a name that is being defined rather than called (``async check(`` in a class,
# ``function check(``, ``def check(``, ``func (c *Client) Check(``, ``public class Application {``:
# two example programs of one folder that each declare ``Application`` do not call each other).
_DECLARATION = re.compile(r"\s*(?:(?:export|default|public|private|protected|internal|static|async|override|"
                          r"final|abstract|sealed|partial|open|data|function|def|fun|func(?:\s*\([^)]*\))?|"
                          r"class|interface|struct|record|object|enum|trait|module|type)\s+)+$")
# A Java/C# method declared with modifiers and a return type (``public live.ding...Response
# createAutentication(...)``, ``public async Task<X> CheckAsync(``).
_TYPED_METHOD = re.compile(r"\s*(?:(?:public|private|protected|internal|static|final|override|virtual|abstract|async|"
                           r"synchronized|sealed)\s+)+[\w.$<>\[\], ?]+\s+$")
# A class method defined without a keyword (``  check(id: string, code: string): Promise<Check> {``).
_BARE_METHOD = re.compile(r"\s*[\w$]+\s*\([^()]*\)\s*(?::[^{=;]*)?\{\s*$")


@dataclass(frozen=True)
class Example:
    """A documented, tested case: ``lines`` are the 1-based lines of the usages expected."""
    language: str
    source: str
    lines: tuple = ()
    path: str = ""  # a file name when the rule looks at it (manifests)


class Source:
    def __init__(self, language: str, text: str, path: str = "", index=None) -> None:
        self.language = language
        self.text = text
        self.path = path
        self.index = index
        self.lines = LineIndex(text)
        self._lower: Optional[str] = None
        self._tree = _UNSET
        self.strong = False  # set once the strong rules found something (file-level evidence)
        self.trace_spans: list = []  # (start, end) of the tool's own TODO comments

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def tree(self) -> Optional[Tree]:
        if self._tree is _UNSET:
            self._tree = None
            if has_grammar(self.language):
                try:
                    self._tree = Tree(self.language, self.text)
                except GrammarUnavailable:
                    self._tree = None
        return self._tree

    def spot(self, start: int, end: int) -> Optional[Spot]:
        """Where a span sits, or None for text (no grammar)."""
        tree = self.tree
        return tree.spot(start, end) if tree is not None else None

    def where(self, start: int, end: int) -> str:
        spot = self.spot(start, end)
        return "text" if spot is None else spot.where

    def in_trace(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.trace_spans)

    def defines(self, start: int) -> bool:
        """The name at ``start`` is being declared (a function, method or class), not called."""
        line, column = self.lines.position(start)
        text = self.lines.line_text(line)
        before = text[:column - 1]
        return _DECLARATION.match(before) is not None or _TYPED_METHOD.match(before) is not None or (
            not before.strip() and _BARE_METHOD.match(text) is not None)

    # -- evidence ------------------------------------------------------------------------
    @property
    def folder(self) -> str:
        return os.path.dirname(self.path.replace("\\", "/"))

    def evidence(self, *, near: bool = True, repo: bool = False) -> bool:
        """v1 evidence in this file; with ``near``, also in its folder (one package), in a
        repository that is itself a v1 SDK, (Python) in the v1 package folder the file sits in,
        or (Go) in a package that v1 code imports from Ding's organisation; with ``repo``,
        anywhere in the repository."""
        if self.strong:
            return True
        index = self.index
        if index is None:
            return False
        if index.references(self):
            return True
        if near and (index.folder_has_evidence(self.folder) or index.v1_sdk_repo
                     or index.v1_code_folder(self.path, self.language)):
            return True
        return repo and index.any_evidence

    def field_spans(self, matches, core):
        """(start, end, word, where) of the part of each token match that ``core`` names
        (``customer_uuid`` in ``getCustomer_uuid``), outside comments and the tool's own TODOs."""
        for m in matches:
            c = core.search(m.group(0))
            start, end = m.start() + c.start(), m.start() + c.end()
            where = self.where(start, end)
            if where == "comment" or self.in_trace(start):
                continue
            yield start, end, c.group(0), where

    # -- results -------------------------------------------------------------------------
    def usage(self, kind: str, start: int, end: int, detail: str = "", context: str = "") -> Usage:
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(end)
        return Usage(kind, line, column, end_line, end_column, self.text[start:end], detail,
                     start, end, context)


__all__ = ["Example", "Source"]
