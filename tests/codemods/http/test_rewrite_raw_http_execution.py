"""A v1 program written with raw `requests` is rewritten by the CLI, imported and run against the
v2 fake (`compat.testing.FakeV2`): the v2 requests on the wire match the reference (api-mapping §5)
and the program's observable results match what it produced on v1 against the v1 fake."""
from __future__ import annotations

import importlib.util

from compat.testing import FakeV1, FakeV2
from migrate.cli import cli
from rewrite_helpers import cli_runner

CUSTOMER_UUID = "6a2ef3d1-3a3c-4a61-9f3b-3d2a3f1b8c10"
PHONE = "+33612345678"

PROGRAM = '''
import os

import requests

BASE = "https://api.ding.live/v1"
CUSTOMER_UUID = "6a2ef3d1-3a3c-4a61-9f3b-3d2a3f1b8c10"
HEADERS = {"X-API-Key": os.environ["OTP_KEY"], "Content-Type": "application/json"}


def send_code(phone, ip):
    resp = requests.post(
        f"{BASE}/authentication",
        json={
            "customer_uuid": CUSTOMER_UUID,
            "phone_number": phone,
            "ip": ip,
            "device_type": "ANDROID",
            "correlation_id": "order-42",
        },
        headers=HEADERS,
    )
    body = resp.json()
    if body["status"] == "pending":
        return body["authentication_uuid"]
    return None


def verify(phone, read_code):
    started = requests.post(f"{BASE}/authentication", json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone},
                            headers=HEADERS).json()
    res = requests.post(f"{BASE}/check", json={"customer_uuid": CUSTOMER_UUID,
                                               "authentication_uuid": started["authentication_uuid"],
                                               "check_code": read_code()}, headers=HEADERS)
    return res.json()["status"] == "valid"


def describe(phone):
    data = requests.get(BASE + "/lookup/" + phone,
                        headers={"X-API-Key": os.environ["OTP_KEY"], "customer-uuid": CUSTOMER_UUID}).json()
    return data["carrier"], data["number_ported"], data["line_type"] == "Mobile"
'''


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrong(code: str) -> str:
    return str((int(code) + 1) % 10 ** len(code)).zfill(len(code))


def observe(program, fake):
    return {
        "sent": program.send_code(PHONE, "203.0.113.7") is not None,
        "good": program.verify(PHONE, lambda: fake.last_code(PHONE)),
        "bad": program.verify(PHONE, lambda: wrong(fake.last_code(PHONE))),
        "lookup": program.describe(PHONE),
    }


def test_rewritten_program_behaves_the_same_on_v2(tmp_path, monkeypatch):
    source = tmp_path / "otp_service.py"
    source.write_text(PROGRAM)

    v1 = FakeV1(api_key="test-v1-key", customer_uuid=CUSTOMER_UUID)
    v1.set_lookup(PHONE, carrier="Orange", number_ported=True, line_type="Mobile")
    monkeypatch.setenv("OTP_KEY", "test-v1-key")
    with v1.serve_requests():
        on_v1 = observe(load(source, "otp_service_v1"), v1)

    result = cli_runner().invoke(cli, ["rewrite", str(source)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    rewritten = source.read_text()
    assert "api.ding.live" not in rewritten and "customer_uuid" not in rewritten

    v2 = FakeV2(api_key="test-v2-key")
    v2.set_lookup(PHONE, network_info={"carrier_name": "Orange", "mcc": "208", "mnc": "01"}, flags=["ported"],
                  line_type="mobile")
    monkeypatch.setenv("OTP_KEY", "test-v2-key")
    with v2.serve_requests():
        on_v2 = observe(load(source, "otp_service_v2"), v2)

    assert on_v2 == on_v1 == {"sent": True, "good": True, "bad": False, "lookup": ("Orange", True, True)}
    sent = [(r.method, r.path, r.json) for r in v2.requests]
    assert all(r.headers["authorization"] == "Bearer test-v2-key" and "x-api-key" not in r.headers
               for r in v2.requests)
    target = {"type": "phone_number", "value": PHONE}
    assert sent[0] == ("POST", "/v2/verification",
                       {"target": target, "signals": {"ip": "203.0.113.7", "device_platform": "android"},
                        "metadata": {"correlation_id": "order-42"}})
    assert sent[1] == ("POST", "/v2/verification", {"target": target})
    assert sent[2][:2] == ("POST", "/v2/verification/check") and sent[2][2]["target"] == target
    assert set(sent[2][2]) == {"target", "code"}
    assert sent[-1] == ("GET", f"/v2/lookup/{PHONE}", None)
    assert len(sent) == 6
