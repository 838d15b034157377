"""A class of the repository named after Ding (``Ding``, ``DingClient``, ``SmsDingService``,
``IDingService``: the camel word ``Ding``, not ``DingTalk``), used in a file that itself shows v1 evidence (the v1
host, a v1 configuration name), where the class's own file may be elsewhere or not in the scan
at all: Laravel's ``app(Ding::class)->send(...)`` in a test that fakes ``api.ding.live/v1/...``.
``brand_class_calls(source)`` gives (start, end, detail) of each construction, resolution and
method call of such a class or of a name holding one:

- built or resolved: ``new DingClient(...)``, Ruby ``DingClient.new``, Python/Kotlin/Swift
  ``DingClient(...)``, ``app(Ding::class)`` / ``resolve(...)`` / ``App::make(...)``;
- called: chained on those, on a variable they were assigned to (``$ding = app(Ding::class)``),
  on a name declared with the class as its type (``private DingClient client``, ``Ding $ding``,
  ``private ding: DingService``, ``val ding: DingClient``), or statically (``Ding::send(...)``,
  a Laravel facade).

Not in the v1 SDK's own files (a v1 namespace declared, the TypeScript SDK's layout), and not
for a class written with a v1 SDK namespace (``new DingSDK.Ding``). In a file that imports a v1
SDK, only the calls on a name the client was assigned to (the construction is ``sdk-client``'s).
"""
from __future__ import annotations

import re

from compat.knowledge.triggers import V1_EVIDENCE
from codemods.syntax.languages import family
from codemods.syntax.rules.sdk_import import pattern_for as sdk_import_pattern
from codemods.syntax.ts_sdk_layout import ts_sdk_file

# ``Ding`` as a camel word, not DingTalk (Alibaba's messenger, common in JVM/Go code) or DingDong.
_CLASS = r"I?(?:[A-Z][a-z0-9]+)*Ding(?![Tt]alk|Ding|Dong)(?:[A-Z][A-Za-z0-9]*)?"
_RESOLVED = (r"(?:(?<![\w$>:])(?:app|resolve)\s*\(\s*|app\s*\(\s*\)\s*->\s*make\s*\(\s*|App::make\s*\(\s*)"
             r"\\?(?:\w+\\)*(?P<cls>%s)::class\s*\)" % _CLASS)
_BUILT = r"(?:\bnew\s+\\?(?:\w+[\\.])*(?P<new>%s)\s*\(|(?<![\w$])(?P<rb>%s)\.new\b)" % (_CLASS, _CLASS)
# Languages that build without ``new``: the class called like a function.
_BARE_BUILT = re.compile(r"(?<![\w$.])(?P<bare>%s)\s*\(" % _CLASS)
_BARE_LANGUAGES = frozenset({"python", "kotlin", "swift"})
_CHAINED_CALL = re.compile(_RESOLVED + r"\s*->\s*(?P<method>[A-Za-z_]\w*)\s*\(")
_BOUND = re.compile(r"(?P<var>\$?[A-Za-z_]\w*)\s*=\s*(?:%s|%s|(?<![\w$.])(?P<bare2>%s)\s*\()"
                    % (_RESOLVED.replace("(?P<cls>", "(?P<cls2>"), _BUILT, _CLASS))
_CONSTRUCTION = re.compile(_BUILT)
# A name declared with the class as its type: ``DingClient client``, ``Ding $ding``, ``ding: DingService``.
_TYPED = re.compile(r"(?<![\w$.\\])(?P<cls>%s)\??\s+(?P<var>\$?[A-Za-z_]\w*)\s*[;,)=]"
                    r"|(?<![\w$.])(?P<var2>[A-Za-z_]\w*)\s*:\s*(?P<cls2>%s)\b(?!\s*[.(])" % (_CLASS, _CLASS))
_STATIC = re.compile(r"(?<![\w$\\.])(?P<cls>%s)\s*::\s*(?P<method>[A-Za-z_]\w*)\s*\(" % _CLASS)
_FAMILIES = frozenset({"php", "js", "jvm", "csharp", "ruby", "swift", "python"})
_OWN_NAMESPACE = re.compile(r"(?m)^\s*(?:package|namespace|module)\s+(?P<name>[\w.\\:]+)")
# Not API calls: construction words, and the object protocol every class has (``d.toString()``).
_NOT_METHODS = frozenset({"class", "new", "builder", "make", "toString", "equals", "hashCode", "String",
                          "inspect", "to_s", "__str__", "__repr__", "getClass", "GetType", "GetHashCode",
                          "ToString", "Equals"})


def _qualified_by_the_sdk(text: str, start: int) -> bool:
    """The class name at ``start`` is written with a v1 SDK namespace before it."""
    qualifier = re.search(r"[\w.\\]*$", text[max(0, start - 80):start]).group(0).lower()
    return bool(qualifier) and any(token in qualifier for token in V1_EVIDENCE)


def _calls_on(text: str, var: str, after: int, cls: str):
    """Method calls on a name (``$ding->send(``, ``this.ding.send(``, ``$this->ding->send(``)."""
    bare = var.lstrip("$")
    holder = r"(?:(?<![\w$])%s|(?:\$this->|this\.|self\.|@)%s)" % (re.escape(var), re.escape(bare))
    for c in re.finditer(r"%s(?![\w$])\s*(?:->|\.|\?\.)\s*(?P<method>[A-Za-z_]\w*)\s*\(" % holder, text):
        if c.start() > after and c.group("method") not in _NOT_METHODS:
            yield c.start("method"), c.end("method"), "%s.%s" % (cls, c.group("method"))


def _bound_calls(source):
    """In a file that imports a v1 SDK (whose client class ``sdk-client`` reports): only the
    method calls on a name the client was assigned to (``const client = new Ding(...)``, then
    ``client.check(...)``, which ``sdk-call`` cannot tell from any ``check``)."""
    for m in _BOUND.finditer(source.text):
        cls = m.group("cls2") or m.group("new") or m.group("rb") or m.group("bare2")
        if cls and not (m.group("bare2") and source.language not in _BARE_LANGUAGES):
            yield from _calls_on(source.text, m.group("var"), m.start(), cls)


def _spans(source):
    text = source.text
    for m in _CHAINED_CALL.finditer(text):
        yield m.start("method"), m.end("method"), "%s.%s" % (m.group("cls"), m.group("method"))
    for m in _CONSTRUCTION.finditer(text):
        group = "new" if m.group("new") else "rb"
        yield m.start(group), m.end(group), m.group(group)
    if source.language in _BARE_LANGUAGES:
        for m in _BARE_BUILT.finditer(text):
            yield m.start("bare"), m.end("bare"), m.group("bare")
    yield from _bound_calls(source)
    for m in _TYPED.finditer(text):
        var, cls = (m.group("var"), m.group("cls")) if m.group("var") else (m.group("var2"), m.group("cls2"))
        yield from _calls_on(text, var, m.start(), cls)
    for m in _STATIC.finditer(text):
        if m.group("method") not in _NOT_METHODS:
            yield m.start("method"), m.end("method"), "%s::%s" % (m.group("cls"), m.group("method"))


def brand_class_calls(source):
    if not source.strong or family(source.language) not in _FAMILIES or "Ding" not in source.text:
        return
    pattern = sdk_import_pattern(source.language)
    sdk_imported = pattern is not None and pattern.search(source.text) is not None
    if family(source.language) == "js" and ts_sdk_file(source.text):
        return  # the v1 TypeScript SDK's own modules (``client: DingCore``)
    declared = _OWN_NAMESPACE.search(source.text)
    if declared and any(token in declared.group("name").lower() for token in V1_EVIDENCE):
        return  # a file of the v1 SDK itself (``namespace Ding\DingSDK;``) building its own classes
    spans = _bound_calls(source) if sdk_imported else _spans(source)
    for start, end, detail in sorted(set(spans)):
        if source.where(start, end) != "code" or source.defines(start) or _qualified_by_the_sdk(source.text, start):
            continue
        yield start, end, detail


__all__ = ["brand_class_calls"]
