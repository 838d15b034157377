"""The one phone-number policy of the codemods, shared by the SDK and raw-HTTP families.

v2 check and retry are keyed by the phone number (v1: by ``authentication_uuid``), so a
rewritten check/retry needs the number the verification was created for. A number is used
without comment only when it is *provably* that number; failing that, the one parameter of
the enclosing function named like a phone number is used with :data:`ASSUMED_PHONE_TODO`;
otherwise the call keeps a TODO. (The value-flow analysis, ``codemods.core.flow``, decides
what "provably" means.)
"""
from __future__ import annotations

from typing import Optional, Sequence

# Parameter names taken (with a review note) as the phone number when nothing proves it.
PHONE_PARAM_NAMES = ("phone_number", "phone", "phoneNumber", "phone_num", "msisdn")

ASSUMED_PHONE_TODO = ("v2 {op} is keyed by phone number; `{name}` is assumed to be the number the "
                      "verification was created for")


def assumed_phone_note(op: str, name: str) -> str:
    """The review note for a check/retry keyed by the parameter ``name`` (not proven)."""
    return ASSUMED_PHONE_TODO.format(op=op, name=name)


def phone_parameter(parameter_names: Sequence[str]) -> Optional[str]:
    """The one parameter named like a phone number, or None (none, or more than one)."""
    matches = [p for p in parameter_names if p in PHONE_PARAM_NAMES]
    return matches[0] if len(matches) == 1 else None
