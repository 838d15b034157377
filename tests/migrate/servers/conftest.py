"""Clients on the sandbox (the ``sandbox`` fixture itself is in tests/conftest.py): the control
API, and a raw httpx client for the tests that check the wire."""
import httpx
import pytest

from servers_helpers import V2_KEY


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
