"""PM117 v1-field: ``authentication_uuid`` and ``check_code``, the v1 check/retry body fields and
the v1 response's authentication id, wherever code spells them: body keys, struct tags,
serializer annotations, model properties and accessors, response reads, the values passed
by position to the v1 check and retry request models, and the status operation's path parameter
``auth_uuid`` in the files that name it, in the SDK's own files that name the status operation
(an MCP tool's ``authUuid: z.string()``, a Sorbet ``.rbi``'s ``def auth_uuid``), or as the named
argument of a call of the v1 status method (``getAuthenticationStatus(authUuid: ...)``,
``.authUuid(...)`` in a Java builder). A free function named like a field (``func checkCode()``)
is the program's own name. Found by
``codemods.syntax`` (kind ``v1-field``) with v1 evidence in the file or its folder, or next to
another v1-only field; ``authentication_uuid`` in any file of a repository with v1 evidence (v1 by itself there; ``checkCode`` alone is
an ordinary name). v2 identifies a verification by ``id`` and checks ``target`` + ``code``.
"""
from __future__ import annotations

from compat.knowledge.operations import CHECK_FIELD_MOVES, OPERATIONS
from compat.knowledge.sdk_shapes import SDK_V1_RESPONSE_FIELDS
from codemods.syntax.rules.v1_field import AUTH_PARAMETER, POSITIONAL
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo(
    id="PM117", name="v1-field", title="v1 body or response field (authentication_uuid, check_code)",
    deadline="v1-removal", fixable=False, docs_url=docs_url("PM117"),
)
SYNTAX_KINDS = ("v1-field",)


def _advice(field: str) -> str:
    response = SDK_V1_RESPONSE_FIELDS["check"].get(field)
    request = CHECK_FIELD_MOVES.get(field)
    parts = []
    if response:
        parts.append(f"v2 responses name it {response!r}")
    parts.append(f"the v2 check body has {request!r} next to target" if request
                 else "the v2 check body has no such field (target + code)")
    return "; ".join(parts)


def syntax_message(usage, ctx) -> str:
    if usage.detail == POSITIONAL:
        return (f"v1 body field passed by position ({usage.text}; authentication_uuid, check_code or "
                f"customer_uuid, in an order that depends on the v1 SDK version; {removal_clause()}): "
                "the v2 check body is target + code, and v2 has no customer UUID")
    if usage.detail == AUTH_PARAMETER:
        status = OPERATIONS["status"]
        return (f"v1 authentication UUID {usage.text} ({removal_clause()}): the path parameter of "
                f"{status.v1_method} {status.v1_path}; v2 reads a verification by its id "
                f"({status.v2_method} {status.v2_path})")
    return f"v1 field {usage.text} ({removal_clause()}): {_advice(usage.detail)}"


EXAMPLES = (
    Example("check.ts", "const r = await fetch(`${process.env.DING_URL}/check`, {\n"
            "  body: JSON.stringify({ authentication_uuid: id, check_code: code }),\n});\n",
            ((2, 26), (2, 51))),
    Example("models.go", "package otp\n\ntype CheckResponse struct {\n\tAuthenticationUUID string `json:\"authentication_uuid\"`\n"
            "\tStatus string `json:\"status\"`\n}\n\ntype CheckRequest struct {\n\tCustomerUUID string `json:\"customer_uuid\"`\n"
            "\tCheckCode string `json:\"check_code\"`\n}\n",
            ((4, 2), (4, 35), (10, 2), (10, 26))),
    Example("Check.java", "import live.ding.dingSdk.models.shared.CreateCheckRequest;\n\nclass Verify {\n"
            "    CreateCheckRequest request(String id, String code, String account) {\n"
            "        return new CreateCheckRequest(id, code, account);\n    }\n}\n",
            ((5, 39), (5, 43), (5, 49))),
    Example("status.php", "<?php\n$res = $sdk->otp->getAuthenticationStatus(\n    authUuid: $pending->ding_ref\n);\n",
            ((3, 5),)),
    Example("verify.ts", "export async function checkCode(phone: string, code: string) {\n"
            "  return client.verification.check({ target: { type: 'phone_number', value: phone }, code });\n}\n"),
)
