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
    # v1 ding SDK (codemods/sdk/analysis.py); responses and errors read the v1 calls, so they run
    # before sdk-calls rewrites them; sdk-imports drops what became unused, last.
    "codemods.sdk.value_flow:SdkValueFlowCodemod",  # first: TODOs where v1 values leave (comments only)
    "codemods.sdk.responses:SdkResponsesCodemod",
    "codemods.sdk.errors:SdkErrorsCodemod",
    "codemods.sdk.client:SdkClientCodemod",
    "codemods.sdk.calls:SdkCallsCodemod",
    "codemods.sdk.imports:SdkImportsCodemod",
    # raw HTTP and hosts (codemods/http/urls.py detection) run after the SDK codemods
    "codemods.http.raw_http:RawHttpCodemod",
    "codemods.http.hosts:HostsCodemod",
    "codemods.http.cross_module:CrossModuleCodemod",  # reads of v1 values other modules define
    "codemods.http.v1_leftovers:V1LeftoversCodemod",  # last: marks the v1 URLs nothing could rewrite
)


def all_codemods() -> Dict[str, Type[Codemod]]:
    result: Dict[str, Type[Codemod]] = {}
    for spec in CODEMOD_CLASSES:
        module, _, cls = spec.partition(":")
        codemod = getattr(importlib.import_module(module), cls)
        result[codemod.NAME] = codemod
    return result
