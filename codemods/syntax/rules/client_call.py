"""``v1-client-call``: a call of the repository's own v1 client - a class, function or package
defined in another file that talks to v1 (``new Ding(uuid, token)``, ``dingclient.New(...)``,
``client.Check(...)`` on it) - found through the repository index (``codemods.syntax.index``):
the file must import the defining module or share its folder (Go/Java/C# packages). Code only.
"""
from __future__ import annotations

import re

from compat.knowledge.triggers import V1_EVIDENCE
from codemods.syntax.languages import family
from codemods.syntax.rules.sdk_import import pattern_for as sdk_import_pattern
from codemods.syntax.source import Example

KIND = "v1-client-call"
_NO_CODE = ("text", "dotenv", "yaml", "json", "toml", "markdown")

# A class of the repository named after Ding (``Ding``, ``DingClient``, ``SmsDingService``: the
# camel word ``Ding``), built or resolved in a file that itself shows v1 evidence (the v1 host, a
# v1 configuration name), where the class's own file may be elsewhere or not in the scan at all:
# Laravel's ``app(Ding::class)->send(...)`` in a test that fakes ``api.ding.live/v1/...``.
_BRAND_CLASS = r"(?:[A-Z][a-z0-9]+)*Ding(?:[A-Z][A-Za-z0-9]*)?"
_RESOLVED = (r"(?:(?<![\w$>:])(?:app|resolve)\s*\(\s*|app\s*\(\s*\)\s*->\s*make\s*\(\s*|App::make\s*\(\s*)"
             r"\\?(?:\w+\\)*(?P<cls>%s)::class\s*\)" % _BRAND_CLASS)
_BUILT = r"(?:\bnew\s+\\?(?:\w+[\\.])*(?P<new>%s)\s*\(|(?<![\w$])(?P<rb>%s)\.new\b)" % (_BRAND_CLASS, _BRAND_CLASS)
_CHAINED_CALL = re.compile(_RESOLVED + r"\s*->\s*(?P<method>[A-Za-z_]\w*)\s*\(")
_BOUND = re.compile(r"(?P<var>\$?[A-Za-z_]\w*)\s*=\s*(?:%s|%s)" % (_RESOLVED.replace("(?P<cls>", "(?P<cls2>"), _BUILT))
_CONSTRUCTION = re.compile(_BUILT)
_BRAND_FAMILIES = frozenset({"php", "js", "jvm", "csharp", "ruby", "swift"})
_OWN_NAMESPACE = re.compile(r"(?m)^\s*(?:package|namespace|module)\s+(?P<name>[\w.\\:]+)")


def _qualified_by_the_sdk(text: str, start: int) -> bool:
    """The class name at ``start`` is written with a v1 SDK namespace before it."""
    qualifier = re.search(r"[\w.\\]*$", text[max(0, start - 80):start]).group(0).lower()
    return bool(qualifier) and any(token in qualifier for token in V1_EVIDENCE)


def _brand_class_calls(source, seen):
    if not source.strong or family(source.language) not in _BRAND_FAMILIES or "Ding" not in source.text:
        return
    pattern = sdk_import_pattern(source.language)
    if pattern is not None and pattern.search(source.text):
        return  # the v1 SDK's own client class: sdk-client / sdk-call report it
    declared = _OWN_NAMESPACE.search(source.text)
    if declared and any(token in declared.group("name").lower() for token in V1_EVIDENCE):
        return  # a file of the v1 SDK itself (``namespace Ding\DingSDK;``) building its own classes
    spans = []
    for m in _CHAINED_CALL.finditer(source.text):
        spans.append((m.start("method"), m.end("method"), "%s.%s" % (m.group("cls"), m.group("method"))))
    for m in _CONSTRUCTION.finditer(source.text):
        group = "new" if m.group("new") else "rb"
        spans.append((m.start(group), m.end(group), m.group(group)))
    for m in _BOUND.finditer(source.text):
        var = m.group("var")
        cls = m.group("cls2") or m.group("new") or m.group("rb")
        for c in re.finditer(r"(?<![\w$])%s\s*(?:->|\.)\s*(?P<method>[A-Za-z_]\w*)\s*\(" % re.escape(var), source.text):
            if c.start() > m.start():
                spans.append((c.start("method"), c.end("method"), "%s.%s" % (cls, c.group("method"))))
    for start, end, detail in sorted(set(spans)):
        if start in seen or source.where(start, end) != "code" or source.defines(start):
            continue
        if _qualified_by_the_sdk(source.text, start):
            continue  # ``new DingSDK.Ding(...)``: the v1 SDK's client (sdk-client)
        seen.add(start)
        yield source.usage(KIND, start, end, detail, "code")


def find(source):
    if source.language in _NO_CODE:
        return
    seen = set()
    yield from _index_calls(source, seen)
    yield from _brand_class_calls(source, seen)


def _index_calls(source, seen):
    index = source.index
    if index is None:
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
        seen.add(start)
        yield source.usage(KIND, start, end, m.group(group), where)


EXAMPLES = (  # the index-based calls need a repository: tests/codemods/syntax/test_index.py
    # a class named after Ding, resolved or built in a file with v1 evidence (its own file not scanned)
    Example("php", "<?php\nuse App\\Sms\\DingVerifier;\n\nHttp::fake(['api.ding.live/v1/check' => Http::response([])]);\n"
            "$ok = app(DingVerifier::class)->confirm('ref-1', '0000');\n$v = new DingVerifier($key);\n$v->start($phone);\n",
            (5, 6, 7)),
    Example("typescript", "const BASE = process.env.DING_URL ?? 'https://api.ding.live/v1';\n"
            "const otp = new DingGateway(BASE);\nexport const start = (p: string) => otp.sendCode(p);\n", (2, 3)),
    # the v1 SDK's own files building its classes
    Example("php", "<?php\nnamespace Ding\\DingSDK;\n\nclass DingBuilder {\n  public function build(): Ding {\n"
            "    return new Ding($this->sdkConfig);\n  }\n}\n"),
    Example("csharp", 'var sdk = new DingSDK.Ding(security: s, serverUrl: "https://api.ding.live/v1");\nsdk.Otp.Check(r);\n'),
    # no v1 evidence in the file: a class of that name says nothing
    Example("php", "<?php\n$ok = app(DingVerifier::class)->confirm('ref-1', '0000');\n"),
    # the names hold the letters but not the word: Padding, Coding
    Example("typescript", "const BASE = 'https://api.ding.live/v1';\nconst p = new PaddingCalc();\np.run();\n"),
)
