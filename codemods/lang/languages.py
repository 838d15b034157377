"""The languages and config formats ``codemods.lang`` rewrites: which file is which, which
``ast-grep-py`` grammar parses it (None: handled as text), and how a comment is written there.

Every grammar named here is bundled in the ``ast-grep-py`` wheel and works offline (checked by
``tests/codemods/lang/test_languages.py``); TOML, ``.env``, Dockerfile, go.mod, Gradle (Groovy),
XML manifests and pip requirements have no bundled grammar and are handled line by line.
"""
from __future__ import annotations

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
             continuation=True),
    Language("yaml", "yaml", _HASH, frozenset({"plain_scalar", "double_quote_scalar", "single_quote_scalar",
                                              "block_scalar"}),
             no_comment_kinds=frozenset({"block_scalar", "double_quote_scalar", "single_quote_scalar",
                                         "plain_scalar"})),
    Language("json", "json", None, frozenset({"string"})),
    # Text handling: every line outside a comment is a value; comments are whole lines.
    Language("toml", None, _HASH),
    Language("dotenv", None, _HASH),
    Language("dockerfile", None, _HASH, continuation=True),
    Language("requirements", None, _HASH),
    Language("gomod", None, _SLASH),
    Language("groovy", None, _SLASH),
    Language("xml", None, _XML),
    Language("markdown", None, _XML),
)}

_BY_SUFFIX = {
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "tsx",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "tsx",
    ".go": "go", ".php": "php", ".rb": "ruby", ".rake": "ruby", ".gemspec": "ruby",
    ".java": "java", ".kt": "kotlin", ".kts": "kotlin", ".scala": "scala", ".sc": "scala",
    ".cs": "csharp", ".csx": "csharp", ".swift": "swift",
    ".sh": "shell", ".bash": "shell", ".zsh": "shell", ".ksh": "shell",
    ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml", ".env": "dotenv",
    ".groovy": "groovy", ".gradle": "groovy",
    ".xml": "xml", ".csproj": "xml", ".fsproj": "xml", ".vbproj": "xml", ".props": "xml", ".config": "xml",
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown",
}
_BY_NAME = {
    "gemfile": "ruby", "rakefile": "ruby", "podfile": "ruby", "dockerfile": "dockerfile",
    "containerfile": "dockerfile", "go.mod": "gomod", ".env": "dotenv",
}
_PYTHON_SUFFIXES = (".py", ".pyi", ".pyw")


def language_for_path(path: str) -> Optional[str]:
    """The name of the language ``codemods.lang`` rewrites ``path`` as, or None (Python, which
    the libcst codemods own, and files of no known format)."""
    name = os.path.basename(path).lower()
    if name in _BY_NAME:
        return _BY_NAME[name]
    if name.startswith(("dockerfile.", "containerfile.")) or name.endswith((".dockerfile", ".containerfile")):
        return "dockerfile"
    if name.startswith(".env.") or name.endswith(".env"):
        return "dotenv"
    stem, suffix = os.path.splitext(name)
    if suffix in _PYTHON_SUFFIXES:
        return None
    if suffix in (".txt", ".in") and ("requirements" in stem or stem.startswith("constraints")):
        return "requirements"
    return _BY_SUFFIX.get(suffix)
