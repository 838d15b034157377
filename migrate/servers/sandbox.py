"""``prelude-migrate sandbox``: compat.testing's FakeV2 (and FakeV1 under ``/v1``) over HTTP.

A Starlette app on uvicorn. ``/v2/...`` (and every other path) is answered by FakeV2, ``/v1/...``
by FakeV1, ``/_sandbox/...`` by the control API (``sandbox_control``). The state is in memory,
so the sandbox runs one process. See docs/sandbox.md.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
from typing import Any, Dict, Optional

import click
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from compat.knowledge.errors import V2_CODE
from migrate.servers.common import BodyLimit, serve
from migrate.servers.sandbox_control import control_routes
from migrate.servers.sandbox_state import Outcome, Sandbox

MAX_BODY_BYTES = 1_000_000
_SETTINGS_ENV = "PRELUDE_SANDBOX_SETTINGS"  # how the command hands its options to the app factory
log = logging.getLogger("migrate.servers.sandbox")


class InjectedDisconnect(Exception):
    """Raised after half a response was sent: uvicorn then drops the connection."""


def create_app(sandbox: Optional[Sandbox] = None, **settings: Any) -> Starlette:
    """The sandbox as an ASGI app (``sandbox`` or a new ``Sandbox(**settings)``)."""
    sandbox = sandbox or Sandbox(**settings)

    async def api(request: Request) -> Response:
        path = request.url.path
        version = "v1" if path == "/v1" or path.startswith("/v1/") else "v2"
        body = await request.body()
        if sandbox.latency_seconds:
            await asyncio.sleep(sandbox.latency_seconds)
        outcome = sandbox.answer(version, request.method, str(request.url), request.headers, body)
        if outcome.kind == "timeout":
            return await _hold(request, sandbox.timeout_seconds)
        if outcome.kind == "invalid_json":
            return Response(outcome.body[: max(1, len(outcome.body) // 2)], outcome.status,
                            media_type="application/json")
        if outcome.kind == "disconnect":
            return _BrokenResponse(outcome)
        return Response(outcome.body, outcome.status, headers=outcome.headers)

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    app = Starlette(routes=[
        Mount("/_sandbox", routes=control_routes(sandbox)),
        Route("/{path:path}", api, methods=methods),
    ])
    return BodyLimit(app, MAX_BODY_BYTES, _refusal)  # type: ignore[return-value]


async def _hold(request: Request, seconds: float) -> Response:
    """An injected timeout: answer nothing until the client gives up (or ``seconds`` pass)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while loop.time() < deadline:
        if await request.is_disconnected():
            break
        await asyncio.sleep(0.05)
    return Response(b"sandbox: injected timeout\n", 504, media_type="text/plain")


class _BrokenResponse(Response):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.body, outcome.status, headers=outcome.headers)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[: len(self.body) // 2], "more_body": True})
        raise InjectedDisconnect("sandbox: injected disconnect")


def _refusal(status: int, reason: str) -> tuple:
    return status, "application/json", json.dumps({"code": V2_CODE.invalid_request, "message": reason}).encode()


class _QuietInjectedDisconnects(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, InjectedDisconnect)


def app_from_environment() -> Any:
    """The uvicorn factory: settings come from the command through the environment."""
    logging.getLogger("uvicorn.error").addFilter(_QuietInjectedDisconnects())
    settings: Dict[str, Any] = json.loads(os.environ.get(_SETTINGS_ENV, "{}"))
    latency = settings.pop("latency_ms", 0)
    state = Sandbox(**settings)
    state.set_latency(latency)
    return create_app(state)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=4010, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port; the ready line tells which).")
@click.option("--v2-key", default="test-v2-key", show_default=True, envvar="PRELUDE_SANDBOX_V2_KEY",
              help="The Bearer key v2 callers must send.")
@click.option("--v1-key", default="test-v1-key", show_default=True, envvar="PRELUDE_SANDBOX_V1_KEY",
              help="The X-API-Key v1 callers must send.")
@click.option("--customer-uuid", default="00000000-0000-4000-8000-000000000001", show_default=True,
              help="The v1 customer_uuid callers must send.")
@click.option("--window-seconds", default=600, show_default=True, type=click.IntRange(1),
              help="Length of a verification window.")
@click.option("--latency-ms", default=0, show_default=True, type=click.IntRange(0, 60_000),
              help="Answer every API request after this delay.")
@click.option("--seed", type=int, default=None, help="Make ids and codes reproducible.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--no-access-log", is_flag=True, help="Do not log each request.")
def sandbox(host: str, port: int, v2_key: str, v1_key: str, customer_uuid: str, window_seconds: int,
            latency_ms: int, seed: Optional[int], log_level: str, no_access_log: bool) -> None:
    """Serve a local Prelude v2 API (and v1 under /v1) for tests, with a control API under /_sandbox/.

    \b
    Point prelude-python-sdk at it:  Prelude(api_token="test-v2-key", base_url="http://127.0.0.1:4010")
    The v1 ding SDK:                 Ding(api_key="test-v1-key", server_url="http://127.0.0.1:4010/v1")
    Last code sent to a number:      curl http://127.0.0.1:4010/_sandbox/codes/+33612345678
    """
    try:
        Sandbox(v2_key=v2_key, v1_key=v1_key, customer_uuid=customer_uuid)  # refuse bad settings early
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    os.environ[_SETTINGS_ENV] = json.dumps({
        "v2_key": v2_key, "v1_key": v1_key, "customer_uuid": customer_uuid, "window_seconds": window_seconds,
        "seed": seed, "latency_ms": latency_ms})
    serve("migrate.servers.sandbox:app_from_environment", name="prelude-migrate sandbox", host=host, port=port,
          graceful_seconds=2, log_level=log_level, access_log=not no_access_log)
