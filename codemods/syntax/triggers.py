"""Lower-case byte tokens without which no syntax rule can find anything in a file, beyond the
shared text triggers of ``compat.knowledge.triggers`` (the scanner's pre-filter joins both)."""
from __future__ import annotations

from typing import Tuple

from compat.knowledge.todos import TODO_MARKER
from codemods.syntax.rules.config_name import FORMS
from codemods.syntax.rules.v1_field import FIELDS

SYNTAX_TRIGGERS: Tuple[bytes, ...] = tuple(sorted(
    {b"customer_uuid", b"customer-uuid", TODO_MARKER.lower().encode()} | {form.encode() for form in FORMS}
    | {spelling.encode() for name in FIELDS for spelling in (name, name.replace("_", ""))}))

__all__ = ["SYNTAX_TRIGGERS"]
