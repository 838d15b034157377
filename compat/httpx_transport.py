"""The httpx shells: unchanged v1 code on ``httpx.Client`` / ``httpx.AsyncClient`` keeps working.

``HTTPXTransport`` (an ``httpx.BaseTransport``) and ``AsyncHTTPXTransport`` (an
``httpx.AsyncBaseTransport``) answer every request to the v1 host (``https://api.ding.live``,
with a port, over http, or with the trailing dot) with the translation engine
(``compat.engine``), making the v2 calls through an inner httpx transport; every other request
goes through that inner transport unchanged, so the transport can be a client's only one::

    client = httpx.Client(transport=compat.HTTPXTransport(api_key=V2_KEY))

The v1 request's timeout (the client's) applies to each v2 request. A v2 fault is raised as the
httpx exception of the same class (``httpx.ReadTimeout``, ``httpx.ConnectError``...) about the
v1 request. The default inner transports retry nothing (httpx's ``retries`` only ever repeats a
failed connect, which sent nothing); an inner transport of your own must not repeat POSTs.

httpx is imported when this module is, which ``import compat`` does only on first use of
``compat.HTTPXTransport`` or ``compat.AsyncHTTPXTransport``.
"""
from __future__ import annotations

from typing import Any, NoReturn, Optional

import httpx

from compat.engine import Engine, V1Request, V1Response, V2Request, V2Response, is_v1_url, run_steps, run_steps_async

DEFAULT_TIMEOUT = httpx.Timeout(30.0)  # when the v1 request carries none (a transport used alone)


def _v1_request(request: httpx.Request) -> V1Request:
    return V1Request(request.method, request.url.raw_path.split(b"?", 1)[0].decode("ascii"),
                     request.url.query.decode("ascii"), request.headers, request.content)


def _v2_request(v1: httpx.Request, v2: V2Request) -> httpx.Request:
    timeout = v1.extensions.get("timeout") or DEFAULT_TIMEOUT.as_dict()
    return httpx.Request(v2.method, v2.url, headers=v2.headers, content=v2.body, extensions={"timeout": timeout})


def _v1_response(request: httpx.Request, answer: V1Response) -> httpx.Response:
    return httpx.Response(answer.status, headers=answer.headers, content=answer.content, request=request)


def _raise_pointing_at(exc: httpx.TransportError, v1: httpx.Request, v2: V2Request) -> NoReturn:
    """The same httpx exception class (what v1 callers catch), about the v1 request they made."""
    try:
        replacement = type(exc)(f"compat: v2 {v2.method} {httpx.URL(v2.url).path} failed: {exc}", request=v1)
    except TypeError:  # an exception class with its own constructor: keep the original
        raise exc from None
    raise replacement from exc


class HTTPXTransport(httpx.BaseTransport):
    """For ``httpx.Client``. Options: those of ``compat.CompatAdapter`` except ``timeout`` and
    ``v2_session``; ``v2_transport`` (an ``httpx.BaseTransport`` for v2 and every non-v1
    request; default ``httpx.HTTPTransport()``)."""

    def __init__(self, api_key: Optional[str] = None, *, v2_transport: Optional[httpx.BaseTransport] = None,
                 **options: Any):
        self.engine = Engine(api_key, **options)
        self._owns_transport = v2_transport is None
        self.v2_transport = v2_transport if v2_transport is not None else httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not is_v1_url(str(request.url)):
            return self.v2_transport.handle_request(request)
        request.read()
        steps = self.engine.handle(_v1_request(request))
        return _v1_response(request, run_steps(steps, lambda v2: self._exchange(request, v2)))

    def _exchange(self, v1: httpx.Request, v2: V2Request) -> V2Response:
        try:
            response = self.v2_transport.handle_request(_v2_request(v1, v2))
            try:
                content = response.read()
            finally:
                response.close()
        except httpx.TransportError as exc:
            _raise_pointing_at(exc, v1, v2)
        return V2Response(response.status_code, content, response.headers)

    def close(self) -> None:
        if self._owns_transport:
            self.v2_transport.close()


class AsyncHTTPXTransport(httpx.AsyncBaseTransport):
    """For ``httpx.AsyncClient``: as ``HTTPXTransport``, with an ``httpx.AsyncBaseTransport``
    (default ``httpx.AsyncHTTPTransport()``). A store with ``async_get``/``async_put``/
    ``async_add``/``async_update`` coroutines is awaited; any other store is called in line."""

    def __init__(self, api_key: Optional[str] = None, *,
                 v2_transport: Optional[httpx.AsyncBaseTransport] = None, **options: Any):
        self.engine = Engine(api_key, **options)
        self._owns_transport = v2_transport is None
        self.v2_transport = v2_transport if v2_transport is not None else httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not is_v1_url(str(request.url)):
            return await self.v2_transport.handle_async_request(request)
        await request.aread()
        steps = self.engine.handle(_v1_request(request))

        async def send(v2: V2Request) -> V2Response:
            return await self._exchange(request, v2)

        return _v1_response(request, await run_steps_async(steps, send))

    async def _exchange(self, v1: httpx.Request, v2: V2Request) -> V2Response:
        try:
            response = await self.v2_transport.handle_async_request(_v2_request(v1, v2))
            try:
                content = await response.aread()
            finally:
                await response.aclose()
        except httpx.TransportError as exc:
            _raise_pointing_at(exc, v1, v2)
        return V2Response(response.status_code, content, response.headers)

    async def aclose(self) -> None:
        if self._owns_transport:
            await self.v2_transport.aclose()
