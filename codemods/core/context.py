"""The per-file context our codemods share: the fields of libcst's ``CodemodContext`` (same names,
same meaning), without importing ``libcst.codemod``.

``libcst.codemod``'s package import pulls in ``libcst.matchers`` (its visitor bases are matcher
transformers), about 0.2 s of CPU: more than the rest of a run over a tree where a few files use
v1. Our codemods read ``filename``, ``wrapper``, ``metadata_manager``, ``scratch`` (the import
requests, ``codemods.core.import_requests``) and ``warnings``. libcst's own ``CodemodContext``
works in its place (its tests and tool pass one); the import bookkeeping hands libcst's
visitors a real one built from this (:func:`as_libcst_context`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Dict, List, Optional


@dataclass(frozen=True)
class RewriteContext:
    warnings: List[str] = field(default_factory=list)
    scratch: Dict[str, Any] = field(default_factory=dict)  # shared by every codemod of one file
    filename: Optional[str] = None
    full_module_name: Optional[str] = None
    full_package_name: Optional[str] = None
    wrapper: Optional[Any] = None  # libcst.metadata.MetadataWrapper of the module being visited
    metadata_manager: Optional[Any] = None  # libcst.metadata.FullRepoManager (libcst's tool)

    @property
    def module(self):
        return None if self.wrapper is None else self.wrapper.module


def as_libcst_context(context):
    """``context`` as a libcst ``CodemodContext`` sharing its scratch and warnings (imports
    ``libcst.codemod``: only for libcst's own visitors)."""
    from libcst.codemod import CodemodContext

    if isinstance(context, CodemodContext):
        return context
    return CodemodContext(**{f.name: getattr(context, f.name) for f in fields(RewriteContext)})
