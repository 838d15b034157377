"""Migrated code is executed: the v1 sample program (tests/data/v1_program) runs against the v1
fake with the real `ding` SDK, is rewritten by `prelude-migrate rewrite`, then runs against the
v2 fake with the real `prelude_python_sdk`. Same observable results; v2 requests as the reference
describes them (api-mapping §5)."""
from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compat.testing import FakeV1, FakeV2
from migrate.cli import cli
from paths import DATA

PROGRAM = DATA / "v1_program" / "otp_service.py"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
PHONE = "+33612345678"
BAD_PHONE = "0612"
BLOCKED_PHONE = "+14155550100"


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    return module


def sign_up_flows(path: Path, name: str, fake, serve, key: str):
    """The sample flow for a good number, then for the two numbers the API rejects."""
    program = load(path, name)
    with serve():
        service = program.VerificationService(key)
        flow = program.sign_up(service, PHONE, "203.0.113.7", fake.last_code)
        rejected = [program.sign_up(service, phone, "203.0.113.7", fake.last_code)
                    for phone in (BAD_PHONE, BLOCKED_PHONE)]
    return flow, rejected, fake


def run_v1():
    v1 = FakeV1(api_key="test-v1-key", customer_uuid=CUSTOMER)
    v1.block(BLOCKED_PHONE)  # v1: HTTP 400 blocked_number
    return sign_up_flows(PROGRAM, "v1_otp_service", v1, v1.serve_requests, "test-v1-key")


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    target = tmp_path_factory.mktemp("program") / "otp_service.py"
    shutil.copy(PROGRAM, target)
    result = CliRunner().invoke(cli, ["rewrite", str(target)])
    assert result.exit_code == 0, result.output
    return target


def run_v2(path: Path):
    v2 = FakeV2(api_key="test-v2-key")
    v2.block(BLOCKED_PHONE, "in_block_list")  # v2: HTTP 200, status "blocked"
    return sign_up_flows(path, "v2_otp_service", v2, v2.serve_httpx, "test-v2-key")


def test_v1_program_really_uses_v1(tmp_path):
    flow, rejected, v1 = run_v1()
    assert flow["started"] and flow["resent"] and flow["right_code_accepted"]
    assert flow["wrong_code_accepted"] is False
    assert rejected == [{"started": False}, {"started": False}]
    assert [r.path for r in v1.requests][:2] == ["/v1/authentication", "/v1/retry"]


def test_rewritten_program_has_no_v1_left(migrated):
    text = migrated.read_text()
    for v1_shape in ("import ding", "from ding", ".otp.", "components.", "errors.", "_response"):
        assert v1_shape not in text, v1_shape
    assert "from prelude_python_sdk import Prelude" in text
    assert "max_retries=0" in text
    compile(text, str(migrated), "exec")


def test_same_observable_results_on_v2(migrated):
    v1_flow, v1_rejected, _ = run_v1()
    v2_flow, v2_rejected, _ = run_v2(migrated)
    assert v2_flow == v1_flow
    assert v2_rejected == v1_rejected


def test_v2_requests_match_the_reference(migrated):
    _, _, v2 = run_v2(migrated)
    calls = [(r.method, r.path) for r in v2.requests]
    assert calls == [
        ("POST", "/v2/verification"),  # start
        ("POST", "/v2/verification"),  # resend = re-create within the window
        ("POST", "/v2/verification/check"),
        ("POST", "/v2/verification/check"),
        ("GET", f"/v2/lookup/{PHONE}"),  # feedback was removed (DESIGN), so no watch call
        ("POST", "/v2/verification"),  # the invalid number, rejected with 400
        ("POST", "/v2/verification"),  # the blocked number: 200 "blocked", no longer an error
    ]
    target = {"type": "phone_number", "value": PHONE}
    create, resend, wrong, right = (r.json for r in v2.requests[:4])
    assert create == {"target": target,
                      "signals": {"ip": "203.0.113.7", "device_platform": "ios", "app_version": "1.2.3"}}
    assert resend == {"target": target}
    assert wrong["target"] == right["target"] == target
    assert right["code"] != wrong["code"]
    for request in v2.requests:
        assert request.headers.get("authorization") == "Bearer test-v2-key"
        assert not any(k.lower() == "x-api-key" for k in request.headers)
        assert "customer_uuid" not in str(request.json or "")


def run_behind_compat():
    """The third corner of DESIGN's triangle: the *unchanged* v1 program, served on v2 by compat."""
    import compat

    v2 = FakeV2(api_key="test-v2-key")
    v2.block(BLOCKED_PHONE, "in_block_list")
    compat.install(api_key="test-v2-key")
    try:
        return sign_up_flows(PROGRAM, "compat_otp_service", v2, v2.serve_requests, "unused-v1-key")
    finally:
        compat.uninstall()


def test_equivalence_triangle_v1_rewritten_and_compat(migrated):
    """One v1 program behaves the same on the v1 API, rewritten on v2, and unchanged behind compat."""
    v1_flow, v1_rejected, _ = run_v1()
    v2_flow, v2_rejected, _ = run_v2(migrated)
    compat_flow, compat_rejected, v2_behind_compat = run_behind_compat()
    assert v1_flow == v2_flow == compat_flow
    assert v1_rejected == v2_rejected == compat_rejected
    # compat reached v2 only (never the v1 host) and with the v2 key
    assert v2_behind_compat.requests and all(r.path.startswith("/v2/") for r in v2_behind_compat.requests)
    assert {r.headers.get("authorization") for r in v2_behind_compat.requests} == {"Bearer test-v2-key"}
