"""Shared pytest set-up. The tests mirror the source tree (tests/compat, tests/codemods,
tests/migrate); the helper modules beside this file (scan_helpers, rewrite_helpers, ...) are
importable from every test module because pytest puts this folder on sys.path for this conftest."""
import pytest


@pytest.fixture(scope="module")
def sandbox():
    """One sandbox process per test module (``prelude-migrate sandbox --port 0``), for the
    server tests and the executed JS migrations alike; reset before each test (``_fresh``)."""
    from migrate.servers.sandbox_client import SandboxProcess

    with SandboxProcess() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh(request):
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").control.reset()
