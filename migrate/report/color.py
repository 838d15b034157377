"""``--color auto|always|never``: whether the text report uses ANSI colours.

``auto`` colours only a terminal, and never when ``NO_COLOR`` is set to a non-empty value
(https://no-color.org: a command-line flag wins over the variable, so ``always`` still colours).
"""
from __future__ import annotations

import os
from typing import Mapping, Optional, TextIO

COLOR_CHOICES = ("auto", "always", "never")


def use_color(choice: str, stream: TextIO, environ: Optional[Mapping[str, str]] = None) -> bool:
    environ = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never" or environ.get("NO_COLOR", ""):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
