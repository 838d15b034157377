"""Opt-in, process-wide: serve ``https://api.ding.live/`` from v2 in every ``requests`` session.

``install`` patches ``requests.Session.get_adapter`` (so sessions made before the call, and
``requests.post(...)``, are served too); ``uninstall`` puts the original function back.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Optional

import requests
from requests.adapters import BaseAdapter

from compat.adapter import CompatAdapter, mounted_own_adapter
from compat.engine import is_v1_url

_install_lock = threading.Lock()
_installed: Optional[CompatAdapter] = None
_patched: Optional[Callable[..., BaseAdapter]] = None  # our get_adapter, while it is the class's
_original_get_adapter: Optional[Callable[..., BaseAdapter]] = None


def install(api_key: Optional[str] = None, **options: Any) -> CompatAdapter:
    """Serve ``https://api.ding.live/`` from v2 in every ``requests`` session of the process,
    including ones made later and ``requests.post(...)``. A session that mounted its own
    adapter for that host keeps it. Calling it again replaces the previous installation."""
    global _installed, _patched, _original_get_adapter
    adapter = CompatAdapter(api_key, **options)
    with _install_lock:
        previous = _installed
        current = requests.Session.get_adapter
        original = _original_get_adapter if _patched is not None and current is _patched else current

        def get_adapter(self: requests.Session, url: str) -> BaseAdapter:
            # Checking _installed lets a patch that someone else wrapped later fall silent on
            # uninstall, since it can no longer be taken out of their chain.
            if _installed is adapter and is_v1_url(url) and not mounted_own_adapter(self, url):
                return adapter
            return original(self, url)

        get_adapter.__wrapped__ = original  # type: ignore[attr-defined]
        requests.Session.get_adapter = get_adapter  # type: ignore[method-assign]
        _installed, _patched, _original_get_adapter = adapter, get_adapter, original
    if previous is not None:
        previous.close()
    return adapter


def uninstall() -> None:
    """Undo ``install``: ``requests.Session.get_adapter`` is the original function again (or,
    if another library wrapped it since, theirs stays and ours only passes calls through)."""
    global _installed, _patched, _original_get_adapter
    with _install_lock:
        adapter, _installed = _installed, None
        if _patched is not None and requests.Session.get_adapter is _patched:
            requests.Session.get_adapter = _original_get_adapter  # type: ignore[method-assign]
        _patched = _original_get_adapter = None
    if adapter is not None:
        adapter.close()
