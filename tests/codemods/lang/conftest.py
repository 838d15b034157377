"""One sandbox process for the executed JS migrations (``prelude-migrate sandbox --port 0``),
reset before each test that uses it."""
import pytest

from migrate.servers.sandbox_client import SandboxProcess


@pytest.fixture(scope="module")
def sandbox():
    with SandboxProcess() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh(request):
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").control.reset()
