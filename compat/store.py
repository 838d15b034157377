"""Optional state for the adapter: more fidelity than a sealed id alone can give.

A record is a JSON-able dict keyed by the ``authentication_uuid``; the adapter keeps in it the
v2 verification id (for status), the original v2 create body (replayed on retry), the expiry
and whether a check already succeeded (``already_validated``). Two implementations behind one
small interface: ``MemoryStore`` (one process) and ``SQLiteStore`` (several processes on one
host; WAL journal, each update in one ``BEGIN IMMEDIATE`` transaction).
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from typing import Any, Callable, Dict, Optional

Record = Dict[str, Any]

DEFAULT_TTL = 86400.0  # a day: far longer than any verification window


class Store:
    """The interface. ``update`` merges ``changes`` into an existing record atomically; ``add``
    writes a record only where none lives (the adapter's guard against two creates sharing an
    id). A store of your own that has no atomic ``add`` inherits a get-then-put one."""

    def get(self, key: str) -> Optional[Record]:
        raise NotImplementedError

    def put(self, key: str, record: Record) -> None:
        raise NotImplementedError

    def add(self, key: str, record: Record) -> bool:
        """Write ``record`` unless a live one is there; whether it was written."""
        if self.get(key) is not None:
            return False
        self.put(key, record)
        return True

    def update(self, key: str, **changes: Any) -> Optional[Record]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class MemoryStore(Store):
    def __init__(self, ttl: float = DEFAULT_TTL, clock: Callable[[], float] = time.time):
        self._ttl, self._clock = ttl, clock
        self._records: Dict[str, tuple] = {}
        self._lock = threading.Lock()
        self._puts = 0

    def get(self, key: str) -> Optional[Record]:
        with self._lock:
            entry = self._records.get(key)
            if entry is None:
                return None
            if entry[0] < self._clock():
                del self._records[key]
                return None
            return dict(entry[1])

    def put(self, key: str, record: Record) -> None:
        with self._lock:
            self._put(key, record, self._clock())

    def add(self, key: str, record: Record) -> bool:
        with self._lock:
            now = self._clock()
            entry = self._records.get(key)
            if entry is not None and entry[0] >= now:
                return False
            self._put(key, record, now)
            return True

    def _put(self, key: str, record: Record, now: float) -> None:
        self._puts += 1
        if self._puts % 1024 == 0:  # drop expired records now and then, not on every call
            self._purge(now)
        self._records[key] = (now + self._ttl, dict(record))

    def update(self, key: str, **changes: Any) -> Optional[Record]:
        with self._lock:
            entry = self._records.get(key)
            if entry is None or entry[0] < self._clock():
                return None
            entry[1].update(changes)
            return dict(entry[1])

    def _purge(self, now: float) -> None:
        for key in [k for k, (expiry, _) in self._records.items() if expiry < now]:
            del self._records[key]


class SQLiteStore(Store):
    """One SQLite file shared by every process of a host. One connection per thread."""

    def __init__(self, path: str, ttl: float = DEFAULT_TTL, clock: Callable[[], float] = time.time,
                 busy_timeout: float = 5.0):
        self._path, self._ttl, self._clock, self._busy_timeout = path, ttl, clock, busy_timeout
        self._local = threading.local()
        with self._connection() as db:
            db.execute("CREATE TABLE IF NOT EXISTS compat_auth ("
                       "key TEXT PRIMARY KEY, expires REAL NOT NULL, record TEXT NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS compat_auth_expires ON compat_auth (expires)")

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            # isolation_level=None: we issue BEGIN ourselves, so updates are one transaction.
            db = sqlite3.connect(self._path, timeout=self._busy_timeout, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def get(self, key: str) -> Optional[Record]:
        row = self._connection().execute(
            "SELECT record FROM compat_auth WHERE key = ? AND expires >= ?", (key, self._clock())).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, record: Record) -> None:
        now = self._clock()
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT OR REPLACE INTO compat_auth (key, expires, record) VALUES (?, ?, ?)",
                       (key, now + self._ttl, json.dumps(record)))
            db.execute("DELETE FROM compat_auth WHERE expires < ?", (now,))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def add(self, key: str, record: Record) -> bool:
        now = self._clock()
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("SELECT 1 FROM compat_auth WHERE key = ? AND expires >= ?", (key, now)).fetchone():
                db.execute("ROLLBACK")
                return False
            db.execute("INSERT OR REPLACE INTO compat_auth (key, expires, record) VALUES (?, ?, ?)",
                       (key, now + self._ttl, json.dumps(record)))
            db.execute("COMMIT")
            return True
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def update(self, key: str, **changes: Any) -> Optional[Record]:
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")  # take the write lock before reading: no lost updates
        try:
            row = db.execute("SELECT record FROM compat_auth WHERE key = ? AND expires >= ?",
                             (key, self._clock())).fetchone()
            if row is None:
                db.execute("ROLLBACK")
                return None
            record = json.loads(row[0])
            record.update(changes)
            db.execute("UPDATE compat_auth SET record = ? WHERE key = ?", (json.dumps(record), key))
            db.execute("COMMIT")
            return record
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None
