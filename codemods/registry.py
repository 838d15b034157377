"""The codemods of ``prelude-migrate rewrite``, in the order they run on a file, as plain data.

Each entry names a module defining one codemod class (``codemods.core.base``), with class attributes
``NAME`` (kebab-case, used by --only/--skip), ``DESCRIPTION`` and ``TRIGGERS`` (lower-case byte
strings; a file containing none is not parsed for that codemod). The entry repeats the name and
the trigger tokens (both from ``compat.knowledge.triggers``, the one place they are written) so
that ``rewrite`` can select codemods and pre-filter a tree without importing libcst or any
codemod: a tree without v1 costs a walk and a byte search. ``tests/codemods/test_registry.py``
checks each entry against its class, and that the codemod never changes a file without them.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from compat.knowledge import triggers as _t


@dataclass(frozen=True)
class CodemodEntry:
    name: str  # the class's NAME
    spec: str  # "module:Class"
    triggers: Tuple[bytes, ...]  # the class's TRIGGERS

    def load(self) -> type:
        module, _, cls = self.spec.partition(":")
        return getattr(importlib.import_module(module), cls)


# In run order. SDK rewrites come first (they read v1 names that the later, purely textual
# codemods would otherwise have touched).
CODEMODS: Tuple[CodemodEntry, ...] = (
    # v1 ding SDK (codemods/sdk/analysis.py); responses and errors read the v1 calls, so they run
    # before sdk-calls rewrites them; sdk-imports drops what became unused, last.
    # first: TODOs where v1 values leave (comments only)
    CodemodEntry("sdk-value-flow", "codemods.sdk.value_flow:SdkValueFlowCodemod", _t.SDK_TRIGGERS),
    CodemodEntry("sdk-responses", "codemods.sdk.responses:SdkResponsesCodemod", _t.SDK_TRIGGERS),
    CodemodEntry("sdk-errors", "codemods.sdk.errors:SdkErrorsCodemod", _t.ERROR_TRIGGERS),
    CodemodEntry("sdk-client", "codemods.sdk.client:SdkClientCodemod", _t.IMPORT_TRIGGERS),
    CodemodEntry("sdk-calls", "codemods.sdk.calls:SdkCallsCodemod", _t.CALL_TRIGGERS + _t.IMPORT_TRIGGERS),
    CodemodEntry("sdk-imports", "codemods.sdk.imports:SdkImportsCodemod", _t.IMPORT_TRIGGERS),
    # raw HTTP and hosts (codemods/http/urls.py detection) run after the SDK codemods
    CodemodEntry("raw-http", "codemods.http.raw_http:RawHttpCodemod", _t.RAW_HTTP_TRIGGERS),
    CodemodEntry("hosts", "codemods.http.hosts:HostsCodemod", _t.HOSTS_TRIGGERS),
    # reads of v1 values other modules define (run on the files the repo pre-pass names)
    CodemodEntry("cross-module", "codemods.http.cross_module:CrossModuleCodemod", _t.CROSS_MODULE_TRIGGERS),
    # last: marks the v1 URLs nothing could rewrite
    CodemodEntry("v1-leftovers", "codemods.http.v1_leftovers:V1LeftoversCodemod", _t.V1_LEFTOVERS_TRIGGERS),
)
CODEMOD_CLASSES = tuple(entry.spec for entry in CODEMODS)  # "module:Class", in run order
_BY_NAME: Dict[str, CodemodEntry] = {entry.name: entry for entry in CODEMODS}


def codemod_names() -> Tuple[str, ...]:
    """Every codemod's NAME, in run order (no import)."""
    return tuple(_BY_NAME)


def triggers_of(names: Optional[Sequence[str]] = None) -> Tuple[bytes, ...]:
    """The trigger tokens of the codemods ``names`` (default: all; names of other rewriters are
    ignored), each once, in run order (no import)."""
    wanted = _BY_NAME if names is None else [n for n in names if n in _BY_NAME]
    return tuple(dict.fromkeys(t for name in wanted for t in _BY_NAME[name].triggers))


def all_codemods() -> Dict[str, type]:
    """NAME -> codemod class, in run order (imports every codemod, and libcst)."""
    return {entry.name: entry.load() for entry in CODEMODS}
