"""The v1 usages left in a file, from the per-language detection layer ``codemods.syntax``
(the one the scanner reads), each with what v2 needs there."""
from __future__ import annotations

from typing import List

from codemods.lang.edits import Mark
from codemods.syntax.languages import Language
from codemods.lang.todo_sentences import sentence


_HOST_KINDS = frozenset({"v1-host", "legacy-v2-host"})


def detect(language: Language, source: str, path: str, tree) -> List[Mark]:
    from codemods.syntax import usages

    marks: List[Mark] = []
    comments = tree.comments
    for usage in usages(language.syntax_id, source, path=path):
        if usage.kind == "todo-marker" or usage.context == "comment" or _inside(usage.start, comments):
            continue  # the tool's own trace; prose about v1 in a comment is no usage
        if usage.kind in _HOST_KINDS and usage.context == "code":
            continue  # `api.ding.live/v2` as an expression (a member read divided by v2) is no URL
        text = sentence(usage.kind, usage.detail, language.syntax_id)
        if text:
            marks.append(Mark(usage.line - 1, text))
    return marks


def _inside(offset: int, ranges) -> bool:
    import bisect

    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]
