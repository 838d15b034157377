"""The codemods of ``prelude-migrate rewrite``, in the order they run on a file.

Each listed module defines one ``libcst.codemod.Codemod`` subclass named in ``CODEMOD_CLASSES``,
with class attributes ``NAME`` (kebab-case, used by --only/--skip), ``DESCRIPTION`` and
``TRIGGERS`` (lower-case byte strings; a file containing none is not parsed for that codemod).
"""
from __future__ import annotations

import importlib
from typing import Dict, Type

from libcst.codemod import Codemod

# "module:Class", in run order. SDK rewrites come first (they read v1 names that the later,
# purely textual codemods would otherwise have touched).
CODEMOD_CLASSES = (
)


def all_codemods() -> Dict[str, Type[Codemod]]:
    result: Dict[str, Type[Codemod]] = {}
    for spec in CODEMOD_CLASSES:
        module, _, cls = spec.partition(":")
        codemod = getattr(importlib.import_module(module), cls)
        result[codemod.NAME] = codemod
    return result
