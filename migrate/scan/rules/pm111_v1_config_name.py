"""PM111 v1-config-name: a v1 environment/config name (``DING_CUSTOMER_UUID``, ``DING_API_KEY``,
``DING_URL``...; ``compat.knowledge.config_names.V1_CONFIG_NAMES``) in any file, Python
included, e.g. an ``.env`` file or ``os.environ["DING_API_KEY"]`` that no longer points at a
host. The name must stand alone (``_`` counts as part of a name: ``MY_DING_URL_2`` or
``DING_TALK_TOKEN`` are not it; any letter case). The customer-UUID names and ``PRELUDE_X_API``
only ever meant v1 and are reported on sight; the generic ``DING_API_KEY``, ``DING_URL`` and
``ding_api_endpoint`` (other services called Ding exist) only in files that show other v1
evidence: a v1 import, package or host, a v1 SDK usage, a customer UUID or a distinctive name.
A URL name on a line that holds the v1 host itself (``DING_URL=https://api.ding.live/v1``) is
left to PM101: one finding for one problem.
"""
from __future__ import annotations

import re

from compat.knowledge.config_names import V1_CONFIG_NAMES, V1_CONFIG_NAMES_DISTINCTIVE, V2_API_KEY_ENV
from compat.knowledge.hosts import V2_BASE_URL
from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import HOST_RE, docs_url, removal_clause

RULE = RuleInfo("PM111", "v1-config-name", "v1 configuration name (API key, customer UUID, URL)",
                "v1-removal", False, docs_url("PM111"))
TEXT_IN_PYTHON = True
USES_PYTHON_EVIDENCE = True  # the engine analyses Python even when PM111 is the only rule

_KIND_BY_NAME = {name.lower(): kind for name, kind in V1_CONFIG_NAMES.items()}
_DISTINCTIVE = frozenset(name.lower() for name in V1_CONFIG_NAMES_DISTINCTIVE)
_NAME = re.compile(r"(?<![A-Za-z0-9_])(?:%s)(?![A-Za-z0-9_])"
                   % "|".join(re.escape(n) for n in sorted(_KIND_BY_NAME, key=len, reverse=True)),
                   re.IGNORECASE)
_CUSTOMER_UUID = re.compile(r"customer[_\-]?uuid", re.IGNORECASE)

_ADVICE = {
    "api-key": f"v2 takes a new v2 API key, read from {V2_API_KEY_ENV} by the v2 SDKs "
               f"(Authorization: Bearer)",
    "customer-uuid": "v2 has no customer UUID: drop it",
    "base-url": f"the v2 API is at {V2_BASE_URL}",
}


def _message(name: str) -> str:
    return f"v1 configuration name {name} ({removal_clause()}): {_ADVICE[_KIND_BY_NAME[name.lower()]]}"


def _has_evidence(ctx, names) -> bool:
    return (ctx.python_evidence or ctx.has_v1_evidence or _CUSTOMER_UUID.search(ctx.text) is not None
            or any(n in _DISTINCTIVE for n in names))


def match(ctx):
    found = [(m.start(), m.end(), m.group(0)) for m in _NAME.finditer(ctx.text)]
    if not found:
        return
    names = {name.lower() for _, _, name in found}
    evidence = None
    for start, end, name in found:
        if name.lower() not in _DISTINCTIVE:
            if evidence is None:
                evidence = _has_evidence(ctx, names)
            if not evidence:
                continue
        if _KIND_BY_NAME[name.lower()] == "base-url" and ctx.near(start, HOST_RE, 0):
            continue
        yield Hit(start, end, _message(name))


EXAMPLES = (
    Example(".env.example", "DING_API_KEY=test-v1-key\nDING_CUSTOMER_UUID=00000000-0000-0000-0000-000000000000\n",
            ((1, 1), (2, 1))),
    Example("settings.py", "import os\n\nCUSTOMER = os.environ['PRELUDE_CUSTOMER_UUID']\nKEY = os.getenv('PRELUDE_X_API')\n",
            ((3, 24), (4, 18))),
    Example("otp.ts", 'import { Ding } from "@ding-live/ding";\nconst ding = new Ding({ apiKey: process.env.DING_API_KEY });\n',
            ((2, 45),)),
    Example("config.yaml", "ding_customer_uuid: abc\nding_api_endpoint: https://example.test\n", ((1, 1), (2, 1))),
    # near misses: generic names without v1 evidence, DingTalk, longer names, customer_uuid alone
    Example("doorbell.env", "DING_URL=https://sounds.example.test/ding.mp3\nDING_API_KEY=abc\n"),
    Example("dingtalk.yaml", "DING_TALK_TOKEN: x\nDINGTALK_API_KEY: y\nMY_DING_CUSTOMER_UUID_OLD: z\ncustomer_uuid: c\n"),
    Example("v1.env", "DING_URL=https://api.ding.live/v1\n"),  # PM101 reports the host
    Example("v2.env", "API_TOKEN=test-v2-key\nPRELUDE_BASE_URL=https://api.prelude.dev\n"),
)
