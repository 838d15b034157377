"""The proxy's v2 side: send each ``V2Request`` the engine asks for, exactly once, on httpx.

httpx's connection pools (``httpx.AsyncHTTPTransport``) are used directly, without an
``httpx.AsyncClient`` around them: the client's cookie, auth and redirect machinery costs about
0.3 ms of CPU per request and the proxy needs none of it. There are several small pools rather
than one large one, because httpcore's pool spends time proportional to (waiting requests x
connections) on every request, which dominates under load. ``retries=0``: a request that may
send or consume a code is never sent twice, not even after a failed connect.
"""
from __future__ import annotations

import contextlib
import itertools
import time
from typing import Any, List, Optional
from urllib.parse import urlsplit

import httpcore
import httpx

from compat.engine import V2Request, V2Response
from migrate.servers import asyncio_backend
from migrate.servers.proxy_metrics import Metrics, endpoint_of

# Idle connections are dropped before the server's own idle timeout (uvicorn's is 5 s), so that
# a request never goes out on a connection the server is closing at that moment: such a request
# fails (a v1 502) and, being a create or a check, is not sent again.
KEEPALIVE_SECONDS = 4.0
POOL_SIZE = 8  # connections per pool (measured: 8 beat 4, 32 and 64 under bench/proxy_load.py)


class V2Fault(Exception):
    """The v2 request failed in transport (no answer); ``timed_out`` tells a timeout."""

    def __init__(self, request: V2Request, timed_out: bool, detail: str) -> None:
        super().__init__(detail)
        self.request, self.timed_out, self.detail = request, timed_out, detail


class V2Sender:
    def __init__(self, metrics: Metrics, timeout: float, connect_timeout: float, max_connections: int,
                 transport: Optional[httpx.AsyncBaseTransport] = None) -> None:
        self.metrics = metrics
        self._timeout = httpx.Timeout(timeout, connect=connect_timeout).as_dict()
        self._shards = max(1, -(-max_connections // POOL_SIZE))
        self._transport = transport
        self._pools: List[httpx.AsyncBaseTransport] = []
        self._turn = itertools.count()
        self._stack = contextlib.AsyncExitStack()

    async def __aenter__(self) -> "V2Sender":
        if self._transport is not None:
            self._pools = [self._transport]
            return self
        limits = httpx.Limits(max_connections=POOL_SIZE, max_keepalive_connections=POOL_SIZE,
                              keepalive_expiry=KEEPALIVE_SECONDS)
        verify = httpx.create_ssl_context()  # one for every pool: loading the CA bundle is slow
        for _ in range(self._shards):
            pool = httpx.AsyncHTTPTransport(retries=0, limits=limits, verify=verify, trust_env=False)
            if asyncio_backend.available() and isinstance(getattr(pool, "_pool", None), httpcore.AsyncConnectionPool):
                # The same httpcore pool httpx builds, with socket I/O on asyncio instead of anyio.
                pool._pool = httpcore.AsyncConnectionPool(
                    ssl_context=verify, max_connections=POOL_SIZE, max_keepalive_connections=POOL_SIZE,
                    keepalive_expiry=limits.keepalive_expiry, http1=True, http2=False, retries=0,
                    network_backend=asyncio_backend.AsyncioBackend())
            self._pools.append(await self._stack.enter_async_context(pool))
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._stack.aclose()
        self._pools = []

    async def send(self, request: V2Request, spent: List[float]) -> V2Response:
        """Send ``request`` once; the seconds it took are appended to ``spent``."""
        started = time.perf_counter()
        endpoint = endpoint_of(urlsplit(request.url).path)
        pool = self._pools[next(self._turn) % len(self._pools)]
        outgoing = httpx.Request(request.method, request.url, headers=request.headers, content=request.body,
                                 extensions={"timeout": self._timeout})
        try:
            answer = await pool.handle_async_request(outgoing)
            try:
                content = await answer.aread()
            finally:
                await answer.aclose()
        except httpx.TimeoutException as exc:
            self.metrics.v2_faults.labels("timeout").inc()
            raise V2Fault(request, True, f"timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            self.metrics.v2_faults.labels("transport").inc()
            raise V2Fault(request, False, f"{type(exc).__name__}: {exc}") from None
        finally:
            spent.append(time.perf_counter() - started)
            self.metrics.v2_seconds.labels(endpoint).observe(spent[-1])
        return V2Response(answer.status_code, content, answer.headers)
