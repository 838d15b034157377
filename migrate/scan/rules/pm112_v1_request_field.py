"""PM112 v1-request-field: ``customer_uuid``, the v1 request field v2 does not have, wherever a
request body or model spells it: object/dict keys in ``fetch``/axios bodies, Go struct tags
(``json:"customer_uuid"``), ``@JsonProperty`` / ``[JsonProperty]`` / ``@SerializedName`` / PHP
attributes, Ruby ``field :customer_uuid``, zod schema keys, Python dict keys and dataclass fields,
and the identifiers generated for it (``CustomerUUID``, ``getCustomerUuid``). Found by
``codemods.syntax`` (kind ``customer-uuid-field``) in any file of a repository with v1 evidence,
or next to the other v1 body fields (``authentication_uuid``, ``check_code``); comments are not
usages.
"""
from __future__ import annotations

from compat.knowledge.operations import CREATE_FIELD_MOVES
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo(
    id="PM112", name="v1-request-field", title="v1 request field customer_uuid (v2 has none)",
    deadline="v1-removal", fixable=False, docs_url=docs_url("PM112"),
)
SYNTAX_KINDS = ("customer-uuid-field",)
_TARGET = CREATE_FIELD_MOVES["phone_number"][1]


def syntax_message(usage, ctx) -> str:
    return (f"v1 request field {usage.text} ({removal_clause()}): v2 has no customer UUID (the v2 key "
            f"identifies the account); drop it; v2 bodies also move phone_number to {_TARGET} "
            f"{{type: phone_number, value}} and device data to signals")


EXAMPLES = (
    Example("otp.ts", "const body = { customer_uuid: process.env.UUID, phone_number: phone };\n"
            'await fetch(`${process.env.OTP_BASE}/authentication`, { method: "POST", body: JSON.stringify(body) });\n'
            "const check = { authentication_uuid: id, check_code: code };\n", ((1, 16),)),
    Example("models.go", "package otp\n\ntype CheckRequest struct {\n\tCustomerUUID string `json:\"customer_uuid\"`\n"
            "\tCheckCode string `json:\"check_code\"`\n}\n", ((4, 2), (4, 29))),
    Example("Check.java", 'class Check {\n  @JsonProperty("customer_uuid") String customerUuid;\n'
            '  @JsonProperty("check_code") String checkCode;\n}\n', ((2, 18), (2, 41))),
    Example("check.rb", "class Check\n  field :customer_uuid, String\n  field :check_code, String\nend\n", ((2, 10),)),
    Example("client.py", "import requests\nBASE = 'https://api.ding.live/v1'\n\n"
            "def check(uuid, code):\n    body = {'customer_uuid': CUSTOMER, 'authentication_uuid': uuid, 'check_code': code}\n"
            "    return requests.post(BASE + '/check', json=body)\n", ((5, 14),)),
    # near misses: a column of an unrelated schema, a comment
    Example("schema.ts", "export const orders = { customer_uuid: 'uuid', total: 'int' };\n"),
    Example("notes.go", "package otp\n\n// customer_uuid and check_code were v1 fields\nvar X = 1\n"),
)
