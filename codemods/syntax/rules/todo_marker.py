"""``todo-marker``: a ``TODO(prelude-migration)`` comment that ``prelude-migrate rewrite`` left.

The tool's own trace: the comment is never a v1 usage (a host or a header named in it is not
reported), and it is reported once, as work left. In languages with a grammar only comments
count (a string that merely contains the marker is code); elsewhere the marker's line.
"""
from __future__ import annotations

import re

from compat.knowledge.todos import TODO_MARKER
from codemods.syntax.source import Example

KIND = "todo-marker"
_MARKER = re.compile(re.escape(TODO_MARKER) + r":?[ \t]*(?P<why>[^\r\n]*)")


def find(source):
    if TODO_MARKER not in source.text:
        return
    for m in _MARKER.finditer(source.text):
        spot = source.spot(m.start(), m.end())
        if spot is not None and spot.where != "comment":
            continue
        if spot is not None:
            r = spot.node.range()
            source.trace_spans.append((r.start.index, r.end.index))
        else:
            line = source.lines.position(m.start())[0]
            source.trace_spans.append((source.lines.line_start(line), source.lines.line_end(line)))
        why = m.group("why").rstrip().rstrip("*/").rstrip("-->").strip()
        yield source.usage(KIND, m.start(), m.start() + len(TODO_MARKER), why, "comment")


EXAMPLES = (
    Example("typescript", "// TODO(prelude-migration): api.ding.live/v1 was removed\nfetch(url);\n", (1,)),
    Example("go", "/* TODO(prelude-migration): send Authorization: Bearer\n   instead of X-API-Key */\nx := 1\n", (1,)),
    Example("dotenv", "# TODO(prelude-migration): a v2 key\nAPI_TOKEN=\n", (1,)),
    Example("python", "MARK = 'TODO(prelude-migration)'  # a string, not a comment\n"),
)
