"""Lower-case byte tokens without which no syntax rule can find anything in a file, beyond the
shared text triggers of ``compat.knowledge.triggers`` (the scanner's pre-filter joins both).

Keep the whole set (with ``compat.knowledge.triggers``) at most 64 tokens once the tokens that
contain another are dropped (``migrate.scan.prefilter.minimal``: ``dingcustomeruuid`` adds nothing
to ``customeruuid``): the pre-filter is one SIMD automaton (``ahocorasick_rs``) and past 64
patterns it falls back to a search about 6x slower (``bench/scan_speed.py`` on 90k files: 2.9 s ->
4.3 s CPU). So config names count in their snake and joined (camelCase) spellings only - the
kebab and dotted ones (``ding-api-key``) are found in files that pass on another token. The v1
fields of ``v1_field`` (``authentication_uuid``, ``check_code``) count in their snake, kebab and
joined spellings: a file may name nothing else of v1. So do the TypeScript SDK's core class
(``DingCore``: its ``src/funcs/*.ts`` name nothing else but their v1 path) and the imports of its
standalone functions from their ``funcs/`` modules (``codemods.syntax.ts_sdk_layout``), and the
create call of the Stainless v1 prototype (``authentication.create``, Go ``authentication.new``:
``codemods.syntax.stainless_v1``), whose file may name nothing else of v1."""
from __future__ import annotations

from typing import Tuple

from compat.knowledge.todos import TODO_MARKER
from codemods.syntax.rules.config_name import FORMS
from codemods.syntax.rules.v1_field import FIELDS
from codemods.syntax.stainless_v1 import TRIGGERS as PROTOTYPE_TRIGGERS
from codemods.syntax.ts_sdk_layout import TRIGGERS as TS_SDK_TRIGGERS

SYNTAX_TRIGGERS: Tuple[bytes, ...] = tuple(sorted(
    {b"customer_uuid", b"customer-uuid", TODO_MARKER.lower().encode(), *TS_SDK_TRIGGERS, *PROTOTYPE_TRIGGERS}
    | {form.encode() for form in FORMS if "-" not in form and "." not in form}
    | {spelling.lower().encode() for name in FIELDS for spelling in (name, name.replace("_", "-"), name.replace("_", ""))}))

__all__ = ["SYNTAX_TRIGGERS"]
