"""Adversarial v1 inputs found in review, one before/after pair per defect (each pair failed
before its fix), every output checked for idempotence; then a v1 program written the way real
teams write it (aliases, a client on `self`, a module-level client, reversed comparisons) is
rewritten and executed against the v2 fake with the real `prelude_python_sdk`."""
from __future__ import annotations

import types
from textwrap import dedent

import pytest

from codemods.sdk.calls import SdkCallsCodemod
from codemods.sdk.errors import SdkErrorsCodemod
from codemods.sdk.imports import SdkImportsCodemod
from codemods.sdk.responses import SdkResponsesCodemod
from codemod_sdk_helpers import assert_pair_then_idempotent, run_codemod
from compat.testing import FakeV1, FakeV2
from migrate.rewrite import rewrite_source

SDK_CODEMODS = ["sdk-responses", "sdk-errors", "sdk-client", "sdk-calls", "sdk-imports"]
ENUM_TODO = "v2 statuses and error codes are plain strings with new values"

PAIRS = [
    # An annotated result (`res: Response = ...`) was not followed: `res.status_code` got no TODO.
    ("responses-annotated-result", SdkResponsesCodemod, '''
        from ding.models import components, operations

        def send(client, phone):
            res: operations.CreateAuthenticationResponse = client.otp.create_authentication(
                components.CreateAuthenticationRequest(customer_uuid="u", phone_number=phone))
            if res.status_code != 200:
                raise RuntimeError("failed")
            return res.create_authentication_response.authentication_uuid
        ''', '''
        from ding.models import components, operations

        def send(client, phone):
            res: operations.CreateAuthenticationResponse = client.otp.create_authentication(
                components.CreateAuthenticationRequest(customer_uuid="u", phone_number=phone))
            # TODO(prelude-migration): v1 response wrapper field 'status_code' is gone: v2 returns the model and raises on HTTP errors; use with_raw_response for status/headers
            if res.status_code != 200:
                raise RuntimeError("failed")
            return res.id
        '''),
    # A status returned (or stored) leaves with v2 values the callers do not expect; and
    # `.status.value` outside a comparison stayed (v2 statuses are plain strings).
    ("responses-status-value-escapes", SdkResponsesCodemod, '''
        from ding.models import components

        def verify(client, phone, auth, code):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))
            status = res.create_check_response.status
            log("status %s", status)
            if status == components.CheckStatus.VALID:
                return True
            return status, res.create_check_response.status.value
        ''', f'''
        from ding.models import components

        def verify(client, phone, auth, code):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))
            status = res.status
            log("status %s", status)
            if status == "success":
                return True
            return status, res.status
        '''),
    # `"valid" == res...status` was left as is: always False on v2 (the status is "success").
    ("responses-literal-on-the-left", SdkResponsesCodemod, '''
        from ding.models import components

        def verify(phone, auth, code):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))
            ok = "valid" == res.create_check_response.status
            bad = components.CheckStatus.VALID != res.create_check_response.status
            return ok, bad
        ''', '''
        from ding.models import components

        def verify(phone, auth, code):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))
            ok = res.status == "success"
            bad = res.status != "success"
            return ok, bad
        '''),
    # `errors.Code.X == e.code` kept the v1 enum: always False on v2.
    ("errors-enum-on-the-left", SdkErrorsCodemod, '''
        from ding.models import errors

        def send(client, req):
            try:
                return client.otp.create_authentication(req)
            except errors.ErrorResponse as e:
                if errors.Code.NEGATIVE_BALANCE == e.code:
                    return None
                raise
        ''', '''
        from ding.models import errors
        import prelude_python_sdk

        def send(client, req):
            try:
                return client.otp.create_authentication(req)
            except prelude_python_sdk.BadRequestError as e:
                if (e.body.get("code") if isinstance(e.body, dict) else None) == "insufficient_balance":
                    return None
                raise
        '''),
    # A code returned (or stored) from the handler silently changed its values.
    ("errors-code-value-escapes", SdkErrorsCodemod, '''
        from ding.models import errors

        def send(client, req):
            try:
                return client.otp.create_authentication(req)
            except errors.ErrorResponse as e:
                log("failed: %s", e.code)
                return e.code.value
        ''', '''
        from ding.models import errors
        import prelude_python_sdk

        def send(client, req):
            try:
                return client.otp.create_authentication(req)
            except prelude_python_sdk.BadRequestError as e:
                log("failed: %s", (e.body.get("code") if isinstance(e.body, dict) else None))
                # TODO(prelude-migration): v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); map the values this code is compared with downstream
                return (e.body.get("code") if isinstance(e.body, dict) else None)
        '''),
    # `isinstance(e, errors.ErrorResponse)` and tuples of classes kept the v1 class: never true
    # on v2. And `except (errors.ErrorResponse, ValueError)` lost ValueError.
    ("errors-class-references", SdkErrorsCodemod, '''
        from ding.models import errors

        RETRYABLE = (errors.SDKError,)

        def send(client, req):
            try:
                return client.otp.create_authentication(req)
            except (errors.ErrorResponse, ValueError):
                return None
            except Exception as e:
                if isinstance(e, errors.ErrorResponse):
                    return None
                raise
        ''', '''
        from ding.models import errors
        import prelude_python_sdk

        RETRYABLE = (prelude_python_sdk.APIStatusError,)

        def send(client, req):
            try:
                return client.otp.create_authentication(req)
            except (prelude_python_sdk.BadRequestError, ValueError):
                return None
            except Exception as e:
                if isinstance(e, prelude_python_sdk.BadRequestError):
                    return None
                raise
        '''),
    # Once sdk-client had rewritten the constructor nothing was v1 evidence any more, so a
    # `.otp.retry(req)` left on the Prelude client got no TODO.
    ("calls-otp-on-a-rewritten-client", SdkCallsCodemod, '''
        from prelude_python_sdk import Prelude

        client = Prelude(api_token=KEY, max_retries=0)

        def resend(req):
            return client.otp.retry(req)
        ''', '''
        from prelude_python_sdk import Prelude

        client = Prelude(api_token=KEY, max_retries=0)

        def resend(req):
            # TODO(prelude-migration): v2 has no retry endpoint; re-creating the verification within its window re-sends the code
            # TODO(prelude-migration): v2 retry needs the phone number (v1 used authentication_uuid); pass the number the verification was created for
            return client.otp.retry(req)
        '''),
    # `to_thread(client.otp.check, req)`: the method is passed on, never called here; to_thread
    # would pass v2 keywords on, but the request `req` is not built here.
    ("calls-uncalled-method-reference", SdkCallsCodemod, '''
        import asyncio
        import ding

        client = ding.Ding(api_key=KEY)

        async def verify(req):
            return await asyncio.to_thread(client.otp.check, req)
        ''', '''
        import asyncio
        import ding

        client = ding.Ding(api_key=KEY)

        async def verify(req):
            # TODO(prelude-migration): v1 method client.otp.check is passed on uncalled; call the v2 method (client.verification...) instead
            # TODO(prelude-migration): the request object `req` is not a single-use local model; move its fields by hand
            return await asyncio.to_thread(client.otp.check, req)
        '''),
    # A comprehension variable named like the proven phone number shadowed it: the check was
    # rewritten with the wrong number and no TODO.
    ("calls-phone-shadowed-in-a-comprehension", SdkCallsCodemod, '''
        from ding.models import components as c

        def verify_all(client, phone_number, code, pairs):
            client.otp.create_authentication(c.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone_number))
            return [client.otp.check(c.CreateCheckRequest(customer_uuid=C, authentication_uuid=a, check_code=code)) for phone_number, a in pairs]
        ''', '''
        from ding.models import components as c

        def verify_all(client, phone_number, code, pairs):
            client.verification.create(target={"type": "phone_number", "value": phone_number})
            # TODO(prelude-migration): v2 check needs the phone number (v1 used authentication_uuid); pass the number the verification was created for
            return [client.otp.check(c.CreateCheckRequest(customer_uuid=C, authentication_uuid=a, check_code=code)) for phone_number, a in pairs]
        '''),
    # Comments inside a request model (or after its deleted assignment) were dropped.
    ("calls-comments-inside-the-request-are-kept", SdkCallsCodemod, '''
        from ding.models import components

        def send(client, phone_number):
            req = components.CreateAuthenticationRequest(
                customer_uuid=CUSTOMER,  # our account
                phone_number=phone_number,
            )  # built here
            res = client.otp.create_authentication(req)
            return client.otp.create_authentication(components.CreateAuthenticationRequest(
                customer_uuid=CUSTOMER,
                phone_number=phone_number,
                locale="fr-FR",  # French users
            ))
        ''', '''
        from ding.models import components

        def send(client, phone_number):
            # our account
            # built here
            res = client.verification.create(target={"type": "phone_number", "value": phone_number})
            # French users
            return client.verification.create(
                target={"type": "phone_number", "value": phone_number},
                options={"locale": "fr-FR"},
            )
        '''),
    # A request variable also given to other code became a dict there without a word.
    ("calls-shared-request-given-to-other-code", SdkCallsCodemod, '''
        from ding.models import components

        def send(client, phone_number):
            req = components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone_number)
            audit(req)
            return client.otp.create_authentication(req)
        ''', '''
        from ding.models import components

        def send(client, phone_number):
            req = {"target": {"type": "phone_number", "value": phone_number}}
            # TODO(prelude-migration): `req` is now a dict of verification.create arguments, not a v1 request model
            audit(req)
            return client.verification.create(**req)
        '''),
    # `otp = client.otp; otp.check(req)`: the namespace kept in a variable was not seen at all.
    ("calls-otp-namespace-kept-aside", SdkCallsCodemod, '''
        import ding

        client = ding.Ding(api_key=KEY)
        otp = client.otp
        ''', '''
        import ding

        client = ding.Ding(api_key=KEY)
        # TODO(prelude-migration): v1 namespace client.otp is kept aside; v2 has no otp namespace: call client.verification... where it is used
        otp = client.otp
        '''),
    # The client import outlived the constructor it served (no models import left as evidence).
    ("imports-client-import-after-constructor-rewrite", SdkImportsCodemod, '''
        from ding import Ding
        from prelude_python_sdk import Prelude

        def make(key) -> Ding:
            return Prelude(api_token=key, max_retries=0)
        ''', '''
        from prelude_python_sdk import Prelude

        def make(key) -> Prelude:
            return Prelude(api_token=key, max_retries=0)
        '''),
    # ding-api-client 1.1.0 (`import sdk`): its imports were never removed.
    ("imports-sdk-1-1-0-removed", SdkImportsCodemod, '''
        import sdk
        from sdk.models import components
        from prelude_python_sdk import Prelude

        s = Prelude(api_token=KEY, max_retries=0)
        ''', '''
        from prelude_python_sdk import Prelude

        s = Prelude(api_token=KEY, max_retries=0)
        '''),
    # `except ImportError: ding = None` silently turned the migrated client off.
    ("imports-import-guard", SdkImportsCodemod, '''
        from prelude_python_sdk import Prelude

        try:
            import ding
            from ding.models import components
        except ImportError:
            ding = None

        client = Prelude(api_token=KEY, max_retries=0) if ding is not None else None
        ''', '''
        from prelude_python_sdk import Prelude

        # TODO(prelude-migration): import guard around the v1 SDK: migrated code needs prelude_python_sdk, not ding; remove the fallback
        try:
            import ding
        except ImportError:
            ding = None

        client = Prelude(api_token=KEY, max_retries=0) if ding is not None else None
        '''),
    # Star imports hide every name; and a TODO above the first statement (parsed into the
    # module header) used to be added again on each run.
    ("imports-star-import", SdkImportsCodemod, '''
        from ding.models.components import *

        res = client.otp.create_authentication(CreateAuthenticationRequest(customer_uuid=C, phone_number=P))
        ''', '''
        # TODO(prelude-migration): star import from the v1 SDK: its names cannot be traced; import them by name, then re-run
        from ding.models.components import *

        res = client.otp.create_authentication(CreateAuthenticationRequest(customer_uuid=C, phone_number=P))
        '''),
    # A v1 status enum kept in a variable would later be compared with a v2 string.
    ("imports-leftover-status-enum", SdkImportsCodemod, '''
        from ding.models import components

        EXPECTED = components.CheckStatus.VALID

        def verify(res):
            return res.create_check_response.status == EXPECTED
        ''', f'''
        from ding.models import components

        # TODO(prelude-migration): v1 enum CheckStatus.VALID ('valid') is still used; {ENUM_TODO}
        EXPECTED = components.CheckStatus.VALID

        def verify(res):
            return res.create_check_response.status == EXPECTED
        '''),
    # String annotations kept `import ding` alive (an ImportError once ding is uninstalled).
    ("imports-string-annotations", SdkImportsCodemod, '''
        import ding
        from ding.models import operations

        def verify(client: "ding.Ding", auth) -> "operations.CheckResponse":
            return client.verification.check(target=T, code=auth)
        ''', '''
        import prelude_python_sdk.types
        from prelude_python_sdk import Prelude

        def verify(client: "Prelude", auth) -> "prelude_python_sdk.types.VerificationCheckResponse":
            return client.verification.check(target=T, code=auth)
        '''),
]


@pytest.mark.parametrize("name,codemod,before,after", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(name, codemod, before, after):
    assert_pair_then_idempotent(codemod, before, after)


CHAIN_INPUTS = {
    "module-level-and-param-clients": '''
        import ding as d
        from ding.models import components as c

        CLIENT = d.Ding("test-v1-key")

        def check_with(client: d.Ding, phone_number, auth_uuid, code):
            res = client.otp.check(c.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth_uuid, check_code=code))
            return c.CheckStatus.VALID == res.create_check_response.status

        def start(phone_number):
            return CLIENT.otp.create_autentication(c.CreateAuthenticationRequest(customer_uuid="u", phone_number=phone_number))
        ''',
    "positional-models-are-not-guessed": '''
        from ding import Ding
        from ding.models.components import CreateAuthenticationRequest, CreateCheckRequest

        client = Ding(api_key="test-v1-key")

        def start(a, b, c):
            return client.otp.create_authentication(CreateAuthenticationRequest(a, b, c))

        def look(a, b):
            return client.lookup.lookup(a, b)
        ''',
    "mutated-request-and-kwargs": '''
        from ding import Ding
        from ding.models import components

        client = Ding(api_key="test-v1-key")

        def start(phone_number, ip, **extra):
            req = components.CreateAuthenticationRequest(customer_uuid="u", phone_number=phone_number)
            req.ip = ip
            client.otp.create_authentication(req)
            return client.otp.create_authentication(components.CreateAuthenticationRequest(**extra))
        ''',
}


@pytest.mark.parametrize("name", list(CHAIN_INPUTS))
def test_chain_output_parses_is_idempotent_and_flags_what_it_cannot_map(name):
    before = dedent(CHAIN_INPUTS[name])
    once = rewrite_source(before, f"{name}.py", SDK_CODEMODS).text
    compile(once, name, "exec")
    assert rewrite_source(once, f"{name}.py", SDK_CODEMODS).text == once
    # every v1 call still in the output sits under a TODO
    lines = once.splitlines()
    for index, line in enumerate(lines):
        if ".otp." in line or ".lookup.lookup(a, b)" in line:
            above = lines[max(0, index - 3):index]
            assert any("TODO(prelude-migration)" in text for text in above), (name, line)


def test_positional_models_keep_their_arguments():
    out = rewrite_source(dedent(CHAIN_INPUTS["positional-models-are-not-guessed"]), "p.py", SDK_CODEMODS).text
    assert "CreateAuthenticationRequest(a, b, c)" in out and "client.lookup.lookup(a, b)" in out
    assert "changed order between v1 SDK versions" in out and "ding-client-sdk" in out


PROGRAM = '''
import ding as d
from ding.models import components as c, errors
from ding.models.components import CheckStatus

CUSTOMER = "00000000-0000-4000-8000-000000000001"


class Service:
    def __init__(self, key):
        self.sdk = d.Ding(api_key=key)

    def start(self, phone_number):
        try:
            res = self.sdk.otp.create_authentication(c.CreateAuthenticationRequest(
                customer_uuid=CUSTOMER, phone_number=phone_number))
        except errors.ErrorResponse as e:
            if errors.Code.INVALID_PHONE_NUMBER == e.code:
                return "invalid"
            raise
        return res.create_authentication_response.authentication_uuid

    def verify(self, phone_number, auth_uuid, code):
        res = self.sdk.otp.check(c.CreateCheckRequest(
            customer_uuid=CUSTOMER, authentication_uuid=auth_uuid, check_code=code))
        return CheckStatus.VALID == res.create_check_response.status, "valid" != res.create_check_response.status


def flow(service, phone_number, read_code):
    auth = service.start(phone_number)
    if auth == "invalid":
        return {"invalid": True}
    code = read_code(phone_number)
    wrong = "".join("1" if digit != "1" else "2" for digit in code)
    return {"wrong": service.verify(phone_number, auth, wrong), "right": service.verify(phone_number, auth, code)}
'''


def _load(source: str, name: str):
    module = types.ModuleType(name)
    exec(compile(source, name, "exec"), module.__dict__)
    return module


def test_adversarial_program_behaves_the_same_on_v2():
    v1 = FakeV1(api_key="test-v1-key", customer_uuid="00000000-0000-4000-8000-000000000001")
    program = _load(PROGRAM, "v1_adversarial")
    with v1.serve_requests():
        service = program.Service("test-v1-key")
        v1_results = [program.flow(service, phone, v1.last_code) for phone in ("+33612345678", "0612")]

    migrated = rewrite_source(PROGRAM, "adversarial.py", SDK_CODEMODS).text
    assert "import ding" not in migrated and "from ding" not in migrated
    v2 = FakeV2(api_key="test-v2-key")
    program = _load(migrated, "v2_adversarial")
    with v2.serve_httpx():
        service = program.Service("test-v2-key")
        v2_results = [program.flow(service, phone, v2.last_code) for phone in ("+33612345678", "0612")]

    assert v1_results[0] == {"wrong": (False, True), "right": (True, False)}
    assert v2_results == v1_results
    assert [(r.method, r.path) for r in v2.requests][:3] == [
        ("POST", "/v2/verification"), ("POST", "/v2/verification/check"), ("POST", "/v2/verification/check")]


def test_v2_part_of_a_mixed_file_is_untouched():
    before = dedent('''
        import ding
        from ding.models import components
        from prelude_python_sdk import Prelude

        old = ding.Ding(api_key="test-v1-key")
        new = Prelude(api_token="test-v2-key")

        def send(phone):
            b = new.verification.create(target={"type": "phone_number", "value": phone})
            c = new.lookup.lookup(phone, type=["cnam"])
            return b.status == "success", c.line_type
        ''')
    after = rewrite_source(before, "mixed.py", SDK_CODEMODS).text
    assert after.split("def send", 1)[1] == before.split("def send", 1)[1]
    assert 'new = Prelude(api_token="test-v2-key")' in after
    assert run_codemod(SdkCallsCodemod, after) == after


def test_doorbell_named_ding_beside_a_v2_client_is_left_alone():
    # A built v2 client with the v1 client import counts as v1 only once no `Ding(...)` is left.
    source = dedent('''
        from ding import Ding
        from prelude_python_sdk import Prelude

        bell = Ding("front door")
        client = Prelude(api_token="test-v2-key")

        def ring():
            bell.ring()
            return client.verification.create(target={"type": "phone_number", "value": "+33612345678"})
        ''')
    assert rewrite_source(source, "bell.py", SDK_CODEMODS).text == source
