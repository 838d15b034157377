"""The three in-process shells over one engine, behind one test interface: the requests adapter,
the sync httpx transport and the async httpx transport, each on a FakeV2.

``shell`` (a fixture, parametrized over the three) builds a client with compat options;
``client.call(method, url, json=..., data=...)`` answers ``Answer(status, body, headers)``. Each
shell raises its own library's exceptions on v2 faults: ``client.timeout_error`` names it."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, NamedTuple, Optional

import httpx
import pytest
import requests

import compat
from compat.testing import FakeV2
from compat_helpers import V2_KEY

SHELLS = ("requests", "httpx", "httpx-async")
V1 = "https://api.ding.live/v1"


class Answer(NamedTuple):
    status: int
    body: Any
    headers: Dict[str, str]


def _decoded(content: bytes) -> Any:
    import json

    try:
        return json.loads(content)
    except ValueError:
        return content


class ShellVerbs:
    """``post`` and ``get`` on top of a shell's ``call`` (every shell, the proxy's too)."""

    def call(self, method: str, url: str, json: Any = None, data: Optional[bytes] = None,
             headers: Optional[Dict[str, str]] = None) -> Answer:
        raise NotImplementedError

    def post(self, path: str, json: Any = None, data: Optional[bytes] = None) -> Answer:
        if data is not None:
            return self.call("POST", path, data=data, headers={"Content-Type": "application/json"})
        return self.call("POST", path, json=json)

    def get(self, path: str) -> Answer:
        return self.call("GET", path)


class Client(ShellVerbs):
    def __init__(self, kind: str, fake: FakeV2, **options: Any):
        options.setdefault("api_key", V2_KEY)
        self.kind = kind
        self.fake = fake
        if kind == "requests":
            self._session = compat.session(**options)
            self.timeout_error: Any = requests.exceptions.Timeout
            self.connect_error: Any = requests.exceptions.ConnectionError
        else:
            self._options = options
            self.timeout_error = httpx.TimeoutException
            self.connect_error = httpx.ConnectError
            if kind == "httpx":
                self._client = httpx.Client(transport=compat.HTTPXTransport(v2_transport=fake.transport(), **options))

    def call(self, method: str, url: str, json: Any = None, data: Optional[bytes] = None,
             headers: Optional[Dict[str, str]] = None) -> Answer:
        if not url.lower().startswith(("http://", "https://")):
            url = V1 + url
        if self.kind == "requests":
            res = self._session.request(method, url, json=json, data=data, headers=headers)
            return Answer(res.status_code, _decoded(res.content), {k.lower(): v for k, v in res.headers.items()})
        if self.kind == "httpx":
            res = self._client.request(method, url, json=json, content=data, headers=headers)
            return Answer(res.status_code, _decoded(res.content), {k.lower(): v for k, v in res.headers.items()})

        async def run() -> Answer:
            transport = compat.AsyncHTTPXTransport(v2_transport=self.fake.transport(), **self._options)
            async with httpx.AsyncClient(transport=transport) as client:
                res = await client.request(method, url, json=json, content=data, headers=headers)
            return Answer(res.status_code, _decoded(res.content), {k.lower(): v for k, v in res.headers.items()})

        return asyncio.run(run())



@pytest.fixture(params=SHELLS)
def shell(request, v2):
    """A factory: ``shell(**compat_options)`` -> a ``Client`` of one of the three shells."""
    return lambda **options: Client(request.param, v2, **options)
