"""What a codemod documents about itself, next to its code (Fixit 2's VALID/INVALID, django-upgrade's
before/after pairs, ruff's What it does / Why / Fix safety).

Each codemod module ends with ``DOCS = CodemodDocs(...)``; ``python -m codemods.docs`` builds the
codemod sections of docs/codemods.md from them, and tests/codemods/test_codemod_examples.py runs
every example through the public entry point (the engine for Python, ``codemods.lang`` for the
other languages): each ``after`` is exactly what comes out, each no-op comes out unchanged.
Examples are dedented, so they can be written as indented triple-quoted strings.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Tuple

PYTHON = "python"


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@dataclass(frozen=True)
class CodemodExample:
    """``before`` becomes exactly ``after`` (``language`` is a key of ``codemods.lang.LANGUAGES``
    or ``"python"``); ``note`` says what the example shows. ``path`` is the file's name in the
    tree; ``tree`` lists other files of that tree, (path, source), for what the repo pre-pass
    reads (they are context: their own rewrite is not part of the example)."""
    before: str
    after: str
    note: str = ""
    language: str = PYTHON
    path: str = "example.py"
    tree: Tuple[Tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "before", _dedent(self.before))
        object.__setattr__(self, "after", _dedent(self.after))
        object.__setattr__(self, "tree", tuple((path, _dedent(text)) for path, text in self.tree))


@dataclass(frozen=True)
class NoOp:
    """``source`` is left byte for byte as it is, because ``why``."""
    source: str
    why: str
    language: str = PYTHON
    path: str = "example.py"

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", _dedent(self.source))


@dataclass(frozen=True)
class CodemodDocs:
    """The documentation of one codemod (or one non-Python rewriter): ``what`` it does, ``why``,
    its ``fix_safety`` (what it is sure of, where it leaves a TODO), and its examples. For the
    non-Python rewriters: ``title`` names them, ``summary`` is their line in each language's
    section, ``languages`` the languages they apply to (empty: every language)."""
    what: str
    why: str
    fix_safety: str
    examples: Tuple[CodemodExample, ...] = ()
    no_ops: Tuple[NoOp, ...] = ()
    title: str = ""
    summary: str = ""
    languages: Tuple[str, ...] = ()
