"""Process-wide install/uninstall, configuration errors, ids across processes, light import."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
import requests
import requests.adapters

import compat
from compat.adapter import CompatAdapter, CompatConfigError
from compat.store import SQLiteStore
from compat_helpers import v2_served as v2  # noqa: F401 (fixture)
from compat_helpers import CUSTOMER, PHONE, V2_KEY, V2_VERIFY, check, created_uuid, retry, v1_sdk

V1_CREATE = "https://api.ding.live/v1/authentication"


@pytest.fixture
def clean_install():
    original = requests.Session.get_adapter
    yield original
    compat.uninstall()
    assert requests.Session.get_adapter is original


def test_install_serves_plain_requests_post_and_uninstall_restores_exactly(v2, clean_install):
    original = clean_install
    sess_made_before = requests.Session()
    compat.install(api_key=V2_KEY)
    assert requests.Session.get_adapter is not original
    res = requests.post(V1_CREATE, json={"customer_uuid": CUSTOMER, "phone_number": PHONE})
    assert res.status_code == 200 and res.json()["status"] == "pending"
    assert v2.requests[-1].url == V2_VERIFY
    assert sess_made_before.post(V1_CREATE, json={"phone_number": PHONE}).status_code == 200
    assert isinstance(requests.Session().get_adapter(V1_CREATE), CompatAdapter)
    assert isinstance(requests.Session().get_adapter("https://example.test/"), requests.adapters.HTTPAdapter)

    compat.uninstall()
    assert requests.Session.get_adapter is original
    assert "get_adapter" not in vars(sess_made_before)
    # nothing serves api.ding.live any more: the request reaches the (mocked) network layer
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.post(V1_CREATE, json={"phone_number": PHONE})
    compat.uninstall()  # a second uninstall is harmless
    assert requests.Session.get_adapter is original


def test_install_twice_then_uninstall_once_restores(v2, clean_install):
    compat.install(api_key=V2_KEY)
    compat.install(api_key=V2_KEY, timeout=3)
    compat.uninstall()
    assert requests.Session.get_adapter is clean_install


def test_a_session_with_its_own_adapter_for_the_host_keeps_it(v2, clean_install):
    own = requests.adapters.HTTPAdapter()
    sess = requests.Session()
    sess.mount("https://api.ding.live/", own)
    compat.install(api_key=V2_KEY)
    assert sess.get_adapter(V1_CREATE) is own


def test_key_from_the_environment(v2, monkeypatch):
    monkeypatch.setenv("API_TOKEN", V2_KEY)
    sdk = v1_sdk(api_key=None)
    created_uuid(sdk)
    assert v2.requests[-1].headers["authorization"] == f"Bearer {V2_KEY}"


def test_a_missing_key_names_the_variable(monkeypatch):
    original = requests.Session.get_adapter
    monkeypatch.delenv("API_TOKEN", raising=False)
    with pytest.raises(CompatConfigError, match="API_TOKEN"):
        compat.session()
    with pytest.raises(CompatConfigError, match="API_TOKEN"):
        compat.install()
    assert requests.Session.get_adapter is original  # a failed install patches nothing


_MINT = textwrap.dedent("""
    import json, sys
    import compat
    from compat.testing import FakeV2
    from ding import Ding
    from ding.models import components
    v2 = FakeV2(api_key="test-v2-key")
    with v2.serve_requests():
        sdk = Ding(api_key="test-v1-key", client=compat.session(api_key="test-v2-key"))
        res = sdk.otp.create_authentication(request=components.CreateAuthenticationRequest(
            customer_uuid="00000000-0000-4000-8000-000000000001", phone_number=sys.argv[1]))
    print(json.dumps({"id": res.create_authentication_response.authentication_uuid}))
""")


def test_an_id_minted_in_another_process_is_honoured(v2):
    phone = "+447700900123"
    out = subprocess.run([sys.executable, "-c", _MINT, phone], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    minted = json.loads(out.stdout)["id"]
    # this process's v2 has an open verification for the number (as the real, shared v2 would)
    v2.handle("POST", V2_VERIFY, {"Authorization": f"Bearer {V2_KEY}"},
              json.dumps({"target": {"type": "phone_number", "value": phone}}))
    res = check(v1_sdk(), minted, v2.last_code(phone)).create_check_response
    assert res.status.value == "valid" and res.authentication_uuid == minted
    assert v2.requests[-1].json["target"] == {"type": "phone_number", "value": phone}


def test_a_sqlite_store_is_shared_by_two_adapters(v2, tmp_path):
    path = str(tmp_path / "compat.db")
    first, second = v1_sdk(store=SQLiteStore(path)), v1_sdk(store=SQLiteStore(path))
    auth = created_uuid(first)
    check(first, auth, v2.last_code(PHONE))
    assert retry(second, auth).retry_authentication_response.status.value == "already_validated"


def test_importing_compat_stays_light():
    code = ("import sys, compat; compat.session; compat.CompatAdapter; "
            "assert 'libcst' not in sys.modules and 'click' not in sys.modules, sorted(sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_httpx_and_redis_are_imported_only_by_their_shell_and_store():
    code = ("import sys, compat; compat.session; compat.CompatAdapter; compat.engine; "
            "bad = [m for m in ('httpx', 'redis', 'uvicorn', 'starlette') if m in sys.modules]; assert not bad, bad; "
            "compat.HTTPXTransport; assert 'httpx' in sys.modules and 'redis' not in sys.modules; "
            "compat.RedisStore; compat.RedisStore('redis://127.0.0.1:9/0'); assert 'redis' in sys.modules")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
