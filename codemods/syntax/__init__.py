"""The per-language syntax and detection layer (ast-grep / tree-sitter), shared by the scanner
and the non-Python rewriter, so both see the same v1 usages::

    from codemods.syntax import usages
    for u in usages("typescript", text, path="src/otp.ts"):
        print(u.kind, u.line, u.column, u.detail)

``usages(language, source, path=, index=)`` -> ``[Usage(kind, line, column, end_line,
end_column, text, detail, start, end, context)]``, kinds in ``codemods.syntax.usage.KINDS``.
Languages: ``language_for_path`` / ``sniff_language``; lines: ``LineIndex`` (``\\r``, ``\\r\\n``,
``\\n``); repository evidence: ``codemods.syntax.index`` (``file_facts``, ``RepoIndex``).
Importing this package does not import ast-grep (only parsing a file does).
"""
from __future__ import annotations

from codemods.syntax.languages import family, has_grammar, language_for_path, language_from_shebang, sniff_language
from codemods.syntax.lines import LineIndex, split_lines
from codemods.syntax.usage import KINDS, Usage


def usages(language, source, **kwargs):
    from codemods.syntax.find import usages as find_usages

    return find_usages(language, source, **kwargs)


__all__ = ["KINDS", "LineIndex", "Usage", "family", "has_grammar", "language_for_path", "language_from_shebang",
           "sniff_language", "split_lines", "usages"]
