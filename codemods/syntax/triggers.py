"""Lower-case byte tokens without which no syntax rule can find anything in a file, beyond the
shared text triggers of ``compat.knowledge.triggers`` (the scanner's pre-filter joins both).

Keep the whole set (with ``compat.knowledge.triggers``) at most 64 tokens: the pre-filter is one
SIMD automaton (``ahocorasick_rs``) and past 64 patterns it falls back to a search about 6x slower
(``bench/scan_speed.py`` on 90k files: 2.9 s -> 4.3 s CPU). So config names count in their snake
and joined (camelCase) spellings only - the kebab and dotted ones (``ding-api-key``) are found in
files that pass on another token - and ``authentication_uuid`` / ``check_code`` are no triggers:
a v1 body that names them names ``customer_uuid``, the host or an SDK as well."""
from __future__ import annotations

from typing import Tuple

from compat.knowledge.todos import TODO_MARKER
from codemods.syntax.rules.config_name import FORMS

SYNTAX_TRIGGERS: Tuple[bytes, ...] = tuple(sorted(
    {b"customer_uuid", b"customer-uuid", TODO_MARKER.lower().encode()}
    | {form.encode() for form in FORMS if "-" not in form and "." not in form}))

__all__ = ["SYNTAX_TRIGGERS"]
