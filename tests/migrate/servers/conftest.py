"""One sandbox process per test module (``prelude-migrate sandbox --port 0``), reset before
each test, and a raw httpx client on it for the tests that check the wire."""
import httpx
import pytest

from migrate.servers.sandbox_client import SandboxProcess
from servers_helpers import V2_KEY


@pytest.fixture(scope="module")
def sandbox():
    with SandboxProcess() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh(request):
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").control.reset()


@pytest.fixture
def control(sandbox):
    return sandbox.control


@pytest.fixture
def http(sandbox):
    with httpx.Client(base_url=sandbox.url, timeout=10) as client:
        yield client


@pytest.fixture
def v2(http):
    """POST/GET to the v2 API with the sandbox's Bearer key."""
    def call(method, path, json=None, **kwargs):
        headers = {"Authorization": f"Bearer {V2_KEY}", **kwargs.pop("headers", {})}
        return http.request(method, path, json=json, headers=headers, **kwargs)
    return call



@pytest.fixture(scope="module")
def proxy(sandbox):
    """A proxy process on the module's sandbox, accepting CLIENT_KEY."""
    from servers_helpers import proxy_process

    with proxy_process(sandbox.url, "--no-access-log") as running:
        yield running
