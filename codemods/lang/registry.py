"""The rewriters of ``codemods.lang`` by the names ``prelude-migrate rewrite --only/--skip`` and
``--list-codemods`` use, in run order, beside the Python codemods of ``codemods.registry``.

A rewriter's own TODOs (where it stops, e.g. a fetch whose body leaves the function) are part of
it; ``lang-todos`` is the pass that marks every v1 usage still left in the file afterwards.
"""
from __future__ import annotations

from compat.knowledge.hosts import LEGACY_V2_HOST_PREFIX, V2_HOST
from compat.knowledge.packages import V1_DISTRIBUTIONS, V2_PACKAGES

LANG_REWRITERS = {
    "lang-hosts": f"Non-Python (every language and config format): {LEGACY_V2_HOST_PREFIX} -> {V2_HOST}/v2 "
                  "in literals and config values; old docs links -> current pages.",
    "js-raw-http": "JS/TS: fetch, node-fetch, axios (and axios.create baseURL), got, ky calls to v1 -> v2: "
                   "URL, Authorization: Bearer, body fields, response reads in the same function.",
    "js-sdk": f"JS/TS: {V1_DISTRIBUTIONS['npm'][0]} imports and calls -> {V2_PACKAGES['npm']} (all or nothing per file).",
    "lang-todos": "Non-Python: one TODO comment above each v1 usage left, in the language's comment syntax "
                  "(JSON: the line is listed in the summary).",
    "manifests": "package.json, pip requirements: the v1 SDK dependency -> the v2 SDK, when every code file "
                 "of that package moved to the v2 SDK in the same run.",
}

__all__ = ["LANG_REWRITERS"]
