"""The real ``prelude_python_sdk`` (0.16.0) against FakeV2, via ``sdk_client()`` and ``serve_httpx()``."""
from __future__ import annotations

import asyncio
import datetime as dt
import re

import httpx
import prelude_python_sdk
import pytest
from fakes_helpers import OTHER_PHONE, PHONE, V2_KEY, phone_target, wrong_code
from prelude_python_sdk import AsyncPrelude, Prelude

from compat.testing import FakeV2, ManualClock


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def fake(clock):
    return FakeV2(api_key=V2_KEY, clock=clock)


@pytest.fixture(params=["sdk_client", "serve_httpx"])
def client(request, fake):
    """The same flows must work with the fake's own client and with a plain Prelude()."""
    if request.param == "sdk_client":
        yield fake.sdk_client()
    else:
        with fake.serve_httpx():
            yield Prelude(api_token=V2_KEY, max_retries=0)


def test_full_flow(client, fake, clock):
    created = client.verification.create(target=phone_target(), metadata={"correlation_id": "order-42"},
                                         signals={"device_platform": "android", "ip": "203.0.113.7"},
                                         options={"template_id": "tpl-1"})
    assert created.status == "success"
    assert re.fullmatch(r"vrf_[0-9a-z]{26}", created.id)
    assert (created.method, created.channels) == ("message", ["sms"])
    assert created.metadata.correlation_id == "order-42"
    first_code = fake.last_code(PHONE)
    assert len(first_code) == 6

    retried = client.verification.create(target=phone_target())
    assert (retried.status, retried.id) == ("retry", created.id)
    second_code = fake.last_code(PHONE)

    failed = client.verification.check(target=phone_target(), code=wrong_code(second_code))
    assert (failed.status, failed.id) == ("failure", created.id)
    history = client.verification.phone.history.retrieve(created.id)
    assert history.status == "pending_check"
    assert second_code not in history.to_json()  # codes stay masked while the window is open

    passed = client.verification.check(target=phone_target(), code=second_code)
    assert (passed.status, passed.id, passed.metadata.correlation_id) == ("success", created.id, "order-42")
    # a successful check closes the window
    assert client.verification.check(target=phone_target(), code=second_code).status == "expired_or_not_found"

    history = client.verification.phone.history.retrieve(created.id)
    assert history.status == "converted"
    assert history.phone_number == PHONE
    assert history.created_at == clock.now
    assert history.expires_at == clock.now + dt.timedelta(minutes=10)
    assert (history.device_platform, history.ip_address, history.template_id, history.correlation_id) == (
        "android", "203.0.113.7", "tpl-1", "order-42")
    kinds = [event.type for event in history.lifecycle.events]
    assert kinds == ["create", "attempt", "attempt", "check", "check"]
    attempts = [e.attempt for e in history.lifecycle.events if e.type == "attempt"]
    assert [a.trigger for a in attempts] == ["initial", "user_retry"]
    checks = [e.check for e in history.lifecycle.events if e.type == "check"]
    assert [(c.is_valid, c.value) for c in checks] == [(False, wrong_code(second_code)), (True, second_code)]

    fake.set_lookup(PHONE, line_type="voip", flags=["ported"])
    looked_up = client.lookup.lookup(PHONE)
    assert (looked_up.line_type, looked_up.flags, looked_up.country_code) == ("voip", ["ported"], "FR")
    assert looked_up.network_info.mcc == "208"
    assert looked_up.caller_name is None
    assert client.lookup.lookup(PHONE, type=["cnam"]).caller_name

    sent = client.watch.send_feedbacks(feedbacks=[{"target": phone_target(), "type": "verification.completed"}])
    assert sent.status == "success"
    assert fake.feedbacks == [{"target": phone_target(), "type": "verification.completed"}]

    batch = client.notify.send_batch(template_id="tpl-promo", to=[PHONE, "0612", OTHER_PHONE],
                                     variables={"name": "Ada"})
    assert (batch.total_count, batch.success_count, batch.error_count) == (3, 2, 1)
    assert batch.results[1].error.code == "invalid_phone_number"
    assert batch.results[2].message.to == OTHER_PHONE
    assert [n["to"] for n in fake.notifications] == [PHONE, OTHER_PHONE]


def test_requests_carry_bearer_auth(client, fake):
    client.verification.create(target=phone_target())
    (recorded,) = fake.requests
    assert recorded.headers["authorization"] == f"Bearer {V2_KEY}"
    assert recorded.json == {"target": phone_target()}
    assert (recorded.method, recorded.path) == ("POST", "/v2/verification")


@pytest.mark.parametrize("reason", ["in_block_list", "repeated_attempts"])
def test_blocked_numbers_answer_200_blocked(client, fake, reason):
    fake.block(PHONE, reason=reason)
    answer = client.verification.create(target=phone_target())
    assert (answer.status, answer.reason) == ("blocked", reason)
    with pytest.raises(LookupError):
        fake.last_code(PHONE)
    status = {"in_block_list": "in_blocklist", "repeated_attempts": "rate_limited"}[reason]
    assert client.verification.phone.history.retrieve(answer.id).status == status
    assert client.watch.predict(target=phone_target()).prediction == "suspicious"
    assert client.watch.predict(target=phone_target(OTHER_PHONE)).prediction == "legitimate"


def test_fail_next_surfaces_as_the_sdk_exception(client, fake):
    fake.fail_next(status=500, code="internal", message="boom")
    with pytest.raises(prelude_python_sdk.InternalServerError) as caught:
        client.verification.create(target=phone_target())
    assert caught.value.body["code"] == "internal"
    assert caught.value.body["message"] == "boom"
    fake.fail_next(status=402, code="insufficient_balance", path="/v2/verification/check")
    assert client.verification.create(target=phone_target()).status == "success"  # path did not match
    with pytest.raises(prelude_python_sdk.APIStatusError) as caught:
        client.verification.check(target=phone_target(), code=fake.last_code(PHONE))
    assert (caught.value.status_code, caught.value.body["code"]) == (402, "insufficient_balance")


def test_validation_errors(client):
    cases = [
        (dict(target=phone_target("0612345678")), "invalid_phone_number"),
        (dict(target={"type": "fax", "value": PHONE}), "invalid_request"),
        (dict(target=phone_target(), options={"code_size": 9}), "invalid_code_size"),
        (dict(target=phone_target(), metadata={"correlation_id": "x" * 65}), "invalid_correlation_id"),
        (dict(target=phone_target(), extra_body={"customer_uuid": "x"}), "invalid_request"),
    ]
    for arguments, code in cases:
        with pytest.raises(prelude_python_sdk.BadRequestError) as caught:
            client.verification.create(**arguments)
        assert caught.value.body["code"] == code, arguments
    with pytest.raises(prelude_python_sdk.BadRequestError) as caught:
        client.watch.send_feedbacks(feedbacks=[{"target": phone_target(), "type": "verification.started"}] * 101)
    assert caught.value.body["param"] == "feedbacks"
    for recipients, code in (([], "empty_batch"), ([PHONE] * 1001, "batch_size_exceeded")):
        with pytest.raises(prelude_python_sdk.BadRequestError) as caught:
            client.notify.send_batch(template_id="t", to=recipients)
        assert caught.value.body["code"] == code


def test_code_size_and_email_targets(client, fake):
    client.verification.create(target=phone_target(), options={"code_size": 4})
    assert re.fullmatch(r"[0-9]{4}", fake.last_code(PHONE))
    email = client.verification.create(target={"type": "email_address", "value": "ada@example.com"})
    assert (email.status, email.method) == ("success", "email")
    checked = client.verification.check(target={"type": "email_address", "value": "ada@example.com"},
                                        code=fake.last_code("ada@example.com"))
    assert checked.status == "success"


def test_window_expiry_with_the_injected_clock(client, fake, clock):
    first = client.verification.create(target=phone_target())
    code = fake.last_code(PHONE)
    clock.advance(minutes=9, seconds=59)
    assert client.verification.create(target=phone_target()).status == "retry"
    code = fake.last_code(PHONE)
    clock.advance(seconds=1)
    assert client.verification.check(target=phone_target(), code=code).status == "expired_or_not_found"
    assert client.verification.phone.history.retrieve(first.id).status == "not_converted"
    second = client.verification.create(target=phone_target())
    assert (second.status, second.id != first.id) == ("success", True)


def test_expire_control_and_custom_window(clock):
    fake = FakeV2(clock=clock, window_seconds=60)
    client = fake.sdk_client()
    client.verification.create(target=phone_target())
    clock.advance(seconds=60)
    assert client.verification.create(target=phone_target()).status == "success"
    fake.expire(PHONE)
    assert client.verification.check(target=phone_target(), code="000000").status == "expired_or_not_found"


def test_timeout_next_raises_the_sdk_timeout(client, fake):
    fake.timeout_next()
    with pytest.raises(prelude_python_sdk.APITimeoutError):
        client.verification.create(target=phone_target())
    with pytest.raises(LookupError):
        fake.last_code(PHONE)  # the timed-out request changed nothing
    assert client.verification.create(target=phone_target()).status == "success"


def test_bad_key_is_authentication_error(fake):
    with pytest.raises(prelude_python_sdk.AuthenticationError) as caught:
        fake.sdk_client(api_token="test-v1-key").verification.create(target=phone_target())
    assert caught.value.body["code"] == "invalid_api_key"


def test_serve_httpx_refuses_other_hosts_and_restores_transport(fake):
    original = httpx.HTTPTransport.handle_request
    with fake.serve_httpx():
        with pytest.raises(httpx.ConnectError):
            httpx.get("https://example.com/")
        unknown = httpx.get("https://api.prelude.dev/v2/nothing")
        assert (unknown.status_code, unknown.json()["code"]) == (404, "not_found")
        anonymous = httpx.post("https://api.prelude.dev/v2/verification", json={"target": phone_target()})
        assert (anonymous.status_code, anonymous.json()["code"]) == (401, "missing_api_key")
    assert httpx.HTTPTransport.handle_request is original


def test_serve_httpx_on_the_legacy_host(fake):
    with fake.serve_httpx(base="https://api.ding.live"):
        client = Prelude(api_token=V2_KEY, base_url="https://api.ding.live", max_retries=0)
        with pytest.deprecated_call():  # the SDK itself marks the legacy route deprecated
            sent = client.transactional.send(template_id="tpl", to=PHONE, from_="Acme")
    assert sent.to == PHONE
    assert fake.requests[0].url == "https://api.ding.live/v2/transactional"
    assert fake.notifications[0]["kind"] == "transactional"


def test_async_clients(fake):
    async def flow():
        with fake.serve_httpx():
            plain = AsyncPrelude(api_token=V2_KEY, max_retries=0)
            created = await plain.verification.create(target=phone_target())
        own = AsyncPrelude(api_token=V2_KEY, max_retries=0,
                           http_client=httpx.AsyncClient(transport=fake.transport()))
        checked = await own.verification.check(target=phone_target(), code=fake.last_code(PHONE))
        return created.status, checked.status

    assert asyncio.run(flow()) == ("success", "success")


def test_watch_events_predict_and_single_notify(client, fake):
    sent = client.watch.send_events(events=[{"target": phone_target(), "label": "onboarded", "confidence": "high"}])
    assert sent.status == "success"
    assert fake.events == [{"target": phone_target(), "label": "onboarded", "confidence": "high"}]
    with pytest.raises(prelude_python_sdk.BadRequestError) as caught:
        client.watch.send_events(events=[{"target": phone_target(), "label": "x", "confidence": "sure"}])
    assert caught.value.body["param"] == "events[0].confidence"
    prediction = client.watch.predict(target=phone_target(), metadata={"correlation_id": "c-1"})
    assert (prediction.prediction, prediction.risk_factors) == ("legitimate", [])

    message = client.notify.send(template_id="tpl-otp", to=PHONE, variables={"code": "42"},
                                 schedule_at="2026-05-04T13:00:00Z", correlation_id="c-2")
    assert (message.to, message.template_id, message.variables, message.correlation_id) == (
        PHONE, "tpl-otp", {"code": "42"}, "c-2")
    assert message.schedule_at is not None
    assert fake.notifications[-1]["kind"] == "notify"
    with pytest.raises(prelude_python_sdk.BadRequestError) as caught:
        client.notify.send(template_id="tpl-otp", to="not-a-number")
    assert caught.value.body["code"] == "invalid_phone_number"
    assert len(fake.notifications) == 1
