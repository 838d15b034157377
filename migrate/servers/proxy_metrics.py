"""The proxy's Prometheus metrics (prometheus_client; its multiprocess mode when the proxy runs
several workers). Labels carry operation names, outcomes and codes: never a phone number, an
id or a key.

    prelude_compat_requests_total{operation, outcome}     v1 calls answered
    prelude_compat_request_seconds{operation}             time to answer a v1 call
    prelude_compat_v2_request_seconds{endpoint}           time of each v2 request
    prelude_compat_v2_faults_total{kind}                  v2 timeouts / transport failures
    prelude_compat_errors_total{code}                     v1 error answers, by v1 code
    prelude_compat_in_flight                              v1 calls being answered now
"""
from __future__ import annotations

import json
import os
from typing import Any, Tuple

from prometheus_client import (CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram,
                               disable_created_metrics, generate_latest, multiprocess)

from compat.knowledge.hosts import LEGACY_V2, v1_path_operation
from compat.knowledge.operations import OPERATIONS

disable_created_metrics()  # no *_created series: they double the page and nobody graphs them
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # prometheus_client's own variable
_V2_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 2.0, 5.0, 10.0, 30.0)
# v2 endpoint templates (from the operations table), longest first so the history path wins.
_V2_ENDPOINTS = sorted({op.v2_path for op in OPERATIONS.values() if op.v2_path}, key=len, reverse=True)
REFUSED = "refused_client_key"  # outcome label of a caller without a valid client key
CREDENTIALS = "credentials"  # errors_total code label of a v1 error without a code (HTTP 403)


def operation_of(path: str) -> str:
    """The metrics label of a proxied path: a v1 operation, ``legacy-v2``, or ``v1``."""
    if path == "/v2" or path.startswith("/v2/"):
        return LEGACY_V2
    return v1_path_operation(path[3:] if path.startswith("/v1") else path)


def endpoint_of(path: str) -> str:
    """The v2 endpoint template of a v2 request path (ids and numbers replaced by ``{...}``)."""
    parts = path.strip("/").split("/")
    for template in _V2_ENDPOINTS:
        pattern = template.strip("/").split("/")
        if len(pattern) == len(parts) and all(p == q or p.startswith("{") for p, q in zip(pattern, parts)):
            return template
    return LEGACY_V2


def outcome_of(status: int, content: bytes) -> Tuple[str, str]:
    """``(outcome, error code)`` of a v1 answer: the v1 ``status`` of a 200 (``pending``,
    ``valid``...), else ``http_<status>`` with its v1 error ``code`` (or ``credentials``)."""
    try:
        body: Any = json.loads(content) if content else None
    except ValueError:
        body = None
    if 200 <= status < 300:
        value = body.get("status") if isinstance(body, dict) else None
        return (value if isinstance(value, str) and value.isidentifier() else "ok"), ""
    code = body.get("code") if isinstance(body, dict) else None
    return f"http_{status}", code if isinstance(code, str) and code.isidentifier() else CREDENTIALS


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._multiprocess = bool(os.environ.get(MULTIPROC_ENV))
        register = None if self._multiprocess else self.registry
        self.requests = Counter("prelude_compat_requests", "v1 calls answered", ("operation", "outcome"),
                                registry=register)
        self.request_seconds = Histogram("prelude_compat_request_seconds", "time to answer a v1 call",
                                         ("operation",), registry=register, buckets=_V2_LATENCY_BUCKETS)
        self.v2_seconds = Histogram("prelude_compat_v2_request_seconds", "time of each v2 request",
                                    ("endpoint",), registry=register, buckets=_V2_LATENCY_BUCKETS)
        self.v2_faults = Counter("prelude_compat_v2_faults", "v2 requests that failed in transport",
                                 ("kind",), registry=register)
        self.errors = Counter("prelude_compat_errors", "v1 error answers by v1 code", ("code",),
                              registry=register)
        self.in_flight = Gauge("prelude_compat_in_flight", "v1 calls being answered", registry=register,
                               multiprocess_mode="livesum")
        if self._multiprocess:
            multiprocess.MultiProcessCollector(self.registry)

    def answered(self, operation: str, status: int, content: bytes, seconds: float) -> None:
        outcome, code = outcome_of(status, content)
        self.requests.labels(operation, outcome).inc()
        self.request_seconds.labels(operation).observe(seconds)
        if code:
            self.errors.labels(code).inc()

    def refused(self, operation: str) -> None:
        self.requests.labels(operation, REFUSED).inc()
        self.errors.labels(CREDENTIALS).inc()

    def exposition(self) -> Tuple[bytes, str]:
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
