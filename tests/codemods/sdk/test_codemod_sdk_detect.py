"""The shared v1 SDK detection (codemods.detect): precise on aliases and receivers, silent on
look-alikes (sdk-surfaces §3.1)."""
from __future__ import annotations

from textwrap import dedent

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper

from codemods.detect import SDK_TRIGGERS, find_sdk_usages
from codemods.sdk.analysis import analyze
from codemods.sdk.model import has_trigger
from codemods.core.usage import KINDS
from codemod_sdk_helpers import NOOP_SOURCES


def usages(source: str):
    return [(u.kind, u.detail, u.line) for u in find_sdk_usages(dedent(source))]


def test_aliases_receivers_and_kinds():
    found = usages('''
        import ding as d
        from ding.models import components as c, errors

        client = d.Ding(api_key="test-v1-key")

        class Service:
            def __init__(self):
                self.api = d.Ding(api_key="test-v1-key")

            def send(self, phone):
                return self.api.otp.create_authentication(c.CreateAuthenticationRequest(
                    customer_uuid="u", phone_number=phone, callback_url="https://x.test/hook"))

        def verify(auth, code):
            try:
                return client.otp.check(c.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))
            except errors.ErrorResponse:
                return None

        def inline(phone):
            return d.Ding(api_key="k").lookup.lookup(phone, "customer-uuid")
        ''')
    assert ("sdk-import", "import ding as d", 2) in found
    assert ("sdk-client", "d.Ding", 5) in found and ("sdk-client", "d.Ding", 9) in found
    assert ("sdk-call", "create", 12) in found
    assert ("callback-url", "callback_url", 13) in found
    assert ("sdk-call", "check", 17) in found
    assert ("sdk-error", "ErrorResponse", 18) in found
    assert ("sdk-call", "lookup", 22) in found
    assert {kind for kind, _, _ in found} <= set(KINDS)


def test_positions_are_one_based_and_cover_the_node():
    [call] = [u for u in find_sdk_usages('from ding.models import components\nclient.otp.retry()\n')
              if u.kind == "sdk-call"]
    assert (call.line, call.column, call.end_line, call.end_column) == (2, 1, 2, 19)
    assert call.detail == "retry" and call.fixable is False


def test_from_import_alias_and_annotated_parameter():
    found = usages('''
        from ding import Ding as D

        def use(client: D, auth):
            return client.otp.get_authentication_status(auth)
        ''')
    assert ("sdk-call", "status", 5) in found
    assert ("sdk-import", "from ding import Ding as D", 2) in found


@pytest.mark.parametrize("name", sorted(NOOP_SOURCES))
def test_look_alikes_and_v2_code_are_not_v1(name):
    analysis = analyze(dedent(NOOP_SOURCES[name]))
    assert analysis.uses_v1 is False
    assert analysis.usages == []


def test_from_ding_import_ding_alone_is_not_evidence_but_api_key_is():
    assert find_sdk_usages("from ding import Ding\nclient = Ding('door')\n") == []
    found = usages("from ding import Ding\nclient = Ding(api_key=KEY)\n")
    assert [k for k, _, _ in found] == ["sdk-import", "sdk-client"]


def test_otp_call_on_a_constructed_client_is_evidence():
    found = usages("from ding import Ding\napp = Ding(KEY)\napp.otp.send(req)\n")
    assert ("sdk-call", "create", 3) in found  # `send` (ding-client-sdk 1.2.1) on a known client


def test_send_on_an_unknown_receiver_is_not_a_v1_call():
    found = usages("from ding.models import components\nmailer.otp.send(msg)\n")
    assert not any(kind == "sdk-call" for kind, _, _ in found)


def test_every_version_spelling():
    found = usages('''
        import sdk
        from sdk.models import components
        from ding.models import shared

        old = sdk.SDK(api_key="k")
        old.otp.create_autentication(components.CreateAuthenticationRequest(customer_uuid="u", phone_number="+33612345678"))
        git = get_client()
        git.otp.post_authentication(shared.CreateAuthenticationRequest(customer_uuid="u", phone_number="+33612345678"))
        git.otp.post_check(shared.CreateCheckRequest(customer_uuid="u", authentication_uuid="a", check_code="1"))
        git.lookup.post_lookup("u", lookup_request=shared.LookupRequest(phone_number="+33612345678"))
        ''')
    calls = [(detail, line) for kind, detail, line in found if kind == "sdk-call"]
    assert calls == [("create", 7), ("create", 9), ("check", 10), ("lookup", 11)]
    assert ("sdk-client", "sdk.SDK", 6) in found


def test_generic_sdk_package_needs_its_models_import():
    assert find_sdk_usages("import sdk\nclient = sdk.SDK(api_key='k')\nclient.run()\n") == []


def test_v2_lookup_with_one_argument_is_not_v1_but_two_positionals_are():
    v2 = "from prelude_python_sdk import Prelude\nc = Prelude()\nc.lookup.lookup(phone, type=['cnam'])\n"
    assert find_sdk_usages(v2) == []
    leftover = "from ding.models import components\nfrom prelude_python_sdk import Prelude\nc = Prelude()\nc.lookup.lookup(phone, CUSTOMER)\n"
    assert ("sdk-call", "lookup", 4) in usages(leftover)


def test_accepts_str_module_and_wrapper():
    source = "from ding.models import components\nclient.otp.check(req)\n"
    module = cst.parse_module(source)
    expected = find_sdk_usages(source)
    assert expected and find_sdk_usages(module) == expected
    assert find_sdk_usages(MetadataWrapper(module)) == expected


def test_check_phone_number_provenance():
    """The number comes only from the create whose id flows into the check (docs/codemods.md,
    "Phone numbers"); a create for another number, a lookup or a rebinding proves nothing."""
    analysis = analyze(dedent('''
        from ding.models import components

        def proven(number, code):
            res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid="u", phone_number=number))
            auth = res.create_authentication_response.authentication_uuid
            client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))

        def another_number(number, auth, code):
            client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid="u", phone_number=number))
            client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))

        def by_name(phone, auth, code):
            client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))

        def unknown(auth, code):
            client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))

        def reassigned(phone, auth, code):
            phone = normalise(phone)
            client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))

        def looked_up(phone, auth, code):
            client.otp.check(components.CreateCheckRequest(customer_uuid="u", authentication_uuid=auth, check_code=code))
            client.lookup.lookup(phone_number=phone, customer_uuid="u")

        def rebound_after_create(number, code):
            res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid="u", phone_number=number))
            number = other()
            client.otp.check(components.CreateCheckRequest(
                customer_uuid="u", authentication_uuid=res.create_authentication_response.authentication_uuid, check_code=code))
        '''))
    checks = [c for c in analysis.calls.values() if c.op == "check"]
    facts = [(getattr(c.phone, "value", None), c.phone_proven, c.phone_note is not None) for c in checks]
    assert facts == [("number", True, False), (None, False, False), ("phone", False, True), (None, False, False),
                     (None, False, False), (None, False, False), (None, False, False)]


def test_request_variable_single_use_and_shared():
    analysis = analyze(dedent('''
        from ding.models import components

        def once(phone):
            req = components.CreateAuthenticationRequest(customer_uuid="u", phone_number=phone)
            return client.otp.create_authentication(req)

        def twice(phone):
            req = components.CreateAuthenticationRequest(customer_uuid="u", phone_number=phone)
            log(req.phone_number)
            return client.otp.create_authentication(req)
        '''))
    once, twice = list(analysis.calls.values())
    assert once.request.model == "CreateAuthenticationRequest" and once.request.assignment is not None
    assert once.request.shared is False
    assert twice.request.shared is True and twice.request.problem is None
    assert [read.attr.value for read in twice.request.field_reads] == ["phone_number"]


def test_triggers_prefilter_every_detected_sample():
    samples = [
        "import ding\n", "from ding.models import errors\n", "import sdk\n", "client.otp.check(r)\n",
        "x.create_check_response.status\n", "s.otp.create_autentication(r)\n",
    ]
    for sample in samples:
        assert has_trigger(sample.encode()), sample
    assert not has_trigger(dedent(NOOP_SOURCES["encoding-only"]).encode())
    assert all(t == t.lower() and isinstance(t, bytes) for t in SDK_TRIGGERS)


def test_payload_reads_alone_are_evidence():
    analysis = analyze("def ok(res):\n    return res.create_check_response.status == 'valid'\n")
    assert analysis.uses_v1
    # ... but not rewritten: no visible call produced `res` (a TODO says what to read on v2)
    assert analysis.status_refs == {} and list(analysis.flow.unseen_reads.values()) == ["status"]
