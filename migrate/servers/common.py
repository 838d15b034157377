"""What the sandbox and the proxy share: running an ASGI app on uvicorn (bound socket, ready
line, workers, graceful shutdown), a request-body limit, and access logs with masking.

Graceful shutdown is uvicorn's own: on SIGTERM/SIGINT it stops accepting connections, lets
in-flight requests finish for up to ``graceful_seconds``, then closes.
"""
from __future__ import annotations

import asyncio
import copy
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

import uvicorn
from uvicorn.config import LOGGING_CONFIG
from uvicorn.supervisors import Multiprocess

ASGIApp = Callable[..., Awaitable[None]]
# (status, content type, body) the app answers when a request body is refused.
Refusal = Callable[[int, str], Tuple[int, str, bytes]]


def logging_config(level: str = "info") -> Dict[str, Any]:
    """uvicorn's logging setup with every handler passing through the masking filter."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"mask": {"()": "migrate.servers.masking.MaskingFilter"}}
    for handler in config["handlers"].values():
        handler["filters"] = ["mask"]
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        config["loggers"][name]["level"] = level.upper()
    config["loggers"]["migrate"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    return config


def serve(app: str, *, name: str, host: str, port: int, workers: int = 1, graceful_seconds: int = 10,
          log_level: str = "info", access_log: bool = True, **uvicorn_options: Any) -> None:
    """Serve the app factory ``app`` ("module:function") until a signal stops it.

    Prints ``<name>: listening on http://HOST:PORT`` on stdout once the socket is bound (with
    ``port=0`` the operating system picks the port; the line tells which).
    """
    config = uvicorn.Config(
        app, factory=True, host=host, port=port, workers=workers, timeout_graceful_shutdown=graceful_seconds,
        log_config=logging_config(log_level), access_log=access_log, server_header=False,
        **uvicorn_options)
    sock = config.bind_socket()
    sock.listen(config.backlog)  # accept (queue) connections from the moment the ready line is out
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"{name}: listening on http://{shown}:{bound_port}", flush=True)
    if workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` (413) or arriving slower than
    ``read_timeout`` seconds per chunk (408), before the app sees them."""

    def __init__(self, app: ASGIApp, max_bytes: int, refusal: Refusal, read_timeout: float = 10.0) -> None:
        self.app, self.max_bytes, self.refusal, self.read_timeout = app, max_bytes, refusal, read_timeout

    async def __call__(self, scope: Dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send, 413, f"request body larger than {self.max_bytes} bytes")
            return
        received = 0
        started = False

        async def limited_receive() -> Dict[str, Any]:
            nonlocal received
            try:
                message = await asyncio.wait_for(receive(), self.read_timeout)
            except asyncio.TimeoutError:
                raise _Refused(408, f"request body not received within {self.read_timeout:g} s") from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _Refused(413, f"request body larger than {self.max_bytes} bytes")
            return message

        async def tracking_send(message: Dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _Refused as refused:
            if started:
                raise
            await self._refuse(send, refused.status, refused.reason)

    async def _refuse(self, send: Any, status: int, reason: str) -> None:
        status, content_type, body = self.refusal(status, reason)
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", content_type.encode("latin-1")), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _content_length(scope: Dict[str, Any]) -> Optional[int]:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None

