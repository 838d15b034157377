"""PM107 v1-raw-http: a ``requests``/``httpx`` call to a v1 endpoint in Python.

Found by ``codemods.urls`` (URL constants, f-strings, sessions and aliases resolved); the
``raw-http`` codemod rewrites create and lookup calls. In other languages the v1 host itself is
reported (PM101).
"""
from __future__ import annotations

from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import claims_kind, docs_url, operation_advice, removal_clause

RULE = RuleInfo(
    id="PM107", name="v1-raw-http", title="HTTP call to a v1 endpoint (Python)", deadline="v1-removal",
    fixable=True, docs_url=docs_url("PM107"),
)


claims = claims_kind("raw-http")


def usage_message(usage) -> str:
    return f"HTTP call to v1 {operation_advice(usage.detail)}; {removal_clause()}"


EXAMPLES = (
    Example("send.py", "import requests\n\nBASE = 'https://api.ding.live/v1'\n\n"
            "def send(phone):\n    return requests.post(f'{BASE}/authentication', json={'phone_number': phone},\n"
            "                         headers={'X-API-Key': 'test-v1-key'})\n", ((6, 12),)),
    Example("v2.py", "import httpx\nhttpx.post('https://api.prelude.dev/v2/verification', json={},\n"
            "           headers={'Authorization': 'Bearer test-v2-key'})\n"),
    Example("other.py", "import requests\nrequests.get('https://mbktrading.live/v1/quotes')\n"),
)
