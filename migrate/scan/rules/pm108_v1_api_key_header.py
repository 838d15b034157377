"""PM108 v1-api-key-header: v1 authentication, the ``X-API-Key`` header (with ``customer_uuid``).

Python through ``codemods.urls`` (in modules that call v1), and in every file, Python included:
``x-api-key`` in any spelling when ``customer_uuid``/``customerUuid``/``customer-uuid`` or the
v1 host appears within 10 lines (an ``x-api-key`` header alone is common and says nothing about
Ding).
"""
from __future__ import annotations

import re

from compat.knowledge.hosts import V1_AUTH_HEADER, V1_HOST_PATTERN, V2_AUTH_HEADER, V2_AUTH_SCHEME
from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import claims_kind, docs_url, removal_clause

RULE = RuleInfo("PM108", "v1-api-key-header", "v1 authentication: X-API-Key header",
                "v1-removal", True, docs_url("PM108"))

_HEADER = re.compile(r"(?<![\w\-])%s(?![\w\-])" % re.escape(V1_AUTH_HEADER), re.IGNORECASE)
_V1_CONTEXT = re.compile(r"customer[_\-]?uuid|" + V1_HOST_PATTERN, re.IGNORECASE)
WINDOW_LINES = 10
TEXT_IN_PYTHON = True  # e.g. the URL comes from settings, the body still has customer_uuid
MESSAGE = (f"v1 authentication ({V1_AUTH_HEADER}, customer_uuid; {removal_clause()}): v2 uses "
           f"{V2_AUTH_HEADER}: {V2_AUTH_SCHEME} <v2 API key> and has no customer UUID")


def match(ctx):
    for m in _HEADER.finditer(ctx.text):
        if ctx.near(m.start(), _V1_CONTEXT, WINDOW_LINES):
            yield Hit(m.start(), m.end(), MESSAGE)


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
    Example("gateway.yaml", "headers:\n  x-api-key: ${UPSTREAM_KEY}\n"),  # no v1 context
    Example("v2.ts", 'const headers = { Authorization: `Bearer ${token}` };\nfetch("https://api.prelude.dev/v2/verification");\n'),
)
