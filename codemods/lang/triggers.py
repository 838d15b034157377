"""Lower-case byte tokens: a non-Python file containing none of them has nothing for
``codemods.lang`` to rewrite or mark (no parse is needed to know)."""
from __future__ import annotations

from typing import Tuple

from compat.tables import V1_CONFIG_NAMES, V1_PACKAGES, V1_SOURCE_NAMESPACES

_HOSTS: Tuple[bytes, ...] = (b"api.ding.live", b"docs.prelude.so/api-reference", b"docs.ding.live",
                             b"/v2/transactional")
_FIELDS: Tuple[bytes, ...] = (b"customer_uuid", b"customeruuid", b"customer-uuid", b"x-api-key", b"autentication")

LANG_TRIGGERS: Tuple[bytes, ...] = tuple(sorted(set(
    _HOSTS + _FIELDS
    + tuple(name.lower().encode() for names in V1_PACKAGES.values() for name in names)
    + tuple(ns.lower().encode() for names in V1_SOURCE_NAMESPACES.values() for ns in names)
    + tuple(name.lower().encode() for name in V1_CONFIG_NAMES)
)))
