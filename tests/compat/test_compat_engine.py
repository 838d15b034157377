"""The sans-I/O engine driven directly, as a server (the proxy) drives it: sync and async
drivers, the effects it yields, the store calls, the forward path and the fault answer."""
from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from compat.engine import (Engine, StoreCall, V1Request, V2Request, V2Response, run_steps,
                           run_steps_async)
from compat.store import MemoryStore
from compat.testing import FakeV2
from compat_helpers import PHONE, V2_KEY


def _body(value) -> bytes:
    return json.dumps(value).encode()


def _sync_send(fake: FakeV2):
    def send(request: V2Request) -> V2Response:
        status, headers, content = fake.handle(request.method, request.url, request.headers, request.body)
        return V2Response(status, content, headers)
    return send


def test_the_docstring_example_with_an_async_httpx_client():
    fake = FakeV2(api_key=V2_KEY)
    engine = Engine(api_key=V2_KEY)

    async def main():
        async with httpx.AsyncClient(transport=fake.transport()) as client:
            async def send(request: V2Request) -> V2Response:
                answer = await client.request(request.method, request.url, headers=request.headers,
                                              content=request.body)
                return V2Response(answer.status_code, answer.content, answer.headers)

            created = await run_steps_async(engine.handle(V1Request(
                "POST", "/v1/authentication", body=_body({"phone_number": PHONE}))), send)
            auth = created.json()["authentication_uuid"]
            checked = await run_steps_async(engine.handle(V1Request(
                "POST", "/v1/check", body=_body({"authentication_uuid": auth, "check_code": fake.last_code(PHONE)}))),
                send)
            return created, checked

    created, checked = asyncio.run(main())
    assert (created.status, created.json()["status"]) == (200, "pending")
    assert created.headers["X-Prelude-Request-Id"]
    assert (checked.status, checked.json()["status"]) == (200, "valid")
    assert [r.path for r in fake.requests] == ["/v2/verification", "/v2/verification/check"]


def test_the_effects_a_create_yields_with_a_store():
    store = MemoryStore()
    engine = Engine(api_key=V2_KEY, store=store)
    steps = engine.handle(V1Request("POST", "/v1/authentication", body=_body({"phone_number": PHONE, "ip": "203.0.113.7"})))
    v2 = next(steps)
    assert isinstance(v2, V2Request)
    assert (v2.method, v2.url) == ("POST", "https://api.prelude.dev/v2/verification")
    assert v2.headers["Authorization"] == f"Bearer {V2_KEY}"
    assert json.loads(v2.body) == {"target": {"type": "phone_number", "value": PHONE}, "signals": {"ip": "203.0.113.7"}}
    put = steps.send(V2Response(200, _body({"id": "vrf_1", "status": "success", "request_id": "r1"})))
    assert isinstance(put, StoreCall) and (put.store, put.name) == (store, "add")
    with pytest.raises(StopIteration) as done:
        steps.send(put.run())
    answer = done.value.value
    assert answer.status == 200 and answer.json()["status"] == "pending"
    assert store.get(answer.json()["authentication_uuid"])["v2_id"] == "vrf_1"


def test_a_malformed_request_is_answered_without_any_effect():
    steps = Engine(api_key=V2_KEY).handle(V1Request("POST", "/v1/authentication", body=b"[1, 2"))
    with pytest.raises(StopIteration) as done:
        next(steps)
    answer = done.value.value
    assert (answer.status, answer.json()["code"]) == (400, "bad_request")


def test_a_get_may_be_repeated_and_the_lookup_query_is_kept():
    fake = FakeV2(api_key=V2_KEY)
    sent = []

    def send(request):
        sent.append(request)
        return _sync_send(fake)(request)

    answer = run_steps(Engine(api_key=V2_KEY).handle(V1Request("GET", f"/v1/lookup/{PHONE}", query="type=cnam")), send)
    assert answer.status == 200 and answer.json()["phone_number"] == PHONE
    assert sent[0].method == "GET" and sent[0].url.endswith(f"/v2/lookup/{PHONE}?type=cnam")


def test_the_legacy_v2_host_is_forwarded_as_it_is():
    engine = Engine(api_key=V2_KEY, v2_base_url="http://127.0.0.1:9/v2")
    request = V1Request("POST", "/v2/transactional", query="a=1",
                        headers={"Host": "api.ding.live", "Authorization": "Bearer own-key"}, body='{"x": 1}')
    assert engine.is_forward(request.path)
    forwarded = engine.forward_request(request)
    assert forwarded == V2Request("POST", "http://127.0.0.1:9/v2/transactional?a=1",
                                  {"Authorization": "Bearer own-key"}, b'{"x": 1}')
    answer = run_steps(engine.handle(request), lambda _: V2Response(202, b'{"id": "tx_1"}', {"X-Own": "1"}))
    assert (answer.status, answer.headers, answer.content) == (202, {"X-Own": "1"}, b'{"id": "tx_1"}')


def test_the_fault_answer_is_a_v1_gateway_error():
    engine = Engine(api_key=V2_KEY)
    request = V2Request("POST", "https://api.prelude.dev/v2/verification", {}, b"{}")
    timed_out = engine.fault_answer(request, timed_out=True, detail="read timeout")
    refused = engine.fault_answer(request, timed_out=False, detail="connection refused")
    assert (timed_out.status, refused.status) == (504, 502)
    assert timed_out.json()["code"] == "internal_server_error"
    assert "POST /v2/verification" in refused.json()["message"]


def test_a_failing_store_degrades_to_stateless_in_both_drivers(caplog):
    class Broken(MemoryStore):
        def get(self, key):
            raise OSError("disk gone")

        async def async_get(self, key):
            raise OSError("disk gone")

    fake = FakeV2(api_key=V2_KEY)
    engine = Engine(api_key=V2_KEY, store=Broken())
    send = _sync_send(fake)
    created = run_steps(engine.handle(V1Request("POST", "/v1/authentication", body=_body({"phone_number": PHONE}))), send)
    auth = created.json()["authentication_uuid"]
    status = run_steps(engine.handle(V1Request("GET", f"/v1/authentication/{auth}")), send)
    assert status.status == 200 and status.json()["events"] == []

    async def asend(request):
        return send(request)

    again = asyncio.run(run_steps_async(engine.handle(V1Request("GET", f"/v1/authentication/{auth}")), asend))
    assert again.status == 200 and again.json()["uuid"] == auth
    assert caplog.text.count("compat store get failed") == 2
