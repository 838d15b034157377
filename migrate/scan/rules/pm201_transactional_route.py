"""PM201 transactional-route: the legacy ``/v2/transactional`` route or ``transactional.send``,
on any host, in any file (advice, info), except the v2 SDK's own resource that implements it.

The route still works but is kept only for backward compatibility (the v2 SDK marks it
deprecated); ``POST /v2/notify`` takes the same fields plus ``schedule_at``.
"""
from __future__ import annotations

import re

from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import docs_url

RULE = RuleInfo(
    id="PM201", name="transactional-route", title="Legacy /v2/transactional route: move to /v2/notify",
    deadline=None, fixable=False, docs_url=docs_url("PM201"), fixed_severity="info",
)
TEXT_IN_PYTHON = True

_ROUTE = re.compile(r"/v2/transactional(?![\w\-])")
_SDK_CALL = re.compile(r"(?:\.(?:transactional|Transactional)(?:\(\))?|->transactional)\s*(?:\.|->)\s*(?:send|Send(?:Async)?)\s*\(")
MESSAGE = ("/v2/transactional is a legacy route (deprecated in the v2 SDKs): use POST /v2/notify "
           "(notify.send), same fields plus schedule_at")


# The v2 SDK's own resource for the route (Stainless: ``class Transactional extends APIResource``,
# ``class TransactionalResource(SyncAPIResource)``): the SDK implementing the route, not code
# calling it.
_OWN_RESOURCE = re.compile(r"\bclass\s+(?:Async)?Transactional\w*\s*(?:\(\s*(?:Sync|Async)?APIResource\s*\)"
                           r"|extends\s+[\w$.]*APIResource\b)")


def match(ctx):
    if "APIResource" in ctx.text and _OWN_RESOURCE.search(ctx.text):
        return
    for pattern in (_ROUTE, _SDK_CALL):
        for m in pattern.finditer(ctx.text):
            yield Hit(m.start(), m.end(), MESSAGE)


EXAMPLES = (
    Example("send.py", "from prelude_python_sdk import Prelude\nc = Prelude(api_token='test-v2-key')\n"
            "c.transactional.send(template_id='t', to='+33600000000')\n", ((3, 2),)),
    Example("send.sh", "curl -X POST https://api.prelude.dev/v2/transactional -d @m.json\n", ((1, 37),)),
    Example("send.ts", "await client.transactional.send({ templateId: 't', to });\n", ((1, 13),)),
    Example("notify.ts", "await client.notify.send({ templateId: 't', to });\n"),
    Example("db.java", "@Transactional\npublic void save() {}\n"),
    Example("routes.txt", "/v2/transactional_emails\n"),
    # the v2 SDK's own resource implementing the route
    Example("transactional.ts", "export class Transactional extends APIResource {\n"
            "  send(body, options) { return this._client.post('/v2/transactional', { body, ...options }); }\n}\n"),
    Example("transactional.py", "class TransactionalResource(SyncAPIResource):\n    def send(self, **kw):\n"
            "        return self._post(\"/v2/transactional\", body=kw)\n"),
)
