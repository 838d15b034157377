"""Jupyter notebooks: the Python rules over the code cells, positions in the ``.ipynb`` file.

The code cells are joined into one module (imports in one cell serve calls in the next, as the
kernel runs them) and read by the same shared detection as ``.py`` files. Each character of
that module remembers its offset in the notebook's JSON text, so a finding points at the very
characters of the JSON string that hold the code (SARIF and GitHub annotations need real file
positions; a JSON escape such as ``\\"`` counts as its first character).

IPython syntax is blanked out (replaced by spaces, so columns stay) before parsing: line magics
and shell escapes (``%pip``, ``!ls``, ``x = !ls``) and help lines (``obj?``). A cell magic
(``%%bash``) makes the whole cell non-Python, except the magics that run Python (``%%time``).
A cell that still does not parse is left out of the module and named in the reason.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from migrate.scan.python import PythonParseError, python_usages

NOTEBOOK_SUFFIX = ".ipynb"
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
_IPYTHON_LINE = re.compile(r"^[ \t]*(?:[%!]|[A-Za-z_][\w., \t]*=[ \t]*[%!])|^[^#\n]*\?\??[ \t]*$")
_WS = re.compile(r"[ \t\n\r]*")


def is_notebook(path: str) -> bool:
    return path.lower().endswith(NOTEBOOK_SUFFIX)


class NotebookError(Exception):
    """The file is not a notebook JSON document (the text rules still run on it)."""


@dataclass
class _Cell:
    number: int  # 1-based among all cells, as Jupyter shows them
    text: str
    offsets: List[int]  # JSON offset of each character of ``text``, plus one past the end


# -- a JSON reader that keeps the offsets of the strings it decodes ---------------------------
class _Str(str):
    """A decoded JSON string that remembers where its opening quote is."""

    def __new__(cls, value: str, quote: int) -> "_Str":
        made = super().__new__(cls, value)
        made.quote = quote
        return made


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()


def _string(text: str, i: int) -> Tuple[str, int]:
    """The string starting at the quote ``text[i]``: (value, offset after its closing quote)."""
    return json.decoder.scanstring(text, i + 1)


def _offsets(text: str, i: int, value: str) -> List[int]:
    """The JSON offset of each character of the string whose quote is at ``text[i]``, plus the
    closing quote's. Computed for code cells only (outputs hold megabytes of base64)."""
    offsets, j = [], i + 1
    while len(offsets) < len(value):
        offsets.append(j)
        if text[j] != "\\":
            j += 1
        elif text[j + 1] != "u":
            j += 2
        else:  # a surrogate pair \ud83d\ude00 is one character
            pair = 0xD800 <= int(text[j + 2:j + 6], 16) < 0xDC00 and text[j + 6:j + 8] == "\\u"
            j += 12 if pair else 6
    if text[j:j + 1] != '"':  # never expected; positions would be wrong
        raise NotebookError("unexpected JSON string escape")
    offsets.append(j)
    return offsets


def _value(text: str, i: int):
    """(value, offset after it); strings come back as (value, offsets) tuples."""
    i = _skip(text, i)
    if i >= len(text):
        raise NotebookError("truncated JSON")
    char = text[i]
    if char == '"':
        value, end = _string(text, i)
        return _Str(value, i), end
    if char == "{":
        result, i = {}, _skip(text, i + 1)
        if text[i:i + 1] == "}":
            return result, i + 1
        while True:
            i = _skip(text, i)
            if text[i:i + 1] != '"':
                raise NotebookError(f"expected a key at offset {i}")
            key, i = _string(text, i)
            i = _skip(text, i)
            if text[i:i + 1] != ":":
                raise NotebookError(f"expected ':' at offset {i}")
            result[key], i = _value(text, i + 1)
            i = _skip(text, i)
            if text[i:i + 1] == "}":
                return result, i + 1
            if text[i:i + 1] != ",":
                raise NotebookError(f"expected ',' or '}}' at offset {i}")
            i += 1
    if char == "[":
        items, i = [], _skip(text, i + 1)
        if text[i:i + 1] == "]":
            return items, i + 1
        while True:
            item, i = _value(text, i)
            items.append(item)
            i = _skip(text, i)
            if text[i:i + 1] == "]":
                return items, i + 1
            if text[i:i + 1] != ",":
                raise NotebookError(f"expected ',' or ']' at offset {i}")
            i += 1
    try:
        value, end = json.JSONDecoder().raw_decode(text, i)  # number, true, false, null
    except ValueError as exc:
        raise NotebookError(str(exc)) from None
    return value, end


def code_cells(text: str) -> List[_Cell]:
    """The code cells of a notebook JSON text (nbformat 4, or 3 with its worksheets; the source a
    list of lines or one string)."""
    try:
        document, end = _value(text, 0)
    except RecursionError:
        raise NotebookError("JSON nested too deeply") from None
    if _skip(text, end) != len(text) or not isinstance(document, dict):
        raise NotebookError("not a notebook JSON object")
    cells, source_key = document.get("cells"), "source"
    worksheets = document.get("worksheets")
    if cells is None and isinstance(worksheets, list):  # nbformat 3: worksheets, code in "input"
        cells, source_key = [c for w in worksheets if isinstance(w, dict)
                             for c in (w.get("cells") if isinstance(w.get("cells"), list) else ())], "input"
    if not isinstance(cells, list):
        raise NotebookError("no 'cells' list (nbformat 3 or 4 expected)")
    result = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or _plain(cell.get("cell_type")) != "code":
            continue
        source = cell.get(source_key)
        parts = source if isinstance(source, list) else [source]
        if not all(isinstance(p, _Str) for p in parts):
            continue
        chars, offsets, end = [], [], 0
        for part in parts:
            string_offsets = _offsets(text, part.quote, part)
            chars.append(str(part))
            offsets.extend(string_offsets[:-1])
            end = string_offsets[-1]
        result.append(_Cell(number, "".join(chars), offsets + [end]))
    return result


def _plain(value):
    return str(value) if isinstance(value, _Str) else value


# -- IPython syntax -----------------------------------------------------------------------------
def python_source(cell_text: str) -> Optional[str]:
    """The cell with IPython syntax blanked out (same length), or None for a non-Python cell."""
    lines = cell_text.split("\n")
    first = lines[0].lstrip()
    if first.startswith("%%"):
        magic = first[2:].split(None, 1)[0] if first[2:].strip() else ""
        if magic not in _PYTHON_CELL_MAGICS:
            return None
        lines[0] = " " * len(lines[0])
    blanked = [" " * len(line) if _IPYTHON_LINE.match(line) else line for line in lines]
    return "\n".join(blanked)


# -- the usages, in notebook coordinates --------------------------------------------------------
def notebook_usages(text: str, position) -> Tuple[list, str]:
    """(usages with notebook line/column, reason if some code was not analysed).
    ``position(offset) -> (line, column)`` converts a JSON offset. Raises ``NotebookError``."""
    from codemods.core.usage import Usage

    cells = [(c, python_source(c.text)) for c in code_cells(text)]
    cells = [(c, source) for c, source in cells if source is not None and source.strip()]
    skipped: List[str] = []
    usages = _usages_of(cells)
    if usages is None:  # some cell is not Python: find which, analyse the others together
        good = []
        for cell, source in cells:
            try:
                python_usages(source)
            except PythonParseError as exc:
                skipped.append(f"cell {cell.number}: {exc.args[0] if exc.args else 'syntax error'}")
            else:
                good.append((cell, source))
        usages = _usages_of(good) or []
    reason = ("notebook cells not analysed as Python: " + "; ".join(skipped))[:300] if skipped else ""
    mapped = []
    for usage, offsets, line_starts in usages:
        start = offsets[line_starts[usage.line - 1] + usage.column - 1]
        end_index = line_starts[usage.end_line - 1] + usage.end_column - 1
        # the end is exclusive: one past the last character's JSON extent
        end = offsets[end_index] if end_index < len(offsets) else offsets[-1]
        (line, column), (end_line, end_column) = position(start), position(end)
        mapped.append(Usage(usage.kind, usage.detail, line, column, end_line, end_column, False))
    return mapped, reason


def _usages_of(cells) -> Optional[list]:
    """(usage, offsets, line starts) of the joined cells; None if the module does not parse."""
    if not cells:
        return []
    texts, offsets = [], []
    for cell, source in cells:
        body = source if source.endswith("\n") else source + "\n"
        texts.append(body)
        offsets.extend(cell.offsets[:len(source)])
        offsets.extend([cell.offsets[-1]] * (len(body) - len(source)))
    module = "".join(texts)
    offsets.append(offsets[-1] if offsets else 0)
    try:
        usages = python_usages(module)
    except PythonParseError:
        return None
    line_starts = [0] + [m.end() for m in re.finditer("\n", module)]
    return [(u, offsets, line_starts) for u in usages]


__all__ = ["NotebookError", "code_cells", "is_notebook", "notebook_usages", "python_source"]
