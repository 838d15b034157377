"""prelude-migrate runtime adapter and API knowledge base.

Two lines keep unchanged v1 code working against the v2 API::

    import compat
    sdk = Ding(api_key="unused", client=compat.session(api_key=V2_KEY))

This package stays light: it imports the standard library only (never libcst, click, httpx or
redis). The shells (the ``requests`` adapter, the httpx transports) and the stores are loaded on
first use, and so are the facts (``compat.knowledge``, one module per topic) and
``__version__``: ``import compat`` is cheap.
"""
from __future__ import annotations

_SUBMODULES = ("knowledge",)

_LAZY = {
    "session": "compat.adapter",
    "CompatAdapter": "compat.adapter",
    "install": "compat.process_wide",
    "uninstall": "compat.process_wide",
    "CompatConfigError": "compat.engine",
    "MemoryStore": "compat.store",
    "SQLiteStore": "compat.store",
    "RedisStore": "compat.redis_store",
    "HTTPXTransport": "compat.httpx_transport",
    "AsyncHTTPXTransport": "compat.httpx_transport",
}


def __getattr__(name: str):
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"compat.{name}")
    if name == "__version__":
        from compat._version import distribution_version

        return distribution_version()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'compat' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [*_SUBMODULES, *_LAZY]
