"""PM103 v1-sdk-import: an import of a v1 Ding SDK in source code.

Python through libcst (``codemods.detect``: ``from ding import Ding`` alone is not evidence, a
Django app named ``ding`` is not flagged); other languages by their import statements of the
v1 packages and namespaces (``compat.knowledge.packages.V1_DISTRIBUTIONS`` / ``V1_SOURCE_NAMESPACES``).
"""
from __future__ import annotations

import re

from compat.knowledge.packages import V1_DISTRIBUTIONS, V1_SOURCE_NAMESPACES, V2_PACKAGES
from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import claims_kind, docs_url, removal_clause

RULE = RuleInfo("PM103", "v1-sdk-import", "Import of a v1 Ding SDK", "v1-removal", True,
                docs_url("PM103"))


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# language -> (pattern with group "name", v2 replacement)
_IMPORTS = {
    "js": (re.compile(r"""["'](?P<name>%s)(?:/[^"'\s]*)?["']""" % _alternation(V1_DISTRIBUTIONS["npm"])),
           V2_PACKAGES["npm"]),
    "go": (re.compile(r'"(?P<name>%s)(?:/[^"\s]*)?"' % _alternation(V1_DISTRIBUTIONS["go"])), V2_PACKAGES["go"]),
    "jvm": (re.compile(r"\bimport\s+(?:static\s+)?(?P<name>%s)\b" % _alternation(V1_SOURCE_NAMESPACES["jvm"])),
            "so.prelude.sdk"),
    "php": (re.compile(r"\buse\s+\\?(?P<name>%s)\b" % _alternation(V1_SOURCE_NAMESPACES["php"])),
            "the Prelude\\ namespace of the v2 PHP SDK"),
    "ruby": (re.compile(r"""\brequire\s*\(?\s*["'](?P<name>%s)["']""" % _alternation(V1_SOURCE_NAMESPACES["ruby"])),
             V2_PACKAGES["gem"]),
    "csharp": (re.compile(r"\busing\s+(?:static\s+)?(?P<name>%s)\b" % _alternation(V1_SOURCE_NAMESPACES["csharp"])),
               V2_PACKAGES["nuget"]),
}


def match(ctx):
    entry = _IMPORTS.get(ctx.language)
    if entry is None:
        return
    pattern, replacement = entry
    for m in pattern.finditer(ctx.text):
        yield Hit(m.start("name"), m.end("name"),
                  f"v1 SDK imported ({m.group('name')}; {removal_clause()}): move to {replacement}")


claims = claims_kind("sdk-import")


def usage_message(usage) -> str:
    return (f"v1 SDK imported ({usage.detail}; {removal_clause()}): move to "
            f"{V2_PACKAGES['pypi']} (from prelude_python_sdk import Prelude)")


EXAMPLES = (
    Example("src/otp.ts", 'import { Ding } from "@ding-live/ding";\nimport * as c from "@ding-live/ding/models/components";\n',
            ((1, 23), (2, 21))),
    Example("legacy.js", 'const Ding = require("@ding-live/sdk").default;\n', ((1, 23),)),
    Example("otp.go", 'import (\n\tdinggolang "github.com/ding-live/ding-golang"\n)\n', ((2, 14),)),
    Example("Otp.java", "import live.ding.dingsdk.Ding;\n", ((1, 8),)),
    Example("Otp.kt", "import live.ding.dingSdk.models.shared.Security\n", ((1, 8),)),
    Example("otp.php", "<?php\nuse Ding\\DingSDK;\n", ((2, 5),)),
    Example("otp.rb", "require 'ding_sdk'\n", ((1, 10),)),
    Example("Otp.cs", "using DingSDK;\nusing DingSDK.Models.Components;\n", ((1, 7), (2, 7))),
    Example("otp.py", "import ding\nfrom ding.models import components\n\ns = ding.Ding(api_key='test-v1-key')\n"
            "s.otp.check(components.CreateCheckRequest(customer_uuid='c', authentication_uuid='a', check_code='1'))\n",
            ((1, 1), (2, 1))),
    # near misses: v2 SDKs and a Django app named ding
    Example("v2.ts", 'import Prelude from "@prelude.so/sdk";\n'),
    Example("v2.go", 'import "github.com/prelude-so/go-sdk"\n'),
    Example("V2.java", "import so.prelude.sdk.client.PreludeClient;\n"),
    Example("v2.rb", 'require "prelude_sdk"\n'),
    Example("V2.cs", "using PreludeSdk;\n"),
    Example("views.py", "from ding.models import DingGroup, Word\n\ndef index(request):\n    return DingGroup.objects.all()\n"),
    Example("bell.py", "from ding import Ding\n\napp = Ding()\napp.ring()\n"),
    Example("v2.py", "from prelude_python_sdk import Prelude\nclient = Prelude(api_token='test-v2-key')\n"),
)
