"""``sdk-import``: an import of a v1 Ding SDK, by each language's import shape of the v1 packages
and namespaces (``compat.knowledge.packages.V1_DISTRIBUTIONS`` / ``V1_SOURCE_NAMESPACES``), and in
Go and JS/TS of any module of Ding's organisation (``V1_ORG_PREFIXES``: ``github.com/ding-live/...``,
``@ding-live/...``). Python files are
found by libcst (``codemods.detect``); this rule covers them only when they do not parse
(e.g. Python 2). Java and C# code may also name a v1 type by its full name without an import
(``live.ding.dingSdk.models.shared.CreateAuthenticationRequest req``,
``DingSDK.Models.Components.FeedbackRequestStatus.Onboarded``): that is an import too. Not in
comments or strings, not a file's own ``package`` / ``namespace`` declaration, and not inside the
SDK itself (a file declared in a v1 namespace names its own types so; its imports still count).
"""
from __future__ import annotations

import re

from compat.knowledge.packages import (V1_DISTRIBUTIONS as V1_PACKAGES, V1_ORG_PREFIXES, V1_PYTHON_IMPORT_PACKAGES,
                                      V1_SOURCE_NAMESPACES)
from compat.knowledge.sdk_shapes import SDK_V1_OWN_SUBMODULES
from codemods.syntax.import_gate import go_import_specs
from codemods.syntax.languages import family
from codemods.syntax.source import Example
from codemods.syntax.stainless_v1 import prototype_facts

KINDS = ("sdk-import", "sdk-self-import")
KIND = KINDS[0]


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# A module of Ding's organisation or scope (``V1_ORG_PREFIXES``), named by its first segment.
_ORG_MODULE = r"%s[A-Za-z0-9_.-]+"

_IMPORTS = {
    "js": re.compile(r"""["'](?P<name>%s|%s)(?:/[^"'\s]*)?["']"""
                     % (_alternation(V1_PACKAGES["npm"]), _ORG_MODULE % re.escape(V1_ORG_PREFIXES["npm"]))),
    "go": re.compile(r'"(?P<name>%s|%s)(?:/[^"\s]*)?"'
                     % (_alternation(V1_PACKAGES["go"]), _ORG_MODULE % re.escape(V1_ORG_PREFIXES["go"]))),
    "jvm": re.compile(r"\bimport\s+(?:static\s+)?(?P<name>%s)\b" % _alternation(V1_SOURCE_NAMESPACES["jvm"])),
    "php": re.compile(r"\buse\s+\\?(?P<name>%s)\b" % _alternation(V1_SOURCE_NAMESPACES["php"])),
    "ruby": re.compile(r"""\brequire\s*\(?\s*["'](?P<name>%s)["']""" % _alternation(V1_SOURCE_NAMESPACES["ruby"])),
    "csharp": re.compile(r"\busing\s+(?:static\s+)?(?P<name>%s)\b" % _alternation(V1_SOURCE_NAMESPACES["csharp"])),
    # a Python file libcst could not parse: the v1 SDK's own module layout
    "python": re.compile(r"(?m)^[ \t]*(?:from[ \t]+(?P<name>ding(?:\.models)?)[ \t]+import[ \t]+(?:Ding\b|components|errors|operations)"
                         r"|import[ \t]+(?P<name2>ding_api_client|ding_client_sdk)\b)"),
}


# Qualified use of a v1 namespace in code (a dot and a type or package segment after it).
_QUALIFIED = {
    "jvm": re.compile(r"(?<![\w.])(?P<name>%s)\.(?=[A-Za-z_])" % _alternation(V1_SOURCE_NAMESPACES["jvm"])),
    "csharp": re.compile(r"(?<![\w.])(?:global::)?(?P<name>%s)\.(?=[A-Z])" % _alternation(V1_SOURCE_NAMESPACES["csharp"])),
}
_DECLARATION_LINE = re.compile(r"^\s*(?:package|namespace|import|using)\b")
_CLIENT_CLASS = re.compile(r"\.Ding\s*(?:\(|\.\s*builder\b)")  # the client itself: sdk-client's finding


_OWN_DECLARATION = re.compile(r"(?m)^\s*(?:package|namespace)\s+(?P<name>[\w.]+)")


def _inside_the_sdk(source, qualified) -> bool:
    """The file declares itself part of a v1 SDK namespace (``package live.ding.dingSdk...``): its
    qualified names are the SDK naming its own types, not imports of it (its import lines still are)."""
    m = _OWN_DECLARATION.search(source.text)
    return m is not None and qualified.match(m.group("name") + ".X") is not None


def pattern_for(language: str):
    return _IMPORTS.get(family(language))


def go_v1_aliases(text: str) -> frozenset:
    """The names Go code calls its v1 imports by: the alias of the import line, else the last
    path segment when it is an identifier (``github.com/ding-live/firebase/pkg/ding`` -> ``ding``).
    ``internal`` packages are left out: only the v1 module itself can import them, so that code is
    the SDK building its own parts, not a program using it."""
    pattern = _IMPORTS["go"]
    names = set()
    for m in go_import_specs(text):
        if not pattern.match('"%s"' % m.group("path")) or "/internal/" in m.group("path") + "/":
            continue
        name = m.group("alias") or m.group("path").rsplit("/", 1)[-1]
        if name.isidentifier() and name != "_":
            names.add(name)
    return frozenset(names)


_GO_MAJOR_VERSION = re.compile(r"v\d+")


def go_v1_packages(text: str) -> frozenset:
    """(module, folder relative to the module's root) of each package a Go file imports from Ding's
    organisation (``github.com/ding-live/go-sdk/pkg/status`` -> (``github.com/ding-live/go-sdk``,
    ``pkg/status``); a major-version segment ``/v2`` after the module belongs to the module; the
    module's root package itself is left out): such a package in the scanned tree is part of v1
    code even where its own text names nothing of v1 (ding-go's ``pkg/status`` declares only the
    v1 status strings). ``RepoIndex.imported_v1_go_package`` matches the whole path."""
    prefix = V1_ORG_PREFIXES["go"]
    packages = set()
    for m in go_import_specs(text):
        path = m.group("path")
        if not path.startswith(prefix):
            continue
        parts = path[len(prefix):].split("/")
        module, parts = [parts[0]], parts[1:]  # the module's repository segment
        if parts and _GO_MAJOR_VERSION.fullmatch(parts[0]):
            module, parts = module + parts[:1], parts[1:]
        if parts and all(parts):
            packages.add((prefix + "/".join(module), "/".join(parts)))
    return frozenset(packages)


# A module of the v1 Python SDK importing its own package (``from ding import utils``), which the
# shared libcst detection does not count (a Django app may be called ``ding``): only an import of
# one of the SDK's own sub-modules (``SDK_V1_OWN_SUBMODULES``), in a file that sits inside a folder
# named after the package, where that folder is the SDK's (``RepoIndex.v1_python_package``).
_SELF_IMPORT = re.compile(r"(?m)^[ \t]*(?:from[ \t]+(?P<name>[A-Za-z_]\w*)(?P<sub>(?:\.\w+)*)[ \t]+import[ \t]+\(?"
                          r"(?P<names>[\w, \t]+)"
                          r"|import[ \t]+(?P<name2>[A-Za-z_]\w*)(?P<sub2>(?:\.\w+)*)[ \t]*$)")


def _own_submodule(m) -> bool:
    """The import names one of the v1 SDK's own sub-modules of its package."""
    sub = (m.group("sub") if m.group("name") else m.group("sub2")).lstrip(".")
    candidates = [sub]
    if m.group("name"):
        candidates += [(sub + "." + n.split()[0]).lstrip(".") for n in m.group("names").split(",") if n.strip()]
    return any(c == own or c.startswith(own + ".") for c in candidates for own in SDK_V1_OWN_SUBMODULES)


def sdk_own_imports(text: str):
    """The matches of imports of a v1 Python package's own sub-modules (``from ding import utils``)."""
    for m in _SELF_IMPORT.finditer(text):
        if (m.group("name") or m.group("name2")) in V1_PYTHON_IMPORT_PACKAGES and _own_submodule(m):
            yield m


def _self_imports(source):
    if family(source.language) != "python" or source.index is None:
        return
    parts = source.folder.split("/")
    for m in sdk_own_imports(source.text):
        group = "name" if m.group("name") else "name2"
        name = m.group(group)
        if name not in parts:
            continue
        package_folder = "/".join(parts[:len(parts) - parts[::-1].index(name)])
        if source.index.v1_python_package(package_folder) and source.where(m.start(group), m.end(group)) == "code":
            yield source.usage("sdk-self-import", m.start(group), m.end(group), name, "code")


def _prototype_imports(source, seen):
    """The Stainless v1 prototype's package imported where its v1 resources are called, and the
    prototype's own imports inside it (``codemods.syntax.stainless_v1``)."""
    for start, end, module in prototype_facts(source).imports:
        if source.where(start, end) != "comment":
            seen.add(start)
            source.strong = True
            yield source.usage(KIND, start, end, module, "code")


def find(source):
    yield from _self_imports(source)
    seen = set()
    yield from _prototype_imports(source, seen)
    pattern = pattern_for(source.language)
    if pattern is None:
        return
    go_specs = ({s.start("path") for s in go_import_specs(source.text)}
                if family(source.language) == "go" else None)
    for m in pattern.finditer(source.text):
        group = "name" if m.group("name") else "name2"
        start, end = m.start(group), m.end(group)
        if (go_specs is not None and start not in go_specs) or start in seen:
            continue  # a module path in a string that is not an import spec
        where = source.where(start, end)
        if where == "comment":
            continue
        source.strong = True
        seen.add(start)
        yield source.usage(KIND, start, end, m.group(group), where)
    qualified = _QUALIFIED.get(family(source.language))
    if qualified is None or _inside_the_sdk(source, qualified):
        return
    lines = set()  # one finding per line is enough
    for m in qualified.finditer(source.text):
        start, end = m.start("name"), m.end("name")
        line = source.lines.position(start)[0]
        if start in seen or line in lines or _DECLARATION_LINE.match(source.lines.line_text(line)):
            continue
        if _CLIENT_CLASS.match(source.text, end):
            continue
        if source.where(start, end) in ("comment", "string"):
            continue
        seen.add(start)
        lines.add(line)
        source.strong = True
        yield source.usage(KIND, start, end, m.group("name"), "code")


EXAMPLES = (
    Example("typescript", 'import { Ding } from "@ding-live/ding";\nimport * as c from "@ding-live/ding/models/components";\n', (1, 2)),
    Example("javascript", 'const Ding = require("@ding-live/sdk").default;\n', (1,)),
    Example("go", 'import (\n\tdinggolang "github.com/ding-live/ding-golang"\n)\n', (2,)),
    # any module of Ding's organisation: here a sample app's own client package
    Example("go", 'import (\n\t"fmt"\n\n\tdingclient "github.com/ding-live/otp-demo/internal/client"\n)\n', (4,)),
    Example("typescript", 'import { verify } from "@ding-live/express-otp";\n', (1,)),
    Example("java", "import live.ding.dingsdk.Ding;\n", (1,)),
    Example("kotlin", "import live.ding.dingSdk.models.shared.Security\n", (1,)),
    Example("php", "<?php\nuse Ding\\DingSDK;\n", (2,)),
    Example("ruby", "require 'ding_sdk'\n", (1,)),
    Example("csharp", "using DingSDK;\nusing DingSDK.Models.Components;\n", (1, 2)),
    Example("python", "from ding.models import components\nprint 'py2'\n", (1,)),
    Example("java", "var req = new live.ding.dingSdk.models.shared.CreateCheckRequest(a, c, u);\n", (1,)),
    Example("csharp", "Status = DingSDK.Models.Components.FeedbackRequestStatus.Onboarded,\n", (1,)),
    Example("csharp", "namespace DingSDK.Models.Components\n{\n    // DingSDK.Models is this namespace\n}\n"),
    Example("java", 'package live.ding.dingSdk.models.shared;\nString ua = "sdk/java live.ding.dingSdk";\n'),
    Example("java", "package live.ding.dingSdk;\n\nimport live.ding.dingSdk.utils.JSON;\n\nclass Otp {\n"
            "    live.ding.dingSdk.models.operations.CheckResponse check() { return null; }\n}\n", (3,)),
    Example("typescript", '// was: import { Ding } from "@ding-live/ding";\nimport Prelude from "@prelude.so/sdk";\n'),
    Example("go", 'import "github.com/prelude-so/go-sdk"\n'),
    # a module path listed in a string slice is not an import (nor an alias for sdk-call)
    Example("go", 'package main\n\nimport "fmt"\n\nvar modules = []string{\n\t"github.com/ding-live/ding-golang",\n}\n'),
    Example("csharp", "using PreludeSdk;\n"),
    # the Stainless v1 prototype (Prelude-named): its package where its v1 resources are called
    Example("javascript", "const { Prelude } = require('prelude');\nconst p = new Prelude({ apiKey: k });\n"
            "await p.retry.create({ authentication_uuid: id });\n", (1,)),
    Example("go", 'import (\n\t"example.test/prelude-go"\n\t"example.test/prelude-go/option"\n\t"example.test/other"\n)\n\n'
            'func f() {\n\tc := prelude.NewClient(option.WithAPIKey(k))\n\tc.Authentication.New(ctx, p)\n}\n', (2, 3)),
    # inside it: a v1 resource declared (the v1 body in it), the SDK's own modules imported
    Example("typescript", "import * as Core from 'acme-otp/core';\nimport { APIResource } from 'acme-otp/resource';\n"
            "import { z } from 'zod';\n\nexport class Retry extends APIResource {\n"
            "  create(body: P): Core.APIPromise<R> { return this._client.post('/retry', { body }); }\n}\n"
            "export interface P { customer_uuid: string; authentication_uuid: string }\n", (1, 2)),
    Example("go", 'package acme\n\nimport (\n\t"context"\n\t"example.test/acme-go/internal/requestconfig"\n'
            '\t"example.test/acme-go/option"\n)\n\nfunc (r *RetryService) New(ctx context.Context) error {\n\tpath := "retry"\n'
            '\treturn nil\n}\n\ntype RetryNewParams struct {\n\tCustomerUuid string `json:"customer_uuid"`\n}\n', (5, 6)),
    # another vendor's Stainless SDK with a resource of that name: no v1 API in it
    Example("typescript", "import * as Core from 'acme-sdk/core';\nimport { APIResource } from 'acme-sdk/resource';\n\n"
            "export class Check extends APIResource {\n  create(body: P) { return this._client.post('/check', { body }); }\n}\n"),
    # the v2 SDK: same client name, v2 resources
    Example("typescript", "import Prelude from '@prelude.so/sdk';\nconst p = new Prelude();\n"
            "await p.verification.create({ target });\n"),
    Example("go", 'import (\n\t"github.com/prelude-so/go-sdk"\n)\n\nfunc f() {\n\tc := prelude.NewClient()\n'
            '\tc.Verification.New(ctx, p)\n}\n'),
)
