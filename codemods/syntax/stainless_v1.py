"""The Stainless v1 prototype SDK, published under Prelude's name before v2
(``compat.knowledge.sdk_shapes.SDK_V1_STAINLESS_*``; docs/reference/v1-api.md, "The Stainless v1
prototype"). Its client class is called like v2's (``new Prelude(...)``, ``prelude.NewClient(...)``),
so the name says nothing alone; its resources do: ``prelude.authentication.create(...)``,
``client.check.create(...)``, Go ``client.Check.New(ctx, ...)`` (v2 has none of these).

``prototype_facts(source)`` (once per file) finds, in JS/TS, Python, Ruby and Go:

- the resource calls on a Prelude client (a name bound to a Prelude construction in the file, or
  named ``prelude``);
- in a file with such a call, the Prelude constructions and the imports that bind the client's
  package (and, Go, the other packages of that module);
- inside the SDK itself, a resource declared with its operation (TS ``class Check extends
  APIResource`` with ``create(``, Go ``type CheckService struct`` with ``New(``): the imports of
  the SDK's own package (TS: the package ``APIResource`` comes from; Go: the module whose
  ``internal/`` packages it imports, which only the module itself can).
"""
from __future__ import annotations

import re
from typing import List, NamedTuple, Tuple

from compat.knowledge.sdk_shapes import (SDK_V1_STAINLESS_CLIENT, SDK_V1_STAINLESS_GO_RESOURCE_CALLS,
                                         SDK_V1_STAINLESS_RESOURCE_CALLS)
from codemods.syntax.fields import v1_field_names
from codemods.syntax.import_gate import go_import_specs
from codemods.syntax.languages import family

_CLIENT = re.escape(SDK_V1_STAINLESS_CLIENT)
_PACKAGE = SDK_V1_STAINLESS_CLIENT.lower()  # the Go package name (inferred: the Python/Ruby module) of the client; no npm name is known


def _calls(pairs) -> str:
    # (Stainless's raw/streaming views of a resource: ``client.check.with_raw_response.create(``)
    return r"(?P<resource>%s)\s*\.\s*(?:with_(?:raw|streaming)_response\s*\.\s*)?(?P<op>%s)" % (
        "|".join(sorted({r for r, _ in pairs})), "|".join(sorted({o for _, o in pairs})))


def operation(resource: str) -> str:
    """The v1 operation a prototype resource performs (``authentication`` creates one)."""
    return "create" if resource.lower() == "authentication" else resource.lower()


# ``<receiver>.<resource>.<operation>(``, the chain possibly broken over lines.
_RESOURCE_CALL = {
    "plain": re.compile(r"(?<![\w$])(?P<recv>[A-Za-z_$][\w$]*)\s*\.\s*%s\s*\(" % _calls(SDK_V1_STAINLESS_RESOURCE_CALLS)),
    "go": re.compile(r"(?<![\w.])(?P<recv>[A-Za-z_]\w*)\s*\.\s*%s\s*\(" % _calls(SDK_V1_STAINLESS_GO_RESOURCE_CALLS)),
}
_PAIRS = {pair for pair in SDK_V1_STAINLESS_RESOURCE_CALLS + SDK_V1_STAINLESS_GO_RESOURCE_CALLS}
# A Prelude construction (name group ``var`` where it is assigned).
_CONSTRUCTION = {
    "js": re.compile(r"(?:(?P<var>[A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>]+\s*)?=\s*)?\b(?P<ctor>new\s+%s)\s*\(" % _CLIENT),
    "python": re.compile(r"(?:(?P<var>[A-Za-z_]\w*)\s*(?::\s*[\w.]+\s*)?=\s*)?(?<![\w.])(?P<ctor>(?:%s\.)?%s)\s*\("
                         % (_PACKAGE, _CLIENT)),
    # (inferred: Stainless's Ruby client shape, as v2's ``PreludeSDK::Client.new``; docs/reference/v1-api.md)
    "ruby": re.compile(r"(?:(?P<var>@?[A-Za-z_]\w*)\s*=\s*)?(?<![\w:])(?P<ctor>%s::Client\.new)\b" % _CLIENT),
    "go": re.compile(r"(?:(?P<var>[A-Za-z_]\w*)\s*:?=\s*)?(?<![\w.])(?P<ctor>%s\.NewClient)\s*\(" % _PACKAGE),
}
# Import lines that bind the client class or its package.
_IMPORT = {
    "js": re.compile(r"""(?m)^[ \t]*(?:import\s+(?:type\s+)?(?:%s\b|\{[^}]*\b%s\b[^}]*\}|\*\s+as\s+%s\b)[^;\n]*?\bfrom\s*["'](?P<spec>[^"'\s]+)["']"""
                     r"""|(?:const|let|var)\s+(?:%s|\{[^}]*\b%s\b[^}]*\})\s*=\s*require\(\s*["'](?P<spec2>[^"'\s]+)["'])"""
                     % ((_CLIENT,) * 5)),
    "python": re.compile(r"(?m)^[ \t]*(?:from[ \t]+(?P<spec>%s(?:\.\w+)*)[ \t]+import\b|import[ \t]+(?P<spec2>%s)\b)"
                         % (_PACKAGE, _PACKAGE)),
    "ruby": re.compile(r"""(?m)^[ \t]*require[ \t(]+["'](?P<spec>%s)["']""" % _PACKAGE),
}
_JS_OWN_BASE = re.compile(r"""\bimport\s*\{[^}]*\bAPIResource\b[^}]*\}\s*from\s*["'](?P<pkg>[^./"'][^/"']*)/""")
_JS_IMPORT_SPEC = re.compile(r"""(?m)^[ \t]*import\b[^;\n]*?\bfrom\s*["'](?P<spec>[^"'\s]+)["']""")
_GO_INTERNAL = re.compile(r'"(?P<module>[^"\s]+?)/internal/')


# Lower-case bytes of the prototype's create call on one line (the scanner's pre-filter tokens),
# so that a file naming nothing else of v1 is read: its check and retry calls name the v1 fields
# (``authentication_uuid``, ``check_code``), which are tokens already. Tokens without a leading
# ``.``: the automaton's prefilter is slow on a common first byte.
TRIGGERS = tuple(sorted({("%s.%s" % (resource, op)).lower().encode()
                         for resource, op in SDK_V1_STAINLESS_RESOURCE_CALLS + SDK_V1_STAINLESS_GO_RESOURCE_CALLS
                         if operation(resource) == "create"}))


# The resources' class names in every language (Authentication|Check|Retry: the Go table names them).
_RESOURCE_CLASSES = "|".join(resource for resource, _ in SDK_V1_STAINLESS_GO_RESOURCE_CALLS)
# A resource of the prototype declared, per family (group ``resource``): its own v1 path must be in
# the same file (``"/check"``, Go ``path := "check"``) for the file to be the SDK's resource.
_DECLARED = {
    "js": re.compile(r"\bclass\s+(?P<resource>%s)\s+extends\s+APIResource\b" % _RESOURCE_CLASSES),
    "python": re.compile(r"(?m)^class\s+(?:Async)?(?P<resource>%s)(?:Resource)?\s*\(\s*(?:Sync|Async)APIResource\s*\)" % _RESOURCE_CLASSES),
    "ruby": re.compile(r"(?m)^[ \t]*class[ \t]+(?P<resource>%s)[ \t]*$" % _RESOURCE_CLASSES),
    "go": re.compile(r"(?m)^func\s*\(\s*\w+\s+\*(?P<resource>%s)Service\s*\)\s+New\s*\(" % _RESOURCE_CLASSES),
}


def _v1_anchor(text: str) -> bool:
    """The file carries the v1 API itself: the customer UUID (v1 only), or two v1-only body fields
    (``authentication_uuid`` + ``check_code``), in code or its doc comments. A class named
    Authentication / Check / Retry posting to ``/check`` is otherwise any service's."""
    names = v1_field_names(text)
    return "customeruuid" in names or len(names) >= 2


def resource_root(path: str, language: str, text: str):
    """For a file declaring a v1 resource of the prototype SDK next to its own v1 path (TS ``class
    Check extends APIResource`` posting ``'/check'``, Python ``class CheckResource(SyncAPIResource)``,
    Ruby ``class Check`` with ``path: "/check"``, Go ``func (r *CheckService) New(`` with ``path :=
    "check"``): the SDK's source root (the folder above ``resources/``, or the Go package's
    folder), whose models name nothing of v1 but their fields and statuses. None elsewhere."""
    fam = _family(language)
    pattern = _DECLARED.get(fam)
    if pattern is None or "esource" not in text and fam != "go":
        return None
    m = pattern.search(text)
    if m is None or not re.search(r"""["'`]/?%s["'`]""" % m.group("resource").lower(), text) or not _v1_anchor(text):
        return None
    parts = path.replace("\\", "/").split("/")[:-1]
    if fam != "go" and "resources" in parts:
        parts = parts[:len(parts) - 1 - parts[::-1].index("resources")]
    return "/".join(parts)


class PrototypeFacts(NamedTuple):
    calls: Tuple[Tuple[int, int, str], ...] = ()  # (start, end, v1 operation) of the operation's name
    constructions: Tuple[Tuple[int, int], ...] = ()
    imports: Tuple[Tuple[int, int, str], ...] = ()  # (start, end, module)

    def __bool__(self) -> bool:
        return bool(self.calls or self.imports)


_NONE = PrototypeFacts()


def _family(language: str) -> str:
    fam = family(language)
    return fam if fam in ("js", "python", "ruby", "go") else ""


def prototype_facts(source) -> PrototypeFacts:
    cached = getattr(source, "_stainless_v1", None)
    if cached is not None:
        return cached
    facts = _facts(source.text, _family(source.language)) if _family(source.language) else _NONE
    source._stainless_v1 = facts
    return facts


def _facts(text: str, fam: str) -> PrototypeFacts:
    if fam == "go":
        if not any(".%s." % resource in text for resource, _ in SDK_V1_STAINLESS_GO_RESOURCE_CALLS) \
                and "Service) New(" not in text:
            return _NONE
    elif SDK_V1_STAINLESS_CLIENT not in text and _PACKAGE not in text and "APIResource" not in text:
        return _NONE
    calls = _resource_calls(text, fam)
    constructions: List[Tuple[int, int]] = []
    imports: List[Tuple[int, int, str]] = []
    if calls:
        constructions = [(m.start("ctor"), m.end("ctor")) for m in _CONSTRUCTION[fam].finditer(text)]
        imports = list(_client_imports(text, fam))
    imports += [i for i in _own_imports(text, fam) if i not in imports]
    return PrototypeFacts(tuple(calls), tuple(constructions), tuple(sorted(imports)))


def _resource_calls(text: str, fam: str):
    pattern = _RESOURCE_CALL["go" if fam == "go" else "plain"]
    if not pattern.search(text):
        return []
    bound = {m.group("var").lstrip("@") for m in _CONSTRUCTION[fam].finditer(text) if m.group("var")}
    # a parameter typed with the client class (a test's ``client: Prelude`` fixture)
    bound |= set(re.findall(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*:\s*(?:Async)?%s\b" % _CLIENT, text))
    out = []
    for m in pattern.finditer(text):
        recv = m.group("recv")
        if (m.group("resource"), m.group("op")) in _PAIRS and (recv in bound or recv.lower() == _PACKAGE):
            out.append((m.start("op"), m.end("op"), operation(m.group("resource"))))
    return out


def _client_imports(text: str, fam: str):
    if fam == "go":
        specs = list(go_import_specs(text))
        modules = [s.group("path") for s in specs
                   if (s.group("alias") or s.group("path").rsplit("/", 1)[-1].split("-")[0]) == _PACKAGE]
        for s in specs:
            path = s.group("path")
            if any(path == mod or path.startswith(mod + "/") for mod in modules):
                yield s.start("path"), s.end("path"), path
        return
    for m in _IMPORT[fam].finditer(text):
        group = "spec" if m.group("spec") else "spec2"
        yield m.start(group), m.end(group), m.group(group)


def _own_imports(text: str, fam: str):
    """The SDK's own imports in a file declaring one of its v1 resources (with the v1 API in it)."""
    if fam in ("js", "go") and not (_DECLARED[fam].search(text) and _v1_anchor(text)):
        return
    if fam == "js":
        own = _JS_OWN_BASE.search(text)
        if own:
            for m in _JS_IMPORT_SPEC.finditer(text):
                spec = m.group("spec")
                if spec == own.group("pkg") or spec.startswith(own.group("pkg") + "/"):
                    yield m.start("spec"), m.end("spec"), spec
    elif fam == "go":
        modules = {m.group("module") for m in _GO_INTERNAL.finditer(text)}
        for s in go_import_specs(text):
            path = s.group("path")
            if any(path == mod or path.startswith(mod + "/") for mod in modules):
                yield s.start("path"), s.end("path"), path


__all__ = ["TRIGGERS", "PrototypeFacts", "prototype_facts", "resource_root"]
