"""The proxy's v2 side over real TLS (a uvicorn origin with a trustme CA, trusted through
SSL_CERT_FILE): answers arrive, and TLS errors, resets and 503s after v2 has read the request
become v1 errors with the create sent exactly once."""
import httpx
import pytest

from migrate.servers import asyncio_backend
from servers_helpers import CLIENT_KEY, CUSTOMER, PHONE, proxy_process
from v2_fault_server import FaultServer


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    server = FaultServer(tmp_path_factory.mktemp("tls-origin")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def tls_proxy(origin):
    with proxy_process(origin.origin, "--no-access-log", env={"SSL_CERT_FILE": str(origin.ca_pem)}) as proxy:
        yield proxy


@pytest.mark.parametrize("fault, status", [("ok", 200), ("tls_error", 502), ("reset", 502), ("503", 503)])
def test_each_v1_create_reaches_v2_once_over_tls(origin, tls_proxy, fault, status):
    origin.fault = fault
    origin.reset_counts()
    answer = httpx.post(tls_proxy.url + "/v1/authentication", headers={"X-API-Key": CLIENT_KEY}, timeout=30,
                        json={"customer_uuid": CUSTOMER, "phone_number": PHONE})
    assert answer.status_code == status, answer.text
    if status != 200:
        assert answer.json()["code"] == "internal_server_error"
    assert origin.count("POST", "/v2/verification") == 1


def test_an_untrusted_certificate_is_refused_before_anything_is_sent(origin, tmp_path):
    origin.fault = "ok"
    origin.reset_counts()
    with proxy_process(origin.origin, "--no-access-log", env={"SSL_CERT_FILE": ""}) as proxy:
        answer = httpx.post(proxy.url + "/v1/authentication", headers={"X-API-Key": CLIENT_KEY}, timeout=30,
                            json={"customer_uuid": CUSTOMER, "phone_number": PHONE})
    assert answer.status_code == 502
    assert origin.count("POST", "/v2/verification") == 0


def test_the_asyncio_backend_is_in_use_here():
    import asyncio

    from migrate.servers.proxy_metrics import Metrics
    from migrate.servers.proxy_v2 import V2Sender

    async def backends():
        async with V2Sender(Metrics(), 5, 5, 16) as sender:
            return {type(pool._pool._network_backend) for pool in sender._pools}

    assert asyncio_backend.available()  # Python 3.11+: the TLS above went through it
    assert asyncio.run(backends()) == {asyncio_backend.AsyncioBackend}
