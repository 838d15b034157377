"""The v1-only body fields (``compat.knowledge.operations.CHECK_FIELD_MOVES``: ``customer_uuid``,
``authentication_uuid``, ``check_code``) as one pattern in any spelling (``customerUuid``,
``authentication-uuid``, ``CHECK_CODE``), for the index, the rules and the SDK layouts (a leaf:
imports nothing of codemods.syntax)."""
from __future__ import annotations

import re
from typing import FrozenSet, Iterable

from compat.knowledge.operations import CHECK_FIELD_MOVES


def field_pattern(names: Iterable[str]) -> "re.Pattern[str]":
    """The fields ``names`` in any spelling (``_`` optional or ``-``), case-insensitive."""
    return re.compile("|".join(name.replace("_", "[_-]?") for name in names), re.IGNORECASE)


V1_FIELD = field_pattern(CHECK_FIELD_MOVES)


def v1_field_names(text: str) -> FrozenSet[str]:
    """The v1-only body fields a text names, normalised (``customeruuid``...; two are a body model)."""
    return frozenset(re.sub(r"[_-]", "", m.group(0)).lower() for m in V1_FIELD.finditer(text))


__all__ = ["V1_FIELD", "field_pattern", "v1_field_names"]
