"""``sdk-client``: construction of a v1 SDK client, by the constructors of each v1 SDK
(sdk-surfaces: ``new Ding(...)``, ``dinggolang.New(...)``, ``Ding.builder()``,
``DingSDK\\Ding::builder()``, ``DingSDK::Ding.new``); in Go also ``New``/``NewClient`` of any
package imported from a module of Ding's organisation (``ding.New(&ding.Params{...})``). Generic
shapes (``new Ding(``) only in files with other v1 evidence, so an unrelated class named ``Ding``
is not flagged. In code only: an error message that names a constructor is not a construction.
"""
from __future__ import annotations

import re

from compat.knowledge.packages import V1_ORG_PREFIXES
from compat.knowledge.sdk_shapes import SDK_V1_TS_CORE_CLASS
from codemods.syntax.languages import family
from codemods.syntax.rules.sdk_call import GO_OWN_CONSTRUCTOR, go_own_client_package
from codemods.syntax.rules.sdk_import import go_v1_aliases
from codemods.syntax.source import Example
from codemods.syntax.stainless_v1 import prototype_facts

KIND = "sdk-client"

# family -> [(pattern, needs v1 evidence)]
CONSTRUCTORS = {
    # ``DingCore``: the standalone-function core of the TypeScript SDK (``@ding-live/ding/core.js``)
    "js": [(re.compile(r"\bnew\s+(?:Ding|%s)\s*\(" % SDK_V1_TS_CORE_CLASS), True),
           # the Stainless v1 prototype: Prelude named, but v1 (customer UUID)
           (re.compile(r"\bnew\s+Prelude\s*\(\s*\{[^}]{0,400}?\bcustomerUuid\b"), False)],
    "go": [(re.compile(r"\bdinggolang\.New\s*\("), False),
           (re.compile(r"\b(?P<pkg>\w+)\.New\s*\(\s*(?P=pkg)\.With(?:Security|ServerURL|ServerIndex|Client|RetryConfig)\b"),
            True),
           (re.compile(r"\bding\.NewClient\s*\(\s*(?:&\s*)?ding\.Config\b"), False)],
    "jvm": [(re.compile(r"\bDing\s*\.\s*builder\s*\(\s*\)"), True)],
    "php": [(re.compile(r"\bDingSDK\\Ding::builder\s*\("), False),
            (re.compile(r"(?<![\\\w])Ding::builder\s*\("), True)],
    "ruby": [(re.compile(r"\bDingSDK::Ding\.new\b"), False)],
    "csharp": [(re.compile(r"\bnew\s+(?:global::)?DingSDK\.Ding\s*\("), False),
               (re.compile(r"\bnew\s+(?:global::)?Ding\s*\("), True)],
    # ``ding.Ding(api_key=...)``: module, class and keyword of the v1 SDK, even in an excerpt
    # without its import line; a bare ``Ding(api_key=...)`` only with other evidence.
    "python": [(re.compile(r"(?<![\w.])ding\.Ding\s*\(\s*api_key\s*="), False),
               (re.compile(r"(?<![\w.])Ding\s*\(\s*api_key\s*="), True)],
}


def _go_alias_constructors(text: str):
    """Go: ``New``/``NewClient`` of a package imported from a v1 module (``ding.New(&ding.Params{...})``
    where ``ding`` is ``github.com/ding-live/...``): the import is the evidence."""
    aliases = go_v1_aliases(text) if V1_ORG_PREFIXES["go"] in text else ()
    if not aliases:
        return []
    names = "|".join(sorted(map(re.escape, aliases), key=len, reverse=True))
    return [(re.compile(r"(?<![\w.])(?:%s)\.New(?:Client)?\s*\(" % names), False)]


def find(source):
    entries = CONSTRUCTORS.get(family(source.language), ())
    if not entries:
        return
    if family(source.language) == "go":
        entries = entries + _go_alias_constructors(source.text)
        if go_own_client_package(source):  # inside the v1 client's own package: unqualified
            entries = entries + [(re.compile(r"(?<![\w.])%s" % GO_OWN_CONSTRUCTOR), False)]
    seen = set()
    for start, end in prototype_facts(source).constructions:  # where its v1 resources are called
        if source.where(start, end) == "code":
            seen.add(start)
            source.strong = True
            yield source.usage(KIND, start, end, family(source.language), "code")
    for pattern, needs_evidence in entries:
        for m in pattern.finditer(source.text):
            if m.start() in seen:
                continue
            if needs_evidence and not (source.strong or source.evidence(near=True)):
                continue
            where = source.where(m.start(), m.end())
            if where in ("comment", "string"):
                continue
            seen.add(m.start())
            source.strong = True
            yield source.usage(KIND, m.start(), m.end(), family(source.language), where)


EXAMPLES = (
    Example("typescript", 'import { Ding } from "@ding-live/ding";\nconst ding = new Ding({ apiKey: "test-v1-key" });\n', (2,)),
    Example("typescript", 'import { DingCore } from "@ding-live/ding/core.js";\nconst ding = new DingCore({ apiKey: k });\n', (2,)),
    Example("python", "s = ding.Ding(api_key=key)\n", (1,)),
    Example("python", "s = Ding(api_key=key)\n"),  # a bare class name without other evidence
    Example("typescript", 'const c = new Prelude({\n  apiKey: "test-v1-key",\n  customerUuid: "c",\n});\n', (1,)),
    Example("go", 's := dinggolang.New(dinggolang.WithSecurity("test-v1-key"))\n', (1,)),
    Example("go", 'import otp "github.com/ding-live/otp-demo/sms"\n\nvar c = otp.NewClient(otp.Options{Key: k})\n', (3,)),
    Example("go", 'import otp "example.test/otp/client"\n\nvar c = otp.NewClient(otp.Options{Key: k})\n'),
    Example("go", 'import "github.com/ding-live/go-sdk/internal/api"\n\nvar a = api.New(api.Config{})\n'),  # the SDK itself
    Example("java", "import live.ding.dingsdk.Ding;\nDing sdk = Ding.builder().build();\n", (2,)),
    Example("php", "<?php\n$sdk = DingSDK\\Ding::builder()->build();\n", (2,)),
    Example("ruby", "s = ::DingSDK::Ding.new\n", (1,)),
    Example("csharp", "using DingSDK;\nvar sdk = new Ding(security: new Security() { APIKey = k });\n", (2,)),
    # a v1-only configuration name is the evidence (codemods.syntax.find asks before the rules run)
    Example("javascript", "const cfg = { account: process.env.PRELUDE_CUSTOMER_UUID };\nmodule.exports = new Ding(cfg.account, key);\n", (2,)),
    Example("typescript", "class Ding {}\nconst d = new Ding();\n"),
    Example("php", "<?php\nuse Ding\\DingSDK;\nthrow new \\Exception('call DingSDK\\Ding::builder() first');\n"),
    Example("go", "client := prelude.NewClient(option.WithAPIToken(key))\n"),
    Example("go", 'package ding\n\nfunc TestNew(t *testing.T) {\n\t_, err := NewClient(Config{CustomerUUID: "bad"})\n}\n', (4,)),
    # the Stainless v1 prototype: the same client name, called for its v1 resources
    Example("go", "client := prelude.NewClient(option.WithAPIKey(key))\n_, err := client.Retry.New(ctx, params)\n", (1,)),
    Example("ruby", "prelude = Prelude::Client.new(api_key: k)\nprelude.check.create(check_code: c)\n", (1,)),
    Example("typescript", "const p = new Prelude();\nawait p.verification.create({ target });\n"),
)
