"""Which ``visit_*`` / ``leave_*`` hooks of a libcst visitor can do anything: libcst's typed
visitor stubs (one per node class and attribute) are marked ``_is_no_op`` and do nothing.
No libcst import here: the engine asks before it knows whether a file needs libcst at all."""
from __future__ import annotations

from typing import Optional


def real_hook(cls: type, name: str) -> Optional[object]:
    """``cls``'s hook method ``name`` (``"visit_Call"``), or None when it is missing or one of
    libcst's do-nothing stubs."""
    hook = getattr(cls, name, None)
    return None if hook is None or is_no_op(hook) else hook


def is_no_op(hook: object) -> bool:
    """Whether ``hook`` is one of libcst's do-nothing stubs."""
    return bool(getattr(hook, "_is_no_op", False))


def has_instance_hooks(visitor: object) -> bool:
    """Whether hooks were set on the visitor instance itself (libcst finds those too)."""
    return any(name.startswith(("visit_", "leave_")) for name in getattr(visitor, "__dict__", ()))
