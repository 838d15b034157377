"""The behaviour every in-process shell shares (one engine): the requests adapter, the httpx
transport and the async httpx transport, each served by FakeV2, answer the same v1 calls alike:
every operation, errors, ids, stores, faults (exactly one v2 request) and the v1 host in every
spelling (issue 15 item 15)."""
from __future__ import annotations

import pytest

import uuid

from compat.redis_store import RedisStore
from compat.store import MemoryStore, SQLiteStore
from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from compat_helpers import PHONE, mutate
from compat_shells import shell  # noqa: F401 (fixture)


def _create(client, phone=PHONE, **fields):
    answer = client.post("/authentication", {"phone_number": phone, **fields})
    assert answer.status == 200, answer.body
    return answer.body["authentication_uuid"]


def test_create_check_retry_status_lookup_feedback(v2, shell):
    client = shell(store=MemoryStore())
    created = client.post("/authentication", {"customer_uuid": "c", "phone_number": PHONE, "ip": "203.0.113.7"})
    assert created.status == 200 and created.body["status"] == "pending"
    assert created.headers["x-prelude-request-id"]
    assert v2.requests[-1].json == {"target": {"type": "phone_number", "value": PHONE}, "signals": {"ip": "203.0.113.7"}}
    auth = created.body["authentication_uuid"]
    wrong = client.post("/check", {"authentication_uuid": auth, "check_code": "000000"})
    assert (wrong.status, wrong.body["status"]) == (200, "invalid")
    retried = client.post("/retry", {"authentication_uuid": auth})
    assert (retried.status, retried.body["status"]) == (200, "approved")
    assert v2.requests[-1].json["signals"] == {"ip": "203.0.113.7"}  # the store replays the signals
    code = v2.last_code(PHONE)
    right = client.post("/check", {"authentication_uuid": auth, "check_code": code})
    assert (right.status, right.body) == (200, {"authentication_uuid": auth, "status": "valid"})
    again = client.post("/check", {"authentication_uuid": auth, "check_code": code})
    assert again.body["status"] == "already_validated"
    status = client.get(f"/authentication/{auth}")
    assert status.status == 200 and status.body["uuid"] == auth
    assert [e["type"] for e in status.body["events"]][:1] == ["attempt"]
    v2.set_lookup(PHONE, line_type="mobile")
    looked = client.get(f"/lookup/{PHONE}")
    assert (looked.status, looked.body["phone_number"], looked.body["line_type"]) == (200, PHONE, "Mobile")
    before = len(v2.requests)
    feedback = client.post("/authentication/feedback", {"phone_number": PHONE, "status": "onboarded"})
    assert feedback.status == 200 and set(feedback.body) == {"uuid"}
    assert len(v2.requests) == before  # not forwarded without forward_feedback=True


def test_a_tampered_id_is_refused_with_no_v2_call(v2, shell):
    client = shell()
    auth = _create(client)
    before = len(v2.requests)
    answer = client.post("/check", {"authentication_uuid": mutate(auth, 0, "0" if auth[0] != "0" else "1"),
                                    "check_code": "1"})
    assert (answer.status, answer.body["code"]) == (400, "invalid_auth_uuid")
    assert len(v2.requests) == before


def test_an_id_from_one_shell_is_honoured_by_the_others(v2, shell):
    from compat_shells import Client

    auth = _create(Client("requests", v2))
    answer = shell().post("/check", {"authentication_uuid": auth, "check_code": v2.last_code(PHONE)})
    assert answer.body["status"] == "valid"


@pytest.mark.parametrize("status,code,v1_status,v1_code", [
    (400, "invalid_phone_number", 400, "invalid_phone_number"),
    (401, "invalid_api_key", 403, None),
    (422, "code_from_2027", 400, "bad_request"),
    (503, "internal", 503, "internal_server_error"),
])
def test_v2_errors_become_the_same_v1_errors(v2, shell, status, code, v1_status, v1_code):
    v2.fail_next(status=status, code=code, path="/v2/verification")
    answer = shell().post("/authentication", {"phone_number": PHONE})
    assert answer.status == v1_status
    assert answer.body.get("code") == v1_code
    assert code in answer.body["message"]
    assert len(v2.requests) == 1


@pytest.mark.parametrize("operation", ["create", "check", "retry"])
def test_a_timeout_is_raised_after_exactly_one_v2_request(v2, shell, operation):
    client = shell()
    auth = _create(client)
    path = "/v2/verification/check" if operation == "check" else "/v2/verification"
    v2.timeout_next(path=path)
    before = len(v2.requests)
    with pytest.raises(client.timeout_error):
        if operation == "create":
            client.post("/authentication", {"phone_number": PHONE})
        elif operation == "check":
            client.post("/check", {"authentication_uuid": auth, "check_code": "123456"})
        else:
            client.post("/retry", {"authentication_uuid": auth})
    assert [r.path for r in v2.requests[before:]] == [path]


@pytest.mark.parametrize("data", [b"[" * 50_000, b'{"phone_number": NaN}', b"\xff", b'"x"', b""])
def test_malformed_bodies_are_v1_400s_without_v2(v2, shell, data):
    answer = shell().post("/authentication", data=data)
    assert (answer.status, answer.body["code"]) == (400, "bad_request")
    assert v2.requests == []


@pytest.mark.parametrize("url", [
    "https://api.ding.live:443/v1/authentication",
    "http://api.ding.live/v1/authentication",
    "https://api.ding.live./v1/authentication",
    "HTTPS://API.DING.LIVE/v1/authentication",
])
def test_every_spelling_of_the_v1_host_is_served_by_compat(v2, shell, url):
    """Issue 15 item 15: these went to the network instead."""
    answer = shell().call("POST", url, json={"phone_number": PHONE})
    assert (answer.status, answer.body["status"]) == (200, "pending")
    assert [r.path for r in v2.requests] == ["/v2/verification"]


def test_the_legacy_v2_host_is_forwarded(v2, shell):
    answer = shell().call("POST", "https://api.ding.live/v2/transactional",
                          json={"template_id": "tpl_1", "to": PHONE},
                          headers={"Authorization": "Bearer test-v2-key"})
    assert answer.status == 200, answer.body
    assert v2.requests[-1].path == "/v2/transactional"


@pytest.mark.parametrize("url", ["https://api.ding.live:443/v1/authentication", "http://api.ding.live/v1/authentication",
                                 "https://api.ding.live./v1/authentication"])
def test_install_serves_every_spelling_of_the_v1_host(v2, url):
    import requests

    import compat
    from compat_helpers import V2_KEY

    compat.install(api_key=V2_KEY)
    try:
        answer = requests.post(url, json={"phone_number": PHONE})
    finally:
        compat.uninstall()
    assert (answer.status_code, answer.json()["status"]) == (200, "pending")
    assert [r.path for r in v2.requests] == ["/v2/verification"]


@pytest.fixture(params=["memory", "sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "memory":
        made = MemoryStore()
    elif request.param == "sqlite":
        made = SQLiteStore(str(tmp_path / "compat.db"))
    else:
        made = RedisStore(request.getfixturevalue("redis_url"), prefix=f"test:{uuid.uuid4().hex}:")
    yield made
    made.close()


def test_every_store_behind_every_shell(v2, shell, store):
    """Replay on retry, already_validated and status history, whichever store and shell (the
    async shell awaits RedisStore's async methods)."""
    client = shell(store=store)
    auth = _create(client, device_id="dev-1")
    assert client.post("/retry", {"authentication_uuid": auth}).body["status"] == "approved"
    assert v2.requests[-1].json["signals"] == {"device_id": "dev-1"}
    code = v2.last_code(PHONE)
    assert client.post("/check", {"authentication_uuid": auth, "check_code": code}).body["status"] == "valid"
    assert client.post("/check", {"authentication_uuid": auth, "check_code": code}).body["status"] == (
        "already_validated")
    assert client.post("/retry", {"authentication_uuid": auth}).body["status"] == "already_validated"
    events = client.get(f"/authentication/{auth}").body["events"]
    assert [e["type"] for e in events].count("attempt") == 2
