"""Issue 15, compat items, each through a public entry point: 6 (a malformed v2 answer does not
poison the store), 8 (sealing secrets have a minimum strength), 9 (two creates for one number
in one minute get their own ids and records), 10 (an unknown v2 status on a create or retry is
answered as sent, not as an error; on a check it is a v1 500 as documented), 11 (ids dated in
the future are refused, beyond a small clock skew), 16 (the forgery odds in docs/compat.md).
Item 2 is test_compat_no_resend.py, item 15 test_compat_shells.py."""
from __future__ import annotations

import logging
import time

import pytest
import responses

import compat
from compat.engine import CompatConfigError
from compat.store import MemoryStore
from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from compat_helpers import PHONE, V2_KEY, V2_VERIFY
from paths import ROOT

V1 = "https://api.ding.live/v1"
STRONG = "a-sealing-secret-of-32-bytes-and-more"


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# --- item 6: validate v2 answers before storing -------------------------------------------------

@pytest.mark.parametrize("bad_id", [12345, ["vrf_1"], {"x": 1}, "", "v" * 10_000, "vrf\n1"])
def test_a_create_answered_with_a_malformed_id_does_not_poison_the_store(bad_id):
    store = MemoryStore()
    http = compat.session(api_key=V2_KEY, store=store)
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY, json={"id": bad_id, "status": "success", "request_id": "r1"})
        created = http.post(f"{V1}/authentication", json={"phone_number": PHONE, "ip": "203.0.113.7"})
        assert (created.status_code, created.json()["status"]) == (200, "pending")
        auth = created.json()["authentication_uuid"]
        assert store.get(auth)["v2_id"] is None
        # status answers from the id (no v2 call with a bogus id), not a 500 for a day
        status = http.get(f"{V1}/authentication/{auth}")
        assert status.status_code == 200 and status.json()["phone_number"] == PHONE
        assert len(rsps.calls) == 1
        # retry still replays the original create
        rsps.add(responses.POST, V2_VERIFY, json={"id": "vrf_2", "status": "retry", "request_id": "r2"})
        retried = http.post(f"{V1}/retry", json={"authentication_uuid": auth})
        assert retried.json()["status"] == "approved"
        assert b'"ip": "203.0.113.7"' in rsps.calls[-1].request.body
    assert store.get(auth)["v2_id"] == "vrf_2"


def test_a_stored_record_with_a_malformed_id_is_answered_statelessly(v2):
    store = MemoryStore()
    http = compat.session(api_key=V2_KEY, store=store)
    auth = http.post(f"{V1}/authentication", json={"phone_number": PHONE}).json()["authentication_uuid"]
    store.update(auth, v2_id=12345)  # as an older version may have stored it
    status = http.get(f"{V1}/authentication/{auth}")
    assert status.status_code == 200 and status.json()["uuid"] == auth
    assert http.post(f"{V1}/retry", json={"authentication_uuid": auth}).json()["status"] == "approved"


# --- item 8: a minimum strength for secret= and previous_secrets= --------------------------------

@pytest.mark.parametrize("options", [
    {"secret": "abc"}, {"secret": b"x" * 31}, {"secret": STRONG, "previous_secrets": ["old"]},
    {"previous_secrets": [STRONG, "é" * 15]},  # 30 bytes in UTF-8
])
@pytest.mark.parametrize("entry", ["session", "httpx"])
def test_a_weak_sealing_secret_is_refused_and_the_error_says_why(options, entry):
    with pytest.raises(CompatConfigError, match="at least 32") as caught:
        if entry == "session":
            compat.session(api_key=V2_KEY, **options)
        else:
            compat.HTTPXTransport(api_key=V2_KEY, **options)
    assert "offline" in str(caught.value) and "forge" in str(caught.value)


def test_a_strong_secret_and_the_v2_key_itself_are_accepted(v2):
    for options in ({"secret": STRONG, "previous_secrets": [b"\x00" * 32]}, {}):  # {}: sealed with the v2 key
        http = compat.session(api_key=V2_KEY, **options)
        assert http.post(f"{V1}/authentication", json={"phone_number": PHONE}).status_code == 200


# --- item 9: the same number in the same minute ---------------------------------------------------

def test_two_creates_for_one_number_in_one_minute_keep_their_own_records(v2):
    clock = Clock(time.time())  # the fake's clock too: expiries it reports are in real time
    store = MemoryStore()
    first = compat.session(api_key=V2_KEY, store=store, clock=clock)
    second = compat.session(api_key=V2_KEY, store=store, clock=clock)  # another caller, same minute
    a = first.post(f"{V1}/authentication", json={"phone_number": PHONE, "ip": "203.0.113.1"}).json()
    code = v2.last_code(PHONE)
    assert first.post(f"{V1}/check", json={"authentication_uuid": a["authentication_uuid"],
                                           "check_code": code}).json()["status"] == "valid"
    b = second.post(f"{V1}/authentication", json={"phone_number": PHONE, "ip": "203.0.113.2"}).json()
    assert a["authentication_uuid"] != b["authentication_uuid"]
    # the second create did not reset the first's validation (a retry would have sent a code)...
    before = len(v2.requests)
    assert first.post(f"{V1}/retry", json={"authentication_uuid": a["authentication_uuid"]}).json()[
        "status"] == "already_validated"
    assert len(v2.requests) == before
    # ...and each retry replays its own caller's signals
    second.post(f"{V1}/retry", json={"authentication_uuid": b["authentication_uuid"]})
    assert v2.requests[-1].json["signals"] == {"ip": "203.0.113.2"}


def test_a_nonce_already_held_by_a_live_create_is_not_reused(v2, monkeypatch):
    import compat.sealing

    monkeypatch.setattr(compat.sealing, "_random_nonce", lambda: 0)  # every create draws nonce 0
    clock = Clock(1_800_000_000.0)
    store = MemoryStore()
    http = compat.session(api_key=V2_KEY, store=store, clock=clock)
    ids = [http.post(f"{V1}/authentication", json={"phone_number": PHONE, "ip": f"203.0.113.{i}"}).json()[
        "authentication_uuid"] for i in range(3)]
    assert len(set(ids)) == 3
    assert [store.get(i)["v2_create"]["signals"]["ip"] for i in ids] == [f"203.0.113.{i}" for i in range(3)]


# --- item 10: a 200 with an unknown, missing or malformed status ---------------------------------

@pytest.mark.parametrize("status", ["status_from_2027", None, 42, ["success"]])
def test_an_unknown_create_status_is_answered_as_sent_and_logged(status, caplog):
    body = {"id": "vrf_1", "request_id": "req_new_status"}
    if status is not None:
        body["status"] = status
    http = compat.session(api_key=V2_KEY)
    with responses.RequestsMock() as rsps, caplog.at_level(logging.WARNING, logger="compat"):
        rsps.add(responses.POST, V2_VERIFY, json=body)
        created = http.post(f"{V1}/authentication", json={"phone_number": PHONE})
        assert len(rsps.calls) == 1
    assert (created.status_code, created.json()["status"]) == (200, "pending")
    assert "req_new_status" in caplog.text and "unknown status" in caplog.text


def test_an_unknown_retry_status_is_approved_and_an_unknown_check_status_a_500(caplog):
    http = compat.session(api_key=V2_KEY)
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY, json={"id": "vrf_1", "status": "success"})
        auth = http.post(f"{V1}/authentication", json={"phone_number": PHONE}).json()["authentication_uuid"]
        rsps.add(responses.POST, V2_VERIFY, json={"id": "vrf_1", "status": "status_from_2027"})
        assert http.post(f"{V1}/retry", json={"authentication_uuid": auth}).json()["status"] == "approved"
        rsps.add(responses.POST, V2_VERIFY + "/check", json={"id": "vrf_1", "status": "status_from_2027",
                                                             "request_id": "req_c"})
        checked = http.post(f"{V1}/check", json={"authentication_uuid": auth, "check_code": "1234"})
    assert (checked.status_code, checked.json()["code"]) == (500, "internal_server_error")
    assert "status_from_2027" in checked.json()["message"] and checked.headers["X-Prelude-Request-Id"] == "req_c"


def test_the_docs_say_what_the_code_answers_for_unknown_statuses():
    text = (ROOT / "docs" / "compat.md").read_text(encoding="utf-8")
    assert "answered `pending`" in text and "answered `approved`" in text
    assert "HTTP 500 `internal_server_error`" in text


# --- item 11: ids dated in the future --------------------------------------------------------------

def test_an_id_dated_in_the_future_is_refused_beyond_the_clock_skew(v2):
    now = 1_800_000_000.0
    ahead = compat.session(api_key=V2_KEY, clock=Clock(now + 3600))  # a host an hour ahead
    slightly = compat.session(api_key=V2_KEY, clock=Clock(now + 120))  # two minutes ahead: skew
    here = compat.session(api_key=V2_KEY, clock=Clock(now))
    far = ahead.post(f"{V1}/authentication", json={"phone_number": PHONE}).json()["authentication_uuid"]
    near = slightly.post(f"{V1}/authentication", json={"phone_number": "+33612345679"}).json()["authentication_uuid"]
    before = len(v2.requests)
    for path, body in (("/check", {"authentication_uuid": far, "check_code": "1"}),
                       ("/retry", {"authentication_uuid": far})):
        refused = here.post(V1 + path, json=body)
        assert (refused.status_code, refused.json()["code"]) == (400, "invalid_auth_uuid")
        assert "future" in refused.json()["message"]
    assert here.get(f"{V1}/authentication/{far}").status_code == 400
    assert len(v2.requests) == before
    assert here.post(f"{V1}/retry", json={"authentication_uuid": near}).json()["status"] == "approved"


# --- item 16: the forgery odds in the docs ----------------------------------------------------------

def test_the_docs_state_the_forgery_odds_of_the_44_bit_tag():
    text = " ".join((ROOT / "docs" / "compat.md").read_text(encoding="utf-8").split())
    # 2^-44 = 5.7e-14; ln 2 * 2^44 / 10^6 s = 141 days for an even chance; 2^44 guesses: 1 - 1/e = 63 %
    assert "2^-44 (about 5.7 × 10^-14)" in text
    assert "about 141 days for an even chance" in text
    assert "2^44 guesses (204 days) give 63 %" in text
    assert "nine years" not in text
