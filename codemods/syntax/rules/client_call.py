"""``v1-client-call``: a call of the repository's own v1 client - a class, function or package
defined in another file that talks to v1 (``new Ding(uuid, token)``, ``dingclient.New(...)``,
``client.Check(...)`` on it) - found through the repository index (``codemods.syntax.index``):
the file must import the defining module or share its folder (Go/Java/C# packages). Code only.
"""
from __future__ import annotations

import re

from codemods.syntax.source import Example

KIND = "v1-client-call"
STRONG = True
# What precedes a name that is being defined rather than called (``async check(`` in a class,
# ``function check(``, ``def check(``, ``func (c *Client) Check(``).
_DECLARATION = re.compile(r"\s*(?:(?:export|default|public|private|protected|static|async|override|"
                          r"function|def|fun|func(?:\s*\([^)]*\))?)\s+)+$")
# A class method defined without a keyword (``  check(id: string, code: string): Promise<Check> {``).
_BARE_METHOD = re.compile(r"\s*[\w$]+\s*\([^()]*\)\s*(?::[^{=;]*)?\{\s*$")

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
        if _DECLARATION.match(text[:column - 1]) or (not text[:column - 1].strip() and _BARE_METHOD.match(text)):
            continue  # the wrapper's own method or function being defined, not a call
        source.strong = True
        yield source.usage(KIND, start, end, m.group(group), where)


EXAMPLES = ()  # needs a repository: tests/codemods/syntax/test_index.py
