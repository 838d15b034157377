"""PM108 v1-api-key-header: v1 authentication, the ``X-API-Key`` header (with ``customer_uuid``).

Python through ``codemods.urls`` (in modules that call v1), and in every file, Python included,
through ``codemods.syntax`` (kind ``api-key-header``): ``x-api-key`` in any spelling in a header
literal, a constant, a struct tag or SDK security metadata, given v1 evidence in the file (the
host, a v1 SDK, a customer UUID, a call of the repository's own v1 client), in its folder, or in
a repository that is a v1 SDK itself. An ``x-api-key`` header alone is common and says nothing
about Ding; comments are not usages.
"""
from __future__ import annotations

from compat.knowledge.hosts import V2_AUTH_HEADER, V2_AUTH_SCHEME
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import claims_kind, docs_url, removal_clause

RULE = RuleInfo(
    id="PM108", name="v1-api-key-header", title="v1 authentication: X-API-Key header",
    deadline="v1-removal", fixable=True, docs_url=docs_url("PM108"),
)

SYNTAX_KINDS = ("api-key-header",)
MESSAGE = (f"v1 authentication (X-API-Key, customer_uuid; {removal_clause()}): v2 uses "
           f"{V2_AUTH_HEADER}: {V2_AUTH_SCHEME} <v2 API key> and has no customer UUID")


def syntax_message(usage, ctx) -> str:
    return MESSAGE


claims = claims_kind("api-key-header")


def usage_message(usage) -> str:
    return MESSAGE


EXAMPLES = (
    Example("send.sh", 'curl https://example.test/v1/authentication \\\n  -H "X-API-Key: $KEY" \\\n'
            '  -d \'{"customer_uuid": "c", "phone_number": "+33600000000"}\'\n', ((2, 7),)),
    Example("client.ts", 'const headers = { "x-api-key": key };\nconst body = { customer_uuid: uuid, phone_number };\n',
            ((1, 20),)),
    Example("client.py", "import requests\n\nrequests.post(settings.OTP_URL, headers={'X-API-Key': KEY},\n"
            "              json={'customer_uuid': CUSTOMER, 'phone_number': phone})\n", ((3, 43),)),
    Example("constants.go", 'package ding\n\nconst baseURL = "https://api.ding.live/v1"\n\n// ...\n' + "\n" * 30
            + 'const apiKeyHeader = "x-api-key"\n', ((36, 23),)),
    Example("gateway.yaml", "headers:\n  x-api-key: ${UPSTREAM_KEY}\n"),  # no v1 context
    Example("after.go", 'package ding\n\n// TODO(prelude-migration): send Authorization: Bearer instead of X-API-Key\nvar h = cfg.Header\n'),
    Example("v2.ts", 'const headers = { Authorization: `Bearer ${token}` };\nfetch("https://api.prelude.dev/v2/verification");\n'),
)
