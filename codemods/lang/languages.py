"""The languages and config formats ``codemods.lang`` rewrites: which file is which, which
``ast-grep-py`` grammar parses it (None: handled as text), and how a comment is written there.

Every grammar named here is bundled in the ``ast-grep-py`` wheel and works offline (checked by
``tests/codemods/lang/test_languages.py``); TOML, ``.env``, Dockerfile, go.mod, Gradle (Groovy),
XML manifests and pip requirements have no bundled grammar and are handled line by line.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Dict, FrozenSet, Optional, Tuple


@dataclass(frozen=True)
class Language:
    name: str
    grammar: Optional[str]  # ast-grep-py language name; None: text handling
    comment: Optional[Tuple[str, str]]  # (opening, closing) of a one-line comment; None: no comments
    string_kinds: FrozenSet[str] = frozenset()  # nodes whose text is a literal (holes excluded)
    comment_kinds: FrozenSet[str] = frozenset({"comment"})
    # Nodes inside which no comment line may be inserted (text that would change meaning).
    no_comment_kinds: FrozenSet[str] = frozenset()
    continuation: bool = False  # a line ending in a backslash continues on the next one
    syntax: str = ""  # the language id of codemods.syntax, when it differs from ``name``

    @property
    def syntax_id(self) -> str:
        return self.syntax or self.name

    @property
    def has_comments(self) -> bool:
        return self.comment is not None

    def comment_line(self, text: str) -> str:
        assert self.comment is not None
        opening, closing = self.comment
        return f"{opening}{text}{closing}"


_SLASH = ("// ", "")
_HASH = ("# ", "")
_XML = ("<!-- ", " -->")

_JS_STRINGS = frozenset({"string", "template_string"})
_JS_NO_COMMENT = frozenset({"template_string", "jsx_element", "jsx_fragment", "jsx_self_closing_element"})

LANGUAGES: Dict[str, Language] = {lang.name: lang for lang in (
    Language("javascript", "javascript", _SLASH, _JS_STRINGS, no_comment_kinds=_JS_NO_COMMENT),
    Language("typescript", "typescript", _SLASH, _JS_STRINGS, no_comment_kinds=_JS_NO_COMMENT),
    Language("tsx", "tsx", _SLASH, _JS_STRINGS, no_comment_kinds=_JS_NO_COMMENT),
    Language("go", "go", _SLASH, frozenset({"interpreted_string_literal", "raw_string_literal"}),
             no_comment_kinds=frozenset({"raw_string_literal"})),
    Language("php", "php", _SLASH, frozenset({"string", "encapsed_string", "heredoc", "nowdoc"}),
             no_comment_kinds=frozenset({"string", "encapsed_string", "heredoc", "nowdoc"})),
    Language("ruby", "ruby", _HASH, frozenset({"string", "heredoc_body", "subshell"}),
             no_comment_kinds=frozenset({"string", "heredoc_body"})),
    Language("java", "java", _SLASH, frozenset({"string_literal", "text_block"}),
             comment_kinds=frozenset({"line_comment", "block_comment"}),
             no_comment_kinds=frozenset({"string_literal", "text_block"})),
    Language("kotlin", "kotlin", _SLASH, frozenset({"string_literal", "multiline_string_literal"}),
             comment_kinds=frozenset({"line_comment", "multiline_comment"}),
             no_comment_kinds=frozenset({"string_literal", "multiline_string_literal"})),
    Language("scala", "scala", _SLASH, frozenset({"string", "interpolated_string"}),
             comment_kinds=frozenset({"comment", "block_comment"}),
             no_comment_kinds=frozenset({"string", "interpolated_string"})),
    Language("csharp", "csharp", _SLASH, frozenset({
        "string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression"}),
             no_comment_kinds=frozenset({"verbatim_string_literal", "raw_string_literal",
                                         "interpolated_string_expression"})),
    Language("swift", "swift", _SLASH, frozenset({"line_string_literal", "multi_line_string_literal"}),
             comment_kinds=frozenset({"comment", "multiline_comment"}),
             no_comment_kinds=frozenset({"multi_line_string_literal"})),
    Language("shell", "bash", _HASH, frozenset({"string", "raw_string", "word", "heredoc_body",
                                               "ansi_c_string"}),
             no_comment_kinds=frozenset({"string", "raw_string", "heredoc_body", "heredoc_redirect"}),
             continuation=True, syntax="bash"),
    Language("yaml", "yaml", _HASH, frozenset({"plain_scalar", "double_quote_scalar", "single_quote_scalar",
                                              "block_scalar"}),
             no_comment_kinds=frozenset({"block_scalar", "double_quote_scalar", "single_quote_scalar",
                                         "plain_scalar"})),
    Language("json", "json", None, frozenset({"string"})),
    # Text handling: every line outside a comment is a value; comments are whole lines.
    Language("toml", None, _HASH),
    Language("dotenv", None, _HASH),
    Language("dockerfile", None, _HASH, continuation=True),
    Language("requirements", None, _HASH, syntax="text"),
    Language("gomod", None, _SLASH, syntax="text"),
    Language("groovy", None, _SLASH),
    Language("xml", None, _XML, syntax="text"),
    Language("markdown", None, _XML),
)}

# Names codemods.syntax calls "text" that have a comment syntax here.
_TEXT_FORMATS = {"go.mod": "gomod"}
_TEXT_SUFFIXES = {".xml": "xml", ".csproj": "xml", ".fsproj": "xml", ".vbproj": "xml", ".props": "xml"}
_FROM_SYNTAX = {"bash": "shell"}
_NOT_REWRITTEN = (".rst",)  # reStructuredText: markdown's comment syntax would be text there


def language_for_path(path: str) -> Optional[str]:
    """The name of the language ``codemods.lang`` rewrites ``path`` as (from the syntax layer's
    ``language_for_path``), or None (Python, which the libcst codemods own, and files of no
    format known here). Only the file name counts."""
    return _language_for_name(os.path.basename(path).lower())


@functools.lru_cache(maxsize=4096)
def _language_for_name(name: str) -> Optional[str]:
    from codemods.syntax import language_for_path as syntax_language

    path = name
    stem, suffix = os.path.splitext(name)
    if suffix in _NOT_REWRITTEN:
        return None
    language = syntax_language(path)
    language = _FROM_SYNTAX.get(language, language)
    if language in LANGUAGES:
        return language
    if language != "text":
        return None
    if name in _TEXT_FORMATS:
        return _TEXT_FORMATS[name]
    if suffix in (".txt", ".in") and ("requirements" in stem or stem.startswith("constraints")):
        return "requirements"
    return _TEXT_SUFFIXES.get(suffix)
