"""The real v1 ``ding`` SDK (3.9.120) against FakeV1 through ``responses``."""
from __future__ import annotations

import datetime as dt

import pytest
from ding import Ding
from ding.models import components, errors
from fakes_helpers import CUSTOMER, PHONE, UNKNOWN_UUID, V1_KEY, wrong_code

from compat.testing import FakeV1, ManualClock


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def fake(clock):
    fake = FakeV1(api_key=V1_KEY, customer_uuid=CUSTOMER, clock=clock)
    with fake.serve_requests():
        yield fake


@pytest.fixture
def sdk(fake):
    return Ding(api_key=V1_KEY)


def create(sdk, phone=PHONE, **fields):
    request = components.CreateAuthenticationRequest(customer_uuid=CUSTOMER, phone_number=phone, **fields)
    return sdk.otp.create_authentication(request).create_authentication_response


def check(sdk, auth_uuid, code):
    request = components.CreateCheckRequest(customer_uuid=CUSTOMER, authentication_uuid=auth_uuid, check_code=code)
    return sdk.otp.check(request).create_check_response


def retry(sdk, auth_uuid):
    request = components.RetryAuthenticationRequest(customer_uuid=CUSTOMER, authentication_uuid=auth_uuid)
    return sdk.otp.retry(request).retry_authentication_response


def test_full_flow_create_check_retry_status_feedback_lookup(sdk, fake, clock):
    created = create(sdk, device_type=components.DeviceType.ANDROID, app_realm="abcdefghijk",
                     correlation_id="order-42", template_id="tpl-1")
    assert created.status == components.Status.PENDING
    assert created.created_at == clock.now
    assert created.expires_at == clock.now + dt.timedelta(minutes=10)
    first_code = fake.last_code(PHONE)

    assert check(sdk, created.authentication_uuid, wrong_code(first_code)).status == components.CheckStatus.INVALID

    retried = retry(sdk, created.authentication_uuid)
    assert retried.status == components.RetryAuthenticationResponseStatus.APPROVED
    assert retried.authentication_uuid == created.authentication_uuid
    assert retried.remaining_retry == fake.max_retries - 1
    second_code = fake.last_code(PHONE)

    checked = check(sdk, created.authentication_uuid, second_code)
    assert checked.status == components.CheckStatus.VALID
    assert check(sdk, created.authentication_uuid, second_code).status == components.CheckStatus.ALREADY_VALIDATED
    assert retry(sdk, created.authentication_uuid).status.value == "already_validated"

    status = sdk.otp.get_authentication_status(created.authentication_uuid).authentication_status_response
    assert status.uuid == created.authentication_uuid
    assert status.phone_number == PHONE
    assert (status.correlation_id, status.template_id) == ("order-42", "tpl-1")
    assert status.signals.device_type == components.AuthenticationStatusResponseDeviceType.ANDROID
    assert status.signals.app_realm == "abcdefghijk"
    attempts = [e for e in status.events if getattr(e, "capability", None) is not None]
    assert [a.attempt_number for a in attempts] == [1, 2]
    assert second_code in attempts[1].content
    checks = [e for e in status.events if isinstance(e, components.Check)]
    assert [c.status.value for c in checks] == ["invalid", "valid", "already_validated"]

    feedback = sdk.otp.feedback(components.FeedbackRequest(
        customer_uuid=CUSTOMER, phone_number=PHONE, status=components.FeedbackRequestStatus.ONBOARDED))
    assert fake.feedbacks == [{"uuid": feedback.feedback_response.uuid, "phone_number": PHONE, "status": "onboarded"}]

    fake.set_lookup(PHONE, line_type="VoiceMail", number_ported=True)
    looked_up = sdk.lookup.lookup(PHONE, CUSTOMER).lookup_response
    assert looked_up.line_type == components.LineType.VOICE_MAIL
    assert looked_up.number_ported is True
    assert looked_up.country_code == "FR"
    assert looked_up.caller_name is None
    assert sdk.lookup.lookup(PHONE, CUSTOMER, type_=["cnam"]).lookup_response.caller_name


def test_requests_are_recorded_with_v1_auth_and_customer(sdk, fake):
    create(sdk)
    sdk.lookup.lookup(PHONE, CUSTOMER)
    first, second = fake.requests
    assert (first.method, first.path) == ("POST", "/v1/authentication")
    assert first.headers["x-api-key"] == V1_KEY
    assert first.json == {"customer_uuid": CUSTOMER, "phone_number": PHONE}
    assert second.path == f"/v1/lookup/{PHONE}"
    assert second.headers["customer-uuid"] == CUSTOMER


def test_stateless_mode_reuses_the_open_authentication(sdk, fake, clock):
    first = create(sdk)
    clock.advance(seconds=30)
    second = create(sdk)
    assert second.authentication_uuid == first.authentication_uuid
    assert second.created_at == first.created_at
    assert check(sdk, first.authentication_uuid, fake.last_code(PHONE)).status.value == "valid"
    events = sdk.otp.get_authentication_status(first.authentication_uuid).authentication_status_response.events
    assert sum(1 for e in events if getattr(e, "capability", None)) == 2
    # once validated, a create opens a fresh authentication
    assert create(sdk).authentication_uuid != first.authentication_uuid


def test_expired_window_answers_expired_auth_then_a_new_authentication(sdk, fake, clock):
    created = create(sdk)
    code = fake.last_code(PHONE)
    clock.advance(minutes=10)
    assert check(sdk, created.authentication_uuid, code).status.value == "expired_auth"
    assert retry(sdk, created.authentication_uuid).status.value == "expired_auth"
    assert create(sdk).authentication_uuid != created.authentication_uuid


def test_expire_control_closes_the_window_now(sdk, fake):
    created = create(sdk)
    fake.expire(PHONE)
    assert check(sdk, created.authentication_uuid, fake.last_code(PHONE)).status.value == "expired_auth"


def test_too_many_wrong_codes_rate_limit_the_check(sdk, fake):
    created = create(sdk)
    code = fake.last_code(PHONE)
    for _ in range(fake.max_wrong_checks):
        assert check(sdk, created.authentication_uuid, wrong_code(code)).status.value == "invalid"
    assert check(sdk, created.authentication_uuid, code).status.value == "rate_limited"


def test_retries_run_out_and_respect_the_interval(clock):
    fake = FakeV1(clock=clock, retry_interval_seconds=30, max_retries=2)
    with fake.serve_requests():
        sdk = Ding(api_key=V1_KEY)
        created = create(sdk)
        denied = retry(sdk, created.authentication_uuid)
        assert denied.status.value == "denied"
        assert denied.next_retry_at == clock.now + dt.timedelta(seconds=30)
        clock.advance(seconds=30)
        assert retry(sdk, created.authentication_uuid).status.value == "approved"
        clock.advance(seconds=30)
        last = retry(sdk, created.authentication_uuid)
        assert (last.status.value, last.remaining_retry) == ("approved", 0)
        clock.advance(seconds=30)
        assert retry(sdk, created.authentication_uuid).status.value == "rate_limited"


@pytest.mark.parametrize("auth_uuid, code", [("not-a-uuid", "invalid_auth_uuid"),
                                             (UNKNOWN_UUID, "no_associated_auth_found")])
def test_unknown_authentication_is_an_error_response(sdk, auth_uuid, code):
    with pytest.raises(errors.ErrorResponse) as caught:
        check(sdk, auth_uuid, "123456")
    assert caught.value.code.value == code
    assert caught.value.doc_url == f"https://docs.prelude.so/api-reference/errors#{code}"
    with pytest.raises(errors.ErrorResponse):
        sdk.otp.get_authentication_status(auth_uuid)


def test_wrong_api_key_is_an_sdk_error_403(fake):
    with pytest.raises(errors.SDKError) as caught:
        create(Ding(api_key="not-the-key"))
    assert caught.value.status_code == 403
    assert '"message"' in caught.value.body
    with pytest.raises(LookupError):
        fake.last_code(PHONE)  # nothing was created


def test_wrong_customer_uuid_is_account_invalid(sdk):
    request = components.CreateAuthenticationRequest(customer_uuid=UNKNOWN_UUID, phone_number=PHONE)
    with pytest.raises(errors.ErrorResponse) as caught:
        sdk.otp.create_authentication(request)
    assert caught.value.code == errors.Code.ACCOUNT_INVALID
    with pytest.raises(errors.ErrorResponse) as caught:
        sdk.lookup.lookup(PHONE, UNKNOWN_UUID)
    assert caught.value.code == errors.Code.ACCOUNT_INVALID


def test_invalid_phone_number_and_app_realm_rules(sdk):
    with pytest.raises(errors.ErrorResponse) as caught:
        create(sdk, phone="0612345678")
    assert caught.value.code == errors.Code.INVALID_PHONE_NUMBER
    with pytest.raises(errors.ErrorResponse) as caught:
        create(sdk, app_realm="abcdefghijk")
    assert caught.value.code == errors.Code.APP_REALM_REQUIRE_DEVICE_TYPE
    with pytest.raises(errors.ErrorResponse) as caught:
        create(sdk, app_realm="abcdefghijk", device_type=components.DeviceType.IOS)
    assert caught.value.code == errors.Code.UNSUPPORTED_APP_REALM_DEVICE_TYPE


def test_blocked_numbers(sdk, fake):
    fake.block(PHONE)
    with pytest.raises(errors.ErrorResponse) as caught:
        create(sdk)
    assert caught.value.code == errors.Code.BLOCKED_NUMBER
    fake.block(PHONE, reason="spam_detected")
    created = create(sdk)
    assert created.status == components.Status.SPAM_DETECTED
    assert check(sdk, created.authentication_uuid, "123456").status.value == "without_attempt"
    assert retry(sdk, created.authentication_uuid).status.value == "no_attempt"


def test_blocking_after_create_denies_retries(sdk, fake):
    created = create(sdk)
    fake.block(PHONE, reason="rate_limited")
    assert retry(sdk, created.authentication_uuid).status.value == "denied"


def test_feedback_duplicates_and_invalid_status_are_refused(sdk, fake):
    def send(status):
        return sdk.otp.feedback(components.FeedbackRequest(customer_uuid=CUSTOMER, phone_number=PHONE, status=status))

    send(components.FeedbackRequestStatus.NOT_ONBOARDED)
    with pytest.raises(errors.ErrorResponse) as caught:
        send(components.FeedbackRequestStatus.NOT_ONBOARDED)
    assert caught.value.code == errors.Code.DUPLICATED_FEEDBACK_STATUS
    send(components.FeedbackRequestStatus.ONBOARDED)
    assert [f["status"] for f in fake.feedbacks] == ["not_onboarded", "onboarded"]


def test_fail_next_and_timeout_next(sdk, fake):
    fake.fail_next(status=400, code="negative_balance", message="top up", path="/v1/authentication")
    with pytest.raises(errors.ErrorResponse) as caught:
        create(sdk)
    assert (caught.value.code, caught.value.message) == (errors.Code.NEGATIVE_BALANCE, "top up")
    fake.fail_next(status=502, times=2)
    for _ in range(2):
        with pytest.raises(errors.SDKError) as server_error:
            create(sdk)
        assert server_error.value.status_code == 502
    import requests

    fake.timeout_next()
    with pytest.raises(requests.exceptions.ReadTimeout):
        create(sdk)
    assert create(sdk).status == components.Status.PENDING
    assert len(fake.requests) == 5
