"""PM105 v1-sdk-client: construction of a v1 Ding SDK client.

Python through libcst (``Ding(...)``/``ding.Ding(...)``/``sdk.SDK(...)`` when the module really
uses the v1 SDK). Other languages through ``codemods.syntax`` (kind ``sdk-client``): the
constructors of each v1 SDK (docs/reference/v1-api.md, "SDKs"); the generic shapes (``new Ding(``, ``Ding.builder()``) only in files
that also show v1 evidence, so an unrelated class named ``Ding`` is not flagged; in Go also
``New``/``NewClient`` of a package imported from Ding's organisation (``ding.New(&ding.Params{...})``);
in code only, so an error message that names a constructor is not one. The Stainless v1
prototype published under Prelude's name (docs/reference/v1-api.md, "The Stainless v1
prototype") builds a client of the same name as v2's (``new Prelude()``, ``prelude.NewClient()``,
``Prelude::Client.new``): a v1 client only in a file that calls its v1 resources
(``prelude.authentication.create(...)``, Go ``client.Check.New(...)``). Go, inside the v1 client's
own packages: the unqualified ``NewClient(Config{...})`` / ``New(Config{...})``.
"""
from __future__ import annotations

from compat.knowledge.packages import V2_CLIENT_SHAPES
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import claims_kind, docs_url, removal_clause

RULE = RuleInfo(
    id="PM105", name="v1-sdk-client", title="Construction of a v1 Ding SDK client", deadline="v1-removal",
    fixable=True, docs_url=docs_url("PM105"),
)
SYNTAX_KINDS = ("sdk-client",)


def _message(family: str) -> str:
    return (f"v1 SDK client ({removal_clause()}): build {V2_CLIENT_SHAPES.get(family, V2_CLIENT_SHAPES['python'])} "
            f"with a new v2 API key")


def syntax_message(usage, ctx) -> str:
    return _message(ctx.family)


claims = claims_kind("sdk-client")


def usage_message(usage) -> str:
    return _message("python")


EXAMPLES = (
    Example("usage.js", "const prelude = new Prelude();\nawait prelude.authentication.create({ phone_number: p });\n", ((1, 17),)),
    Example("v2.js", "const prelude = new Prelude();\nawait prelude.verification.create({ target });\n"),
    Example("otp.ts", 'import { Ding } from "@ding-live/ding";\nconst ding = new Ding({ apiKey: "test-v1-key" });\n',
            ((2, 14),)),
    Example("proto.ts", 'const c = new Prelude({\n  apiKey: "test-v1-key",\n  customerUuid: "c",\n});\n', ((1, 11),)),
    Example("otp.go", 's := dinggolang.New(dinggolang.WithSecurity("test-v1-key"))\n', ((1, 6),)),
    Example("alias.go", 'import ding "github.com/ding-live/ding-golang"\ns := ding.New(ding.WithSecurity(key))\n',
            ((2, 6),)),
    Example("Qualified.cs", "var sdk = new DingSDK.Ding(security: s);\n", ((1, 11),)),
    Example("hand.go", "client, err := ding.NewClient(ding.Config{APIKey: key})\n", ((1, 16),)),
    Example("Otp.java", "import live.ding.dingsdk.Ding;\nDing sdk = Ding.builder().build();\n", ((2, 12),)),
    Example("otp.php", "<?php\n$sdk = DingSDK\\Ding::builder()->build();\n", ((2, 8),)),
    Example("otp.rb", "s = ::DingSDK::Ding.new\n", ((1, 7),)),
    Example("Otp.cs", "using DingSDK;\nvar sdk = new Ding(security: new Security() { APIKey = k });\n", ((2, 11),)),
    Example("otp.py", "import ding\nfrom ding.models import components\n\ns = ding.Ding(api_key='test-v1-key')\n"
            "s.otp.check(components.CreateCheckRequest(customer_uuid='c', authentication_uuid='a', check_code='1'))\n",
            ((4, 5),)),
    # near misses: unrelated Ding classes, v2 clients, an error message naming the constructor
    Example("bell.ts", "class Ding {}\nconst d = new Ding();\n"),
    Example("Bell.java", "Ding d = Ding.builder().build();\n"),
    Example("v2.ts", 'import Prelude from "@prelude.so/sdk";\nconst c = new Prelude({ apiToken: "test-v2-key" });\n'),
    Example("v2.go", "client := prelude.NewClient(option.WithAPIToken(key))\n"),
    Example("server.go", "srv := server.New(server.WithClient(http.DefaultClient))\n"),
    Example("layout.go", "p := padding.NewClient(padding.Config{Top: 8})\n"),
    Example("v2.rb", 'prelude = PreludeSDK::Client.new(api_token: "test-v2-key")\n'),
    Example("bell.py", "from ding import Ding\n\napp = Ding()\n"),
    Example("errors.php", "<?php\nuse Ding\\DingSDK;\nthrow new \\LogicException('build it with DingSDK\\Ding::builder() first');\n"),
)
