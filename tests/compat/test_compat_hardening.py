"""Review fixes: bad keys, stale and upper-case ids, the safety net, install edge cases,
faults on every sending operation, unknown v2 codes, v2 sessions with retry policies.

Every case asserts the v1 answer and that v2 was (or was not) called."""
from __future__ import annotations

import pytest
import requests
import responses
from ding.models import components, errors
from urllib3.util.retry import Retry

import compat
from compat.adapter import CompatConfigError
from compat.store import MemoryStore
from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from compat_helpers import PHONE, V2_KEY, V2_VERIFY, check, created_uuid, retry, v1_sdk

V1 = "https://api.ding.live/v1"
DAY = 86400


# --- the v2 key --------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["test-v2-key\n", " test-v2-key", "test v2 key", "test-v2-kéy", b"test-v2-key"])
def test_a_key_that_cannot_be_a_header_is_refused_when_building(key):
    with pytest.raises(CompatConfigError, match="API key"):
        compat.session(api_key=key)


# --- ids: upper case is the same id, stale ids are expired --------------------------------------

def test_an_upper_case_id_is_the_same_id(v2):
    sdk = v1_sdk(store=MemoryStore())
    auth = created_uuid(sdk)
    code = v2.last_code(PHONE)
    res = check(sdk, auth.upper(), code).create_check_response
    assert (res.status, res.authentication_uuid) == (components.CheckStatus.VALID, auth)
    # the store is keyed by the canonical id: the lower-case spelling sees the validation
    assert check(sdk, auth, code).create_check_response.status == components.CheckStatus.ALREADY_VALIDATED


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_an_id_older_than_id_max_age_is_expired_without_a_v2_call(v2):
    clock = Clock(1_800_000_000.0)
    sdk = v1_sdk(clock=clock)
    auth = created_uuid(sdk)
    clock.now += DAY + 120
    before = len(v2.requests)
    code = v2.last_code(PHONE)  # still open on v2: only the id's age can refuse it
    assert check(sdk, auth, code).create_check_response.status == components.CheckStatus.EXPIRED_AUTH
    assert retry(sdk, auth).retry_authentication_response.status.value == "expired_auth"
    assert len(v2.requests) == before  # above all, no retry that would send a code


def test_id_max_age_is_configurable_and_can_be_lifted(v2):
    clock = Clock(1_800_000_000.0)
    auth = created_uuid(v1_sdk(clock=clock))
    clock.now += 3 * DAY
    assert check(v1_sdk(clock=clock, id_max_age=None), auth, v2.last_code(PHONE)).create_check_response.status == (
        components.CheckStatus.VALID)
    clock.now = 1_800_000_000.0 + 600
    assert retry(v1_sdk(clock=clock, id_max_age=300), auth).retry_authentication_response.status.value == (
        "expired_auth")


# --- the safety net: a v2 answer nobody foresaw -------------------------------------------------

def test_a_check_answered_with_a_malformed_status_is_a_v1_500(v2):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY + "/check", json={"id": "vrf_1", "status": ["success"], "request_id": "r"})
        with pytest.raises(errors.SDKError) as caught:
            check(sdk, auth, "123456")
    assert caught.value.status_code == 500 and "internal_server_error" in caught.value.body


def test_an_unforeseen_failure_is_a_v1_500_and_logged(caplog, monkeypatch):
    from compat import translate

    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(translate, "create_response_to_v1", broken)
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, V2_VERIFY, json={"id": "vrf_1", "status": "success", "request_id": "r"})
        with pytest.raises(errors.SDKError) as caught:
            created_uuid(v1_sdk())
    assert caught.value.status_code == 500 and "internal_server_error" in caught.value.body
    assert "compat failed on POST /v1/authentication" in caplog.text


# --- install: a session's own adapter for the host wins, a generic one does not -----------------

@pytest.fixture
def clean_install():
    original = requests.Session.get_adapter
    yield
    compat.uninstall()
    assert requests.Session.get_adapter is original


def test_install_respects_an_own_mount_without_the_trailing_slash(clean_install):
    own = requests.adapters.HTTPAdapter()
    sess = requests.Session()
    sess.mount("https://api.ding.live", own)
    installed = compat.install(api_key=V2_KEY)
    assert sess.get_adapter(f"{V1}/authentication") is own
    generic = requests.Session()
    generic.mount("https://", requests.adapters.HTTPAdapter(max_retries=3))  # common retry setup
    assert generic.get_adapter(f"{V1}/authentication") is installed


def test_uninstall_leaves_a_later_wrapper_of_get_adapter_in_place(clean_install):
    installed = compat.install(api_key=V2_KEY)
    ours = requests.Session.get_adapter

    def their_wrapper(self, url):  # another library patching after us
        return ours(self, url)

    requests.Session.get_adapter = their_wrapper
    try:
        assert requests.Session().get_adapter(f"{V1}/check") is installed
        compat.uninstall()
        assert requests.Session.get_adapter is their_wrapper  # not clobbered
        assert isinstance(requests.Session().get_adapter(f"{V1}/check"), requests.adapters.HTTPAdapter)
        reinstalled = compat.install(api_key=V2_KEY)  # and a new install works through their chain
        assert requests.Session().get_adapter(f"{V1}/check") is reinstalled
        compat.uninstall()
    finally:
        requests.Session.get_adapter = ours.__wrapped__


# --- faults on every operation that can send or consume a code: exactly one v2 request ----------

def _sending_call(operation, sdk, auth):
    if operation == "create":
        return created_uuid(sdk)
    if operation == "check":
        return check(sdk, auth, "123456")
    return retry(sdk, auth)


@pytest.mark.parametrize("operation,path", [
    ("create", "/v2/verification"), ("check", "/v2/verification/check"), ("retry", "/v2/verification"),
])
@pytest.mark.parametrize("fault", ["timeout", "503", "connection"])
def test_a_fault_is_surfaced_after_exactly_one_v2_request(v2, operation, path, fault):
    sdk = v1_sdk()
    auth = created_uuid(sdk)
    before = len(v2.requests)
    if fault == "timeout":
        v2.timeout_next(path=path)
        expected = requests.exceptions.Timeout
    elif fault == "503":
        v2.fail_next(status=503, code="internal", path=path)
        expected = errors.SDKError
    else:
        expected = requests.exceptions.ConnectionError
    with pytest.raises(expected):
        if fault == "connection":
            with responses.RequestsMock() as rsps:  # replaces the fake for this one call
                rsps.add(responses.POST, "https://api.prelude.dev" + path,
                         body=requests.exceptions.ConnectionError("refused"))
                try:
                    _sending_call(operation, sdk, auth)
                finally:
                    assert len(rsps.calls) == 1
        else:
            _sending_call(operation, sdk, auth)
    if fault != "connection":
        assert [r.path for r in v2.requests[before:]] == [path]


# --- unknown v2 codes: mapped by status class, never swallowed ----------------------------------

@pytest.mark.parametrize("http_status,v1_status,v1_code", [
    (404, 400, "bad_request"), (422, 400, "bad_request"), (409, 400, "bad_request"),
    (500, 500, "internal_server_error"), (503, 503, "internal_server_error"),
])
def test_an_unknown_v2_code_keeps_its_class_its_code_and_its_request_id(v2, http_status, v1_status, v1_code):
    v2.fail_next(status=http_status, code="code_from_2027", path="/v2/verification")
    res = compat.session(api_key=V2_KEY).post(f"{V1}/authentication", json={"phone_number": PHONE})
    body = res.json()
    assert (res.status_code, body["code"]) == (v1_status, v1_code)
    request_id = res.headers["X-Prelude-Request-Id"]
    assert request_id and "code_from_2027" in body["message"] and request_id in body["message"]
    assert len(v2.requests) == 1


# --- a v2 session with a retry policy: accepted, its POST retries are not used ------------------

def _v2_session_retrying(retry: Retry) -> requests.Session:
    session = requests.Session()
    session.mount("https://", requests.adapters.HTTPAdapter(max_retries=retry))
    return session


@pytest.mark.parametrize("retry", [
    Retry(total=3, status_forcelist=[503]),
    Retry(total=3, connect=3, read=0, allowed_methods=None),
    Retry(0),
    # retry policies that would re-send POSTs: creates and checks go without them
    # (tests/compat/test_compat_no_resend.py counts what reaches v2)
    Retry(total=3, status_forcelist=[502, 503], allowed_methods=None),
    Retry(total=2, allowed_methods=["GET", "POST"]),
    Retry(total=None, read=1, allowed_methods=False),
])
def test_a_v2_session_with_any_retry_policy_is_accepted(v2, retry):
    sess = compat.session(api_key=V2_KEY, v2_session=_v2_session_retrying(retry))
    assert sess.post(f"{V1}/authentication", json={"phone_number": PHONE}).json()["status"] == "pending"


def test_concurrent_installs_and_uninstalls_end_restored(clean_install):
    import threading

    failures = []

    def churn():
        try:
            for _ in range(30):
                compat.install(api_key=V2_KEY)
                requests.Session().get_adapter(f"{V1}/check")
                compat.uninstall()
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=churn) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    compat.uninstall()
    # clean_install asserts that get_adapter is the original function again
