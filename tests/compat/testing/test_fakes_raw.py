"""Raw ``requests`` (and the transport-agnostic ``handle``) against both fakes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import requests
import responses
from fakes_helpers import CUSTOMER, PHONE, V1_KEY, V2_KEY, phone_target

from compat.testing import FakeV1, FakeV2, InjectedTimeout, ManualClock, RecordedRequest

V2 = "https://api.prelude.dev/v2"
V1 = "https://api.ding.live/v1"
BEARER = {"Authorization": f"Bearer {V2_KEY}"}


def test_raw_v2_verify_flow_over_requests():
    fake = FakeV2()
    with fake.serve_requests():
        created = requests.post(f"{V2}/verification", json={"target": phone_target()}, headers=BEARER)
        assert created.status_code == 200
        assert created.headers["Content-Type"] == "application/json"
        code = fake.last_code(PHONE)
        checked = requests.post(f"{V2}/verification/check", json={"target": phone_target(), "code": code},
                                headers=BEARER).json()
        assert checked["status"] == "success"
        assert checked["id"] == created.json()["id"]
        lookup = requests.get(f"{V2}/lookup/{PHONE}", params={"type": "cnam"}, headers=BEARER)
        assert lookup.json()["caller_name"]
    assert fake.requests[2].query == {"type": "cnam"}


def test_raw_v1_flow_with_lower_case_header():
    fake = FakeV1()
    with fake.serve_requests():
        headers = {"x-api-key": V1_KEY}
        created = requests.post(f"{V1}/authentication", json={"customer_uuid": CUSTOMER, "phone_number": PHONE},
                                headers=headers).json()
        assert created["status"] == "pending"
        check = {"customer_uuid": CUSTOMER, "authentication_uuid": created["authentication_uuid"],
                 "check_code": fake.last_code(PHONE)}
        assert requests.post(f"{V1}/check", json=check, headers=headers).json()["status"] == "valid"
        lookup = requests.get(f"{V1}/lookup/{PHONE}", headers={**headers, "customer-uuid": CUSTOMER}).json()
        assert lookup["line_type"] == "Mobile"
        assert "caller_name" not in lookup


@pytest.mark.parametrize("headers, status, body", [
    ({}, 403, {"message": "Missing API key"}),
    ({"X-API-Key": "wrong"}, 403, {"message": "Forbidden"}),
])
def test_v1_credential_failures_are_403_with_a_message(headers, status, body):
    fake = FakeV1()
    with fake.serve_requests():
        answer = requests.post(f"{V1}/authentication", json={"customer_uuid": CUSTOMER, "phone_number": PHONE},
                               headers=headers)
    assert (answer.status_code, answer.json()) == (status, body)


def test_v1_malformed_json_and_missing_fields_are_bad_request():
    fake = FakeV1()
    status, headers, body = fake.handle("POST", f"{V1}/authentication", {"X-Api-Key": V1_KEY}, b"{not json")
    assert (status, headers) == (400, {"Content-Type": "application/json"})
    assert json.loads(body) == {"code": "bad_request", "message": "the request body is not a valid JSON object",
                                "doc_url": "https://docs.prelude.so/api-reference/errors#bad_request"}
    status, _, body = fake.handle("POST", f"{V1}/check", {"X-Api-Key": V1_KEY},
                                  json.dumps({"customer_uuid": CUSTOMER}).encode())
    assert (status, json.loads(body)["code"]) == (400, "bad_request")
    status, _, body = fake.handle("POST", f"{V1}/retry", {"X-Api-Key": V1_KEY}, json.dumps(
        {"customer_uuid": CUSTOMER, "authentication_uuid": "11111111-1111-4111-8111-111111111111", "code": "1"}))
    assert (status, json.loads(body)["message"]) == (400, "unknown field 'code'")


@pytest.mark.parametrize("headers, code", [
    ({}, "missing_api_key"),
    ({"Authorization": "Bearer nope"}, "invalid_api_key"),
    ({"Authorization": f"Basic {V2_KEY}"}, "invalid_api_key"),
])
def test_v2_credential_failures_are_401(headers, code):
    status, _, body = FakeV2().handle("POST", f"{V2}/verification", headers, json.dumps({"target": phone_target()}))
    payload = json.loads(body)
    assert (status, payload["code"]) == (401, code)
    assert payload["request_id"]


def test_v2_malformed_json_and_unknown_route():
    fake = FakeV2()
    status, _, body = fake.handle("POST", f"{V2}/verification", BEARER, b"[1, 2")
    assert (status, json.loads(body)["code"]) == (400, "invalid_request")
    status, _, body = fake.handle("GET", f"{V2}/verification/create", BEARER, b"")
    assert (status, json.loads(body)["code"]) == (404, "not_found")
    status, _, _ = fake.handle("GET", f"{V2}/verification/phone/history/vrf_unknown", BEARER, b"")
    assert status == 404


def test_absurdly_nested_json_is_a_400_from_both_fakes_not_a_crash():
    deep = b"[" * 100_000
    status, _, body = FakeV2().handle("POST", f"{V2}/verification", BEARER, deep)
    assert (status, json.loads(body)["code"]) == (400, "invalid_request")
    status, _, body = FakeV1().handle("POST", f"{V1}/authentication", {"X-Api-Key": V1_KEY}, deep)
    assert (status, json.loads(body)["code"]) == (400, "bad_request")


def test_handle_records_every_request_even_failed_ones():
    fake = FakeV2()
    fake.handle("POST", f"{V2}/verification?x=1&x=2", {"X-Custom": "A"}, b"{}")
    (recorded,) = fake.requests
    assert isinstance(recorded, RecordedRequest)
    assert recorded.query == {"x": ["1", "2"]}
    assert recorded.headers == {"x-custom": "A"}
    assert recorded.json == {}
    assert recorded.path == "/v2/verification"


def test_handle_raises_injected_timeout_and_faults_are_consumed_in_order():
    fake = FakeV2()
    fake.timeout_next(path="/v2/lookup/*")
    fake.fail_next(status=429, code="too_many_requests_example", times=1)
    status, _, body = fake.handle("POST", f"{V2}/verification", BEARER, json.dumps({"target": phone_target()}))
    assert (status, json.loads(body)["code"]) == (429, "too_many_requests_example")
    with pytest.raises(InjectedTimeout):
        fake.handle("GET", f"{V2}/lookup/{PHONE}", BEARER, b"")
    status, _, _ = fake.handle("GET", f"{V2}/lookup/{PHONE}", BEARER, b"")
    assert status == 200


def test_timeout_under_requests_is_read_timeout():
    fake = FakeV1()
    fake.timeout_next()
    with fake.serve_requests(), pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(f"{V1}/lookup/{PHONE}", headers={"X-API-Key": V1_KEY, "customer-uuid": CUSTOMER})


def test_both_fakes_on_one_requests_mock_including_the_legacy_v2_host():
    v1, v2 = FakeV1(), FakeV2()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        v1.mount(rsps, base="https://api.ding.live")
        v2.mount(rsps, base="https://api.ding.live")
        legacy = requests.post("https://api.ding.live/v2/transactional", headers=BEARER,
                               json={"template_id": "tpl", "to": PHONE})
        old = requests.get(f"{V1}/lookup/{PHONE}", headers={"X-API-Key": V1_KEY, "customer-uuid": CUSTOMER})
    assert legacy.status_code == 200 and legacy.json()["to"] == PHONE
    assert old.json()["phone_number"] == PHONE
    assert [r.path for r in v1.requests] == [f"/v1/lookup/{PHONE}"]
    assert [r.path for r in v2.requests] == ["/v2/transactional"]


def test_inspection_helpers_match_what_the_api_answers():
    v1, v2 = FakeV1(), FakeV2()
    status, _, body = v1.handle("POST", f"{V1}/authentication", {"X-API-Key": V1_KEY},
                                json.dumps({"customer_uuid": CUSTOMER, "phone_number": PHONE}))
    assert status == 200
    assert v1.last_authentication_uuid(PHONE) == json.loads(body)["authentication_uuid"]
    _, _, body = v2.handle("POST", f"{V2}/verification", BEARER, json.dumps({"target": phone_target()}))
    verification_id = json.loads(body)["id"]
    _, _, body = v2.handle("GET", f"{V2}/verification/phone/history/{verification_id}", BEARER, b"")
    assert v2.history(verification_id) == json.loads(body)
    assert v2.history(verification_id)["status"] == "pending_check"


def test_nested_serve_requests_share_one_mock():
    v1, v2 = FakeV1(), FakeV2()
    with v1.serve_requests() as outer, v2.serve_requests() as inner:
        assert inner is outer
        assert requests.get(f"{V2}/lookup/{PHONE}", headers=BEARER).status_code == 200
        assert requests.get(f"{V1}/lookup/{PHONE}", headers={"X-API-Key": V1_KEY,
                                                             "customer-uuid": CUSTOMER}).status_code == 200
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get("https://example.com/")


def test_reset_forgets_state_but_keeps_configuration():
    clock = ManualClock()
    fake = FakeV2(clock=clock, window_seconds=30)
    fake.handle("POST", f"{V2}/verification", BEARER, json.dumps({"target": phone_target()}))
    fake.block(PHONE)
    fake.fail_next()
    fake.reset()
    assert fake.requests == [] and fake.feedbacks == []
    with pytest.raises(LookupError):
        fake.last_code(PHONE)
    status, _, body = fake.handle("POST", f"{V2}/verification", BEARER, json.dumps({"target": phone_target()}))
    assert (status, json.loads(body)["status"]) == (200, "success")
    clock.advance(seconds=30)
    with pytest.raises(LookupError):
        fake.last_code(PHONE)


def test_bad_control_input_is_refused_clearly():
    v1, v2 = FakeV1(), FakeV2()
    with pytest.raises(ValueError, match="reason"):
        v2.block(PHONE, reason="because")
    with pytest.raises(ValueError, match="line_type"):
        v2.set_lookup(PHONE, line_type="Mobile")  # v1 spelling on the v2 fake
    with pytest.raises(ValueError, match="unknown v1 lookup fields"):
        v1.set_lookup(PHONE, flags=["ported"])
    with pytest.raises(ValueError, match="status"):
        v2.fail_next(status=200)
    with pytest.raises(ValueError, match="times"):
        v1.timeout_next(times=0)
    with pytest.raises(ValueError, match="customer_uuid"):
        FakeV1(customer_uuid="acme")
    with pytest.raises(ValueError, match="aware"):
        FakeV2(clock=lambda: __import__("datetime").datetime(2026, 1, 1)).handle(
            "POST", f"{V2}/verification", BEARER, json.dumps({"target": phone_target()}))
    with pytest.raises(ValueError, match="base"):
        v2.mount(None, base="api.prelude.dev")
    with pytest.raises(LookupError):
        v1.expire(PHONE)


def test_importing_compat_does_not_import_the_fakes_or_transports():
    code = ("import sys, compat, compat.knowledge.errors; "
            "print(sorted(m for m in ('compat.testing', 'responses', 'httpx', 'libcst', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    code = ("import sys, compat.testing; "
            "print(sorted(m for m in ('responses', 'httpx', 'prelude_python_sdk') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
