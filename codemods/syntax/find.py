"""``usages(language, source)``: every v1 usage of one file, through the syntax rules."""
from __future__ import annotations

from typing import List, Optional

from compat.knowledge.triggers import V1_EVIDENCE
from codemods.syntax.languages import family
from codemods.syntax.rules import RULES
from codemods.syntax.rules.config_name import names_v1_only
from codemods.syntax.source import Source
from codemods.syntax.ts_sdk_layout import ts_sdk_file
from codemods.syntax.usage import Usage

# Language names of codemods.lang (the rewriter) that differ from ast-grep's.
_ALIASES = {"shell": "bash", "gomod": "text", "requirements": "text", "xml": "text"}


def usages(language: str, source: str, *, path: str = "", index=None, kinds: Optional[frozenset] = None,
           evidence: bool = False) -> List[Usage]:
    """The v1 usages of ``source`` (sorted by position). ``path`` places the file in the
    repository ``index`` (``codemods.syntax.index.RepoIndex``); ``kinds`` limits the result
    (rules still run when other rules need their evidence); ``evidence`` says the caller already
    knows the file uses v1 (e.g. libcst found the v1 SDK in a Python file)."""
    src = Source(_ALIASES.get(language, language), source, path, index)
    src.strong = evidence or any(token in src.lower for token in V1_EVIDENCE) or names_v1_only(src.text) or (
        family(src.language) == "js" and ts_sdk_file(src.text))
    found: List[Usage] = []
    for rule in RULES:
        for usage in rule.find(src):
            if kinds is None or usage.kind in kinds:
                found.append(usage)
    found.sort(key=lambda u: (u.start, u.kind))
    return found


__all__ = ["usages"]
