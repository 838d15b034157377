"""PM113 v1-customer-header: the v1 ``customer-uuid`` header (v1 lookup sent it; some clients
send it on every call), as a header name in default headers, header options, struct tags
(``header:"name=customer-uuid"``) or ``CUSTOMER_UUID`` header constants. Found by
``codemods.syntax`` (kind ``customer-uuid-header``) with v1 evidence in the repository.
"""
from __future__ import annotations

from compat.knowledge.hosts import V2_AUTH_HEADER, V2_AUTH_SCHEME
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo(
    id="PM113", name="v1-customer-header", title="v1 customer-uuid header", deadline="v1-removal",
    fixable=False, docs_url=docs_url("PM113"),
)
SYNTAX_KINDS = ("customer-uuid-header",)
MESSAGE = (f"v1 customer-uuid header ({removal_clause()}): v2 has no customer UUID; drop the header and send "
           f"{V2_AUTH_HEADER}: {V2_AUTH_SCHEME} <v2 API key>")


def syntax_message(usage, ctx) -> str:
    return MESSAGE


EXAMPLES = (
    Example("lookup.ts", "const r = await fetch(`https://api.ding.live/v1/lookup/${phone}`, {\n"
            "  headers: { 'x-api-key': key, 'customer-uuid': uuid },\n});\n", ((2, 33),)),
    Example("lookup.go", "package ding\n\nconst base = \"https://api.ding.live/v1\"\n\ntype LookupRequest struct {\n"
            "\tCustomerUUID string `header:\"style=simple,explode=false,name=customer-uuid\"`\n}\n", ((6, 63),)),
    Example("http.ts", "const headers = { 'customer-uuid': uuid };\n"),  # no v1 evidence anywhere
)
