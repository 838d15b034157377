"""`prelude-migrate sandbox` as a command: options, ready line, shutdown, masked access log."""
import subprocess
import sys
import time

import httpx
from click.testing import CliRunner

from migrate.cli import cli
from migrate.servers.process import stop, wait_for_ready_line
from migrate.servers.sandbox_client import SandboxProcess
from servers_helpers import PHONE, target


def test_help_lists_the_command_and_its_options():
    listing = CliRunner().invoke(cli, ["--help"])
    assert "sandbox" in listing.output
    helped = CliRunner().invoke(cli, ["sandbox", "--help"])
    assert helped.exit_code == 0
    for option in ("--port", "--v2-key", "--v1-key", "--window-seconds", "--latency-ms", "--seed"):
        assert option in helped.output


def test_a_bad_customer_uuid_is_refused_before_serving():
    result = CliRunner().invoke(cli, ["sandbox", "--customer-uuid", "not-a-uuid", "--port", "0"])
    assert result.exit_code == 2
    assert "customer_uuid must be a UUID" in result.output


def test_options_reach_the_fakes():
    with SandboxProcess(["--v2-key", "other-key", "--window-seconds", "30", "--seed", "7",
                         "--latency-ms", "150"]) as sandbox, httpx.Client(base_url=sandbox.url) as http:
        headers = {"Authorization": "Bearer other-key"}
        created = http.post("/v2/verification", json={"target": target()}, headers=headers)
        assert created.status_code == 200
        assert created.elapsed.total_seconds() >= 0.14
        assert http.post("/v2/verification", json={"target": target()},
                         headers={"Authorization": "Bearer test-v2-key"}).status_code == 401
        code = sandbox.control.last_code(PHONE)
        sandbox.control.advance_clock(31)
        checked = http.post("/v2/verification/check", json={"target": target(), "code": code}, headers=headers)
        assert checked.json()["status"] == "expired_or_not_found"
    with SandboxProcess(["--v2-key", "other-key", "--seed", "7"]) as again, httpx.Client(base_url=again.url) as http:
        http.post("/v2/verification", json={"target": target()}, headers={"Authorization": "Bearer other-key"})
        assert again.control.last_code(PHONE) == code  # same seed, same first code


def test_sigterm_stops_it_cleanly_and_the_access_log_masks_numbers():
    process = subprocess.Popen([sys.executable, "-m", "migrate.cli", "sandbox", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = []
    try:
        url = wait_for_ready_line(process, 30, output)
        with httpx.Client(base_url=url) as http:
            assert http.get(f"/v2/lookup/{PHONE}", headers={"Authorization": "Bearer test-v2-key"}).status_code == 200
            assert http.get(f"/_sandbox/codes/{PHONE}").status_code == 404
    finally:
        status = stop(process)
    assert status in (0, -15)  # uvicorn re-raises the SIGTERM it handled, once it has shut down
    time.sleep(0.2)  # let the reader thread take the last lines
    log = "".join(output)
    assert "Finished server process" in log
    assert '"GET /v2/lookup/%2B*********78 HTTP/1.1" 200' in log  # uvicorn logs the path URL-quoted
    assert "/_sandbox/codes/%2B*********78" in log
    assert PHONE not in log and PHONE[1:] not in log


def test_import_compat_stays_free_of_the_server_stack():
    code = ("import sys, compat, compat.testing; "
            "assert not {'uvicorn', 'starlette'} & set(sys.modules), sorted(sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
