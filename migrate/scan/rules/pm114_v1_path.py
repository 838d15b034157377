"""PM114 v1-path: a v1 endpoint path written apart from the host (``"/authentication"``,
``"/check"``, ``"/retry"``, ``"/authentication/feedback"``, ``"/lookup/" + phone``), joined to a v1
base (a constant that holds ``api.ding.live``, even one defined in another file of the
repository; an env name such as ``DING_URL``), or in a file with v1 evidence; also a bare segment
(``"check"``) passed with the payload to a client whose v1 base takes relative segments
(``base_uri`` ending in ``/v1/``) or appended by a URL call (``appendingPathComponent``). Found by
``codemods.syntax`` (kind ``v1-path``). A host swap is not enough: the v2 paths, bodies and
answers differ.
"""
from __future__ import annotations

from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, operation_advice, removal_clause

RULE = RuleInfo(
    id="PM114", name="v1-path", title="v1 endpoint path joined to a v1 base URL", deadline="v1-removal",
    fixable=False, docs_url=docs_url("PM114"),
)
SYNTAX_KINDS = ("v1-path",)


def syntax_message(usage, ctx) -> str:
    return (f"v1 endpoint path {operation_advice(usage.detail)}; {removal_clause()}: the v2 path, body "
            f"(target, no customer_uuid) and response statuses differ")


EXAMPLES = (
    Example("client.go", 'package ding\n\nconst baseURL = "https://api.ding.live/v1"\n\nfunc (c *Client) Check() {\n'
            '\tc.post(baseURL+"/check", nil)\n}\n', ((6, 17),)),
    Example("otp.php", "<?php\n$r = $http->post(getenv('DING_URL') . '/authentication', ['json' => $body]);\n", ((2, 39),)),
    Example("routes.ts", "router.post('/check', handler);\n"),  # the app's own route
)
