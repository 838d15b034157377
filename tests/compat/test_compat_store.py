"""The optional stores: one interface, in memory, in SQLite (several processes, one host) and in
Redis (several hosts; a real redis-server, see tests/redis_server.py). Every behaviour test runs
on each store."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import uuid

import pytest

from compat.redis_store import RedisStore
from compat.store import MemoryStore, SQLiteStore


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _prefix() -> str:
    return f"test:{uuid.uuid4().hex}:"  # each test its own keys on the shared server


@pytest.fixture(params=["memory", "sqlite", "redis"])
def store_and_clock(request, tmp_path):
    clock = FakeClock()
    if request.param == "memory":
        store = MemoryStore(ttl=60, clock=clock)
    elif request.param == "sqlite":
        store = SQLiteStore(str(tmp_path / "compat.db"), ttl=60, clock=clock)
    else:
        store = RedisStore(request.getfixturevalue("redis_url"), ttl=60, clock=clock, prefix=_prefix())
    yield store, clock
    store.close()


def test_put_get_update(store_and_clock):
    store, _ = store_and_clock
    assert store.get("a") is None
    store.put("a", {"phone_number": "+33612345678", "validated": False, "v2_create": {"target": {"value": "x"}}})
    record = store.get("a")
    assert record == {"phone_number": "+33612345678", "validated": False, "v2_create": {"target": {"value": "x"}}}
    record["validated"] = True  # a copy: changing it does not change the store
    assert store.get("a")["validated"] is False
    assert store.update("a", validated=True, expires_at=12.5)["validated"] is True
    assert store.get("a") == {"phone_number": "+33612345678", "validated": True, "expires_at": 12.5,
                              "v2_create": {"target": {"value": "x"}}}
    assert store.update("missing", validated=True) is None


def test_add_writes_only_where_no_live_record_is(store_and_clock):
    store, clock = store_and_clock
    assert store.add("a", {"n": 1}) is True
    assert store.add("a", {"n": 2}) is False
    assert store.get("a") == {"n": 1}
    clock.now += 61  # expired: free again
    assert store.add("a", {"n": 3}) is True
    assert store.get("a") == {"n": 3}


def test_records_expire_after_the_ttl(store_and_clock):
    store, clock = store_and_clock
    store.put("a", {"n": 1})
    clock.now += 59
    assert store.get("a") == {"n": 1}
    clock.now += 2
    assert store.get("a") is None
    assert store.update("a", n=2) is None


def test_sqlite_is_shared_between_instances(tmp_path):
    path = str(tmp_path / "shared.db")
    SQLiteStore(path).put("k", {"v2_id": "vrf_1"})
    assert SQLiteStore(path).get("k") == {"v2_id": "vrf_1"}


_WRITER = textwrap.dedent("""
    import sys
    from compat.store import SQLiteStore
    path, field, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = SQLiteStore(path)
    for i in range(count):
        store.put(f"{field}-{i}", {"i": i})
        store.update("shared", **{field: i})
""")


def test_sqlite_two_processes_writing_lose_nothing(tmp_path):
    path = str(tmp_path / "multi.db")
    SQLiteStore(path).put("shared", {})
    count = 150
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, path, field, str(count)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for field in ("a", "b")]
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err.decode()
    store = SQLiteStore(path)
    # each update read-modified-wrote the shared record: a lost update would leave a stale field
    assert store.get("shared") == {"a": count - 1, "b": count - 1}
    assert all(store.get(f"{field}-{i}") == {"i": i} for field in ("a", "b") for i in range(count))


_REDIS_WRITER = textwrap.dedent("""
    import sys
    from compat.redis_store import RedisStore
    url, prefix, field, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    store = RedisStore(url, prefix=prefix)
    for i in range(count):
        store.put(f"{field}-{i}", {"i": i})
        store.update("shared", **{field: i})
""")


def test_redis_two_processes_writing_lose_nothing(redis_url):
    prefix = _prefix()
    RedisStore(redis_url, prefix=prefix).put("shared", {})
    count = 150
    writers = [subprocess.Popen([sys.executable, "-c", _REDIS_WRITER, redis_url, prefix, field, str(count)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for field in ("a", "b")]
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err.decode()
    store = RedisStore(redis_url, prefix=prefix)
    assert store.get("shared") == {"a": count - 1, "b": count - 1}
    assert all(store.get(f"{field}-{i}") == {"i": i} for field in ("a", "b") for i in range(count))


def test_redis_async_methods_match_the_sync_ones_and_lose_no_update(redis_url):
    clock = FakeClock()
    store = RedisStore(redis_url, ttl=60, clock=clock, prefix=_prefix())

    async def main():
        await store.async_put("k", {"validated": False})
        assert await store.async_get("k") == {"validated": False}
        # 40 concurrent read-modify-writes of one record, each adding its own field
        await asyncio.gather(*(store.async_update("k", **{f"f{i}": i}) for i in range(40)))
        assert await store.async_update("missing", x=1) is None
        assert await store.async_add("k", {"other": True}) is False
        assert await store.async_add("k2", {"other": True}) is True
        return await store.async_get("k")

    record = asyncio.run(main())
    assert record == {"validated": False, **{f"f{i}": i for i in range(40)}}
    assert store.get("k") == record  # the same entry for both clients
    clock.now += 61
    assert asyncio.run(store.async_get("k")) is None


def test_redis_keys_carry_a_redis_expiry(redis_url):
    import redis

    prefix = _prefix()
    RedisStore(redis_url, ttl=120, prefix=prefix).put("k", {"n": 1})
    RedisStore(redis_url, ttl=120, prefix=prefix).update("k", n=2)  # KEEPTTL: still expiring
    assert 0 < redis.Redis.from_url(redis_url).pttl(prefix + "k") <= 120_000
