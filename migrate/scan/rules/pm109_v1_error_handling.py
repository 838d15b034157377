"""PM109 v1-error-handling: handling of v1 SDK errors or v1 error codes (Python).

Found by ``codemods.detect``: ``except errors.ErrorResponse``/``SDKError`` and comparisons with
v1 error codes. v2 raises ``prelude_python_sdk.APIStatusError`` subclasses and several v1
codes became a 200 response with status ``blocked`` (``compat.knowledge.errors.V1_TO_V2_ERRORS``).
"""
from __future__ import annotations

from compat.knowledge.errors import V1_TO_V2_ERRORS
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import claims_kind, docs_url, removal_clause

RULE = RuleInfo(
    id="PM109", name="v1-error-handling", title="Handling of v1 SDK errors or v1 error codes (Python)",
    deadline="v1-removal", fixable=True, docs_url=docs_url("PM109"),
)


claims = claims_kind("sdk-error")


def usage_message(usage) -> str:
    move = V1_TO_V2_ERRORS.get(usage.detail)
    if move is None:
        return (f"v1 SDK error handling ({usage.detail}; {removal_clause()}): v2 raises "
                f"prelude_python_sdk.APIStatusError subclasses; the code is in e.body['code']")
    if move.v2_codes:
        target = "v2 code " + " / ".join(move.v2_codes)
    else:
        target = move.note or "no v2 equivalent"
    return f"v1 error code {usage.detail!r}: {target}" + (f" ({move.note})" if move.note and move.v2_codes else "")


EXAMPLES = (
    Example("handle.py", "import ding\nfrom ding.models import components, errors\n\ns = ding.Ding(api_key='test-v1-key')\n"
            "try:\n    s.otp.check(components.CreateCheckRequest(customer_uuid='c', authentication_uuid='a', check_code='1'))\n"
            "except errors.ErrorResponse as e:\n    raise\n", ((7, 1),)),
    Example("v2.py", "import prelude_python_sdk\ntry:\n    pass\nexcept prelude_python_sdk.BadRequestError as e:\n    raise\n"),
)
