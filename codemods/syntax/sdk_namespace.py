"""Whether a file declares itself part of a v1 SDK (``package live.ding.dingSdk.models.shared;``,
``namespace DingSDK.Models.Components``, ``namespace ding\\sdk\\Models\\Components;``, Ruby ``module
DingSDK`` / ``class DingSDK::Models::...``; ``compat.knowledge.packages.V1_DECLARED_NAMESPACES``):
such a file is the SDK's own code, whatever else it names."""
from __future__ import annotations

import re

from compat.knowledge.packages import V1_DECLARED_NAMESPACES
from codemods.syntax.languages import family

# A file's own namespace declaration, per family (the first one).
_OWN_NAMESPACE = {
    "jvm": re.compile(r"(?m)^\s*package\s+(?P<name>[\w.]+)"),
    "php": re.compile(r"(?m)^\s*namespace\s+\\?(?P<name>[\w\\]+)\s*[;{]"),
    "csharp": re.compile(r"(?m)^\s*namespace\s+(?P<name>[\w.]+)"),
    "ruby": re.compile(r"(?m)^\s*(?:module|class)\s+(?:::)?(?P<name>[A-Z][\w:]*)"),
}
_SEPARATOR = {"jvm": ".", "php": "\\", "csharp": ".", "ruby": "::"}


def _declared_v1_namespace(fam: str, name: str) -> bool:
    """``name`` is a v1 SDK's namespace or inside it (PHP namespaces ignore case)."""
    fold = (lambda x: x.lower()) if fam == "php" else (lambda x: x)
    return any(fold(name) == fold(ns) or fold(name).startswith(fold(ns) + _SEPARATOR[fam])
               for ns in V1_DECLARED_NAMESPACES[fam])


def declared_in_v1_namespace(language: str, text: str) -> bool:
    """The file's first namespace/package/module declaration is a v1 SDK's namespace or inside it."""
    fam = family(language)
    pattern = _OWN_NAMESPACE.get(fam)
    if pattern is None:
        return False
    m = pattern.search(text)
    return m is not None and _declared_v1_namespace(fam, m.group("name"))


__all__ = ["declared_in_v1_namespace"]
