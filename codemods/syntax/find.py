"""``usages(language, source)``: every v1 usage of one file, through the syntax rules."""
from __future__ import annotations

from typing import List, Optional

from codemods.syntax.rules import RULES
from codemods.syntax.source import Source
from codemods.syntax.usage import Usage


def usages(language: str, source: str, *, path: str = "", index=None, kinds: Optional[frozenset] = None) -> List[Usage]:
    """The v1 usages of ``source`` (sorted by position). ``path`` (display path) places the file
    in the repository ``index`` (``codemods.syntax.index.RepoIndex``); ``kinds`` limits the
    result (rules still run when other rules need their evidence)."""
    src = Source(language, source, path, index)
    found: List[Usage] = []
    for rule in RULES:
        for usage in rule.find(src):
            if kinds is None or usage.kind in kinds:
                found.append(usage)
    found.sort(key=lambda u: (u.start, u.kind))
    return found


__all__ = ["usages"]
