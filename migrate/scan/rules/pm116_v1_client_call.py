"""PM116 v1-client-call: a call of the repository's own v1 client, defined in another file that
talks to v1 (``new Ding(uuid, token)``, ``dingclient.New(...)``, ``client.Check(...)``): found
through the repository index of ``codemods.syntax`` (the file imports the defining module, or
shares its folder where a folder is a package); and a class named after Ding (``Ding``,
``DingClient``, ``IDingService``) built, resolved (``app(Ding::class)``), held by a typed name or
called statically in a file that itself shows v1 evidence, even when its own file is not scanned
(``codemods.syntax.brand_class``). Migrating the wrapper changes what its callers get back (v2
statuses, no customer UUID): review each call.
"""
from __future__ import annotations

from compat.knowledge.hosts import V1_BASE_URL
from migrate.findings import RuleInfo
from migrate.scan.context import Example
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo(
    id="PM116", name="v1-client-call", title="Call of the repository's own v1 client",
    deadline="v1-removal", fixable=False, docs_url=docs_url("PM116"),
)
SYNTAX_KINDS = ("v1-client-call",)


def syntax_message(usage, ctx) -> str:
    return (f"call of {usage.detail}, this repository's v1 client ({removal_clause()}): migrate the client to "
            f"v2 and review what this call gets back (v2 statuses, no customer UUID)")


EXAMPLES = (
    Example("app/verify.js", 'import DingClient from "../lib/ding";\nconst c = new DingClient(uuid, token);\n'
            "export const verify = (id, code) => c.check(id, code);\n", (),
            ),  # flagged only with the wrapper in the tree: see REPOSITORY_EXAMPLE
    Example("app/other.js", "import { check } from './validators';\nexport const ok = (x) => x.check(1);\n"),
)
# A tree, for the tests and docs: the wrapper in one file, its calls in another.
REPOSITORY_EXAMPLE = {
    "lib/ding.js": (f'const BASE = "{V1_BASE_URL}";\nexport default class DingClient {{\n'
                    "  constructor(uuid, token) { this.uuid = uuid; }\n"
                    "  async check(id, code) { return fetch(`${BASE}/check`, { method: 'POST' }); }\n}\n"),
    "app/verify.js": EXAMPLES[0].source,
}
REPOSITORY_FLAGGED = {"app/verify.js": ((2, 15), (3, 39))}
