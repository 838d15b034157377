"""Our codemods as libcst ``CodemodCommand`` classes, for libcst's own runner:

    python -m libcst.tool codemod --no-format libcst_commands.HostsCodemod PATH

(with ``codemods`` listed under ``modules:`` in ``.libcst.codemod.yaml``). Each codemod of
``codemods.registry`` has one here, under its own class name. Our codemods keep libcst's
``Codemod`` API without subclassing it (``codemods.core.base``: importing ``libcst.codemod``
costs ``prelude-migrate rewrite`` about 0.2 s), and libcst's tool wants real ``CodemodCommand``
subclasses, so each command here runs the codemod itself, unchanged: the same metadata, the
same transform, the same import bookkeeping. Only libcst's tool and the tests import this
module; a command class is built when it is first looked up (so the tool imports only the
codemod it runs).
"""
from __future__ import annotations

from typing import Dict, List

import libcst as cst
from libcst.codemod import CodemodCommand

from codemods.registry import CODEMODS

_SPECS: Dict[str, str] = {entry.spec.partition(":")[2]: entry.spec for entry in CODEMODS}  # class name -> spec
_COMMANDS: Dict[str, type] = {}


class LibcstCommand(CodemodCommand):
    """A libcst command running ``CODEMOD`` (one of ours) on each module (abstract: libcst's
    ``list`` shows only the commands built by :func:`command_for`)."""

    CODEMOD: type

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # the codemod resolves its own metadata and applies its own import requests
        return self.CODEMOD(self.context).transform_module(tree)


def _transform_module_impl(self, tree: cst.Module) -> cst.Module:
    # never called (transform_module above is overridden): it only fills libcst's abstract method
    return self.transform_module(tree)


def command_for(codemod: type) -> type:
    """The libcst ``CodemodCommand`` class that runs ``codemod``."""
    name = codemod.__name__
    if name not in _COMMANDS:
        _COMMANDS[name] = type(name, (LibcstCommand,), {
            "CODEMOD": codemod,
            "transform_module_impl": _transform_module_impl,
            "DESCRIPTION": codemod.DESCRIPTION,
            "METADATA_DEPENDENCIES": tuple(codemod.get_inherited_dependencies()),
            "__module__": __name__,
            "__qualname__": name,
            "__doc__": codemod.__doc__ or codemod.DESCRIPTION,
        })
    return _COMMANDS[name]


def __getattr__(name: str) -> type:
    if name in _SPECS:
        entry = next(e for e in CODEMODS if e.spec == _SPECS[name])
        return command_for(entry.load())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_SPECS))
