"""What a file is before any rule runs: its language (name, ``#!`` line), whether it is a report
this tool wrote (never scanned: a SARIF file in the tree would double every finding), and the
automaton of the repository index's names for the second pass."""
from __future__ import annotations

import re
from typing import Optional

from codemods.syntax.languages import language_for_path, language_from_shebang

# The first bytes of the reports and baselines prelude-migrate writes.
_OWN_REPORT = re.compile(
    rb'"name":\s*"prelude-migrate"|"tool":\s*"prelude-migrate"'  # SARIF driver, baseline
    rb'|<testsuites name="prelude-migrate"'  # JUnit
    rb'|<meta name="generator" content="prelude-migrate'  # HTML
    rb'|\A\{\s*"version":\s*1,\s*"findings":\s*\[\s*(?:\]|\{\s*"rule":\s*"PM\d{3}")'  # JSON report
    rb'|\A(?:[^\n]*:\d+:\d+: (?:ERROR|WARNING|INFO) PM\d{3} [^\n]*\n){1,3}')  # text report


def is_own_report(data: bytes) -> bool:
    return _OWN_REPORT.search(data[:4096]) is not None


def syntax_language_of(path: str, data: bytes) -> str:
    """``codemods.syntax``'s language for a file: from its name, else its ``#!`` line."""
    language = language_for_path(path)
    if language == "text" and data.startswith(b"#!"):
        first = data[:200].split(b"\n", 1)[0].decode("latin-1")
        return language_from_shebang(first) or "text"
    return language


def names_matcher(index) -> Optional[object]:
    """An automaton of the lower-cased names the index knows (wrappers, modules, constants)."""
    if index is None:
        return None
    names = [n.lower().encode() for n in index.names() if len(n) >= 4]
    if not names:
        return None
    import ahocorasick_rs

    return ahocorasick_rs.BytesAhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)


__all__ = ["is_own_report", "names_matcher", "syntax_language_of"]
