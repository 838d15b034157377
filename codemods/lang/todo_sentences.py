"""What v2 needs at each kind of v1 usage the syntax layer reports (``codemods.syntax``
kinds), as TODO sentences built from the knowledge layer's facts."""
from __future__ import annotations

from typing import Optional


from codemods.syntax import family
from compat.knowledge.config_names import V1_CONFIG_NAMES
from compat.knowledge.hosts import V2_AUTH_HEADER, V2_AUTH_SCHEME, V2_ORIGIN, classify_url
from compat.knowledge.operations import OPERATIONS
from compat.knowledge.packages import V2_CLIENT_SHAPES, V2_PACKAGES
from compat.knowledge.statuses import CHECK_STATUS_V1_TO_V2, CREATE_STATUS_V1_TO_V2, RETRY_STATUS_V1_TO_V2
from compat.knowledge.todos import LEFTOVER_TODO
from compat.knowledge.todos import LEGACY_HOST_TODO as LEGACY_HOST
from compat.knowledge.todos import V2_KEY_TODO

_ECOSYSTEM = {"js": "npm", "go": "go", "jvm": "maven", "ruby": "gem", "csharp": "nuget", "python": "pypi"}

NO_CUSTOMER_UUID = "v2 has no customer UUID: drop it"


def _endpoint(op: str) -> str:
    o = OPERATIONS[op]
    return f"{o.v2_method} {V2_ORIGIN}{o.v2_path}"


def _operation(op: str) -> str:
    o = OPERATIONS.get(op)
    if o is None or o.v2_path is None:
        return LEFTOVER_TODO
    return (f"v1 {op} ({o.v1_method} /v1{o.v1_path}) is {_endpoint(op)} in v2, with a different body and "
            f"{V2_AUTH_HEADER}: {V2_AUTH_SCHEME} <v2 API key> (docs/api-changes.md)")


def _status(status: str) -> str:
    moves = []
    for op, table in (("create", CREATE_STATUS_V1_TO_V2), ("check", CHECK_STATUS_V1_TO_V2),
                      ("retry", RETRY_STATUS_V1_TO_V2)):
        if status in table:
            v2 = table[status]
            v2 = "/".join(v2) if isinstance(v2, tuple) else v2
            moves.append(f"{op}: {v2 or 'no v2 equivalent'}")
    return f"v1 status '{status}' is gone in v2 ({'; '.join(moves) or 'no v2 equivalent'})"


def sentence(kind: str, detail: str, language: str) -> Optional[str]:
    """The TODO text for a usage of ``kind`` (None: nothing to say, e.g. a TODO marker)."""
    fam = family(language)
    if kind == "v1-host":
        op = classify_url(detail)
        return _operation(op) if op in OPERATIONS else LEFTOVER_TODO
    if kind == "legacy-v2-host":
        return LEGACY_HOST
    if kind == "v1-path":
        return _operation(detail) if detail in OPERATIONS else LEFTOVER_TODO
    if kind in ("api-key-header",):
        return V2_KEY_TODO
    if kind in ("customer-uuid-field", "customer-uuid-header"):
        return NO_CUSTOMER_UUID
    if kind == "v1-status":
        return _status(detail)
    if kind == "config-name":
        meaning = next((m for n, m in V1_CONFIG_NAMES.items() if n.lower() == detail.lower()), "")
        if meaning == "customer-uuid":
            return NO_CUSTOMER_UUID
        if meaning == "base-url":
            return LEFTOVER_TODO
        return V2_KEY_TODO
    package = V2_PACKAGES.get(_ECOSYSTEM.get(fam, ""), "the v2 SDK")
    shape = V2_CLIENT_SHAPES.get(fam, "")
    if kind == "sdk-import":
        return f"the v1 SDK ({detail}) is gone: move to {package}" + (f", client {shape}" if shape else "")
    if kind == "sdk-client":
        return f"build {shape or 'the v2 client'} with a new v2 API key instead of this v1 client"
    if kind == "sdk-call":
        return _operation(detail) if detail in OPERATIONS else LEFTOVER_TODO
    if kind == "v1-client-call":
        return f"{detail} is a v1 client of this repository: migrate it, then this call (docs/codemods.md)"
    return None
