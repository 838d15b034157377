"""PM111 v1-config-name: a v1 environment/config name (``DING_CUSTOMER_UUID``, ``DING_API_KEY``,
``DING_URL``...; ``compat.knowledge.config_names``) in any file, Python included, in any letter
case and in the camelCase/PascalCase forms code uses for the same setting (``dingCustomerUuid``,
``DingApiKey``), e.g. an ``.env`` file or ``os.environ["DING_API_KEY"]`` that no longer points at
a host. Found by ``codemods.syntax`` (kind ``config-name``). The name must stand alone (``_``
counts as part of a name: ``MY_DING_URL_2`` or ``DING_TALK_TOKEN`` are not it). The customer-UUID
names and ``PRELUDE_X_API`` only ever meant v1 and are reported on sight; the generic ones (other
services called Ding exist) only with other v1 evidence in the file, its folder, or a v1 SDK
repository. A URL name on a line that holds the v1 host itself is left to PM101; comments are
not usages.
"""
from __future__ import annotations

from compat.knowledge.config_names import V1_CONFIG_NAMES, V2_API_KEY_ENV
from compat.knowledge.hosts import V2_BASE_URL
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo(
    id="PM111", name="v1-config-name", title="v1 configuration name (API key, customer UUID, URL)",
    deadline="v1-removal", fixable=False, docs_url=docs_url("PM111"),
)
SYNTAX_KINDS = ("config-name",)

_ADVICE = {
    "api-key": f"v2 takes a new v2 API key, read from {V2_API_KEY_ENV} by the v2 SDKs "
               f"(Authorization: Bearer)",
    "customer-uuid": "v2 has no customer UUID: drop it",
    "base-url": f"the v2 API is at {V2_BASE_URL}",
}


def syntax_message(usage, ctx) -> str:
    """``usage.detail`` is the name as the knowledge table spells it."""
    return (f"v1 configuration name {usage.text} ({removal_clause()}): "
            f"{_ADVICE[V1_CONFIG_NAMES[usage.detail]]}")


EXAMPLES = (
    Example(".env.example", "DING_API_KEY=test-v1-key\nDING_CUSTOMER_UUID=00000000-0000-0000-0000-000000000000\n",
            ((1, 1), (2, 1))),
    Example("settings.py", "import os\n\nCUSTOMER = os.environ['PRELUDE_CUSTOMER_UUID']\nKEY = os.getenv('PRELUDE_X_API')\n",
            ((3, 24), (4, 18))),
    Example("otp.ts", 'import { Ding } from "@ding-live/ding";\nconst ding = new Ding({ apiKey: process.env.DING_API_KEY });\n',
            ((2, 45),)),
    Example("config.yaml", "ding_customer_uuid: abc\nding_api_endpoint: https://example.test\n", ((1, 1), (2, 1))),
    Example("config.ts", "export const config = {\n  dingCustomerUuid: process.env.UUID,\n  dingApiKey: process.env.KEY,\n};\n",
            ((2, 3), (3, 3))),
    # near misses: generic names without v1 evidence, DingTalk, longer names, customer_uuid alone
    Example("doorbell.env", "DING_URL=https://sounds.example.test/ding.mp3\nDING_API_KEY=abc\n"),
    Example("dingtalk.yaml", "DING_TALK_TOKEN: x\nDINGTALK_API_KEY: y\nMY_DING_CUSTOMER_UUID_OLD: z\ncustomer_uuid: c\n"),
    Example("v1.env", "DING_URL=https://api.ding.live/v1\n"),  # PM101 reports the host
    Example("v2.env", "API_TOKEN=test-v2-key\nPRELUDE_BASE_URL=https://api.prelude.dev\n"),
)
