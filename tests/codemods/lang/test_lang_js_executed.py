"""Executed JS/TS migrations: each v1 program runs with Node on the v1 API of the sandbox, is
rewritten by ``prelude-migrate rewrite``, and runs again on the v2 API: same output, and the v2
requests on the wire are the ones the reference gives (Bearer key, v2 paths, target, no
customer_uuid). Skipped only where Node or tests/node/node_modules is missing (.ci/run installs both)."""
from __future__ import annotations

import json

import pytest

from migrate.cli import cli
from node_programs import CUSTOMER, PHONE, V1_KEY, V2_KEY, install, node_ready, run
from rewrite_helpers import cli_runner

pytestmark = pytest.mark.skipif(not node_ready(), reason="node or tests/node/node_modules missing (.ci/run installs both)")

# program, arguments, the v2 requests expected (method, path), the output both runs print
CASES = {
    "fetch_login.mjs": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification/check")],
                        ['{"sent":true,"verified":true,"idIsText":true}']),
    "axios_service.mjs": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification/check")],
                          ['{"result":"welcome"}']),
    "got_two_tries.mjs": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification/check"),
                                    ("POST", "/v2/verification/check")], ['{"first":false,"second":true}']),
    "ky_resend.mjs": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification"),
                                ("POST", "/v2/verification/check")], ['{"resent":true,"verified":true}']),
    "node_fetch_lookup.mjs": ([PHONE], [("GET", f"/v2/lookup/{PHONE}")], None),
    "deno_handler.mjs": ([json.dumps({"phone": PHONE}), json.dumps({"phone": "0612"})],
                         [("POST", "/v2/verification"), ("POST", "/v2/verification")],
                         ['{"status":200,"body":{"started":true}}', '{"status":400,"body":{"error":"bad number"}}']),
    "axios_errors.mjs": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification")],
                         ['{"good":"sent","bad":"please check the number"}']),
    "fetch_signals.mjs": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification/check")],
                          ['{"screen":"home"}']),
    # TypeScript (tests/data/lang/ts), transpiled with the typescript package before each run
    "axios_service.ts": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification/check")],
                         ['{"sent":true,"verified":true}']),
    "deno_handler.ts": ([json.dumps({"phone": PHONE}), json.dumps({"phone": "0612"})],
                        [("POST", "/v2/verification"), ("POST", "/v2/verification")],
                        ['{"status":200,"body":{"started":true}}', '{"status":400,"body":{"error":"bad number"}}']),
    "got_typed_reads.ts": ([PHONE], [("POST", "/v2/verification"), ("POST", "/v2/verification/check")],
                           ['{"sent":true,"ok":true}']),
    "route_login.ts": ([json.dumps({"phone": PHONE, "code": "000000"})],
                       [("POST", "/v2/verification"), ("POST", "/v2/verification/check")],
                       ['{"status":200,"body":{"sent":true,"verified":false}}']),
}


@pytest.mark.parametrize("program", sorted(CASES))
def test_rewritten_program_behaves_the_same_on_v2(program, sandbox, tmp_path):
    args, expected_calls, expected_output = CASES[program]
    path = install(program, tmp_path)
    before = run(path, sandbox, "v1", args)
    v1_calls = sandbox.control.requests()
    assert v1_calls and {c["api"] for c in v1_calls} == {"v1"}
    assert all(c["headers"].get("x-api-key") == V1_KEY for c in v1_calls)

    result = cli_runner().invoke(cli, ["rewrite", str(path)])
    assert result.exit_code == 0, result.stderr
    rewritten = path.read_text()
    assert "api.ding.live" not in rewritten and "customer_uuid" not in rewritten
    sandbox.control.reset()
    after = run(path, sandbox, "v2", args)

    assert after == before
    if expected_output is not None:
        assert before == expected_output
    calls = sandbox.control.requests()
    assert [(c["method"], c["path"]) for c in calls] == expected_calls
    for call in calls:
        assert call["api"] == "v2"
        assert call["headers"].get("authorization") == f"Bearer {V2_KEY}"
        assert "x-api-key" not in call["headers"] and "customer-uuid" not in call["headers"]
        if call["method"] == "POST":
            assert call["json"]["target"]["type"] == "phone_number"
            assert "customer_uuid" not in json.dumps(call["json"])
    # idempotent: a second rewrite changes nothing
    again = cli_runner().invoke(cli, ["rewrite", "--check", str(path)])
    assert again.exit_code == 0, again.stderr


def test_the_v2_bodies_carry_the_moved_fields(sandbox, tmp_path):
    path = install("fetch_signals.mjs", tmp_path)
    cli_runner().invoke(cli, ["rewrite", str(path)])
    run(path, sandbox, "v2", [PHONE])
    create, check = sandbox.control.requests()
    assert create["json"] == {
        "target": {"type": "phone_number", "value": PHONE},
        "signals": {"device_id": "device-42", "device_platform": "ios", "os_version": "17.4"},
        "metadata": {"correlation_id": "signup-7"},
    }
    assert set(check["json"]) == {"target", "code"} and check["json"]["target"]["value"] == PHONE
    assert CUSTOMER not in json.dumps(create["json"])


# program, its output (the one the v1 SDK gave on that flow, by hand), the v2 requests, the create body.
# JS and TypeScript (non-null assertions, typed callbacks, an interface).
SDK_CASES = {
    "sdk_login.mjs": ('{"sent":true,"wrong":false,"right":true,"country":"FR"}',
                      ["/v2/verification", "/v2/verification/check", "/v2/verification/check", f"/v2/lookup/{PHONE}"],
                      {"device_platform": "android", "app_version": "3.1.0"}),
    "sdk_signup.ts": ('{"sent":true,"verified":true,"country":"FR"}',
                      ["/v2/verification", "/v2/verification/check", f"/v2/lookup/{PHONE}"],
                      {"device_platform": "ios", "app_version": "5.0.1"}),
}


@pytest.mark.parametrize("program", sorted(SDK_CASES))
def test_v1_sdk_program_runs_on_the_real_prelude_sdk(program, sandbox, tmp_path):
    # @ding-live/ding is not in the npm registry: the v1 side cannot run; the rewritten program
    # runs with the real @prelude.so/sdk.
    output, paths, signals = SDK_CASES[program]
    path = install(program, tmp_path)
    result = cli_runner().invoke(cli, ["rewrite", str(path)])
    assert result.exit_code == 0, result.stderr
    rewritten = path.read_text()
    assert 'from "@ding-live/ding"' not in rewritten and 'import Prelude from "@prelude.so/sdk";' in rewritten
    assert run(path, sandbox, "v2", [PHONE]) == [output]
    calls = sandbox.control.requests()
    assert [c["path"] for c in calls] == paths
    assert calls[0]["json"] == {"target": {"type": "phone_number", "value": PHONE}, "signals": signals}
    assert calls[1]["json"]["target"] == {"type": "phone_number", "value": PHONE} and "code" in calls[1]["json"]
    assert all(c["headers"]["authorization"] == f"Bearer {V2_KEY}" for c in calls)
    if program == "sdk_login.mjs":
        assert calls[1]["json"]["code"] == "000000"  # the wrong code first


def test_a_typescript_program_is_run_as_transpiled_from_its_current_text(sandbox, tmp_path):
    # the runner transpiles the file as it is now, each run: a syntax error in it fails the run
    path = install("route_login.ts", tmp_path)
    path.write_text(path.read_text().replace("export async function POST(", "export async function POST(("))
    with pytest.raises(AssertionError, match="does not transpile"):
        run(path, sandbox, "v1", [json.dumps({"phone": PHONE, "code": "000000"})])
