"""Each request-validation rule of the sandbox, over HTTP: the v2 400 body names the field.

Expected codes are the documented v2 ones (docs/api-changes.md): ``invalid_request`` for schema
errors, and the specific codes where the reference has one (``invalid_phone_number``,
``invalid_code_size``, ``invalid_correlation_id``, ``invalid_app_realm*``, ``empty_batch``,
``batch_size_exceeded``).
"""
import json

import pytest

from servers_helpers import PHONE, V2_KEY, target

T = target()
CREATE = "/v2/verification"
CHECK = "/v2/verification/check"

# (path, body, expected code, expected param)
RULES = [
    # missing / unknown fields
    (CREATE, {}, "invalid_request", "target"),
    (CREATE, {"target": None}, "invalid_request", "target"),
    (CREATE, {"target": T, "customer_uuid": "x"}, "invalid_request", "customer_uuid"),
    (CREATE, {"target": T, "options": {"colour": "red"}}, "invalid_request", "options.colour"),
    (CREATE, {"target": T, "signals": {"is_returning_user": True}}, "invalid_request", "signals.is_returning_user"),
    (CREATE, {"target": T, "metadata": {"correlation": "x"}}, "invalid_request", "metadata.correlation"),
    (CREATE, {"target": {"type": "phone_number", "value": PHONE, "x": 1}}, "invalid_request", "target.x"),
    (CREATE, {"target": {"type": "phone_number"}}, "invalid_request", "target.value"),
    # wrong types
    (CREATE, {"target": PHONE}, "invalid_request", "target"),
    (CREATE, {"target": {"type": "phone_number", "value": 33612345678}}, "invalid_request", "target.value"),
    (CREATE, {"target": T, "options": "fast"}, "invalid_request", "options"),
    (CREATE, {"target": T, "options": {"template_id": 7}}, "invalid_request", "options.template_id"),
    (CREATE, {"target": T, "options": {"variables": {"name": 1}}}, "invalid_request", "options.variables"),
    (CREATE, {"target": T, "options": {"force_challenge": "yes"}}, "invalid_request", "options.force_challenge"),
    (CREATE, {"target": T, "options": {"max_auto_fallbacks": 1.5}}, "invalid_request", "options.max_auto_fallbacks"),
    (CREATE, {"target": T, "options": {"channels": "sms"}}, "invalid_request", "options.channels"),
    (CREATE, {"target": T, "options": {"channels": ["sms", "fax"]}}, "invalid_request", "options.channels[1]"),
    (CREATE, {"target": T, "options": {"method": "pigeon"}}, "invalid_request", "options.method"),
    (CREATE, {"target": T, "signals": {"device_platform": "IOS"}}, "invalid_request", "signals.device_platform"),
    (CREATE, {"target": T, "signals": {"existing_user": 1}}, "invalid_request", "signals.existing_user"),
    (CREATE, {"target": T, "dispatch_id": 12}, "invalid_request", "dispatch_id"),
    (CREATE, {"target": {"type": "fax", "value": PHONE}}, "invalid_request", "target.type"),
    # documented semantic codes
    (CREATE, {"target": target("0612345678")}, "invalid_phone_number", "target.value"),
    (CREATE, {"target": T, "options": {"code_size": 9}}, "invalid_code_size", "options.code_size"),
    (CREATE, {"target": T, "options": {"code_size": "6"}}, "invalid_code_size", "options.code_size"),
    (CREATE, {"target": T, "options": {"code_size": 4, "custom_code": "12345"}}, "custom_size_conflict",
     "options.custom_code"),
    (CREATE, {"target": T, "metadata": {"correlation_id": "x" * 65}}, "invalid_correlation_id",
     "metadata.correlation_id"),
    (CREATE, {"target": T, "options": {"app_realm": "hash"}}, "invalid_app_realm", "options.app_realm"),
    (CREATE, {"target": T, "options": {"app_realm": {"platform": "ios", "value": "x"}}},
     "invalid_app_realm_platform", "options.app_realm.platform"),
    # check
    (CHECK, {"target": T}, "invalid_request", "code"),
    (CHECK, {"code": "123456"}, "invalid_request", "target"),
    (CHECK, {"target": T, "code": 123456}, "invalid_request", "code"),
    (CHECK, {"target": T, "code": "1", "psd2": {"amount": "1"}}, "invalid_request", "psd2.currency"),
    (CHECK, {"target": T, "code": "1", "check_code": "1"}, "invalid_request", "check_code"),
    # watch
    ("/v2/watch/feedback", {"feedbacks": [{"target": T, "type": "onboarded"}]}, "invalid_request",
     "feedbacks[0].type"),
    ("/v2/watch/feedback", {"feedbacks": [{"target": T}]}, "invalid_request", "feedbacks[0].type"),
    ("/v2/watch/feedback", {"feedbacks": []}, "invalid_request", "feedbacks"),
    ("/v2/watch/event", {"events": [{"target": T, "label": "x", "confidence": "sure"}]}, "invalid_request",
     "events[0].confidence"),
    ("/v2/watch/predict", {"target": T, "signals": {"ip": 1}}, "invalid_request", "signals.ip"),
    # messaging
    ("/v2/notify", {"to": PHONE}, "invalid_request", "template_id"),
    ("/v2/notify", {"template_id": "t", "to": PHONE, "priority": 1}, "invalid_request", "priority"),
    ("/v2/notify", {"template_id": "t", "to": PHONE, "max_auto_retries": "2"}, "invalid_request",
     "max_auto_retries"),
    ("/v2/notify", {"template_id": "t", "to": PHONE, "preferred_channel": "viber"}, "invalid_request",
     "preferred_channel"),
    ("/v2/notify", {"template_id": "t", "to": PHONE, "document": {"filename": "a.pdf"}}, "invalid_request",
     "document.url"),
    ("/v2/notify", {"template_id": "t", "to": "06 12"}, "invalid_phone_number", "to"),
    ("/v2/transactional", {"template_id": "t", "to": PHONE, "schedule_at": "2026-01-01T00:00:00Z"},
     "invalid_request", "schedule_at"),
    ("/v2/notify/batch", {"template_id": "t", "to": PHONE}, "invalid_request", "to"),
    ("/v2/notify/batch", {"template_id": "t", "to": []}, "empty_batch", "to"),
    ("/v2/notify/batch", {"template_id": "t", "to": [PHONE] * 1001}, "batch_size_exceeded", "to"),
]


@pytest.mark.parametrize("path, body, code, param", RULES, ids=[f"{r[0]}:{r[3]}:{r[2]}" for r in RULES])
def test_rule(v2, path, body, code, param):
    answer = v2("POST", path, body)
    assert answer.status_code == 400
    error = answer.json()
    assert (error["code"], error["param"]) == (code, param)
    assert error["message"] and error["request_id"]


def test_a_refused_create_sends_nothing(v2, http):
    v2("POST", CREATE, {"target": T, "options": {"template_id": 7}})
    assert http.get(f"/_sandbox/codes/{PHONE}").status_code == 404


def test_valid_bodies_with_every_field_pass(v2):
    answer = v2("POST", CREATE, {
        "target": T, "dispatch_id": "0" * 36, "metadata": {"correlation_id": "c-1"},
        "signals": {"ip": "2001:db8::1", "device_id": "d", "device_platform": "ios", "device_model": "m",
                    "os_version": "17", "app_version": "1.0", "user_agent": "ua", "is_trusted_user": False,
                    "existing_user": True},
        "options": {"template_id": "tpl", "variables": {"a": "b"}, "locale": "fr-FR", "sender_id": "Acme",
                    "callback_url": "https://example.com/hook", "preferred_channel": "sms", "code_size": 5,
                    "custom_code": "12345", "method": "message", "force_challenge": False},
    })
    assert answer.status_code == 200, answer.json()
    assert answer.json()["metadata"] == {"correlation_id": "c-1"}


def test_lookup_type_must_be_cnam(v2):
    answer = v2("GET", f"/v2/lookup/{PHONE}", params={"type": "fraud"})
    assert (answer.status_code, answer.json()["code"], answer.json()["param"]) == (400, "invalid_request", "type")
    assert v2("GET", f"/v2/lookup/{PHONE}", params={"type": "cnam"}).json()["caller_name"]
    bad = v2("GET", "/v2/lookup/0612")
    assert (bad.status_code, bad.json()["code"]) == (400, "invalid_phone_number")


def test_malformed_json_and_non_objects(v2, http):
    headers = {"Authorization": f"Bearer {V2_KEY}", "Content-Type": "application/json"}
    for raw in (b"{not json", b"[1, 2]", b'"text"', b""):
        answer = http.post(CREATE, content=raw, headers=headers)
        assert (answer.status_code, answer.json()["code"]) == (400, "invalid_request"), raw


def test_credentials_are_checked_before_the_body(http):
    missing = http.post(CREATE, json={})
    assert (missing.status_code, missing.json()["code"]) == (401, "missing_api_key")
    wrong = http.post(CREATE, json={"target": T}, headers={"Authorization": "Bearer nope"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "invalid_api_key")


def test_unknown_routes_are_404_not_found(v2):
    answer = v2("POST", "/v2/verification/create", {"target": T})
    assert (answer.status_code, answer.json()["code"]) == (404, "not_found")


def test_bodies_over_the_limit_are_refused_with_413(v2, http):
    big = json.dumps({"target": T, "options": {"template_id": "x" * 1_100_000}})
    answer = http.post(CREATE, content=big, headers={"Authorization": f"Bearer {V2_KEY}"})
    assert answer.status_code == 413
    assert answer.json()["code"] == "invalid_request"
    assert http.get("/_sandbox/requests").json()["count"] == 0
