"""Which language a file is in (from its name, its ``#!`` line, or a sniff of its text), and
whether ast-grep has a grammar for it.

Language ids are ast-grep's (``typescript``, ``go``, ``csharp``...) for the languages parsed
with a tree-sitter grammar, plus text-only ids (``dotenv``, ``dockerfile``, ``toml``...) matched
with text patterns. ``family()`` groups them the way v1 SDKs were published (``js``, ``jvm``...).
"""
from __future__ import annotations

import os
import re
from typing import Optional

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
    "ruby": (".rb", ".rake", ".gemspec"),
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


__all__ = ["CODE_GRAMMARS", "GRAMMARS", "family", "has_grammar", "language_for_path",
           "language_from_shebang", "sniff_language"]
