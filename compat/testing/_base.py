"""Transport-agnostic core of the fakes: recording, fault injection, routing, and the glue
that serves a fake through ``responses`` (requests) or ``httpx``.

A fake answers ``handle(method, url, headers, body)`` with ``(status, headers, body)``. The
transports only translate; ``requests``, ``responses`` and ``httpx`` are imported lazily so
that ``compat.testing`` costs nothing until a test serves a fake.
"""
from __future__ import annotations

import contextlib
import fnmatch
import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple, Union
from urllib.parse import parse_qs, unquote, urlsplit

from compat.testing._common import Clock, IdMaker, checked_clock

Reply = Tuple[int, Dict[str, str], bytes]
JSON_HEADERS = {"Content-Type": "application/json"}
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


class InjectedTimeout(TimeoutError):
    """Raised by ``handle`` for a ``timeout_next`` fault; the transports turn it into
    ``requests.exceptions.ReadTimeout`` or ``httpx.ReadTimeout``."""


class ApiError(Exception):
    """Raised inside a route handler to answer with the API's error shape."""

    def __init__(self, status: int, code: Optional[str], message: str, param: Optional[str] = None):
        super().__init__(message)
        self.status, self.code, self.message, self.param = status, code, message, param


@dataclass
class RecordedRequest:
    """One request a fake received. ``headers`` keys are lower-case; ``query`` maps a name
    to its value, or to a list when the name was repeated; ``json`` is the decoded body, or
    None when the body was empty or not JSON."""

    method: str
    url: str
    path: str
    query: Dict[str, Union[str, List[str]]]
    headers: Dict[str, str]
    json: Any
    body: bytes = b""


@dataclass
class _Fault:
    kind: str  # "error" | "timeout"
    remaining: int
    path: Optional[str]
    status: int = 500
    payload: Dict[str, Any] = field(default_factory=dict)

    def matches(self, path: str) -> bool:
        return self.path is None or path == self.path or fnmatch.fnmatchcase(path, self.path)


Route = Tuple[str, "re.Pattern[str]", Callable[..., Tuple[int, Any]]]


class FakeBase:
    """Shared machinery; subclasses provide ``_routes``, ``_authenticate``, ``_error_body``."""

    _prefix = ""  # "/v1" or "/v2": the path prefix this fake serves on its host
    _default_base = ""

    def __init__(self, api_key: str, clock: Optional[Clock] = None, seed: Optional[int] = None):
        if not isinstance(api_key, str) or not api_key:
            raise ValueError("api_key must be a non-empty string")
        self.api_key = api_key
        self._clock = checked_clock(clock)
        self._ids = IdMaker(seed)
        self._lock = threading.RLock()
        self._faults: List[_Fault] = []
        self.requests: List[RecordedRequest] = []
        self._route_table: List[Route] = [
            (method, re.compile("^" + pattern + "$"), handler) for method, pattern, handler in self._routes()
        ]
        self._reset_state()

    # --- to be provided by each fake ------------------------------------------------------

    def _routes(self) -> List[Tuple[str, str, Callable[..., Tuple[int, Any]]]]:
        raise NotImplementedError

    def _reset_state(self) -> None:
        raise NotImplementedError

    def _authenticate(self, request: RecordedRequest) -> None:
        raise NotImplementedError

    def _error_body(self, error: ApiError) -> Dict[str, Any]:
        raise NotImplementedError

    # --- public controls ------------------------------------------------------------------

    def now(self):
        return self._clock()

    def reset(self) -> None:
        """Forget every request, fault and piece of state (the key and clock stay)."""
        with self._lock:
            self.requests.clear()
            self._faults.clear()
            self._reset_state()

    def fail_next(self, status: int = 500, code: Optional[str] = None, message: str = "injected failure",
                  times: int = 1, path: Optional[str] = None) -> None:
        """Answer the next ``times`` requests (whose path equals or glob-matches ``path``, if
        given) with this error, before any other processing: nothing is created or sent."""
        if not isinstance(status, int) or not 400 <= status <= 599:
            raise ValueError(f"status must be an HTTP error status (400-599), got {status!r}")
        self._add_fault(_Fault("error", self._times(times), path, status,
                               {"code": code or self._default_fault_code, "message": message}))

    def timeout_next(self, times: int = 1, path: Optional[str] = None) -> None:
        """Make the next ``times`` matching requests time out without reaching the fake's state."""
        self._add_fault(_Fault("timeout", self._times(times), path))

    _default_fault_code = "internal"
    _not_found_code: Optional[str] = "not_found"  # fake: undocumented; Stainless-style 404

    @staticmethod
    def _times(times: int) -> int:
        if not isinstance(times, int) or times < 1:
            raise ValueError(f"times must be a positive integer, got {times!r}")
        return times

    def _add_fault(self, fault: _Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    # --- the core -------------------------------------------------------------------------

    def handle(self, method: str, url: str, headers: Optional[Mapping[str, str]] = None,
               body: Union[bytes, str, None] = None) -> Reply:
        """Serve one HTTP request; returns ``(status, headers, body_bytes)``.

        Raises ``InjectedTimeout`` for a ``timeout_next`` fault.
        """
        if isinstance(body, str):
            body = body.encode("utf-8")
        request = _record(method, url, headers or {}, body or b"")
        with self._lock:
            self.requests.append(request)
            fault = self._take_fault(request.path)
            if fault is not None and fault.kind == "timeout":
                raise InjectedTimeout(f"injected timeout for {request.method} {request.path}")
            try:
                if fault is not None:
                    raise ApiError(fault.status, fault.payload["code"], fault.payload["message"])
                status, payload = self._dispatch(request)
            except ApiError as error:
                status, payload = error.status, self._error_body(error)
        return status, dict(JSON_HEADERS), json.dumps(payload).encode("utf-8")

    def _take_fault(self, path: str) -> Optional[_Fault]:
        for fault in self._faults:
            if fault.matches(path):
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _dispatch(self, request: RecordedRequest) -> Tuple[int, Any]:
        for method, pattern, handler in self._route_table:
            match = pattern.match(request.path)
            if match and method == request.method:
                self._authenticate(request)
                args = [unquote(group) for group in match.groups()]
                return handler(request, *args)
        raise ApiError(404, self._not_found_code, f"no route for {request.method} {request.path}")

    # --- serving through requests (responses) ---------------------------------------------

    def mount(self, rsps: Any, base: Optional[str] = None) -> None:
        """Register callbacks on a ``responses.RequestsMock`` for every route under ``base``."""
        import requests

        pattern = re.compile("^" + re.escape(self._normalise_base(base) + self._prefix) + r"(?:[/?#]|$)")

        def callback(prepared: Any) -> Reply:
            try:
                return self.handle(prepared.method, prepared.url, dict(prepared.headers), prepared.body)
            except InjectedTimeout as timeout:
                raise requests.exceptions.ReadTimeout(str(timeout), request=prepared) from None

        for method in _METHODS:
            rsps.add_callback(method, pattern, callback=callback)

    @contextlib.contextmanager
    def serve_requests(self, base: Optional[str] = None) -> Iterator[Any]:
        """Serve this fake to every ``requests`` call while the block runs; yields the mock.

        Inside another fake's ``serve_requests`` block the routes join that block's mock, so
        a v1 and a v2 fake can be served together.
        """
        import responses

        if _ACTIVE_MOCKS:
            self.mount(_ACTIVE_MOCKS[-1], base)
            yield _ACTIVE_MOCKS[-1]
            return
        with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
            self.mount(rsps, base)
            _ACTIVE_MOCKS.append(rsps)
            try:
                yield rsps
            finally:
                _ACTIVE_MOCKS.remove(rsps)

    def _normalise_base(self, base: Optional[str]) -> str:
        base = (base or self._default_base).rstrip("/")
        if not re.match(r"^https?://[^/]+", base):
            raise ValueError(f"base must be an http(s) origin such as {self._default_base!r}, got {base!r}")
        if self._prefix and base.endswith(self._prefix):
            base = base[: -len(self._prefix)]
        return base

    # --- serving through httpx ------------------------------------------------------------

    def transport(self) -> Any:
        """An ``httpx.MockTransport`` answering every request with this fake (sync and async)."""
        import httpx

        return httpx.MockTransport(self._httpx_reply)

    def _httpx_reply(self, request: Any) -> Any:
        import httpx

        try:
            status, headers, body = self.handle(request.method, str(request.url), dict(request.headers),
                                                request.content)
        except InjectedTimeout as timeout:
            raise httpx.ReadTimeout(str(timeout), request=request) from None
        return httpx.Response(status, headers=headers, content=body, request=request)

    @contextlib.contextmanager
    def serve_httpx(self, base: Optional[str] = None) -> Iterator[FakeBase]:
        """Serve this fake to every httpx client (sync and async) for ``base``'s host while the
        block runs. Requests to other hosts raise ``httpx.ConnectError`` (never the network),
        unless another fake's ``serve_httpx`` block serves them."""
        import httpx

        host = urlsplit(self._normalise_base(base)).netloc
        sync_before = httpx.HTTPTransport.handle_request
        async_before = httpx.AsyncHTTPTransport.handle_async_request

        def handle_request(transport: Any, request: Any) -> Any:
            if request.url.netloc.decode("ascii") == host:
                return self._httpx_reply(request)
            if getattr(sync_before, "_served_by_fake", False):
                return sync_before(transport, request)
            raise httpx.ConnectError(f"{request.url.host} is not served by the fake", request=request)

        async def handle_async_request(transport: Any, request: Any) -> Any:
            if request.url.netloc.decode("ascii") == host:
                await request.aread()
                return self._httpx_reply(request)
            if getattr(async_before, "_served_by_fake", False):
                return await async_before(transport, request)
            raise httpx.ConnectError(f"{request.url.host} is not served by the fake", request=request)

        handle_request._served_by_fake = True  # type: ignore[attr-defined]
        handle_async_request._served_by_fake = True  # type: ignore[attr-defined]
        httpx.HTTPTransport.handle_request = handle_request  # type: ignore[method-assign]
        httpx.AsyncHTTPTransport.handle_async_request = handle_async_request  # type: ignore[method-assign]
        try:
            yield self
        finally:
            httpx.HTTPTransport.handle_request = sync_before  # type: ignore[method-assign]
            httpx.AsyncHTTPTransport.handle_async_request = async_before  # type: ignore[method-assign]

    # --- helpers for route handlers -------------------------------------------------------

    @staticmethod
    def _json_object(request: RecordedRequest, bad_code: str) -> Dict[str, Any]:
        if not request.body.strip():
            raise ApiError(400, bad_code, "the request body must be a JSON object")
        if not isinstance(request.json, dict):
            raise ApiError(400, bad_code, "the request body is not a valid JSON object")
        return request.json


_ACTIVE_MOCKS: List[Any] = []


def _record(method: str, url: str, headers: Mapping[str, str], body: bytes) -> RecordedRequest:
    parts = urlsplit(url)
    query: Dict[str, Union[str, List[str]]] = {}
    for name, values in parse_qs(parts.query, keep_blank_values=True).items():
        query[name] = values[0] if len(values) == 1 else values
    try:
        decoded = json.loads(body.decode("utf-8")) if body.strip() else None
    except (UnicodeDecodeError, ValueError, RecursionError):  # garbage is a 400 from the fake, not a crash
        decoded = None
    lowered = {str(k).lower(): v if isinstance(v, str) else v.decode("latin-1") for k, v in headers.items()}
    return RecordedRequest(method.upper(), url, parts.path or "/", query, lowered, decoded, body)
