"""The proxy is a fourth shell over compat's one engine: the behaviour tests the in-process
shells share (tests/compat/test_compat_shells.py) run here unchanged against the proxy app,
in process (Starlette's TestClient, lifespan included) with FakeV2 as its v2 transport.

Two of those tests are about in-process shells only and are replaced by the proxy's own
contract: a v2 timeout is a v1 504 answer rather than an exception raised in the caller, and
the v1 host's spellings do not apply (callers reach the proxy by its own address)."""
import importlib.util
import json
import warnings
from typing import Any, Dict, Optional
from urllib.parse import urlsplit

import pytest

with warnings.catch_warnings():  # starlette 1.x would rather run its TestClient on httpx2
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from compat_helpers import PHONE, V2_KEY
from compat_shells import Answer, ShellVerbs
from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from migrate.servers.proxy_app import ProxySettings, create_app
from paths import TESTS

_SPEC = importlib.util.spec_from_file_location("compat_shell_behaviour", TESTS / "compat" / "test_compat_shells.py")
_SHARED = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_SHARED)

test_create_check_retry_status_lookup_feedback = _SHARED.test_create_check_retry_status_lookup_feedback
test_a_tampered_id_is_refused_with_no_v2_call = _SHARED.test_a_tampered_id_is_refused_with_no_v2_call
test_an_id_from_one_shell_is_honoured_by_the_others = _SHARED.test_an_id_from_one_shell_is_honoured_by_the_others
test_v2_errors_become_the_same_v1_errors = _SHARED.test_v2_errors_become_the_same_v1_errors
test_malformed_bodies_are_v1_400s_without_v2 = _SHARED.test_malformed_bodies_are_v1_400s_without_v2
test_the_legacy_v2_host_is_forwarded = _SHARED.test_the_legacy_v2_host_is_forwarded

CLIENT_KEY = "shell-client-key"


class ProxyClient(ShellVerbs):
    """The shells' test interface (``call``, ``post``, ``get``) over the proxy app."""

    def __init__(self, client: TestClient) -> None:
        self._client = client

    def call(self, method: str, url: str, json: Any = None, data: Optional[bytes] = None,
             headers: Optional[Dict[str, str]] = None) -> Answer:
        path = urlsplit(url).path if "://" in url else "/v1" + url
        answer = self._client.request(method, path, json=json, content=data,
                                      headers={"X-API-Key": CLIENT_KEY, **(headers or {})})
        try:
            body = answer.json()
        except ValueError:
            body = answer.content
        return Answer(answer.status_code, body, {k.lower(): v for k, v in answer.headers.items()})



@pytest.fixture
def shell(v2):  # noqa: F811 (v2 is the fixture imported above)
    opened = []

    def build(**options: Any) -> ProxyClient:
        options.pop("api_key", None)
        app = create_app(ProxySettings(v2_key=V2_KEY, client_keys=(CLIENT_KEY,)), transport=v2.transport(), **options)
        client = TestClient(app)
        client.__enter__()
        opened.append(client)
        return ProxyClient(client)

    yield build
    for client in opened:
        client.__exit__(None, None, None)


@pytest.mark.parametrize("operation", ["create", "check", "retry"])
def test_a_timeout_is_a_504_after_exactly_one_v2_request(v2, shell, operation):  # noqa: F811
    client = shell()
    auth = client.post("/authentication", {"phone_number": PHONE}).body["authentication_uuid"]
    path = "/v2/verification/check" if operation == "check" else "/v2/verification"
    v2.timeout_next(path=path)
    before = len(v2.requests)
    body = {"create": ("/authentication", {"phone_number": PHONE}),
            "check": ("/check", {"authentication_uuid": auth, "check_code": "123456"}),
            "retry": ("/retry", {"authentication_uuid": auth})}[operation]
    answer = client.post(*body)
    assert (answer.status, answer.body["code"]) == (504, "internal_server_error")
    assert [r.path for r in v2.requests[before:]] == [path]


def test_the_proxy_shell_refuses_callers_without_a_client_key(v2, shell):  # noqa: F811
    client = shell()
    answer = client.call("POST", "/authentication", json={"phone_number": PHONE}, headers={"X-API-Key": "no"})
    assert answer.status == 403 and "client key" in json.dumps(answer.body)
    assert v2.requests == []
