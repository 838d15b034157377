"""Unchanged v1 clients through the proxy over real HTTP on localhost, the sandbox as the v2
side: the v1 ding SDK (server_url at the proxy), raw curl and a Node fetch client, each doing
create -> check (wrong, right) -> retry -> status -> lookup. A wrong client key is refused
with no v2 call."""
import json
import shutil
import subprocess

import pytest
from ding import Ding
from ding.models import components, errors

from paths import TESTS
from servers_helpers import CLIENT_KEY, CUSTOMER, PHONE, V2_KEY, target

NODE_DIR = TESTS / "node"


def test_ding_sdk_full_flow_through_the_proxy(proxy, control):
    ding = Ding(api_key=CLIENT_KEY, server_url=proxy.url + "/v1")
    created = ding.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=CUSTOMER, phone_number=PHONE, device_type=components.DeviceType.IOS)
    ).create_authentication_response
    assert created.status == components.Status.PENDING
    auth = created.authentication_uuid

    def check(code):
        return ding.otp.check(components.CreateCheckRequest(
            customer_uuid=CUSTOMER, authentication_uuid=auth, check_code=code)).create_check_response.status

    assert check("000000") == components.CheckStatus.INVALID
    retried = ding.otp.retry(components.RetryAuthenticationRequest(
        customer_uuid=CUSTOMER, authentication_uuid=auth)).retry_authentication_response
    assert retried.status == components.RetryAuthenticationResponseStatus.APPROVED
    assert check(control.last_code(PHONE)) == components.CheckStatus.VALID
    status = ding.otp.get_authentication_status(auth).authentication_status_response
    assert status.uuid == auth
    looked_up = ding.lookup.lookup(customer_uuid=CUSTOMER, phone_number=PHONE).lookup_response
    assert (looked_up.line_type, looked_up.country_code) == (components.LineType.MOBILE, "FR")

    v2_calls = [(r["method"], r["path"]) for r in control.requests()]
    assert v2_calls == [("POST", "/v2/verification"), ("POST", "/v2/verification/check"),
                        ("POST", "/v2/verification"), ("POST", "/v2/verification/check"),
                        ("GET", f"/v2/lookup/{PHONE}")]
    first = control.requests()[0]
    assert first["json"] == {"target": target(), "signals": {"device_platform": "ios"}}
    assert first["headers"]["authorization"] == f"Bearer {V2_KEY}"  # the proxy's key, not the caller's
    assert all(CLIENT_KEY not in json.dumps(r["headers"]) for r in control.requests())


def test_ding_sdk_with_a_wrong_client_key_is_refused_with_no_v2_call(proxy, control):
    ding = Ding(api_key="not-a-client-key", server_url=proxy.url + "/v1")
    with pytest.raises(errors.SDKError) as caught:
        ding.otp.create_authentication(components.CreateAuthenticationRequest(
            customer_uuid=CUSTOMER, phone_number=PHONE))
    assert caught.value.status_code == 403
    assert control.requests() == []


def _curl(*args):
    done = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    body, _, status = done.stdout.rpartition("\n")
    return int(status), json.loads(body)


def test_curl_full_flow_through_the_proxy(proxy, control):
    base, key = proxy.url + "/v1", ["-H", f"X-API-Key: {CLIENT_KEY}", "-H", "Content-Type: application/json"]

    def post(path, **body):
        return _curl("-X", "POST", base + path, *key, "-d", json.dumps({"customer_uuid": CUSTOMER, **body}))

    status, created = post("/authentication", phone_number=PHONE)
    assert (status, created["status"]) == (200, "pending")
    auth = created["authentication_uuid"]
    assert post("/check", authentication_uuid=auth, check_code="0000")[1]["status"] == "invalid"
    assert post("/retry", authentication_uuid=auth)[1]["status"] == "approved"
    assert post("/check", authentication_uuid=auth, check_code=control.last_code(PHONE))[1]["status"] == "valid"
    status, answer = _curl(f"{base}/authentication/{auth}", *key)
    assert (status, answer["uuid"], answer["phone_number"]) == (200, auth, PHONE)
    status, answer = _curl(f"{base}/lookup/{PHONE}", *key)
    assert (status, answer["carrier"]) == (200, "Fake Mobile FR")
    before = len(control.requests())
    status, answer = _curl("-X", "POST", base + "/authentication", "-H", "X-API-Key: guess", "-d", "{}")
    assert status == 403 and "client key" in answer["message"]
    status, _ = _curl("-X", "POST", base + "/authentication", "-d", "{}")
    assert status == 403
    assert len(control.requests()) == before


@pytest.mark.skipif(shutil.which("node") is None, reason="node missing (.ci/run installs it)")
def test_node_fetch_client_full_flow_through_the_proxy(proxy, sandbox, control):
    def run(key):
        done = subprocess.run(["node", str(NODE_DIR / "proxy_flow.mjs"), proxy.url, sandbox.url, key, PHONE],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    seen = run(CLIENT_KEY)
    assert seen["created"] == [200, "pending"]
    assert (seen["wrong"], seen["retried"], seen["right"]) == ([200, "invalid"], [200, "approved"], [200, "valid"])
    assert seen["status"] == [200, seen["uuid"]]
    assert seen["lookup"] == [200, "Mobile", "FR"]
    control.reset()
    refused = subprocess.run(["node", "-e", (
        f"fetch('{proxy.url}/v1/authentication', {{method: 'POST', headers: {{'X-API-Key': 'wrong'}}, "
        f"body: '{{}}'}}).then(r => console.log(r.status))")], capture_output=True, text=True, timeout=60)
    assert refused.stdout.strip() == "403"
    assert control.requests() == []
