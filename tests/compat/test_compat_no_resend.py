"""Issue 15 item 2: no retry setting on the v2 session re-sends a create or a check.

Each setting runs on the real requests/urllib3 stack against a TLS v2 origin on localhost
(uvicorn) that injects the fault after it has read the request; the origin counts the POSTs it
received: exactly one, whatever the setting says."""
from __future__ import annotations

import pytest
import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.util.retry import Retry

import compat
from compat.adapter import CompatConfigError
from compat_helpers import PHONE, V2_KEY
from v2_fault_server import FaultServer

V1 = "https://api.ding.live/v1"


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    server = FaultServer(tmp_path_factory.mktemp("fault-origin")).start()
    yield server
    server.stop()


def _session(origin: FaultServer, transport: BaseAdapter) -> requests.Session:
    v2 = requests.Session()
    v2.mount("https://", transport)
    v2.verify = str(origin.ca_pem)
    return compat.session(api_key=V2_KEY, v2_session=v2, v2_base_url=origin.origin)


SETTINGS = {  # the settings of the issue, and the fault each one used to re-send on
    "HTTPAdapter(max_retries=3)": (lambda: HTTPAdapter(max_retries=3), "tls_error"),
    "Retry(total=3)": (lambda: HTTPAdapter(max_retries=Retry(total=3)), "tls_error"),
    "Retry(total=3, read=False)": (lambda: HTTPAdapter(max_retries=Retry(total=3, read=False)), "tls_error"),
    "Retry(total=3, read=0)": (lambda: HTTPAdapter(max_retries=Retry(total=3, read=0)), "tls_error"),
    "Retry(total=None, connect=3, read=False)": (
        lambda: HTTPAdapter(max_retries=Retry(total=None, connect=3, read=False)), "tls_error"),
    "Retry(connect=3, read=0, status=0)": (
        lambda: HTTPAdapter(max_retries=Retry(connect=3, read=0, status=0)), "tls_error"),
    "503 + Retry-After, no status_forcelist": (
        lambda: HTTPAdapter(max_retries=Retry(total=3, read=0, allowed_methods=None)), "503"),
    "Retry(total=3, status_forcelist=[503], allowed_methods=None)": (
        lambda: HTTPAdapter(max_retries=Retry(total=3, status_forcelist=[503], allowed_methods=None)), "503"),
    "Retry(total=3, allowed_methods=None), reset": (
        lambda: HTTPAdapter(max_retries=Retry(total=3, allowed_methods=None)), "reset"),
}

EXPECTED_FAULT = {"tls_error": requests.exceptions.SSLError, "reset": requests.exceptions.ConnectionError}


@pytest.mark.parametrize("operation,path", [("create", "/v2/verification"), ("check", "/v2/verification/check")])
@pytest.mark.parametrize("setting", list(SETTINGS))
def test_a_create_or_check_reaches_v2_exactly_once_whatever_the_retry_setting(origin, setting, operation, path):
    make_transport, fault = SETTINGS[setting]
    http = _session(origin, make_transport())
    created = http.post(f"{V1}/authentication", json={"phone_number": PHONE})
    assert created.status_code == 200, created.text
    if operation == "create":
        call = (f"{V1}/authentication", {"phone_number": PHONE})
    else:
        call = (f"{V1}/check", {"authentication_uuid": created.json()["authentication_uuid"], "check_code": "1234"})
    origin.reset_counts()
    origin.fault = fault
    try:
        if fault == "503":
            answer = http.post(call[0], json=call[1])
            assert answer.status_code == 503 and answer.json()["code"] == "internal_server_error"
        else:
            with pytest.raises(EXPECTED_FAULT[fault]):
                http.post(call[0], json=call[1])
    finally:
        origin.fault = "ok"
    assert origin.count("POST", path) == 1


def test_a_lookup_keeps_the_sessions_own_retry_policy(origin):
    """A GET sends nothing: the user's retries stay in force for it."""
    http = _session(origin, HTTPAdapter(max_retries=Retry(total=2, status_forcelist=[503], raise_on_status=False)))
    origin.reset_counts()
    origin.fault = "503"
    try:
        answer = http.get(f"{V1}/lookup/{PHONE}")
    finally:
        origin.fault = "ok"
    assert answer.status_code == 503
    assert origin.count("GET", f"/v2/lookup/{PHONE}") == 3


def test_a_transport_that_retries_and_is_not_an_http_adapter_is_refused():
    class Custom(BaseAdapter):
        max_retries = Retry(total=3)

    v2 = requests.Session()
    v2.mount("https://", Custom())
    with pytest.raises(CompatConfigError, match="another code"):
        compat.session(api_key=V2_KEY, v2_session=v2)
