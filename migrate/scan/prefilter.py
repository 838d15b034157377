"""The trigger-token pre-filter: files without a trigger are never decoded or parsed.

One multi-pattern automaton (``codemods.core.tokens.any_token``: ``ahocorasick_rs``,
leftmost-first) runs over the lower-cased bytes of each file. Measured by ``bench/scan_speed.py --prefilter`` on the same tree, it beat a
``re`` alternation over the same lower-cased bytes (see docs/scan.md, "Speed"); the regex
matcher is kept for that comparison.

Two token groups: ``TEXT_TRIGGERS`` cover every text pattern of the rules (hosts, packages,
namespaces, method names, routes, docs links) and decide whether the text rules run;
``python_triggers()`` (the shared detection's ``SDK_TRIGGERS`` and ``HTTP_TRIGGERS``, see
``compat.knowledge.triggers``) decide whether a Python file is parsed with libcst.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from codemods.core.tokens import any_token
from codemods.syntax.triggers import SYNTAX_TRIGGERS
from compat.knowledge.triggers import TEXT_TRIGGERS as SHARED_TEXT_TRIGGERS
from compat.knowledge.triggers import DISTINCTIVE_METHODS, HTTP_TRIGGERS, SDK_TRIGGERS

# The shared text triggers (compat.knowledge.triggers) plus what only the syntax rules look for
# (customer_uuid, camelCase config names, the tool's own TODO marker).
TEXT_TRIGGERS: Tuple[bytes, ...] = tuple(dict.fromkeys(SHARED_TEXT_TRIGGERS + SYNTAX_TRIGGERS))


def minimal(tokens: Sequence[bytes]) -> List[bytes]:
    """The tokens that contain no other token (in order): when any match is a hit, a token
    holding another one can never decide anything, and each pattern counts against the SIMD
    automaton's 64."""
    unique = list(dict.fromkeys(tokens))
    return [t for t in unique if not any(o != t and o in t for o in unique)]


def python_triggers() -> Tuple[bytes, ...]:
    """Tokens that make a Python file worth a libcst parse (the shared detection's tokens)."""
    return SDK_TRIGGERS + HTTP_TRIGGERS


def strong_python_triggers() -> Tuple[bytes, ...]:
    """The triggers that are evidence on their own: HTTP ones and the method names only v1 has.
    ``codemods.detect`` reports nothing for the other SDK triggers (``.otp.``, ``lookup.lookup``,
    payload attributes such as ``lookup_response``) unless the module imports ``ding``/``sdk``,
    so a file with only those is parsed only after a real import statement is seen."""
    # As calls: "post_check" alone is also an HTTP cache-control attribute (webob).
    return HTTP_TRIGGERS + tuple(sorted(b"." + m.lower().encode() + b"(" for m in DISTINCTIVE_METHODS))


# A Python file whose only triggers are import-shaped ("import sdk" also matches "data from SDK"
# and "import sdk_update_checker") or weak (".otp.", "lookup_response") is confirmed on the
# original bytes first: a libcst parse with scope metadata costs ~1 s for a 40 KB file.
def _is_import_token(token: bytes) -> bool:
    return token.startswith((b"import ", b"from "))


def _real_import_pattern(tokens: Sequence[bytes]) -> "re.Pattern[bytes]":
    modules = sorted({t.split(None, 1)[1].strip() for t in tokens if _is_import_token(t)
                      and len(t.split(None, 1)) == 2}, key=len, reverse=True)
    if not modules:
        return re.compile(b"(?!)")
    names = b"|".join(re.escape(m) for m in modules)
    return re.compile(rb"(?m)^[ \t]*(?:import[ \t]+(?:" + names + rb")\b|from[ \t]+(?:" + names
                      + rb")(?:\.|[ \t]+import\b))")


class AhoCorasickMatcher:
    """One automaton per token group. Leftmost-first matching lets the automaton use its SIMD
    literal search (about 6x faster than standard overlapping matching here); any match in a
    group is a hit, so the group's tokens may overlap freely."""

    def __init__(self, text_tokens: Sequence[bytes], python_tokens: Sequence[bytes],
                 strong_tokens: Sequence[bytes] = ()) -> None:
        def automaton(tokens):
            return any_token(tuple(minimal(tokens))) if tokens else None

        strong, weak = _split_python_tokens(python_tokens, strong_tokens)
        self._any = automaton(list(text_tokens) + strong)  # one pass for the common no-hit case
        self.sizes = {name: len(minimal(tokens)) for name, tokens in
                      (("any", list(text_tokens) + strong), ("text", text_tokens), ("python", strong), ("weak", weak))}
        self._text = automaton(text_tokens)
        self._python = automaton(strong)
        self._weak = automaton(weak)
        self._real_import = _real_import_pattern(python_tokens)

    @staticmethod
    def _hit(automaton, lower: bytes) -> bool:
        return automaton is not None and automaton(lower)

    def groups(self, lower: bytes, data: bytes, python: bool = True) -> Tuple[bool, bool]:
        """(a text rule may match, the file is worth a libcst parse); the second is only
        computed for Python files."""
        if self._hit(self._any, lower):  # rare: tell the groups apart
            text_hit, python_hit = self._hit(self._text, lower), python and self._hit(self._python, lower)
        else:
            text_hit = python_hit = False
        python_hit = python and (python_hit or (
            self._hit(self._weak, lower) and self._real_import.search(data) is not None))
        return text_hit, python_hit


class RegexMatcher:
    """The same contract with ``re`` alternations (for comparison)."""

    def __init__(self, text_tokens: Sequence[bytes], python_tokens: Sequence[bytes],
                 strong_tokens: Sequence[bytes] = ()) -> None:
        strong, weak = _split_python_tokens(python_tokens, strong_tokens)
        self._text = re.compile(b"|".join(re.escape(t) for t in text_tokens))
        self._python = re.compile(b"|".join(re.escape(t) for t in strong) or b"(?!)")
        self._weak = re.compile(b"|".join(re.escape(t) for t in weak) or b"(?!)")
        self._real_import = _real_import_pattern(python_tokens)

    def groups(self, lower: bytes, data: bytes, python: bool = True) -> Tuple[bool, bool]:
        python_hit = python and (self._python.search(lower) is not None or (
            self._weak.search(lower) is not None and self._real_import.search(data) is not None))
        return self._text.search(lower) is not None, python_hit


def _split_python_tokens(python_tokens: Sequence[bytes], strong_tokens: Sequence[bytes]):
    """(strong, weak): strong tokens parse on sight; without a list, only import-shaped ones
    are weak."""
    if strong_tokens:
        strong = list(dict.fromkeys(strong_tokens))
        weak = [t for t in python_tokens if t not in set(strong)]
    else:
        strong = [t for t in python_tokens if not _is_import_token(t)]
        weak = [t for t in python_tokens if _is_import_token(t)]
    return strong, weak


MATCHERS = {"aho-corasick": AhoCorasickMatcher, "regex": RegexMatcher}
DEFAULT_MATCHER = "aho-corasick"


def make_matcher(kind: str = DEFAULT_MATCHER):
    return MATCHERS[kind](TEXT_TRIGGERS, python_triggers(), strong_python_triggers())
