"""The SDK codemods together, in registry order: the worked example of sdk-surfaces §3.9,
idempotence of the whole chain over every before/after pair, and libcst's own codemod runner."""
from __future__ import annotations

import subprocess
import sys
from textwrap import dedent

import libcst as cst
import pytest

import test_codemod_sdk_calls
import test_codemod_sdk_client
import test_codemod_sdk_errors
import test_codemod_sdk_imports
import test_codemod_sdk_responses
from codemods.registry import CODEMOD_CLASSES, all_codemods
from codemod_sdk_helpers import NOOP_SOURCES
from migrate.rewrite import rewrite_source

SDK_CODEMODS = ["sdk-value-flow", "sdk-responses", "sdk-errors", "sdk-client", "sdk-calls", "sdk-imports"]

BEFORE = '''
import ding
from ding.models import components, errors

client = ding.Ding(api_key=settings.DING_KEY, server_idx=0)

def send(phone, ip):
    try:
        res = client.otp.create_authentication(request=components.CreateAuthenticationRequest(
            customer_uuid=settings.DING_CUSTOMER, phone_number=phone, ip=ip,
            device_type=components.DeviceType.WEB, is_returning_user=True))
    except errors.ErrorResponse as e:
        raise SendFailed(e.code, e.message)
    return res.create_authentication_response.authentication_uuid

def verify(auth_id, code):
    res = client.otp.check(components.CreateCheckRequest(
        customer_uuid=settings.DING_CUSTOMER, authentication_uuid=auth_id, check_code=code))
    return res.create_check_response.status == components.CheckStatus.VALID
'''

AFTER = '''
from ding.models import components
import prelude_python_sdk
from prelude_python_sdk import Prelude

# TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
client = Prelude(api_token=settings.DING_KEY, max_retries=0)

def send(phone, ip):
    try:
        # TODO(prelude-migration): was is_returning_user; use is_trusted_user only if agreed with Prelude
        # TODO(prelude-migration): v1 left a request field out when its value was None, v2 sends a None entry as null: `ip` may be None here; leave the key out when it is (whether v2 accepts null there is not documented)
        res = client.verification.create(
            target={"type": "phone_number", "value": phone},
            signals={"ip": ip, "device_platform": "web", "existing_user": True},
        )
    except prelude_python_sdk.BadRequestError as e:
        # TODO(prelude-migration): v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); map the values this code is compared with downstream
        raise SendFailed((e.body.get("code") if isinstance(e.body, dict) else None), (e.body.get("message") if isinstance(e.body, dict) else e.message))
    return res.id

def verify(auth_id, code):
    # TODO(prelude-migration): v2 check needs the phone number (v1 used authentication_uuid); pass the number the verification was created for
    res = client.otp.check(components.CreateCheckRequest(
        customer_uuid=settings.DING_CUSTOMER, authentication_uuid=auth_id, check_code=code))
    # TODO(prelude-migration): reads the response of a v1 call left on v1 under its TODO: on the rewritten v2 client that call raises until it is moved by hand; move this read with it
    # TODO(prelude-migration): v1 enum CheckStatus.VALID ('valid') is still used; v2 statuses and error codes are plain strings with new values
    return res.create_check_response.status == components.CheckStatus.VALID
'''


def test_sdk_codemods_are_registered_first_in_run_order():
    assert list(all_codemods())[:len(SDK_CODEMODS)] == SDK_CODEMODS
    assert all(spec.startswith("codemods.sdk.") for spec in CODEMOD_CLASSES[:len(SDK_CODEMODS)])
    for codemod in list(all_codemods().values())[:len(SDK_CODEMODS)]:
        assert codemod.DESCRIPTION and all(t == t.lower() for t in codemod.TRIGGERS)


def test_worked_example_end_to_end():
    result = rewrite_source(BEFORE, "example.py", SDK_CODEMODS)
    assert result.text == AFTER
    assert result.todos == 7
    assert rewrite_source(result.text, "example.py", SDK_CODEMODS).changed is False


ALL_PAIRS = [
    (module.__name__.rsplit("_", 1)[-1] + ":" + case[0], case)
    for module in (test_codemod_sdk_calls, test_codemod_sdk_client, test_codemod_sdk_errors,
                   test_codemod_sdk_imports, test_codemod_sdk_responses)
    for case in module.PAIRS if not case[0].startswith("noop-")
] + [("noop-" + name, ("noop-" + name, source, source)) for name, source in NOOP_SOURCES.items()]


@pytest.mark.parametrize("case", [c for _, c in ALL_PAIRS], ids=[i for i, _ in ALL_PAIRS])
def test_whole_chain_is_idempotent_on_every_pair(case):
    once = rewrite_source(dedent(case[1]), "pair.py", SDK_CODEMODS).text
    cst.parse_module(once)
    assert rewrite_source(once, "pair.py", SDK_CODEMODS).text == once
    if case[0].startswith("noop-"):  # look-alikes and v2 code stay byte-for-byte identical
        assert once == dedent(case[1])


def test_runs_under_libcst_own_codemod_tool(tmp_path):
    (tmp_path / ".libcst.codemod.yaml").write_text(
        "modules:\n- codemods\nrepo_root: .\ngenerated_code_marker: '@generated'\n"
        "formatter: []\nblacklist_patterns: []\n")
    app = tmp_path / "app.py"
    app.write_text("import ding\nclient = ding.Ding(api_key=KEY)\n")
    done = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "--hide-progress",
         "libcst_commands.SdkClientCodemod", "-j", "1", str(app)],
        cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert app.read_text() == (
        "import ding\nfrom prelude_python_sdk import Prelude\n\n"
        "# TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key\n"
        "client = Prelude(api_token=KEY, max_retries=0)\n")
