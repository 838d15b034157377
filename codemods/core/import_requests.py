"""Import bookkeeping: the imports codemods ask to add or remove, applied once per file at the end.

A codemod asks with :func:`add_needed_import` / :func:`remove_unused_import` (the arguments of
libcst's ``AddImportsVisitor.add_needed_import`` / ``RemoveImportsVisitor.remove_unused_import``).
The requests wait in the context's scratch: removals under libcst's own key and in its own shape
(``(module, obj, asname)`` tuples); additions as the same arguments, handed to libcst's
``add_needed_import`` at the end (its shape, ``ImportItem``, lives in ``libcst.codemod``).
:func:`apply_import_requests` then runs libcst's ``AddImportsVisitor`` once and the removal once
(``codemods.core.unused_imports``: from the tokens when they decide, else libcst's
``RemoveImportsVisitor``). Only a file with a request imports ``libcst.codemod`` (and with it
``libcst.matchers``); a file whose codemods asked for nothing costs no import at all.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Dict, Iterator, Optional, Tuple

import libcst as cst

ADD_KEY = "AddImportsVisitor"  # libcst's AddImportsVisitor.CONTEXT_KEY (tests/codemods/core/test_import_requests.py)
REMOVE_KEY = "RemoveImportsVisitor"  # libcst's RemoveImportsVisitor.CONTEXT_KEY
PENDING_ADD_KEY = "prelude-migrate:" + ADD_KEY  # additions not yet handed to libcst


def add_needed_import(context, module: str, obj: Optional[str] = None, asname: Optional[str] = None,
                      relative: int = 0) -> None:
    """Ask for ``import module`` / ``from module import obj [as asname]`` (added unless present)."""
    if module == "__future__" and obj is None:
        raise ValueError("Cannot import __future__ directly!")  # libcst's check, at the same moment
    context.scratch.setdefault(PENDING_ADD_KEY, []).append((module, obj, asname, relative))


def remove_unused_import(context, module: str, obj: Optional[str] = None, asname: Optional[str] = None) -> None:
    """Ask for the import of ``module`` (``obj``, ``asname``) to go if nothing uses it any more."""
    context.scratch.setdefault(REMOVE_KEY, []).append((module, obj, asname))


def has_requests(context) -> bool:
    scratch = context.scratch
    return bool(scratch.get(PENDING_ADD_KEY) or scratch.get(ADD_KEY) or scratch.get(REMOVE_KEY))


def apply_import_requests(module: cst.Module, context) -> Tuple[cst.Module, bool]:
    """``module`` with the requested imports added, then the requested ones nothing uses removed:
    (module, whether the removal changed it)."""
    if not has_requests(context):
        return module, False
    from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

    from codemods.core import libcst_speedups
    from codemods.core.context import as_libcst_context
    from codemods.core.unused_imports import remove_unused_imports

    libcst_speedups.install_import_pass_patches()
    context = as_libcst_context(context)
    for request in context.scratch.pop(PENDING_ADD_KEY, ()):
        AddImportsVisitor.add_needed_import(context, *request)
    if context.scratch.get(ADD_KEY):
        module = without_copy(AddImportsVisitor)(context).transform_module(module)
    return remove_unused_imports(module, context, without_copy(RemoveImportsVisitor))


# --- libcst's import passes, without their defensive copy ------------------------------------

class _NoCopy:
    """Mixin for libcst codemods (and ours): wrap the module without libcst's defensive deep
    copy (a tenth of the chain's time). The copy makes every node identity unique, so that
    metadata keyed by node is unambiguous. A parsed module is already unique; trees built by
    transformers share only libcst's default leaves (an empty `SimpleWhitespace`, a `Dot()`),
    and no metadata is read for those here or in libcst's import passes."""

    @contextmanager
    def _handle_metadata_reference(self, module: cst.Module) -> Iterator[cst.Module]:
        if self.context.metadata_manager is not None and self.context.filename:  # libcst's tool: its cache
            with super()._handle_metadata_reference(module) as tree:  # type: ignore[misc]
                yield tree
            return
        wrapper = cst.MetadataWrapper(module, unsafe_skip_copy=True)
        old_context = self.context
        with self.resolve(wrapper):  # type: ignore[attr-defined]
            self.context = replace(self.context, wrapper=wrapper)
            try:
                yield wrapper.module
            finally:
                self.context = old_context


class _TopLevelOnly:
    """Mixin for AddImportsVisitor, which only ever edits the module's top-level imports: do
    not walk into function bodies and expressions (a third of its run)."""

    def on_visit(self, node: cst.CSTNode) -> bool:
        visit_children = super().on_visit(node)  # type: ignore[misc]
        if isinstance(node, (cst.BaseCompoundStatement, cst.BaseSmallStatement)) \
                and not isinstance(node, (cst.Import, cst.ImportFrom)):
            return False
        return visit_children


_NO_COPY_CLASSES: Dict[type, type] = {}


def without_copy(transform: type) -> type:
    """``transform`` (libcst's AddImportsVisitor or a RemoveImportsVisitor) without the copy."""
    if transform not in _NO_COPY_CLASSES:
        from libcst.codemod.visitors import AddImportsVisitor

        mixins = (_NoCopy, _TopLevelOnly) if issubclass(transform, AddImportsVisitor) else (_NoCopy,)
        _NO_COPY_CLASSES[transform] = type(transform.__name__, (*mixins, transform), {})
    return _NO_COPY_CLASSES[transform]
