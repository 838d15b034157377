"""``v1-client-call``: a call of the repository's own v1 client - a class, function or package
defined in another file that talks to v1 (``new Ding(uuid, token)``, ``dingclient.New(...)``,
``client.Check(...)`` on it) - found through the repository index (``codemods.syntax.index``):
the file must import the defining module or share its folder (Go/Java/C# packages). Code only.
"""
from __future__ import annotations

import re

from codemods.syntax.source import Example

KIND = "v1-client-call"


def find(source):
    index = source.index
    if index is None or source.language in ("text", "dotenv", "yaml", "json", "toml", "markdown"):
        return
    refs = index.references(source)
    if not refs:
        return
    names = sorted({name for name, _ in refs}, key=len, reverse=True)
    methods = sorted(index.methods_of(refs), key=len, reverse=True)
    parts = [r"(?:\bnew\s+)?(?<![\w$.])(?P<name>%s)\s*(?:\(|\.|::|->|\{)" % "|".join(map(re.escape, names))]
    if methods:
        parts.append(r"(?:\.|->|::)(?P<method>%s)\s*\(" % "|".join(map(re.escape, methods)))
    pattern = re.compile("|".join(parts))
    for m in pattern.finditer(source.text):
        group = "name" if m.group("name") else "method"
        start, end = m.start(group), m.end(group)
        where = source.where(start, end)
        if where != "code":
            continue
        line, column = source.lines.position(start)
        text = source.lines.line_text(line)
        if re.match(r"\s*(?:import|from|use|using|require|require_relative|include|package)\b", text):
            continue
        if source.defines(start):
            continue  # the wrapper's own method or function being defined, not a call
        source.strong = True
        yield source.usage(KIND, start, end, m.group(group), where)


EXAMPLES = ()  # needs a repository: tests/codemods/syntax/test_index.py
