"""Every /_sandbox/ control endpoint, driven over HTTP against a running sandbox."""
import datetime as dt

import httpx
import pytest

from servers_helpers import CUSTOMER, OTHER_PHONE, PHONE, V1_KEY, target


def create(v2, phone=PHONE, **body):
    return v2("POST", "/v2/verification", {"target": target(phone), **body})


def check(v2, code, phone=PHONE):
    return v2("POST", "/v2/verification/check", {"target": target(phone), "code": code})


def v1_create(http, phone=PHONE):
    return http.post("/v1/authentication", json={"customer_uuid": CUSTOMER, "phone_number": phone},
                     headers={"X-API-Key": V1_KEY})


def test_health_answers_ok_with_the_sandbox_time(http):
    answer = http.get("/_sandbox/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    now = dt.datetime.fromisoformat(answer.json()["now"].replace("Z", "+00:00"))
    assert abs((now - dt.datetime.now(dt.timezone.utc)).total_seconds()) < 60


def test_codes_gives_the_last_code_sent_and_it_checks(http, v2):
    assert create(v2).json()["status"] == "success"
    answer = http.get(f"/_sandbox/codes/{PHONE}")
    assert answer.status_code == 200
    body = answer.json()
    assert (body["api"], body["target"]) == ("v2", PHONE)
    assert body["code"].isdigit() and len(body["code"]) == 6
    assert check(v2, body["code"]).json()["status"] == "success"


def test_codes_follow_a_retry_and_404_when_nothing_was_sent(http, v2):
    create(v2)
    assert create(v2).json()["status"] == "retry"
    second = http.get(f"/_sandbox/codes/{PHONE}").json()["code"]
    assert check(v2, second).json()["status"] == "success"  # the retry's code is the one that counts
    missing = http.get(f"/_sandbox/codes/{OTHER_PHONE}")
    assert missing.status_code == 404
    assert OTHER_PHONE in missing.json()["error"]


def test_codes_for_v1_also_give_the_authentication_uuid(http):
    created = v1_create(http).json()
    answer = http.get(f"/_sandbox/codes/{PHONE}", params={"api": "v1"}).json()
    assert answer["authentication_uuid"] == created["authentication_uuid"]
    checked = http.post("/v1/check", headers={"X-API-Key": V1_KEY}, json={
        "customer_uuid": CUSTOMER, "authentication_uuid": created["authentication_uuid"],
        "check_code": answer["code"]})
    assert checked.json()["status"] == "valid"
    assert http.get(f"/_sandbox/codes/{PHONE}", params={"api": "v3"}).status_code == 400


def test_requests_lists_what_was_received_with_filters(http, v2):
    create(v2)
    v2("GET", f"/v2/lookup/{PHONE}")
    v1_create(http)
    everything = http.get("/_sandbox/requests").json()
    assert everything["count"] == 3
    assert [(r["api"], r["method"], r["path"]) for r in everything["requests"]] == [
        ("v2", "POST", "/v2/verification"), ("v2", "GET", f"/v2/lookup/{PHONE}"),
        ("v1", "POST", "/v1/authentication")]
    first = everything["requests"][0]
    assert first["json"] == {"target": target()}
    assert first["headers"]["authorization"] == "Bearer test-v2-key"
    assert (first["status"], first["outcome"]) == (200, "reply")
    only_v1 = http.get("/_sandbox/requests", params={"api": "v1"}).json()["requests"]
    assert [r["path"] for r in only_v1] == ["/v1/authentication"]
    lookups = http.get("/_sandbox/requests", params={"method": "get", "path": "/v2/lookup/*"}).json()
    assert lookups["count"] == 1
    later = http.get("/_sandbox/requests", params={"since": first["seq"]}).json()
    assert later["count"] == 2
    assert http.get("/_sandbox/requests", params={"colour": "red"}).status_code == 400
    assert http.get("/_sandbox/requests", params={"since": "soon"}).status_code == 400


def test_control_calls_are_not_recorded_as_api_requests(http):
    http.get("/_sandbox/health")
    http.post("/_sandbox/latency", json={"ms": 0})
    assert http.get("/_sandbox/requests").json()["count"] == 0


def test_fail_next_answers_the_error_once_and_sends_nothing(http, v2):
    answer = http.post("/_sandbox/fail-next", json={"status": 503, "code": "internal", "message": "down",
                                                    "path": "/v2/verification"})
    assert answer.status_code == 200
    failed = create(v2)
    assert failed.status_code == 503
    assert (failed.json()["code"], failed.json()["message"]) == ("internal", "down")
    assert http.get(f"/_sandbox/codes/{PHONE}").status_code == 404  # nothing was sent
    assert create(v2).json()["status"] == "success"  # once only


def test_fail_next_for_v1_uses_the_v1_error_shape(http):
    http.post("/_sandbox/fail-next", json={"api": "v1", "status": 400, "code": "negative_balance"})
    failed = v1_create(http)
    assert failed.status_code == 400
    assert failed.json() == {"code": "negative_balance", "message": "injected failure",
                             "doc_url": "https://docs.prelude.so/api-reference/errors#negative_balance"}


def test_fail_next_disconnect_drops_the_connection_after_the_code_went_out(http, v2):
    http.post("/_sandbox/fail-next", json={"kind": "disconnect", "path": "/v2/verification"})
    with pytest.raises(httpx.RemoteProtocolError):
        create(v2)
    assert http.get(f"/_sandbox/codes/{PHONE}").status_code == 200  # the fake did send a code
    (entry,) = http.get("/_sandbox/requests").json()["requests"]
    assert entry["outcome"] == "disconnect"


def test_fail_next_invalid_json_breaks_the_body(http, v2):
    http.post("/_sandbox/fail-next", json={"kind": "invalid_json", "times": 2})
    for _ in range(2):
        broken = create(v2)
        assert broken.status_code == 200
        with pytest.raises(ValueError):
            broken.json()
    assert create(v2).json()["status"] == "retry"


@pytest.mark.parametrize("body", [{"kind": "explode"}, {"times": 0}, {"status": 200}, {"api": "v9"},
                                  {"colour": "red"}, {"kind": "disconnect", "times": "2"}])
def test_fail_next_refuses_bad_requests(http, body):
    answer = http.post("/_sandbox/fail-next", json=body)
    assert answer.status_code == 400
    assert answer.json()["error"]


def test_timeout_next_holds_the_request_and_leaves_the_state_alone(http, v2, sandbox):
    assert http.post("/_sandbox/timeout-next", json={"seconds": 20}).json()["seconds"] == 20
    with httpx.Client(base_url=sandbox.url, timeout=0.5) as impatient:
        with pytest.raises(httpx.ReadTimeout):
            impatient.post("/v2/verification", json={"target": target()},
                           headers={"Authorization": "Bearer test-v2-key"})
    assert http.get(f"/_sandbox/codes/{PHONE}").status_code == 404
    (entry,) = http.get("/_sandbox/requests").json()["requests"]
    assert entry["outcome"] == "timeout"
    assert create(v2).json()["status"] == "success"


def test_timeout_next_answers_504_to_a_client_that_waits_longer(http, v2):
    http.post("/_sandbox/timeout-next", json={"seconds": 0.2})
    held = create(v2)
    assert held.status_code == 504
    assert http.post("/_sandbox/timeout-next", json={"seconds": 0}).status_code == 400


def test_block_makes_v2_create_answer_blocked(http, v2):
    assert http.post("/_sandbox/block", json={"target": PHONE, "reason": "suspicious"}).status_code == 200
    answer = create(v2).json()
    assert (answer["status"], answer["reason"]) == ("blocked", "suspicious")
    assert create(v2, OTHER_PHONE).json()["status"] == "success"
    assert http.post("/_sandbox/block", json={"target": PHONE, "reason": "bored"}).status_code == 400
    assert http.post("/_sandbox/block", json={"reason": "suspicious"}).status_code == 400


def test_block_for_v1_is_the_blocked_number_error(http):
    http.post("/_sandbox/block", json={"target": PHONE, "api": "v1"})
    refused = v1_create(http)
    assert (refused.status_code, refused.json()["code"]) == (400, "blocked_number")


def test_expire_closes_the_window(http, v2):
    create(v2)
    code = http.get(f"/_sandbox/codes/{PHONE}").json()["code"]
    assert http.post("/_sandbox/expire", json={"target": PHONE}).status_code == 200
    assert check(v2, code).json()["status"] == "expired_or_not_found"
    assert http.post("/_sandbox/expire", json={"target": OTHER_PHONE}).status_code == 404


def test_lookup_sets_the_answer(http, v2):
    answer = http.post("/_sandbox/lookup", json={"phone_number": PHONE, "answer": {
        "line_type": "voip", "flags": ["ported"], "network_info": {"carrier_name": "Acme", "mcc": "208", "mnc": "15"}}})
    assert answer.status_code == 200
    looked_up = v2("GET", f"/v2/lookup/{PHONE}").json()
    assert (looked_up["line_type"], looked_up["flags"]) == ("voip", ["ported"])
    assert looked_up["network_info"]["carrier_name"] == "Acme"
    bad = http.post("/_sandbox/lookup", json={"phone_number": PHONE, "answer": {"line_type": "Mobile"}})
    assert bad.status_code == 400 and "line_type" in bad.json()["error"]
    assert http.post("/_sandbox/lookup", json={"phone_number": PHONE, "answer": {"colour": 1}}).status_code == 400
    assert http.post("/_sandbox/lookup", json={"phone_number": PHONE, "answer": []}).status_code == 400


def test_lookup_for_v1_uses_v1_names(http):
    http.post("/_sandbox/lookup", json={"api": "v1", "phone_number": PHONE, "answer": {"line_type": "Voip"}})
    answer = http.get(f"/v1/lookup/{PHONE}", headers={"X-API-Key": V1_KEY, "customer-uuid": CUSTOMER})
    assert answer.json()["line_type"] == "Voip"


def test_clock_advance_ends_the_verification_window(http, v2):
    before = http.get("/_sandbox/clock").json()
    create(v2)
    code = http.get(f"/_sandbox/codes/{PHONE}").json()["code"]
    after = http.post("/_sandbox/clock/advance", json={"seconds": 601}).json()
    assert after["offset_seconds"] == before["offset_seconds"] + 601
    assert after["now"] > before["now"]
    assert check(v2, code).json()["status"] == "expired_or_not_found"
    assert create(v2).json()["status"] == "success"  # a new window, not a retry
    assert http.post("/_sandbox/clock/advance", json={"seconds": -5}).status_code == 400
    assert http.post("/_sandbox/clock/advance", json={}).status_code == 400


def test_latency_delays_api_answers_not_control_answers(http, v2):
    assert http.post("/_sandbox/latency", json={"ms": 300}).json() == {"ms": 300}
    assert http.get("/_sandbox/latency").json() == {"ms": 300}
    answer = create(v2)
    assert answer.elapsed.total_seconds() >= 0.29
    assert http.post("/_sandbox/latency", json={"ms": -1}).status_code == 400


def test_reset_forgets_everything(http, v2):
    create(v2)
    http.post("/_sandbox/block", json={"target": OTHER_PHONE})
    http.post("/_sandbox/fail-next", json={"status": 500})
    http.post("/_sandbox/clock/advance", json={"seconds": 3600})
    http.post("/_sandbox/latency", json={"ms": 50})
    assert http.post("/_sandbox/reset").json()["reset"] is True
    assert http.get("/_sandbox/requests").json()["count"] == 0
    assert http.get(f"/_sandbox/codes/{PHONE}").status_code == 404
    assert http.get("/_sandbox/clock").json()["offset_seconds"] == 0
    assert http.get("/_sandbox/latency").json() == {"ms": 0}
    assert create(v2, OTHER_PHONE).json()["status"] == "success"  # unblocked, no pending fault


def test_control_bodies_are_strict(http):
    for path in ("/_sandbox/block", "/_sandbox/expire", "/_sandbox/lookup", "/_sandbox/reset"):
        assert http.post(path, json={"unexpected": True}).status_code == 400, path
    assert http.post("/_sandbox/block", content=b"[1,").status_code == 400
    assert http.post("/_sandbox/block", json=[PHONE]).status_code == 400
    assert http.get("/_sandbox/nothing-here").status_code == 404
