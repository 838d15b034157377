"""Files of the v1 TypeScript SDK itself (Speakeasy's layout), known by their own text: the SDK's
``src/funcs/*.ts`` and ``src/mcp-server/tools/*.ts`` name neither the v1 host nor the package,
only the core class ``DingCore``, a request model and their path (docs/reference/v1-api.md, "SDKs").

``ts_sdk_file(text)`` is v1 evidence for a JS/TS file that

- names ``DingCore`` as a whole, case-sensitive word (never ``TradingCore`` or ``ShardingCore``,
  which hold the same letters) next to a v1 request model (``CreateCheckRequest``) or a
  standalone function (``otpCheck``) of the SDK: a core class of that name alone could be any
  company's, the pair is the v1 SDK's; or
- imports a standalone function from its own module in a ``funcs`` folder
  (``import { otpCheck } from "../../funcs/otpCheck.js"``): the SDK's layout, one function per
  module named after it.
"""
from __future__ import annotations

import re

from compat.knowledge.sdk_shapes import (SDK_V1_REQUEST_MODELS, SDK_V1_TS_CORE_CLASS, SDK_V1_TS_FUNCS_FOLDER,
                                         SDK_V1_TS_NAMESPACES, SDK_V1_TS_STANDALONE_FUNCTIONS)

_FUNCTIONS = "|".join(SDK_V1_TS_STANDALONE_FUNCTIONS)
_CORE = re.compile(r"(?<![\w$])%s(?![\w$])" % SDK_V1_TS_CORE_CLASS)
_COMPANION = re.compile(r"(?<![\w$])(?:%s|%s)(?![\w$])" % ("|".join(SDK_V1_REQUEST_MODELS), _FUNCTIONS))
_FUNCS_IMPORT = re.compile(
    r"""(?m)^\s*import\s+(?:type\s+)?\{[^}]*(?<![\w$])(?P<name>%s)(?![\w$])[^}]*\}\s*from\s*["']"""
    r"""(?:[^"'\n]*/)?%s/(?P<module>[\w$]+)(?:\.[cm]?[jt]s)?["']""" % (_FUNCTIONS, SDK_V1_TS_FUNCS_FOLDER))


def namespace(function: str) -> str:
    """The namespace a standalone function's name begins with (``otpCheck`` -> ``otp``), or ""."""
    return next((ns for ns in SDK_V1_TS_NAMESPACES if function.startswith(ns)), "")


# Lower-case bytes a file must hold for either form (the scanner's pre-filter tokens; the
# ``otp`` functions share one, ``funcs/otp``, against the automaton's 64-pattern budget).
TRIGGERS = (SDK_V1_TS_CORE_CLASS.lower().encode(),) + tuple(sorted(
    {("%s/%s" % (SDK_V1_TS_FUNCS_FOLDER, "otp" if namespace(name) == "otp" else name)).lower().encode()
     for name in SDK_V1_TS_STANDALONE_FUNCTIONS}))


def ts_sdk_root(path: str):
    """For a file in the SDK's ``funcs/`` folder (``src/funcs/otpCheck.ts``), the folder above it
    (``src``): the SDK's source tree, whose ``models/components/*.ts`` name nothing of v1 but
    their fields and statuses. None elsewhere."""
    parts = path.replace("\\", "/").split("/")
    if SDK_V1_TS_FUNCS_FOLDER not in parts[:-1]:
        return None
    at = len(parts) - 2 - parts[:-1][::-1].index(SDK_V1_TS_FUNCS_FOLDER)
    return "/".join(parts[:at])


def ts_sdk_file(text: str) -> bool:
    if SDK_V1_TS_CORE_CLASS in text and _CORE.search(text) and _COMPANION.search(text):
        return True
    return SDK_V1_TS_FUNCS_FOLDER + "/" in text and any(
        m.group("name") == m.group("module") for m in _FUNCS_IMPORT.finditer(text))


__all__ = ["TRIGGERS", "ts_sdk_file", "ts_sdk_root"]
