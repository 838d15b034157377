"""sdk-value-flow: the examples beside the codemod (codemods/sdk/value_flow.py), then
idempotence; and the value-flow analysis (codemods/core/flow.py) through ``analyze``."""
from __future__ import annotations

from textwrap import dedent

import pytest

from codemods.core.nodes import dotted_name
from codemods.sdk.analysis import analyze
from codemods.sdk.value_flow import EXAMPLES, SdkValueFlowCodemod
from codemod_sdk_helpers import assert_pair_then_idempotent


@pytest.mark.parametrize("name, before, after", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_examples_then_idempotent(name, before, after):
    assert_pair_then_idempotent(SdkValueFlowCodemod, before, before if after is None else after)


def flow_of(source):
    return analyze(dedent(source), usages=False).flow


def test_values_are_traced_through_names_comprehensions_and_local_returns():
    flow = flow_of('''
        from ding.models import components

        def fetch(client, phones):
            return [client.lookup.lookup(phone, C).lookup_response for phone in phones]

        def kinds(client, phones):
            return {i.phone_number: i.line_type for i in fetch(client, phones)}
        ''')
    (use,) = [u for u in flow.uses if u.origin.kind == "line-type"]
    # through the local function's return, back to the one v1 call behind it
    assert use.how == "stored" and dotted_name(use.origin.producer.func) == "client.lookup.lookup"
    assert {u.how for u in flow.uses if u.origin.kind == "payload"} == {"returned"}


def test_reads_of_a_call_that_stays_v1_are_not_followed():
    """A check without a provable phone number keeps its v1 call (and a TODO): its status,
    returned, is not a place where a meaning changes, and its reads are not rewritten."""
    analysis = analyze(dedent('''
        from ding.models import components

        def verify(client, auth, code):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code))
            return res.create_check_response.status
        '''), usages=False)
    assert analysis.flow.uses == [] and analysis.status_refs == {} and analysis.payload_refs == {}


def test_a_request_model_reading_a_rebound_variable_is_not_inlined():
    analysis = analyze(dedent('''
        from ding.models import components

        def send(client, phone):
            req = components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone)
            phone = mask(phone)
            return client.otp.create_authentication(req)
        '''), usages=False)
    (call,) = analysis.calls.values()
    assert call.request.call is None and "`phone`" in call.request.problem


def test_network_handlers_in_a_caller_of_a_v1_function_are_found():
    analysis = analyze(dedent('''
        import requests
        from ding.models import components

        def _send(client, phone):
            return client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))

        def send(client, phone):
            try:
                return _send(client, phone)
            except requests.exceptions.Timeout:
                return None
        '''), usages=False)
    assert list(analysis.network_handlers.values()) == ["APITimeoutError"]
