"""The real v1 ``ding`` SDK, unchanged, on ``compat.session(...)`` against the v2 fake."""
from __future__ import annotations

import uuid

import pytest
import requests
import responses
from ding.models import components, errors

from compat.knowledge.errors import (
    V1_CODES_MISSING_FROM_SDK, V1_DOC_URL, V2_CREDENTIAL_CODES, V2_TO_V1_ERRORS)
from compat.knowledge.statuses import (
    CREATE_BLOCKED_AS_V1_ERROR, CREATE_BLOCKED_REASON_TO_V1_STATUS, CREATE_STATUS_V2_TO_V1, V2_BLOCK_REASONS)
from compat.adapter import REQUEST_ID_HEADER
from compat.store import MemoryStore
from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from compat_helpers import (CUSTOMER, PHONE, V2_KEY, V2_VERIFY, check, create, created_uuid, feedback, mutate,
                            retry, v1_sdk)


# --- create ----------------------------------------------------------------------------------

def test_create_sends_the_v2_body_field_by_field(v2):
    sdk = v1_sdk()
    res = create(sdk, ip="203.0.113.7", device_id="dev-1", device_type=components.DeviceType.ANDROID,
                 app_version="1.2.3", sender_id="Acme", callback_url="https://example.test/hook", app_realm="abcdefghijk",
                 os_version="14", device_model="Pixel 8", is_returning_user=True, template_id="tpl_1",
                 correlation_id="corr-1", locale="fr-FR")
    sent = v2.requests[-1]
    assert (sent.method, sent.url) == ("POST", V2_VERIFY)
    assert sent.headers["authorization"] == f"Bearer {V2_KEY}"
    assert "x-api-key" not in sent.headers
    assert sent.json == {
        "target": {"type": "phone_number", "value": PHONE},
        "signals": {"ip": "203.0.113.7", "device_id": "dev-1", "device_platform": "android", "app_version": "1.2.3",
                    "os_version": "14", "device_model": "Pixel 8", "existing_user": True},
        "options": {"sender_id": "Acme", "callback_url": "https://example.test/hook",
                    "app_realm": {"platform": "android", "value": "abcdefghijk"}, "template_id": "tpl_1",
                    "locale": "fr-FR"},
        "metadata": {"correlation_id": "corr-1"},
    }
    body = res.create_authentication_response
    assert res.status_code == 200
    assert body.status == components.Status.PENDING
    assert uuid.UUID(body.authentication_uuid).version == 4
    assert body.created_at is not None
    assert res.raw_response.headers[REQUEST_ID_HEADER]


def test_create_of_a_number_that_is_not_e164_is_refused_without_a_v2_call(v2):
    with pytest.raises(errors.ErrorResponse) as caught:
        create(v1_sdk(), phone="0612345678")
    assert caught.value.code == errors.Code.INVALID_PHONE_NUMBER
    assert v2.requests == []


@pytest.mark.parametrize("reason", V2_BLOCK_REASONS)
def test_blocked_create_maps_to_the_v1_status_or_error(v2, reason):
    v2.block(PHONE, reason)
    expected_error = CREATE_BLOCKED_AS_V1_ERROR.get(reason)
    if expected_error:
        with pytest.raises(errors.ErrorResponse) as caught:
            create(v1_sdk())
        assert caught.value.code.value == expected_error
        assert "request_id" in caught.value.message
    else:
        status = create(v1_sdk()).create_authentication_response.status.value
        assert status == CREATE_BLOCKED_REASON_TO_V1_STATUS.get(reason, "spam_detected")


def test_blocked_number_can_be_answered_as_spam_detected(v2):
    v2.block(PHONE, "in_block_list")
    res = create(v1_sdk(blocked_number_as_error=False))
    assert res.create_authentication_response.status == components.Status.SPAM_DETECTED


@pytest.mark.parametrize("v2_status", ["challenged", "shadow_blocked", "retry"])
def test_create_statuses_the_fake_cannot_produce(v2_status):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY, json={"id": "vrf_1", "status": v2_status, "request_id": "req-1"})
        body = create(v1_sdk()).create_authentication_response
    assert body.status.value == CREATE_STATUS_V2_TO_V1[v2_status] == "pending"


# --- check -----------------------------------------------------------------------------------

def test_check_valid_invalid_and_expired(v2):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    assert check(sdk, auth, "not-the-code").create_check_response.status == components.CheckStatus.INVALID
    sent = v2.requests[-1]
    assert sent.url == "https://api.prelude.dev/v2/verification/check"
    assert sent.json == {"target": {"type": "phone_number", "value": PHONE}, "code": "not-the-code"}
    res = check(sdk, auth, v2.last_code(PHONE)).create_check_response
    assert (res.authentication_uuid, res.status) == (auth, components.CheckStatus.VALID)
    other = created_uuid(sdk, phone="+33699999999")
    v2.expire("+33699999999")
    assert check(sdk, other, "123456").create_check_response.status == components.CheckStatus.EXPIRED_AUTH


def test_check_after_success_is_already_validated_with_a_store(v2):
    sdk = v1_sdk(store=MemoryStore())
    auth = created_uuid(sdk)
    code = v2.last_code(PHONE)
    assert check(sdk, auth, code).create_check_response.status == components.CheckStatus.VALID
    assert check(sdk, auth, code).create_check_response.status == components.CheckStatus.ALREADY_VALIDATED


def test_check_rate_limited_by_v2_is_a_v1_status(v2):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    v2.fail_next(status=429, code="too_many_checks", path="/v2/verification/check")
    assert check(sdk, auth, "1").create_check_response.status == components.CheckStatus.RATE_LIMITED


@pytest.mark.parametrize("v2_status", ["transaction_missing", "transaction_mismatch"])
def test_check_psd2_statuses_are_invalid(v2_status):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY, json={"id": "vrf_1", "status": "success"})
        rsps.add(responses.POST, V2_VERIFY + "/check", json={"status": v2_status})
        sdk = v1_sdk()
        status = check(sdk, created_uuid(sdk), "1").create_check_response.status
    assert status == components.CheckStatus.INVALID


# --- retry -----------------------------------------------------------------------------------

def test_stateless_retry_replays_the_target(v2):
    sdk = v1_sdk()
    auth = created_uuid(sdk, device_id="dev-1")
    res = retry(sdk, auth).retry_authentication_response
    assert (res.authentication_uuid, res.status) == (auth, components.RetryAuthenticationResponseStatus.APPROVED)
    assert v2.requests[-1].json == {"target": {"type": "phone_number", "value": PHONE}}


def test_retry_with_a_store_replays_the_original_signals(v2):
    sdk = v1_sdk(store=MemoryStore())
    auth = created_uuid(sdk, device_id="dev-1", correlation_id="c-9")
    original = v2.requests[-1].json
    assert retry(sdk, auth).retry_authentication_response.status.value == "approved"
    assert v2.requests[-1].url == V2_VERIFY and v2.requests[-1].json == original


def test_retry_after_expiry_is_expired_auth_without_sending(v2):
    sdk = v1_sdk(store=MemoryStore())
    auth = created_uuid(sdk)
    v2.expire(PHONE)
    assert retry(sdk, auth).retry_authentication_response.status.value == "expired_auth"
    assert [r.method for r in v2.requests] == ["POST", "GET"]  # create, then history: no new send


def test_retry_after_validation_is_already_validated(v2):
    sdk = v1_sdk(store=MemoryStore())
    auth = created_uuid(sdk)
    check(sdk, auth, v2.last_code(PHONE))
    before = len(v2.requests)
    assert retry(sdk, auth).retry_authentication_response.status.value == "already_validated"
    assert len(v2.requests) == before


def test_retry_learns_a_conversion_made_elsewhere_from_the_history(v2):
    with_store = v1_sdk(store=MemoryStore())
    auth = created_uuid(with_store)
    check(v1_sdk(), auth, v2.last_code(PHONE))  # another process, without the store
    assert retry(with_store, auth).retry_authentication_response.status.value == "already_validated"
    assert [r.method for r in v2.requests] == ["POST", "POST", "GET"]


@pytest.mark.parametrize("reason,expected", [("repeated_attempts", "rate_limited"), ("suspicious", "denied")])
def test_blocked_retry(v2, reason, expected):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    v2.block(PHONE, reason)
    assert retry(sdk, auth).retry_authentication_response.status.value == expected


def test_premature_retry_is_denied(v2):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    v2.fail_next(status=400, code="premature_retry", path="/v2/verification")
    assert retry(sdk, auth).retry_authentication_response.status.value == "denied"


# --- feedback, status, lookup ----------------------------------------------------------------

def test_feedback_is_answered_and_not_forwarded_by_default(v2):
    res = feedback(v1_sdk(), "onboarded").feedback_response
    assert uuid.UUID(res.uuid)
    assert v2.requests == [] and v2.feedbacks == []


def test_feedback_is_forwarded_to_watch_on_opt_in(v2):
    sdk = v1_sdk(forward_feedback=True)
    feedback(sdk, "onboarded")
    assert v2.feedbacks == [{"target": {"type": "phone_number", "value": PHONE}, "type": "verification.completed"}]
    feedback(sdk, "not_onboarded")  # no v2 equivalent: answered, never forwarded
    assert len(v2.feedbacks) == 1 and len(v2.requests) == 1


def test_status_without_store_answers_from_the_id(v2):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    res = sdk.otp.get_authentication_status(auth).authentication_status_response
    assert (res.uuid, res.phone_number, res.events) == (auth, PHONE, [])
    assert len(v2.requests) == 1


def test_status_with_store_reads_the_v2_history(v2):
    sdk = v1_sdk(store=MemoryStore())
    auth = created_uuid(sdk, device_type=components.DeviceType.IOS, ip="203.0.113.7", template_id="tpl_1")
    check(sdk, auth, "000000" if v2.last_code(PHONE) != "000000" else "111111")
    res = sdk.otp.get_authentication_status(auth).authentication_status_response
    assert v2.requests[-1].path.startswith("/v2/verification/phone/history/vrf_")
    assert (res.uuid, res.phone_number, res.template_id) == (auth, PHONE, "tpl_1")
    assert res.signals.device_type.value == "IOS" and res.signals.ip == "203.0.113.7"
    kinds = [event.type.value for event in res.events]
    assert kinds[0] == "attempt" and "check" in kinds and "delivery_status" in kinds


def test_lookup_translates_fields_and_line_types(v2):
    v2.set_lookup(PHONE, line_type="voip", flags=["ported", "temporary"], caller_name="ACME")
    from ding.models import operations
    res = v1_sdk().lookup.lookup(PHONE, CUSTOMER, type_=[operations.Type.CNAM]).lookup_response
    assert v2.requests[-1].path == f"/v2/lookup/{PHONE}" and v2.requests[-1].query == {"type": "cnam"}
    assert "customer-uuid" not in v2.requests[-1].headers
    assert (res.line_type, res.number_ported, res.temporary_phone_number, res.caller_name) == (
        components.LineType.VOIP, True, True, "ACME")
    assert (res.country_code, res.mcc, res.mnc, res.carrier) == ("FR", "208", "01", "Fake Mobile FR")


# --- errors ----------------------------------------------------------------------------------

_CODED = sorted(V2_TO_V1_ERRORS)


@pytest.mark.parametrize("v2_code", _CODED + ["some_future_code"])
def test_every_v2_error_code_becomes_its_v1_error(v2, v2_code):
    v2.fail_next(status=400, code=v2_code, path="/v2/verification")
    with pytest.raises(errors.ErrorResponse) as caught:
        create(v1_sdk(), device_type=components.DeviceType.ANDROID)
    expected = V2_TO_V1_ERRORS.get(v2_code, "bad_request")
    expected = V1_CODES_MISSING_FROM_SDK.get(expected, expected)
    assert caught.value.code.value == expected
    assert f"v2 code {v2_code}" in caught.value.message and "request_id" in caught.value.message
    assert caught.value.doc_url == V1_DOC_URL.format(code=expected)


@pytest.mark.parametrize("device_type,expected", [
    (None, errors.Code.APP_REALM_REQUIRE_DEVICE_TYPE),
    (components.DeviceType.IOS, errors.Code.UNSUPPORTED_APP_REALM_DEVICE_TYPE),
])
def test_v1_app_realm_rules_hold_without_a_v2_call(v2, device_type, expected):
    with pytest.raises(errors.ErrorResponse) as caught:
        create(v1_sdk(), app_realm="abcdefghijk", device_type=device_type)
    assert caught.value.code == expected
    assert v2.requests == []


@pytest.mark.parametrize("v2_code", sorted(V2_CREDENTIAL_CODES))
def test_credential_failures_are_403(v2, v2_code):
    v2.fail_next(status=401, code=v2_code)
    with pytest.raises(errors.SDKError) as caught:
        create(v1_sdk())
    assert caught.value.status_code == 403 and v2_code in caught.value.body
    assert caught.value.raw_response.headers[REQUEST_ID_HEADER] in caught.value.body


def test_a_wrong_v2_key_is_a_403(v2):
    with pytest.raises(errors.SDKError) as caught:
        create(v1_sdk(api_key="not-the-key"))
    assert caught.value.status_code == 403


def test_spending_limit_exceeded_can_be_passed_through_verbatim(v2):
    v2.fail_next(status=400, code="spending_limit_exceeded")
    with pytest.raises(ValueError) as caught:  # the ding SDK's closed enum cannot decode it
        create(v1_sdk(sdk_decodable_codes=False))
    assert "spending_limit_exceeded" in str(caught.value)


# --- tampered and forged ids -----------------------------------------------------------------

@pytest.mark.parametrize("operation", ["check", "retry", "status"])
@pytest.mark.parametrize("index", [0, 7, 9, 14, 19, 24, 35])
def test_a_tampered_id_is_invalid_auth_uuid_and_reaches_no_v2(v2, operation, index):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    tampered = mutate(auth, index, "0" if auth[index] != "0" else "1")
    before = len(v2.requests)
    with pytest.raises(errors.ErrorResponse) as caught:
        if operation == "check":
            check(sdk, tampered, "123456")
        elif operation == "retry":
            retry(sdk, tampered)
        else:
            sdk.otp.get_authentication_status(tampered)
    assert caught.value.code == errors.Code.INVALID_AUTH_UUID
    assert len(v2.requests) == before


_SOME_UUID4 = str(uuid.UUID(int=0x1234_5678_9ABC_DEF0_1234_5678_9ABC_DEF0, version=4))  # fixed: stable test ids


@pytest.mark.parametrize("forged", [_SOME_UUID4, "not-a-uuid", "", _SOME_UUID4.upper(), None, 42])
def test_forged_ids_are_refused(v2, forged):
    with pytest.raises(errors.ErrorResponse) as caught:
        check(v1_sdk(), forged, "123456")
    assert caught.value.code == errors.Code.INVALID_AUTH_UUID
    assert v2.requests == []


def test_an_id_from_another_key_is_refused(v2):
    auth = created_uuid(v1_sdk(secret="another-secret-of-at-least-32-bytes"))
    with pytest.raises(errors.ErrorResponse) as caught:
        check(v1_sdk(), auth, "123456")
    assert caught.value.code == errors.Code.INVALID_AUTH_UUID


def test_rotated_secret_keeps_old_ids_readable(v2):
    auth = created_uuid(v1_sdk(secret="old-secret-of-at-least-32-bytes!!"))
    res = check(v1_sdk(secret="new-secret-of-at-least-32-bytes!!", previous_secrets=["old-secret-of-at-least-32-bytes!!"]), auth, v2.last_code(PHONE))
    assert res.create_check_response.status == components.CheckStatus.VALID


# --- faults: never re-sent ------------------------------------------------------------------

def test_timeout_on_create_raises_the_requests_timeout_after_one_request(v2):
    v2.timeout_next()
    with pytest.raises(requests.exceptions.Timeout):
        create(v1_sdk())
    assert len(v2.requests) == 1


def test_timeout_on_check_raises_after_one_request(v2):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    v2.timeout_next(path="/v2/verification/check")
    with pytest.raises(requests.exceptions.Timeout):
        check(sdk, auth, "123456")
    assert [r.path for r in v2.requests] == ["/v2/verification", "/v2/verification/check"]


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_passes_through_after_one_request(v2, status):
    v2.fail_next(status=status, code="internal")
    with pytest.raises(errors.SDKError) as caught:
        create(v1_sdk())
    assert caught.value.status_code == status and "internal_server_error" in caught.value.body
    assert len(v2.requests) == 1


def test_connection_error_on_create_and_check_is_raised_after_one_request():
    sdk = v1_sdk()
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY, json={"id": "vrf_1", "status": "success"})
        auth = created_uuid(sdk)
        rsps.replace(responses.POST, V2_VERIFY, body=requests.exceptions.ConnectionError("refused"))
        rsps.add(responses.POST, V2_VERIFY + "/check", body=requests.exceptions.ConnectionError("refused"))
        with pytest.raises(requests.exceptions.ConnectionError):
            create(sdk)
        with pytest.raises(requests.exceptions.ConnectionError):
            check(sdk, auth, "123456")
        assert [call.request.url for call in rsps.calls] == [V2_VERIFY, V2_VERIFY, V2_VERIFY + "/check"]


def timeout_recording_session(seen):
    """A v2 session whose transport records the timeout of every request it sends."""
    transport = requests.adapters.HTTPAdapter()
    original_send = transport.send

    def recording_send(request, **kwargs):
        seen.append(kwargs["timeout"])
        return original_send(request, **kwargs)

    transport.send = recording_send
    v2_session = requests.Session()
    v2_session.mount("https://api.prelude.dev/", transport)
    return v2_session


def test_the_timeout_option_reaches_the_v2_transport(v2):
    seen = []
    create(v1_sdk(timeout=2.5, v2_session=timeout_recording_session(seen)))
    assert seen == [2.5]


# --- the legacy transactional host ------------------------------------------------------------

def test_transactional_is_forwarded_unchanged(v2):
    sess = v1_sdk().sdk_configuration.client
    body = b'{"template_id":"tpl_1","to":"+33612345678","variables":{"name":"Ada"}}'
    res = sess.post("https://api.ding.live/v2/transactional?x=1", data=body,
                    headers={"Authorization": "Bearer user-own-key", "Content-Type": "application/json",
                             "X-Custom": "kept"})
    sent = v2.requests[-1]
    assert sent.url == "https://api.prelude.dev/v2/transactional?x=1"
    assert sent.body == body
    assert (sent.headers["authorization"], sent.headers["x-custom"]) == ("Bearer user-own-key", "kept")
    assert res.status_code == 401  # the fake only knows the v2 key: the user's own header went through


def test_raw_requests_on_a_compat_session(v2):
    sess = v1_sdk().sdk_configuration.client
    res = sess.post("https://api.ding.live/v1/authentication",
                    json={"customer_uuid": CUSTOMER, "phone_number": PHONE})
    assert res.status_code == 200 and res.json()["status"] == "pending"
    unknown = sess.get("https://api.ding.live/v1/nothing-here")
    assert unknown.status_code == 404


@pytest.mark.parametrize("status,expected", [(502, 502), (200, 502)])
def test_a_v2_answer_that_is_not_json_is_a_5xx(status, expected):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY, body="<html>bad gateway</html>", status=status)
        with pytest.raises(errors.SDKError) as caught:
            create(v1_sdk())
    assert caught.value.status_code == expected and "internal_server_error" in caught.value.body


def test_a_timeout_given_to_the_v1_call_wins(v2):
    seen = []
    sess = v1_sdk(timeout=2.5, v2_session=timeout_recording_session(seen)).sdk_configuration.client
    sess.post("https://api.ding.live/v1/authentication", json={"phone_number": PHONE}, timeout=0.75)
    assert seen == [0.75]


def test_the_adapter_mounted_on_a_users_own_session(v2):
    import compat

    own = requests.Session()
    own.headers["User-Agent"] = "their-app/1.0"
    own.mount("https://api.ding.live/", compat.CompatAdapter(api_key=V2_KEY))
    res = own.post("https://api.ding.live/v1/authentication", json={"phone_number": PHONE})
    assert res.status_code == 200 and v2.requests[-1].headers["authorization"] == f"Bearer {V2_KEY}"


def _run(operation, sdk, auth):
    from ding.models import operations as ops
    if operation == "check":
        return check(sdk, auth, "123456")
    if operation == "retry":
        return retry(sdk, auth)
    if operation == "feedback":
        return feedback(sdk, "onboarded")
    if operation == "status":
        return sdk.otp.get_authentication_status(auth)
    return sdk.lookup.lookup(PHONE, CUSTOMER, type_=[ops.Type.CNAM])


@pytest.mark.parametrize("operation,path", [
    ("check", "/v2/verification/check"), ("retry", "/v2/verification/phone/history/*"),
    ("feedback", "/v2/watch/feedback"), ("status", "/v2/verification/phone/history/*"),
    ("lookup", "/v2/lookup/*"),
])
def test_v2_errors_on_every_operation_become_v1_errors(v2, operation, path):
    sdk = v1_sdk(store=MemoryStore(), forward_feedback=True)
    auth = created_uuid(sdk)
    v2.fail_next(status=400, code="invalid_request", path=path)
    with pytest.raises(errors.ErrorResponse) as caught:
        _run(operation, sdk, auth)
    assert caught.value.code == errors.Code.BAD_REQUEST and "v2 code invalid_request" in caught.value.message
    v2.fail_next(status=503, code="internal", path=path)
    with pytest.raises(errors.SDKError) as failed:
        _run(operation, sdk, auth)
    assert failed.value.status_code == 503


def test_the_oldest_sdks_post_lookup_is_served(v2):
    sess = v1_sdk().sdk_configuration.client
    res = sess.post("https://api.ding.live/v1/lookup", json={"phone_number": PHONE},
                    headers={"customer-uuid": CUSTOMER})
    assert res.status_code == 200 and res.json()["carrier"] == "Fake Mobile FR"
    assert v2.requests[-1].method == "GET" and v2.requests[-1].path == f"/v2/lookup/{PHONE}"
    assert sess.post("https://api.ding.live/v1/lookup", json={}).json()["code"] == "bad_request"


def test_an_adapter_mounted_too_wide_says_so():
    import compat

    sess = requests.Session()
    sess.mount("https://", compat.CompatAdapter(api_key=V2_KEY))
    with pytest.raises(requests.exceptions.InvalidURL, match="api.ding.live"):
        sess.get("https://example.test/")


class BrokenStore(MemoryStore):
    def _fail(self, *args, **kwargs):
        raise OSError("disk full")

    get = put = add = update = _fail


def test_a_failing_store_degrades_to_stateless(v2, caplog):
    sdk = v1_sdk(store=BrokenStore())
    auth = created_uuid(sdk)
    assert check(sdk, auth, v2.last_code(PHONE)).create_check_response.status == components.CheckStatus.VALID
    assert "compat store add failed" in caplog.text


def test_a_clock_outside_the_sealable_range_fails_before_sending(v2):
    with pytest.raises(errors.SDKError) as caught:
        create(v1_sdk(clock=lambda: 0.0))
    assert caught.value.status_code == 500 and "issue time" in caught.value.body
    assert v2.requests == []
