"""``RedisStore``: the adapter's optional state shared by several hosts or proxy replicas.

Same interface and behaviour as ``compat.store.SQLiteStore``: a record is a JSON object per
``authentication_uuid``, kept ``ttl`` seconds after it was written. Each key holds
``{"expires": <clock time>, "record": {...}}`` and carries a Redis expiry of ``ttl`` too, so
Redis drops it by itself; the stored time makes expiry follow the store's ``clock`` exactly as
the other stores do. ``update`` and ``add`` are optimistic transactions (``WATCH`` the key, read, merge,
``MULTI``/``SET ... KEEPTTL``/``EXEC``, again if another client changed the key in between), so
concurrent writers on any number of hosts lose no update.

``async_get``/``async_put``/``async_update`` do the same on ``redis.asyncio`` (for servers on an
event loop: ``compat.engine.run_steps_async`` awaits them). The ``redis`` package is imported
only when a ``RedisStore`` is made (``pip install 'prelude-migrate[redis]'``).
"""
from __future__ import annotations

import asyncio
import json
import time
from typing import Any, Callable, Optional

from compat.store import DEFAULT_TTL, Record, Store

DEFAULT_PREFIX = "prelude-migrate:compat:auth:"
_MAX_ATTEMPTS = 100  # optimistic update rounds before giving up (each lost round means progress elsewhere)


class RedisStore(Store):
    """``RedisStore("redis://localhost:6379/0")``; ``prefix`` namespaces the keys."""

    def __init__(self, url: str, ttl: float = DEFAULT_TTL, clock: Callable[[], float] = time.time,
                 prefix: str = DEFAULT_PREFIX, **client_options: Any):
        import redis

        self._redis_module = redis
        self._url, self._ttl, self._clock, self._prefix = url, ttl, clock, prefix
        self._client_options = client_options
        self._client = redis.Redis.from_url(url, **client_options)
        self._async: Any = None
        self._async_loop: Optional[asyncio.AbstractEventLoop] = None

    # --- encoding ---------------------------------------------------------------------------

    def _key(self, key: str) -> str:
        return self._prefix + key

    def _entry(self, record: Record) -> str:
        return json.dumps({"expires": self._clock() + self._ttl, "record": record})

    def _live(self, raw: Optional[bytes]) -> Optional[dict]:
        """The stored entry, or None when absent or expired by the store's clock."""
        if raw is None:
            return None
        entry = json.loads(raw)
        return entry if entry["expires"] >= self._clock() else None

    def _record(self, raw: Optional[bytes]) -> Optional[Record]:
        entry = self._live(raw)
        return None if entry is None else entry["record"]

    def _expiry_ms(self) -> int:
        return max(1, int(self._ttl * 1000))

    # --- synchronous -------------------------------------------------------------------------

    def get(self, key: str) -> Optional[Record]:
        return self._record(self._client.get(self._key(key)))

    def put(self, key: str, record: Record) -> None:
        self._client.set(self._key(key), self._entry(record), px=self._expiry_ms())

    def add(self, key: str, record: Record) -> bool:
        name = self._key(key)
        with self._client.pipeline() as pipe:
            for _ in range(_MAX_ATTEMPTS):
                try:
                    pipe.watch(name)
                    if self._live(pipe.get(name)) is not None:
                        pipe.unwatch()
                        return False
                    pipe.multi()
                    pipe.set(name, self._entry(record), px=self._expiry_ms())
                    pipe.execute()
                    return True
                except self._redis_module.WatchError:
                    continue
        raise RuntimeError(f"compat RedisStore: add of {key!r} lost {_MAX_ATTEMPTS} races in a row")

    def update(self, key: str, **changes: Any) -> Optional[Record]:
        name = self._key(key)
        with self._client.pipeline() as pipe:
            for _ in range(_MAX_ATTEMPTS):
                try:
                    pipe.watch(name)
                    entry = self._live(pipe.get(name))
                    if entry is None:
                        pipe.unwatch()
                        return None
                    entry["record"].update(changes)
                    pipe.multi()
                    pipe.set(name, json.dumps(entry), keepttl=True)
                    pipe.execute()
                    return entry["record"]
                except self._redis_module.WatchError:
                    continue
        raise RuntimeError(f"compat RedisStore: update of {key!r} lost {_MAX_ATTEMPTS} races in a row")

    def close(self) -> None:
        self._client.close()

    # --- asynchronous (redis.asyncio), one client per event loop ----------------------------------

    def _async_client(self) -> Any:
        loop = asyncio.get_running_loop()
        if self._async is None or self._async_loop is not loop:
            import redis.asyncio

            self._async = redis.asyncio.Redis.from_url(self._url, **self._client_options)
            self._async_loop = loop
        return self._async

    async def async_get(self, key: str) -> Optional[Record]:
        return self._record(await self._async_client().get(self._key(key)))

    async def async_put(self, key: str, record: Record) -> None:
        await self._async_client().set(self._key(key), self._entry(record), px=self._expiry_ms())

    async def async_add(self, key: str, record: Record) -> bool:
        name = self._key(key)
        async with self._async_client().pipeline() as pipe:
            for _ in range(_MAX_ATTEMPTS):
                try:
                    await pipe.watch(name)
                    if self._live(await pipe.get(name)) is not None:
                        await pipe.unwatch()
                        return False
                    pipe.multi()
                    pipe.set(name, self._entry(record), px=self._expiry_ms())
                    await pipe.execute()
                    return True
                except self._redis_module.WatchError:
                    continue
        raise RuntimeError(f"compat RedisStore: add of {key!r} lost {_MAX_ATTEMPTS} races in a row")

    async def async_update(self, key: str, **changes: Any) -> Optional[Record]:
        name = self._key(key)
        async with self._async_client().pipeline() as pipe:
            for _ in range(_MAX_ATTEMPTS):
                try:
                    await pipe.watch(name)
                    entry = self._live(await pipe.get(name))
                    if entry is None:
                        await pipe.unwatch()
                        return None
                    entry["record"].update(changes)
                    pipe.multi()
                    pipe.set(name, json.dumps(entry), keepttl=True)
                    await pipe.execute()
                    return entry["record"]
                except self._redis_module.WatchError:
                    continue
        raise RuntimeError(f"compat RedisStore: update of {key!r} lost {_MAX_ATTEMPTS} races in a row")
