"""Rewrites for every language and config format other than Python, on ``ast-grep-py``.

Entry point: :func:`rewrite_source` ``(language, source, path) -> LangResult`` (plain data,
picklable); :func:`language_for_path` says which language a file is rewritten as (None for
Python and unknown formats). See docs/codemods.md, one section per language.
"""
from __future__ import annotations

from codemods.lang.engine import LangResult, rewrite_source
from codemods.syntax.languages import LANGUAGES
from codemods.syntax.languages import rewrite_language_for_path as language_for_path

__all__ = ["LANGUAGES", "LangResult", "language_for_path", "rewrite_source"]
