"""Which language a file is in (from its name, its ``#!`` line, or a sniff of its text),
whether ast-grep has a grammar for it, and (:data:`LANGUAGES`) how the non-Python rewriter
``codemods.lang`` treats each language it rewrites: comment syntax, literal and comment nodes.
One module for both, so the scanner and the rewriter cannot disagree on what a file is.

Language ids are ast-grep's (``typescript``, ``go``, ``csharp``...) for the languages parsed
with a tree-sitter grammar, plus text-only ids (``dotenv``, ``dockerfile``, ``toml``...) matched
with text patterns. ``family()`` groups them the way v1 SDKs were published (``js``, ``jvm``...).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, Optional, Tuple

# Checked one by one with ast-grep-py 0.51 (tests/codemods/syntax/test_languages.py parses a
# sample of each). TOML, Dockerfile and SQL have no grammar in the wheel (they raise a Rust panic).
GRAMMARS = frozenset({
    "javascript", "typescript", "tsx", "go", "php", "ruby", "java", "kotlin", "csharp", "swift",
    "python", "rust", "scala", "dart", "bash", "yaml", "json",
})
# Languages whose strings and comments the syntax rules tell apart; data/config formats and
# shell are searched as text (their "strings" are most of the file).
CODE_GRAMMARS = GRAMMARS - {"bash", "yaml", "json"}

_SUFFIXES = {
    "python": (".py", ".pyi", ".pyw"),
    "javascript": (".js", ".mjs", ".cjs", ".jsx"),
    "typescript": (".ts", ".mts", ".cts"),
    "tsx": (".tsx",),
    "vue": (".vue", ".svelte"),  # script blocks inside markup: text patterns
    "go": (".go",),
    "java": (".java",),
    "kotlin": (".kt", ".kts"),
    "scala": (".scala", ".sc"),
    "groovy": (".groovy", ".gradle"),
    "php": (".php",),
    "ruby": (".rb", ".rbi", ".rake", ".gemspec"),  # .rbi: Sorbet interface files
    "csharp": (".cs", ".csx"),
    "swift": (".swift",),
    "rust": (".rs",),
    "dart": (".dart",),
    "bash": (".sh", ".bash", ".zsh", ".ksh"),
    "shell": (".fish", ".ps1", ".bat", ".cmd"),
    "yaml": (".yml", ".yaml"),
    "json": (".json",),
    "toml": (".toml",),
    "markdown": (".md", ".markdown", ".mdx", ".rst"),
}
_BY_SUFFIX = {suffix: lang for lang, suffixes in _SUFFIXES.items() for suffix in suffixes}
_BY_NAME = {"gemfile": "ruby", "rakefile": "ruby", "podfile": "ruby", "dockerfile": "dockerfile",
            "containerfile": "dockerfile", "makefile": "make", "justfile": "make"}

FAMILIES = {
    "javascript": "js", "typescript": "js", "tsx": "js", "vue": "js",
    "java": "jvm", "kotlin": "jvm", "scala": "jvm", "groovy": "jvm",
    "bash": "shell", "shell": "shell", "dockerfile": "docker",
}

_SHEBANG = re.compile(r"#![ \t]*(?:\S*/)?(?:env[ \t]+(?:-\S+[ \t]+)*)?(?P<prog>[A-Za-z]+)")
_SHEBANG_LANGUAGES = {"python": "python", "node": "javascript", "deno": "typescript", "bun": "typescript",
                      "ruby": "ruby", "php": "php", "bash": "bash", "sh": "bash", "zsh": "bash",
                      "ksh": "bash", "dash": "bash"}


def language_for_path(path: str) -> str:
    """The language of a file from its name; ``text`` when the name says nothing."""
    name = os.path.basename(path).lower()
    if name in _BY_NAME:
        return _BY_NAME[name]
    if name.startswith(("dockerfile.", "containerfile.")) or name.endswith(".dockerfile"):
        return "dockerfile"
    if name == ".env" or name.startswith(".env.") or name.endswith(".env"):
        return "dotenv"
    return _BY_SUFFIX.get(os.path.splitext(name)[1], "text")


def language_from_shebang(first_line: str) -> Optional[str]:
    """``#!/usr/bin/env python3`` -> ``python``; None without a known interpreter."""
    m = _SHEBANG.match(first_line)
    if m is None:
        return None
    prog = re.sub(r"[\d.]+$", "", m.group("prog").lower())
    return _SHEBANG_LANGUAGES.get(prog)


# Strong, cheap signs of a language in a text of unknown name (stdin): first match wins.
_SNIFFS = (
    ("php", re.compile(r"\A\s*<\?php")),
    ("go", re.compile(r"(?m)^package\s+\w+\s*$")),
    ("csharp", re.compile(r"(?m)^\s*using\s+[A-Z][\w.]*;\s*$|\bnamespace\s+[A-Z][\w.]*\s*[{;]")),
    ("java", re.compile(r"(?m)^\s*(?:import\s+[a-z][\w.]*\.[A-Z*][\w]*;|public\s+(?:final\s+)?class\s)")),
    ("python", re.compile(r"(?m)^(?:from\s+[\w.]+\s+import\s|import\s+[\w.]+\s*$|def\s+\w+\s*\(.*\)\s*(?:->.*)?:\s*$|class\s+\w+.*:\s*$)")),
    ("kotlin", re.compile(r"(?m)^\s*(?:fun\s+\w+\s*\(|val\s+\w+\s*[:=])")),
    ("ruby", re.compile(r"(?m)^\s*(?:require\s+['\"]|def\s+\w+[?!]?\s*$|module\s+[A-Z]\w*\s*$)")),
    ("typescript", re.compile(r"(?m)^\s*(?:import\s.+\sfrom\s+['\"]|export\s+(?:const|function|class|default)\b|"
                              r"(?:const|let)\s+\w+\s*(?::\s*\w+\s*)?=)")),
    ("bash", re.compile(r"(?m)^\s*(?:curl|export\s+[A-Z_]+=|set\s+-e)")),
)


def sniff_language(text: str) -> Optional[str]:
    """The language of a text with no file name (stdin): its ``#!`` line, else strong signs
    (``<?php``, ``package x``, ``from x import``...); None when it cannot tell."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if first.startswith("#!"):
        found = language_from_shebang(first)
        if found:
            return found
    for language, pattern in _SNIFFS:
        if pattern.search(text[:20000]):
            return language
    return None


def family(language: str) -> str:
    return FAMILIES.get(language, language)


def has_grammar(language: str) -> bool:
    return language in CODE_GRAMMARS



# ---------------------------------------------------------------------------------------------
# What the rewriter (codemods.lang) needs per language. TOML, ``.env``, Dockerfile, go.mod, Gradle
# (Groovy), XML manifests, pip requirements and Markdown have no grammar in the wheel and are
# handled line by line.

@dataclass(frozen=True)
class Language:
    name: str
    comment: Optional[Tuple[str, str]]  # (opening, closing) of a one-line comment; None: no comments
    string_kinds: FrozenSet[str] = frozenset()  # nodes whose text is a literal (holes excluded)
    comment_kinds: FrozenSet[str] = frozenset({"comment"})
    # Nodes inside which no comment line may be inserted (text that would change meaning).
    no_comment_kinds: FrozenSet[str] = frozenset()
    continuation: bool = False  # a line ending in a backslash continues on the next one
    syntax: str = ""  # the language id of language_for_path, when it differs from ``name``

    @property
    def syntax_id(self) -> str:
        return self.syntax or self.name

    @property
    def grammar(self) -> Optional[str]:
        """The ast-grep-py grammar that parses it; None: handled as text."""
        return self.syntax_id if self.syntax_id in GRAMMARS else None

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
    Language("javascript", _SLASH, _JS_STRINGS, no_comment_kinds=_JS_NO_COMMENT),
    Language("typescript", _SLASH, _JS_STRINGS, no_comment_kinds=_JS_NO_COMMENT),
    Language("tsx", _SLASH, _JS_STRINGS, no_comment_kinds=_JS_NO_COMMENT),
    Language("go", _SLASH, frozenset({"interpreted_string_literal", "raw_string_literal"}),
             no_comment_kinds=frozenset({"raw_string_literal"})),
    Language("php", _SLASH, frozenset({"string", "encapsed_string", "heredoc", "nowdoc"}),
             no_comment_kinds=frozenset({"string", "encapsed_string", "heredoc", "nowdoc"})),
    Language("ruby", _HASH, frozenset({"string", "heredoc_body", "subshell"}),
             no_comment_kinds=frozenset({"string", "heredoc_body"})),
    Language("java", _SLASH, frozenset({"string_literal", "text_block"}),
             comment_kinds=frozenset({"line_comment", "block_comment"}),
             no_comment_kinds=frozenset({"string_literal", "text_block"})),
    Language("kotlin", _SLASH, frozenset({"string_literal", "multiline_string_literal"}),
             comment_kinds=frozenset({"line_comment", "multiline_comment"}),
             no_comment_kinds=frozenset({"string_literal", "multiline_string_literal"})),
    Language("scala", _SLASH, frozenset({"string", "interpolated_string"}),
             comment_kinds=frozenset({"comment", "block_comment"}),
             no_comment_kinds=frozenset({"string", "interpolated_string"})),
    Language("csharp", _SLASH, frozenset({
        "string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression"}),
             no_comment_kinds=frozenset({"verbatim_string_literal", "raw_string_literal",
                                         "interpolated_string_expression"})),
    Language("swift", _SLASH, frozenset({"line_string_literal", "multi_line_string_literal"}),
             comment_kinds=frozenset({"comment", "multiline_comment"}),
             no_comment_kinds=frozenset({"multi_line_string_literal"})),
    Language("shell", _HASH, frozenset({"string", "raw_string", "word", "heredoc_body", "ansi_c_string"}),
             no_comment_kinds=frozenset({"string", "raw_string", "heredoc_body", "heredoc_redirect"}),
             continuation=True, syntax="bash"),
    Language("yaml", _HASH, frozenset({"plain_scalar", "double_quote_scalar", "single_quote_scalar",
                                       "block_scalar"}),
             no_comment_kinds=frozenset({"block_scalar", "double_quote_scalar", "single_quote_scalar",
                                         "plain_scalar"})),
    Language("json", None, frozenset({"string"})),
    # Text handling: every line outside a comment is a value; comments are whole lines.
    Language("toml", _HASH),
    Language("dotenv", _HASH),
    Language("dockerfile", _HASH, continuation=True),
    Language("requirements", _HASH, syntax="text"),
    Language("gomod", _SLASH, syntax="text"),
    Language("groovy", _SLASH),
    Language("xml", _XML, syntax="text"),
    Language("markdown", _XML),
)}

# Files language_for_path calls "text" that have a comment syntax the rewriter knows.
_TEXT_FORMATS = {"go.mod": "gomod"}
_TEXT_SUFFIXES = {".xml": "xml", ".csproj": "xml", ".fsproj": "xml", ".vbproj": "xml", ".props": "xml"}
_REWRITE_NAMES = {"bash": "shell"}
_NOT_REWRITTEN = (".rst",)  # reStructuredText: markdown's comment syntax would be text there


def rewrite_language_for_path(path: str) -> Optional[str]:
    """The key of :data:`LANGUAGES` that ``codemods.lang`` rewrites ``path`` as, or None
    (Python, which the libcst codemods own, and files of no format known here). Only the file
    name counts."""
    return _rewrite_language_for_name(os.path.basename(path).lower())


@functools.lru_cache(maxsize=4096)
def _rewrite_language_for_name(name: str) -> Optional[str]:
    stem, suffix = os.path.splitext(name)
    if suffix in _NOT_REWRITTEN:
        return None
    language = language_for_path(name)
    language = _REWRITE_NAMES.get(language, language)
    if language in LANGUAGES:
        return language
    if language != "text":
        return None
    if name in _TEXT_FORMATS:
        return _TEXT_FORMATS[name]
    if suffix in (".txt", ".in") and ("requirements" in stem or stem.startswith("constraints")):
        return "requirements"
    return _TEXT_SUFFIXES.get(suffix)


__all__ = ["CODE_GRAMMARS", "GRAMMARS", "LANGUAGES", "Language", "family", "has_grammar", "language_for_path",
           "language_from_shebang", "rewrite_language_for_path", "sniff_language"]
