"""The optional stores: one interface, in memory and in SQLite (several processes, one host)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from compat.store import MemoryStore, SQLiteStore


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "sqlite"])
def store_and_clock(request, tmp_path):
    clock = FakeClock()
    if request.param == "memory":
        store = MemoryStore(ttl=60, clock=clock)
    else:
        store = SQLiteStore(str(tmp_path / "compat.db"), ttl=60, clock=clock)
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
