"""Real clients over real HTTP against the sandbox: prelude-python-sdk (base_url at the
sandbox), the v1 ding SDK (server_url at /v1), and @prelude.so/sdk for Node (tests/node)."""
import json
import shutil
import subprocess

import prelude_python_sdk
import pytest
from ding import Ding
from ding.models import components, errors
from prelude_python_sdk import Prelude

from paths import TESTS
from servers_helpers import CUSTOMER, OTHER_PHONE, PHONE, V1_KEY, V2_KEY, target

NODE_DIR = TESTS / "node"


@pytest.fixture
def client(sandbox):
    with Prelude(api_token=V2_KEY, base_url=sandbox.url, max_retries=0) as prelude:
        yield prelude


@pytest.fixture
def ding(sandbox):
    return Ding(api_key=V1_KEY, server_url=sandbox.url + "/v1")


def test_python_sdk_create_check_lookup(client, control):
    created = client.verification.create(target=target(), signals={"device_platform": "android"},
                                         metadata={"correlation_id": "order-7"})
    assert created.status == "success"
    assert created.id.startswith("vrf_")
    assert client.verification.check(target=target(), code="000000x").status == "failure"
    checked = client.verification.check(target=target(), code=control.last_code(PHONE))
    assert (checked.status, checked.id) == ("success", created.id)
    assert checked.metadata.correlation_id == "order-7"
    history = client.verification.phone.history.retrieve(created.id)
    assert (history.status, history.phone_number, history.device_platform) == ("converted", PHONE, "android")
    control.set_lookup(PHONE, line_type="voip", flags=["temporary"])
    looked_up = client.lookup.lookup(PHONE, type=["cnam"])
    assert (looked_up.line_type, looked_up.flags, looked_up.country_code) == ("voip", ["temporary"], "FR")
    assert looked_up.caller_name


def test_python_sdk_errors_are_the_sdk_exceptions(client, control, sandbox):
    with pytest.raises(prelude_python_sdk.BadRequestError) as caught:
        client.verification.create(target=target("0612345678"))
    assert caught.value.body["code"] == "invalid_phone_number"
    control.fail_next(status=500, code="internal")
    with pytest.raises(prelude_python_sdk.InternalServerError):
        client.verification.create(target=target())
    with Prelude(api_token="wrong", base_url=sandbox.url, max_retries=0) as stranger:
        with pytest.raises(prelude_python_sdk.AuthenticationError):
            stranger.verification.create(target=target())
    control.timeout_next(seconds=10)
    with Prelude(api_token=V2_KEY, base_url=sandbox.url, max_retries=0, timeout=0.5) as impatient:
        with pytest.raises(prelude_python_sdk.APITimeoutError):
            impatient.verification.create(target=target())


def test_python_sdk_blocked_and_clock(client, control):
    control.block(OTHER_PHONE, reason="repeated_attempts")
    blocked = client.verification.create(target=target(OTHER_PHONE))
    assert (blocked.status, blocked.reason) == ("blocked", "repeated_attempts")
    client.verification.create(target=target())
    code = control.last_code(PHONE)
    control.advance_clock(600)
    assert client.verification.check(target=target(), code=code).status == "expired_or_not_found"


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")  # transactional.send, on purpose
def test_python_sdk_watch_transactional_notify_and_batch(client, control):
    assert client.watch.send_feedbacks(feedbacks=[{"target": target(), "type": "verification.completed"}]).status \
        == "success"
    assert client.watch.send_events(events=[{"target": target(), "label": "onboarded", "confidence": "high"}]).status \
        == "success"
    control.block(OTHER_PHONE)
    assert client.watch.predict(target=target(OTHER_PHONE)).prediction == "suspicious"
    sent = client.transactional.send(template_id="tpl", to=PHONE, variables={"name": "Ada"})
    assert (sent.to, sent.variables) == (PHONE, {"name": "Ada"})
    notified = client.notify.send(template_id="tpl", to=PHONE, from_="Acme")
    assert (notified.to, notified.from_, notified.encoding) == (PHONE, "Acme", "GSM-7")
    batch = client.notify.send_batch(template_id="tpl", to=[PHONE, "not-a-number"])
    assert (batch.total_count, batch.success_count, batch.error_count) == (2, 1, 1)
    assert batch.results[1].error.code == "invalid_phone_number"
    paths = [entry["path"] for entry in control.requests(method="POST")]
    assert paths == ["/v2/watch/feedback", "/v2/watch/event", "/v2/watch/predict", "/v2/transactional",
                     "/v2/notify", "/v2/notify/batch"]
    assert control.requests(path="/v2/notify")[0]["json"]["from"] == "Acme"


def _create(ding, phone=PHONE):
    return ding.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=CUSTOMER, phone_number=phone)).create_authentication_response


def _check(ding, auth_uuid, code):
    return ding.otp.check(components.CreateCheckRequest(
        customer_uuid=CUSTOMER, authentication_uuid=auth_uuid, check_code=code)).create_check_response


def test_v1_ding_sdk_full_flow_under_v1(ding, control):
    created = _create(ding)
    assert created.status == components.Status.PENDING
    assert _check(ding, created.authentication_uuid, "0000000").status == components.CheckStatus.INVALID
    retried = ding.otp.retry(components.RetryAuthenticationRequest(
        customer_uuid=CUSTOMER, authentication_uuid=created.authentication_uuid)).retry_authentication_response
    assert retried.status == components.RetryAuthenticationResponseStatus.APPROVED
    code = control.last_code(PHONE, api="v1")
    assert _check(ding, created.authentication_uuid, code).status == components.CheckStatus.VALID
    status = ding.otp.get_authentication_status(created.authentication_uuid).authentication_status_response
    assert status.phone_number == PHONE
    feedback = ding.otp.feedback(components.FeedbackRequest(
        customer_uuid=CUSTOMER, phone_number=PHONE, status=components.FeedbackRequestStatus.ONBOARDED))
    assert feedback.feedback_response.uuid
    looked_up = ding.lookup.lookup(customer_uuid=CUSTOMER, phone_number=PHONE).lookup_response
    assert looked_up.line_type == components.LineType.MOBILE
    assert [entry["api"] for entry in control.requests()] == ["v1"] * 7


def test_v1_ding_sdk_errors(ding, control):
    control.block(PHONE, api="v1")
    with pytest.raises(errors.ErrorResponse) as caught:
        _create(ding)
    assert caught.value.code == errors.Code.BLOCKED_NUMBER
    with pytest.raises(errors.ErrorResponse) as caught:
        _create(ding, "0612")
    assert caught.value.code == errors.Code.INVALID_PHONE_NUMBER


@pytest.mark.skipif(shutil.which("node") is None or not (NODE_DIR / "node_modules" / "@prelude.so").is_dir(),
                    reason="node or tests/node/node_modules missing (.ci/run installs both)")
def test_node_sdk_create_check_lookup(sandbox, control):
    done = subprocess.run(["node", str(NODE_DIR / "sandbox_flow.mjs"), sandbox.url, PHONE], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["created"]["status"] == "success" and seen["created"]["id"].startswith("vrf_")
    assert (seen["wrong"], seen["right"]) == ("failure", "success")
    assert seen["lookup"] == {"line_type": "mobile", "country_code": "FR", "caller_name": "FAKE CALLER"}
    assert seen["refused"] == {"status": 400, "code": "invalid_phone_number", "param": "target.value"}
    creates = control.requests(path="/v2/verification")
    assert creates[0]["json"] == {"target": target(), "signals": {"device_platform": "ios"}}
    assert creates[0]["headers"]["authorization"] == f"Bearer {V2_KEY}"
