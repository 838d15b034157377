"""The sandbox's state: compat.testing's FakeV2 and FakeV1 on one clock, the log of received
requests, and the faults only an HTTP server can inject (dropped connections, broken JSON,
latency). Pure Python, no server imports: the ASGI app in ``sandbox`` drives it.
"""
from __future__ import annotations

import fnmatch
import itertools
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, Deque, Dict, List, Mapping, Optional

from compat.testing import FakeV1, FakeV2, InjectedTimeout, OffsetClock

APIS = ("v2", "v1")
# Faults the fakes cannot express in-process; applied after the fake has answered (its state
# has changed: a code went out), which is the case a client must never re-send on.
HTTP_FAULTS = ("disconnect", "invalid_json")


@dataclass
class Outcome:
    """What the server should do with one API request."""

    kind: str  # "reply" | "timeout" | "disconnect" | "invalid_json"
    status: int = 200
    headers: Optional[Dict[str, str]] = None
    body: bytes = b""


@dataclass
class _HttpFault:
    kind: str
    api: Optional[str]
    path: Optional[str]
    remaining: int

    def matches(self, api: str, path: str) -> bool:
        return (self.api in (None, api)) and (self.path is None or fnmatch.fnmatchcase(path, self.path))


class Sandbox:
    def __init__(self, v2_key: str = "test-v2-key", v1_key: str = "test-v1-key",
                 customer_uuid: str = "00000000-0000-4000-8000-000000000001", window_seconds: int = 600,
                 seed: Optional[int] = None, log_size: int = 10_000) -> None:
        self.clock = OffsetClock()
        self.v2 = FakeV2(api_key=v2_key, clock=self.clock, window_seconds=window_seconds, seed=seed)
        self.v1 = FakeV1(api_key=v1_key, customer_uuid=customer_uuid, clock=self.clock,
                         window_seconds=window_seconds, seed=seed)
        self._lock = threading.Lock()
        self._log: Deque[Dict[str, Any]] = deque(maxlen=log_size)
        self._seq = itertools.count(1)
        self._faults: List[_HttpFault] = []
        self.latency_seconds = 0.0
        self.timeout_seconds = 30.0

    def fake(self, api: str) -> Any:
        if api not in APIS:
            raise ValueError(f"api must be one of {APIS}, got {api!r}")
        return self.v2 if api == "v2" else self.v1

    # --- serving ------------------------------------------------------------------------

    def answer(self, api: str, method: str, url: str, headers: Mapping[str, str], body: bytes) -> Outcome:
        """Serve one request through the fake for ``api`` and log it."""
        fake = self.fake(api)
        try:
            status, reply_headers, reply = fake.handle(method, url, headers, body)
            outcome = Outcome("reply", status, reply_headers, reply)
        except InjectedTimeout:
            outcome = Outcome("timeout", 504)
        recorded = fake.requests[-1]
        if outcome.kind == "reply":
            fault = self._take_fault(api, recorded.path)
            if fault is not None:
                outcome.kind = fault
        self._record(api, recorded, outcome)
        return outcome

    def _take_fault(self, api: str, path: str) -> Optional[str]:
        with self._lock:
            for fault in self._faults:
                if fault.matches(api, path):
                    fault.remaining -= 1
                    if not fault.remaining:
                        self._faults.remove(fault)
                    return fault.kind
        return None

    def _record(self, api: str, recorded: Any, outcome: Outcome) -> None:
        entry = {
            "seq": next(self._seq), "api": api, "method": recorded.method, "path": recorded.path,
            "query": recorded.query, "headers": recorded.headers, "json": recorded.json,
            "body": recorded.body.decode("utf-8", "replace"), "status": outcome.status, "outcome": outcome.kind,
        }
        with self._lock:
            self._log.append(entry)

    # --- controls -----------------------------------------------------------------------

    def received(self, api: Optional[str] = None, method: Optional[str] = None, path: Optional[str] = None,
                 since: int = 0) -> List[Dict[str, Any]]:
        """Logged requests, oldest first, filtered by api, method, path glob and ``seq > since``."""
        with self._lock:
            entries = list(self._log)
        return [entry for entry in entries if entry["seq"] > since
                and (api is None or entry["api"] == api)
                and (method is None or entry["method"] == method.upper())
                and (path is None or fnmatch.fnmatchcase(entry["path"], path))]

    def fail_next(self, kind: str = "error", api: str = "v2", times: int = 1, path: Optional[str] = None,
                  status: int = 500, code: Optional[str] = None, message: str = "injected failure") -> None:
        if kind == "error":
            self.fake(api).fail_next(status=status, code=code, message=message, times=times, path=path)
            return
        if kind not in HTTP_FAULTS:
            raise ValueError(f"kind must be 'error' or one of {HTTP_FAULTS}, got {kind!r}")
        if not isinstance(times, int) or isinstance(times, bool) or times < 1:
            raise ValueError(f"times must be a positive integer, got {times!r}")
        self.fake(api)  # validates api
        with self._lock:
            self._faults.append(_HttpFault(kind, api, path, times))

    def timeout_next(self, api: str = "v2", times: int = 1, path: Optional[str] = None,
                     seconds: float = 30.0) -> None:
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not 0 < seconds <= 600:
            raise ValueError(f"seconds must be a number in (0, 600], got {seconds!r}")
        self.fake(api).timeout_next(times=times, path=path)
        self.timeout_seconds = float(seconds)

    def set_latency(self, milliseconds: float) -> None:
        if not isinstance(milliseconds, (int, float)) or isinstance(milliseconds, bool) or not 0 <= milliseconds <= 60_000:
            raise ValueError(f"ms must be a number from 0 to 60000, got {milliseconds!r}")
        self.latency_seconds = milliseconds / 1000

    def reset(self) -> None:
        """Both fakes, the log, the faults, the latency and the clock back to a fresh start."""
        self.v2.reset()
        self.v1.reset()
        with self._lock:
            self._log.clear()
            self._faults.clear()
        self.latency_seconds = 0.0
        self.timeout_seconds = 30.0
        self.clock.offset = type(self.clock.offset)(0)
