"""Rewrites for every language and config format other than Python, on ``ast-grep-py``.

Entry point: :func:`rewrite_source` ``(language, source, path) -> LangResult`` (plain data,
picklable); :func:`language_for_path` says which language a file is rewritten as (None for
Python and unknown formats). See docs/codemods.md, one section per language.
"""
from __future__ import annotations

from codemods.syntax.languages import LANGUAGES
from codemods.syntax.languages import rewrite_language_for_path as language_for_path

__all__ = ["LANGUAGES", "LangResult", "language_for_path", "rewrite_source"]


def __getattr__(name: str):
    # The rewriters are imported when first used, so that ``codemods.lang.registry`` (their
    # names) and ``codemods.lang.triggers`` (the pre-filter) stay cheap for ``rewrite``'s start-up.
    if name in ("LangResult", "rewrite_source"):
        from codemods.lang import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
