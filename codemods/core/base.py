"""The bases of our codemods: libcst's ``Codemod`` / ``CodemodCommand`` API as our codemods use
it, without ``libcst.codemod`` (whose import pulls in ``libcst.matchers``, about 0.2 s of CPU,
see ``codemods.core.context``; none of our codemods uses matcher decorators).

- :class:`Codemod`: ``context``, ``warn``, ``module``, ``METADATA_DEPENDENCIES`` /
  ``get_metadata`` (libcst's ``MetadataDependent``), ``transform_module`` (metadata resolved as
  libcst's ``Codemod`` does, then the import requests applied, as libcst's ``CodemodCommand``
  does: ``codemods.core.import_requests``). ``codemods.engine`` does not call
  ``transform_module``: it batches the codemods' visits and applies every request once per file.
- :class:`PlainCodemod`: a visitor codemod (libcst's ``CSTTransformer`` dispatch) with no
  attribute hooks.

libcst's tests (``CodemodTest``) run these classes as they are; libcst's tool runs them through
``codemods.libcst_commands``.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

import libcst as cst
from libcst import MetadataDependent, MetadataWrapper


class Codemod(MetadataDependent):
    NAME: str = ""
    DESCRIPTION: str = "No description."

    def __init__(self, context) -> None:
        MetadataDependent.__init__(self)
        self.context = context  # codemods.core.context.RewriteContext (or libcst's CodemodContext)

    def warn(self, warning: str) -> None:
        self.context.warnings.append(warning)

    @property
    def module(self) -> cst.Module:
        module = self.context.module
        if module is None:
            raise ValueError(f"{type(self).__name__}.module read outside transform_module()")
        return module

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        raise NotImplementedError

    @contextmanager
    def _handle_metadata_reference(self, module: cst.Module) -> Iterator[cst.Module]:
        """libcst's: a wrapper (with libcst's repo-wide cache under its tool), its metadata resolved."""
        old_wrapper = self.context.wrapper
        manager, filename = self.context.metadata_manager, self.context.filename
        if manager is not None and filename:
            wrapper = MetadataWrapper(module, cache=manager.get_cache_for_path(filename))
        else:
            wrapper = MetadataWrapper(module)
        with self.resolve(wrapper):
            self.context = replace(self.context, wrapper=wrapper)
            try:
                yield wrapper.module
            finally:
                self.context = replace(self.context, wrapper=old_wrapper)

    def transform_module(self, tree: cst.Module) -> cst.Module:
        """This codemod alone over ``tree``, then the imports it asked for added and removed."""
        from codemods.core.import_requests import apply_import_requests

        with self._handle_metadata_reference(tree) as tree_with_metadata:
            tree = self.transform_module_impl(tree_with_metadata)
        return apply_import_requests(tree, self.context)[0]


class PlainCodemod(Codemod, cst.CSTTransformer):
    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        return tree.visit(self)

    # No `visit_<Node>_<attribute>` hooks in our codemods: skip the per-child lookup of one.
    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass
