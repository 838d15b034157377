"""Lower-case byte tokens: a non-Python file containing none of them has nothing for
``codemods.lang`` to rewrite or mark, so it is never parsed. The scanner's text triggers (every
v1 signature any of its rules reads) are exactly that set."""
from __future__ import annotations

from compat.knowledge.triggers import TEXT_TRIGGERS

LANG_TRIGGERS = TEXT_TRIGGERS
