"""The proxy's contract over HTTP: health and metrics, start-up refusals, body limit, legacy
/v2 forwarding, v2 faults answered once (never re-sent), sealed ids across processes,
graceful shutdown, masked access logs, several workers."""
import json
import re
import subprocess
import sys
import threading
import time

import httpx
import pytest
from click.testing import CliRunner

from migrate.cli import cli
from migrate.servers.proxy_auth import ClientKeys, keys_from, presented_key
from servers_helpers import CLIENT_KEY, CUSTOMER, PHONE, V2_KEY, proxy_process

HEADERS = {"X-API-Key": CLIENT_KEY}


def create(http, phone=PHONE):
    return http.post("/v1/authentication", json={"customer_uuid": CUSTOMER, "phone_number": phone}, headers=HEADERS)


def check(http, auth, code):
    return http.post("/v1/check", headers=HEADERS, json={
        "customer_uuid": CUSTOMER, "authentication_uuid": auth, "check_code": code})


@pytest.fixture
def http(proxy):
    with httpx.Client(base_url=proxy.url, timeout=30) as client:
        yield client


def metric(page, name, **labels):
    """The value of one sample of a Prometheus text page (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in page.splitlines():
        match = re.fullmatch(rf"{name}(?:\{{(.*)\}})? (\S+)", line)
        if match and ",".join(sorted((match.group(1) or "").split(","))) == wanted:
            return float(match.group(2))
    return 0.0


def test_healthz_answers_without_calling_v2(http, control):
    answer = http.get("/healthz")
    assert (answer.status_code, answer.json()) == (200, {"status": "ok"})
    assert control.requests() == []


def test_metrics_count_operations_outcomes_errors_and_v2_latency(http, control):
    before = http.get("/metrics").text
    auth = create(http).json()["authentication_uuid"]
    check(http, auth, "000")
    control.fail_next(status=400, code="insufficient_balance", path="/v2/verification")
    assert create(http, "+447700900123").json()["code"] == "negative_balance"
    http.post("/v1/check", json={}, headers={"X-API-Key": "wrong"})
    page = http.get("/metrics")
    assert page.headers["content-type"].startswith("text/plain")
    after = page.text

    def grew(name, **labels):
        return metric(after, name, **labels) - metric(before, name, **labels)

    assert grew("prelude_compat_requests_total", operation="create", outcome="pending") == 1
    assert grew("prelude_compat_requests_total", operation="check", outcome="invalid") == 1
    assert grew("prelude_compat_requests_total", operation="create", outcome="http_400") == 1
    assert grew("prelude_compat_requests_total", operation="check", outcome="refused_client_key") == 1
    assert grew("prelude_compat_errors_total", code="negative_balance") == 1
    assert grew("prelude_compat_errors_total", code="credentials") == 1
    assert grew("prelude_compat_v2_request_seconds_count", endpoint="/v2/verification") == 2
    assert grew("prelude_compat_v2_request_seconds_count", endpoint="/v2/verification/check") == 1
    assert PHONE[1:] not in after and CLIENT_KEY not in after


def test_bodies_over_the_limit_get_413_in_v1_shape_and_no_v2_call(http, control):
    answer = http.post("/v1/authentication", headers=HEADERS,
                       content=json.dumps({"customer_uuid": CUSTOMER, "phone_number": PHONE, "pad": "x" * 70_000}))
    assert answer.status_code == 413
    assert answer.json()["code"] == "bad_request"
    assert control.requests() == []


def test_legacy_v2_paths_are_forwarded_with_the_proxy_key(http, control):
    answer = http.post("/v2/transactional", json={"template_id": "tpl", "to": PHONE},
                       headers={"Authorization": f"Bearer {CLIENT_KEY}"})
    assert answer.status_code == 200
    assert answer.json()["to"] == PHONE
    (sent,) = control.requests()
    assert (sent["path"], sent["headers"]["authorization"]) == ("/v2/transactional", f"Bearer {V2_KEY}")
    refused = http.post("/v2/transactional", json={"template_id": "tpl", "to": PHONE},
                        headers={"Authorization": f"Bearer {V2_KEY}"})  # the v2 key is not a client key
    assert refused.status_code == 403
    assert len(control.requests()) == 1


@pytest.mark.parametrize("fault, status", [
    ({"kind": "disconnect"}, 502),
    ({"kind": "error", "status": 503, "code": "internal"}, 503),
])
def test_a_failed_create_is_sent_to_v2_exactly_once(http, control, fault, status):
    control.fail_next(path="/v2/verification", **fault)
    answer = create(http)
    assert answer.status_code == status
    assert answer.json()["code"] == "internal_server_error"
    assert len(control.requests(path="/v2/verification")) == 1


def test_invalid_json_from_v2_is_a_v1_error_and_not_resent(http, control):
    control.fail_next(kind="invalid_json", path="/v2/verification/check")
    auth = create(http).json()["authentication_uuid"]
    answer = check(http, auth, control.last_code(PHONE))
    assert answer.status_code >= 500
    assert answer.json()["code"] == "internal_server_error"
    assert len(control.requests(path="/v2/verification/check")) == 1


def test_a_v2_timeout_is_a_v1_504_after_one_attempt(sandbox, control):
    control.timeout_next(path="/v2/verification", seconds=30)
    with proxy_process(sandbox.url, "--v2-timeout", "0.5", "--no-access-log") as slow, \
            httpx.Client(base_url=slow.url, timeout=30) as http:
        answer = create(http)
    assert answer.status_code == 504
    assert answer.json()["code"] == "internal_server_error"
    assert len(control.requests(path="/v2/verification")) == 1


def test_sealed_ids_work_across_processes_without_a_store(proxy, sandbox, control):
    with proxy_process(sandbox.url, "--no-access-log") as other, httpx.Client() as http:
        created = http.post(proxy.url + "/v1/authentication", headers=HEADERS,
                            json={"customer_uuid": CUSTOMER, "phone_number": PHONE}).json()
        checked = http.post(other.url + "/v1/check", headers=HEADERS, json={
            "customer_uuid": CUSTOMER, "authentication_uuid": created["authentication_uuid"],
            "check_code": control.last_code(PHONE)})
    assert checked.json() == {"authentication_uuid": created["authentication_uuid"], "status": "valid"}
    assert control.requests(path="/v2/verification/check")[0]["json"]["target"]["value"] == PHONE


def test_a_proxy_with_another_v2_key_does_not_accept_the_ids(proxy, sandbox, control):
    created = httpx.post(proxy.url + "/v1/authentication", headers=HEADERS,
                         json={"customer_uuid": CUSTOMER, "phone_number": PHONE}).json()
    with proxy_process(sandbox.url, "--no-access-log", env={"API_TOKEN": "another-v2-key"}) as stranger:
        answer = httpx.post(stranger.url + "/v1/check", headers=HEADERS, json={
            "customer_uuid": CUSTOMER, "authentication_uuid": created["authentication_uuid"], "check_code": "1"})
    assert (answer.status_code, answer.json()["code"]) == (400, "invalid_auth_uuid")
    assert control.requests(path="/v2/verification/check") == []


def test_sigterm_finishes_in_flight_requests_then_exits(sandbox, control):
    control.set_latency(1500)
    results = {}
    with proxy_process(sandbox.url, "--graceful-seconds", "20") as server:
        def call():
            results["answer"] = create(httpx.Client(base_url=server.url, timeout=30))

        caller = threading.Thread(target=call)
        caller.start()
        deadline = time.monotonic() + 20
        while not control.requests() and time.monotonic() < deadline:  # the call reached v2
            time.sleep(0.05)
        server.process.terminate()
        caller.join(30)
    assert results["answer"].status_code == 200
    assert results["answer"].json()["status"] == "pending"
    assert server.returncode in (0, -15)  # uvicorn re-raises the SIGTERM it handled
    log = "".join(server.output)
    assert "Shutting down" in log and "Finished server process" in log
    # the access log masks the number and never shows a key
    assert '"POST /v1/authentication HTTP/1.1" 200' in log
    assert CLIENT_KEY not in log and V2_KEY not in log and PHONE[1:] not in log


def test_several_workers_share_the_metrics(sandbox):
    with proxy_process(sandbox.url, "--workers", "2", "--no-access-log") as server, \
            httpx.Client(base_url=server.url, timeout=30) as http:
        for _ in range(6):
            assert http.get(f"/v1/lookup/{PHONE}", headers=HEADERS).status_code == 200
            http.close()  # new connection each time: both workers get a share
            http = httpx.Client(base_url=server.url, timeout=30)
        page = http.get("/metrics").text
        http.close()
    assert metric(page, "prelude_compat_requests_total", operation="lookup", outcome="ok") == 6


def test_start_up_refusals():
    runner = CliRunner()
    no_key = runner.invoke(cli, ["proxy", "--port", "0"], env={"API_TOKEN": "", "PRELUDE_COMPAT_CLIENT_KEYS": "x"})
    assert no_key.exit_code == 2 and "API_TOKEN" in no_key.output
    no_client = runner.invoke(cli, ["proxy", "--port", "0"],
                              env={"API_TOKEN": V2_KEY, "PRELUDE_COMPAT_CLIENT_KEYS": " , "})
    assert no_client.exit_code == 2 and "--insecure-no-client-auth" in no_client.output
    comma = runner.invoke(cli, ["proxy", "--client-key", "a,b"], env={"API_TOKEN": V2_KEY})
    assert comma.exit_code == 2


def test_insecure_no_client_auth_serves_anyone(sandbox, control):
    with proxy_process(sandbox.url, "--insecure-no-client-auth", "--no-access-log",
                       env={"PRELUDE_COMPAT_CLIENT_KEYS": ""}) as open_proxy:
        answer = httpx.get(f"{open_proxy.url}/v1/lookup/{PHONE}")
    assert answer.status_code == 200
    assert "NO CLIENT AUTH" in "".join(open_proxy.output)


def test_client_keys_compare_every_key_and_read_both_headers():
    keys = ClientKeys(keys_from(" k1 , k2,,"))
    assert len(keys) == 2
    assert keys.accepts("k2") and keys.accepts("k1")
    assert not keys.accepts("k") and not keys.accepts("k1 ") and not keys.accepts("") and not keys.accepts(None)
    assert presented_key({"x-api-key": "k1"}, legacy_v2=False) == "k1"
    assert presented_key({"authorization": "Bearer k2"}, legacy_v2=False) is None
    assert presented_key({"authorization": "Bearer k2"}, legacy_v2=True) == "k2"
    assert presented_key({"authorization": "Basic k2"}, legacy_v2=True) is None


def test_help_lists_the_proxy_and_its_options():
    helped = subprocess.run([sys.executable, "-m", "migrate.cli", "proxy", "--help"], capture_output=True, text=True)
    for option in ("--workers", "--client-key", "--insecure-no-client-auth", "--redis-url", "--v2-timeout",
                   "--max-body-bytes", "--graceful-seconds"):
        assert option in helped.stdout


def test_server_timing_tells_the_time_spent_on_v2(http, control):
    control.set_latency(300)
    answer = create(http)
    match = re.fullmatch(r"v2;dur=([0-9.]+), v2-calls;desc=1", answer.headers["server-timing"])
    assert match and float(match.group(1)) >= 290
    assert answer.elapsed.total_seconds() * 1000 >= float(match.group(1))
