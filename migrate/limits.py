"""Per-file limits: what is too big or too deeply nested to hand to a parser.

libcst's parser recurses: a few thousand nested brackets, a 10,000-term ``and`` chain or an
8,000-link attribute chain overflow its stack (a segfault, not an exception), and a 20,000-term
``a + a + ...`` runs for many minutes. CPython itself refuses more than 200 nested brackets
("too many nested parentheses"). This guard finds such shapes with one regular-expression pass
over the text (about 2 % of a parse) before any parse, so the file is reported with a reason
instead of costing a crash or a timeout. The worker isolation in ``migrate.workers`` remains the
safety net for whatever this does not foresee.
"""
from __future__ import annotations

import re
from typing import Optional

DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024  # `--max-file-size`: larger files are listed, not parsed
MAX_NESTING = 100  # CPython stops at 200; libcst parses 150 fine and crashes near 1,000
MAX_CHAIN = 2000  # operators (and, or, +, ., ...) in one statement: 2,000 parse in about 1 s

# Strings and comments first (their brackets do not count), then what the guard counts.
_TOKENS = re.compile(
    r"""(?P<skip>\#[^\r\n]*|[rRbBuUfF]{0,2}(?:'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\"|'(?:\\.|[^'\\\r\n])*'|"(?:\\.|[^"\\\r\n])*"))"""
    r"""|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<newline>\r\n|\r|\n)"""
    r"""|(?P<op>\band\b|\bor\b|\*\*|//|<<|>>|[-+*/%@&|^<>.](?![0-9]))""",
    re.S,
)


def parse_risk(text: str) -> Optional[str]:
    """Why ``text`` is not safe to give a parser, or None. Cheap and approximate: it may miss a
    shape (the workers catch that), and it flags nothing a person would write by hand."""
    depth = deepest = chain = longest = 0
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    return f"brackets nested more than {MAX_NESTING} levels deep (a parser would overflow its stack)"
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "newline":
            if depth == 0:  # a statement ends at a newline outside brackets
                chain = 0
        elif kind == "op":
            chain += 1
            if chain > longest:
                longest = chain
                if longest > MAX_CHAIN:
                    return f"one statement chains more than {MAX_CHAIN} operators (too long to parse safely)"
    return None


def too_large(size: int, max_bytes: int) -> Optional[str]:
    if size > max_bytes:
        return f"larger than {_mib(max_bytes)} ({_mib(size)}); raise the limit with --max-file-size"
    return None


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KiB"


__all__ = ["DEFAULT_MAX_FILE_BYTES", "MAX_CHAIN", "MAX_NESTING", "parse_risk", "too_large"]
