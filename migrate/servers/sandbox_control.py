"""The sandbox-only control API under ``/_sandbox/`` (docs/sandbox.md lists every endpoint).

Answers are JSON; a mistake in a control request is a 400 (404 for "nothing there") with
``{"error": "<what is wrong>"}`` - the sandbox's own shape, never mistaken for an API error.
"""
from __future__ import annotations

import inspect
import json
from typing import Any, Callable, Dict, Iterable, List, Optional

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from compat.testing import FakeV1, FakeV2
from compat.testing._common import iso
from migrate.servers.sandbox_state import Sandbox


# The fakes' own defaults (FakeV2.block, FakeV1.block), so that the answer can name the reason.
_DEFAULT_BLOCK_REASON = {api: inspect.signature(fake.block).parameters["reason"].default
                         for api, fake in (("v2", FakeV2), ("v1", FakeV1))}


class ControlError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


async def _fields(request: Request, allowed: Iterable[str], required: Iterable[str] = ()) -> Dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw) if raw.strip() else {}
    except ValueError:
        raise ControlError("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise ControlError(f"unknown field {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}")
    missing = [name for name in required if name not in body]
    if missing:
        raise ControlError(f"{missing[0]} is required")
    return body


def _handler(function: Callable[..., Any]) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> JSONResponse:
        try:
            return JSONResponse(await function(request))
        except ControlError as error:
            return JSONResponse({"error": str(error)}, status_code=error.status)
        except (ValueError, TypeError) as error:  # raised by the fakes' own controls
            return JSONResponse({"error": str(error)}, status_code=400)
        except LookupError as error:
            return JSONResponse({"error": str(error.args[0] if error.args else error)}, status_code=404)

    return endpoint


def control_routes(sandbox: Sandbox) -> List[Route]:
    async def health(request: Request) -> Dict[str, Any]:
        return {"status": "ok", "now": iso(sandbox.clock())}

    async def last_code(request: Request) -> Dict[str, Any]:
        target = request.path_params["target"]
        api = _api(request.query_params.get("api"))
        answer = {"api": api, "target": target, "code": sandbox.fake(api).last_code(target)}
        if api == "v1":
            answer["authentication_uuid"] = sandbox.v1.last_authentication_uuid(target)
        return answer

    async def requests(request: Request) -> Dict[str, Any]:
        query = request.query_params
        unknown = sorted(set(query) - {"api", "method", "path", "since"})
        if unknown:
            raise ControlError(f"unknown query parameter {unknown[0]!r}")
        since = query.get("since", "0")
        if not since.isdigit():
            raise ControlError("since must be a sequence number")
        api = _api(query["api"]) if "api" in query else None
        entries = sandbox.received(api, query.get("method"), query.get("path"), int(since))
        return {"requests": entries, "count": len(entries)}

    async def fail_next(request: Request) -> Dict[str, Any]:
        body = await _fields(request, ("kind", "api", "times", "path", "status", "code", "message"))
        sandbox.fail_next(**_renamed(body, api=_api(body.get("api"))))
        return {"queued": body.get("kind", "error"), "times": body.get("times", 1)}

    async def timeout_next(request: Request) -> Dict[str, Any]:
        body = await _fields(request, ("api", "times", "path", "seconds"))
        sandbox.timeout_next(**_renamed(body, api=_api(body.get("api"))))
        return {"queued": "timeout", "times": body.get("times", 1), "seconds": sandbox.timeout_seconds}

    async def block(request: Request) -> Dict[str, Any]:
        body = await _fields(request, ("target", "reason", "api"), required=("target",))
        api = _api(body.get("api"))
        reason = body.get("reason") or _DEFAULT_BLOCK_REASON[api]
        sandbox.fake(api).block(_text(body, "target"), reason=reason)
        return {"api": api, "target": body["target"], "reason": reason}

    async def expire(request: Request) -> Dict[str, Any]:
        body = await _fields(request, ("target", "api"), required=("target",))
        api = _api(body.get("api"))
        sandbox.fake(api).expire(_text(body, "target"))
        return {"api": api, "target": body["target"], "expired_at": iso(sandbox.clock())}

    async def lookup(request: Request) -> Dict[str, Any]:
        body = await _fields(request, ("phone_number", "answer", "api"), required=("phone_number", "answer"))
        api = _api(body.get("api"))
        if not isinstance(body["answer"], dict):
            raise ControlError("answer must be an object of lookup fields")
        sandbox.fake(api).set_lookup(_text(body, "phone_number"), **body["answer"])
        return {"api": api, "phone_number": body["phone_number"], "answer": body["answer"]}

    async def clock(request: Request) -> Dict[str, Any]:
        return {"now": iso(sandbox.clock()), "offset_seconds": sandbox.clock.offset.total_seconds()}

    async def advance(request: Request) -> Dict[str, Any]:
        body = await _fields(request, ("seconds",), required=("seconds",))
        seconds = body["seconds"]
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
            raise ControlError("seconds must be a number >= 0")
        sandbox.clock.advance(seconds=seconds)
        return await clock(request)

    async def latency(request: Request) -> Dict[str, Any]:
        if request.method == "POST":
            body = await _fields(request, ("ms",), required=("ms",))
            sandbox.set_latency(body["ms"])
        return {"ms": sandbox.latency_seconds * 1000}

    async def reset(request: Request) -> Dict[str, Any]:
        await _fields(request, ())
        sandbox.reset()
        return {"reset": True, "now": iso(sandbox.clock())}

    table = [
        ("/health", health, ["GET"]),
        ("/codes/{target}", last_code, ["GET"]),
        ("/requests", requests, ["GET"]),
        ("/fail-next", fail_next, ["POST"]),
        ("/timeout-next", timeout_next, ["POST"]),
        ("/block", block, ["POST"]),
        ("/expire", expire, ["POST"]),
        ("/lookup", lookup, ["POST"]),
        ("/clock", clock, ["GET"]),
        ("/clock/advance", advance, ["POST"]),
        ("/latency", latency, ["GET", "POST"]),
        ("/reset", reset, ["POST"]),
    ]
    return [Route(path, _handler(function), methods=methods) for path, function, methods in table]


def _api(value: Optional[str]) -> str:
    if value is None:
        return "v2"
    if value not in ("v1", "v2"):
        raise ControlError(f"api must be 'v1' or 'v2', got {value!r}")
    return value


def _text(body: Dict[str, Any], name: str) -> str:
    if not isinstance(body[name], str) or not body[name]:
        raise ControlError(f"{name} must be a non-empty string")
    return body[name]


def _renamed(body: Dict[str, Any], **overrides: Any) -> Dict[str, Any]:
    return {**body, **overrides}
