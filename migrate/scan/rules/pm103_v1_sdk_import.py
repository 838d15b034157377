"""PM103 v1-sdk-import: an import of a v1 Ding SDK in source code.

Python through libcst (``codemods.detect``: ``from ding import Ding`` alone is not evidence, a
Django app named ``ding`` is not flagged); other languages, and Python files libcst cannot parse
(Python 2), through ``codemods.syntax`` (kind ``sdk-import``): each language's import statements
of the v1 packages and namespaces, and in Go and JS/TS of any module of Ding's organisation
(``github.com/ding-live/...``, ``@ding-live/...``: a sample's own client package too), never in a
comment (a module of the organisation that is not a listed v1 SDK is reported as v1 evidence, by
the tool's assumption, with no v2 package to move to). A module of the v1 Python SDK that imports
its own sub-modules (``from ding import utils`` in ``src/ding/models/components/x.py``) is one
too, when the package folder shows v1 evidence and is the SDK's (a v1 SDK repository, or files
there importing those sub-modules; a Django app ``ding/`` is not). The Stainless v1 prototype
published under Prelude's name: its package imported in a file that calls its v1 resources
(``import Prelude from 'prelude'`` next to ``prelude.authentication.create(...)``; Go, the
imports of that module), and inside it, in a file declaring one of its v1 resources, the imports
of its own package (TS ``class Check extends APIResource``; Go ``func (r *CheckService) New(``
with the module whose ``internal/`` packages it imports).
"""
from __future__ import annotations

from compat.knowledge.packages import V1_DISTRIBUTIONS, V1_ORG_PREFIXES, V2_PACKAGES
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import claims_kind, docs_url, removal_clause

RULE = RuleInfo(
    id="PM103", name="v1-sdk-import", title="Import of a v1 Ding SDK", deadline="v1-removal", fixable=True,
    docs_url=docs_url("PM103"),
)


# family -> the v2 replacement to name (the import shapes live in codemods.syntax.rules.sdk_import)
_REPLACEMENTS = {
    "js": V2_PACKAGES["npm"], "go": V2_PACKAGES["go"], "jvm": "so.prelude.sdk",
    "php": "the Prelude\\ namespace of the v2 PHP SDK", "ruby": V2_PACKAGES["gem"],
    "csharp": V2_PACKAGES["nuget"], "python": f"{V2_PACKAGES['pypi']} (from prelude_python_sdk import Prelude)",
}
SYNTAX_KINDS = ("sdk-import", "sdk-self-import")


# The listed v1 SDK distributions of the ecosystems where any module of Ding's organisation counts.
_LISTED_SDKS = frozenset(V1_DISTRIBUTIONS["npm"]) | frozenset(V1_DISTRIBUTIONS["go"])


def _other_org_module(usage, ctx) -> bool:
    """A module of Ding's organisation that is not a listed v1 SDK (a sample's client package;
    not the Stainless v1 prototype's package, which is a v1 SDK under another name)."""
    return ctx.family in ("js", "go") and usage.kind == "sdk-import" and usage.detail not in _LISTED_SDKS \
        and usage.detail.startswith(V1_ORG_PREFIXES["npm" if ctx.family == "js" else "go"])


def syntax_message(usage, ctx) -> str:
    if _other_org_module(usage, ctx):
        # taken for v1-era code by the tool's assumption (docs/reference/v1-api.md), not a v1 SDK
        # with a v2 counterpart: say what it is evidence of, not what to move to
        return (f"module of Ding's organisation imported ({usage.detail}; {removal_clause()}): taken as "
                f"v1-era code, not a listed v1 SDK; check which v1 calls it makes")
    return (f"v1 SDK imported ({usage.detail}; {removal_clause()}): move to "
            f"{_REPLACEMENTS.get(ctx.family, _REPLACEMENTS['python'])}")


claims = claims_kind("sdk-import")


def usage_message(usage) -> str:
    return (f"v1 SDK imported ({usage.detail}; {removal_clause()}): move to {_REPLACEMENTS['python']}")


EXAMPLES = (
    Example("src/otp.ts", 'import { Ding } from "@ding-live/ding";\nimport * as c from "@ding-live/ding/models/components";\n',
            ((1, 23), (2, 21))),
    Example("legacy.js", 'const Ding = require("@ding-live/sdk").default;\n', ((1, 23),)),
    Example("otp.go", 'import (\n\tdinggolang "github.com/ding-live/ding-golang"\n)\n', ((2, 14),)),
    Example("sample.go", 'import (\n\tdingclient "github.com/ding-live/otp-demo/internal/client"\n)\n', ((2, 14),)),
    Example("Otp.java", "import live.ding.dingsdk.Ding;\n", ((1, 8),)),
    Example("Otp.kt", "import live.ding.dingSdk.models.shared.Security\n", ((1, 8),)),
    Example("otp.php", "<?php\nuse Ding\\DingSDK;\n", ((2, 5),)),
    Example("otp.rb", "require 'ding_sdk'\n", ((1, 10),)),
    Example("Otp.cs", "using DingSDK;\nusing DingSDK.Models.Components;\n", ((1, 7), (2, 7))),
    Example("otp.py", "import ding\nfrom ding.models import components\n\ns = ding.Ding(api_key='test-v1-key')\n"
            "s.otp.check(components.CreateCheckRequest(customer_uuid='c', authentication_uuid='a', check_code='1'))\n",
            ((1, 1), (2, 1))),
    # the Stainless v1 prototype's package, where its v1 resources are called: a v1 SDK by another name
    Example("usage.ts", "import Prelude from 'prelude';\nconst p = new Prelude();\nawait p.authentication.create({ phone_number: n });\n",
            ((1, 22),)),
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
