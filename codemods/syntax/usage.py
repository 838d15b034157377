"""One v1 usage found by the syntax layer in a file of any language (``codemods.syntax.usages``).

Same position fields as the Python detection's ``codemods.usage.Usage`` (1-based line/column,
exclusive end), plus character offsets for rewriters and the matched text.
"""
from __future__ import annotations

from dataclasses import dataclass

KINDS = (
    "v1-host",              # api.ding.live (v1 base URL) in a string, comment or text: detail = URL
    "legacy-v2-host",       # api.ding.live/v2 (transactional): detail = URL
    "v1-path",              # a v1 endpoint path joined to a v1 base: detail = operation
    "api-key-header",       # x-api-key (header literal, constant, SDK security metadata)
    "customer-uuid-field",  # customer_uuid as a request field/key/tag/annotation/identifier
    "customer-uuid-header", # customer-uuid / CUSTOMER_UUID as an HTTP header name
    "v1-field",             # authentication_uuid / check_code (request or response field): detail = field
    "v1-status",            # a v1 status string compared or switched on: detail = status
    "sdk-import",           # import of a v1 SDK: detail = package/namespace
    "sdk-self-import",      # a module of the v1 Python SDK importing its own package: detail = package
    "sdk-client",           # construction of a v1 SDK client
    "sdk-call",             # call of a v1 SDK operation: detail = operation
    "v1-client-call",       # call of a repository-own v1 client (defined in another file): detail = name
    "config-name",          # v1 configuration name (DING_API_KEY, dingCustomerUuid...): detail = name
    "todo-marker",          # a TODO(prelude-migration) comment the tool left: detail = its text
)


@dataclass(frozen=True)
class Usage:
    kind: str
    line: int  # 1-based
    column: int  # 1-based
    end_line: int
    end_column: int  # exclusive
    text: str  # the matched source text
    detail: str
    start: int = 0  # character offset
    end: int = 0  # character offset, exclusive
    context: str = ""  # "string", "comment", "code" or "text" (no grammar)


__all__ = ["KINDS", "Usage"]
