"""PM110 callback-url: a ``callback_url`` passed to v1 (Python).

v2 delivers webhooks with a different payload; the receiver must be migrated by hand, so the
codemods move the field to ``options.callback_url`` with a TODO and the scanner asks for review.
"""
from __future__ import annotations

from compat.knowledge.operations import CREATE_FIELD_REVIEW
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import claims_kind, docs_url

RULE = RuleInfo(
    id="PM110", name="callback-url", title="callback_url sent to v1: webhook payloads changed, review",
    deadline="v1-removal", fixable=False, docs_url=docs_url("PM110"),
)


claims = claims_kind("callback-url")


def usage_message(usage) -> str:
    return f"callback_url: {CREATE_FIELD_REVIEW['callback_url']}"


EXAMPLES = (
    Example("send.py", "import ding\nfrom ding.models import components\n\ns = ding.Ding(api_key='test-v1-key')\n"
            "s.otp.create_authentication(request=components.CreateAuthenticationRequest(\n"
            "    customer_uuid='c', phone_number='+33600000000', callback_url='https://example.test/hook'))\n",
            ((6, 53),)),
    Example("v2.py", "from prelude_python_sdk import Prelude\nc = Prelude(api_token='test-v2-key')\n"
            "c.verification.create(target={'type': 'phone_number', 'value': '+33600000000'},\n"
            "                      options={'callback_url': 'https://example.test/hook'})\n"),
)
