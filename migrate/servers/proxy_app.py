"""The proxy as an ASGI app: v1 calls (and the legacy ``/v2/*`` paths) in, answered from the
v2 API through compat's translation engine (``compat.engine``) on an async httpx client.

The engine decides every v2 call; this module only authenticates the caller, sends what the
engine asks for exactly once (no retries of any kind: a create or a check may send or consume a
code), turns transport failures into the engine's v1 fault answer, and counts.
"""
from __future__ import annotations

import contextlib
import json
import logging
import time
from dataclasses import dataclass
from typing import Any, AsyncIterator, List, Optional, Tuple
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from compat import translate
from compat.engine import Engine, V1Request, run_steps_async
from compat.knowledge.errors import V1_CODE, v1_error_for_v2
from compat.knowledge.hosts import V2_AUTH_HEADER
from migrate.servers.common import BodyLimit
from migrate.servers.proxy_auth import ClientKeys, presented_key
from migrate.servers.proxy_metrics import Metrics, endpoint_of, operation_of
from migrate.servers.proxy_v2 import V2Fault, V2Sender

log = logging.getLogger("migrate.servers.proxy")
# The v1 gateway's answer to a bad key: no v1 code, HTTP 403 (compat.knowledge.errors).
_REFUSAL_STATUS = v1_error_for_v2(None, 401).http_status
_HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "te", "upgrade", "host",
                         "content-length", "accept-encoding", "proxy-authorization", "proxy-connection"})
_CALLER_SECRETS = frozenset({"x-api-key", V2_AUTH_HEADER.lower()})
_ANSWER_DROPS = frozenset({"content-length", "transfer-encoding", "connection", "content-encoding", "keep-alive"})


@dataclass(frozen=True)
class ProxySettings:
    v2_key: Optional[str] = None  # None: API_TOKEN, as compat reads it
    v2_base_url: Optional[str] = None  # None: PRELUDE_BASE_URL, else https://api.prelude.dev
    client_keys: Tuple[str, ...] = ()
    insecure_no_client_auth: bool = False
    redis_url: Optional[str] = None
    v2_timeout: float = 15.0  # seconds for one v2 request
    v2_connect_timeout: float = 5.0
    max_body_bytes: int = 64 * 1024
    body_read_timeout: float = 10.0
    v2_max_connections: int = 1000


def _store(settings: ProxySettings) -> Any:
    if not settings.redis_url:
        return None
    import compat

    store_class = getattr(compat, "RedisStore", None)
    if store_class is None:
        raise RuntimeError("--redis-url needs compat.RedisStore, which this installation lacks")
    return store_class(settings.redis_url)


def create_app(settings: ProxySettings, metrics: Optional[Metrics] = None,
               transport: Optional[httpx.AsyncBaseTransport] = None, **engine_options: Any) -> Any:
    """The proxy app. ``transport`` replaces the network (tests); ``engine_options`` go to
    ``compat.engine.Engine`` as they are (``store=``, ``secret=``, ``forward_feedback=``...), for
    embedding the app in a program of your own."""
    if not settings.client_keys and not settings.insecure_no_client_auth:
        raise ValueError("no client key: give at least one, or insecure_no_client_auth=True")
    engine_options.setdefault("store", _store(settings))
    engine = Engine(settings.v2_key, v2_base_url=settings.v2_base_url, **engine_options)
    keys = ClientKeys(settings.client_keys)
    metrics = metrics or Metrics()
    sender = V2Sender(metrics, settings.v2_timeout, settings.v2_connect_timeout, settings.v2_max_connections,
                      transport)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with sender:
            yield

    async def proxied(request: Request) -> Response:
        path = request.url.path
        operation = operation_of(path)
        legacy_v2 = path == "/v2" or path.startswith("/v2/")
        if not settings.insecure_no_client_auth and not keys.accepts(presented_key(request.headers, legacy_v2)):
            metrics.refused(operation)
            return JSONResponse({"message": "missing or unknown client key for this proxy"}, _REFUSAL_STATUS)
        started = time.perf_counter()
        metrics.in_flight.inc()
        try:
            body = await request.body()
            headers = {name: value for name, value in request.headers.items()
                       if name not in _HOP_BY_HOP and name not in _CALLER_SECRETS}
            if legacy_v2:  # forwarded as they are, with the proxy's v2 key instead of the caller's
                headers.update(engine.v2_headers)
            v1 = V1Request(request.method, request.scope.get("raw_path", path.encode()).decode("latin-1")
                           .split("?", 1)[0], request.url.query, headers, body)
            spent: List[float] = []
            try:
                answer = await run_steps_async(engine.handle(v1), lambda v2: sender.send(v2, spent))
            except V2Fault as fault:
                log.warning("v2 %s %s failed: %s", fault.request.method,
                            endpoint_of(urlsplit(fault.request.url).path), fault.detail)
                answer = engine.fault_answer(fault.request, fault.timed_out, fault.detail)
        finally:
            metrics.in_flight.dec()
        metrics.answered(operation, answer.status, answer.content, time.perf_counter() - started)
        reply_headers = {k: v for k, v in answer.headers.items() if k.lower() not in _ANSWER_DROPS}
        # Server-Timing (W3C): how much of the answer time was spent waiting on v2.
        reply_headers["Server-Timing"] = f"v2;dur={sum(spent) * 1000:.1f}, v2-calls;desc={len(spent)}"
        return Response(answer.content, answer.status, headers=reply_headers)

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def metrics_page(request: Request) -> Response:
        payload, content_type = metrics.exposition()
        return Response(payload, 200, media_type=content_type)

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    app = Starlette(routes=[
        Route("/healthz", healthz, methods=["GET"]),
        Route("/metrics", metrics_page, methods=["GET"]),
        Route("/v1/{path:path}", proxied, methods=methods),
        Route("/v2/{path:path}", proxied, methods=methods),
    ], lifespan=lifespan)
    return BodyLimit(app, settings.max_body_bytes, _refusal, settings.body_read_timeout)


def _refusal(status: int, reason: str) -> Tuple[int, str, bytes]:
    return status, "application/json", json.dumps(translate.v1_error_body(V1_CODE.bad_request, reason)).encode()
