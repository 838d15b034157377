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
    returned, is not a place where a meaning changes, and its reads are not rewritten; the read
    of its payload is marked only as the read of a kept call (on the rewritten client the call
    raises until it is moved by hand)."""
    analysis = analyze(dedent('''
        from ding.models import components

        def verify(client, auth, code):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code))
            return res.create_check_response.status
        '''), usages=False)
    assert [u.how for u in analysis.flow.uses] == ["kept"]
    assert analysis.status_refs == {} and analysis.payload_refs == {}


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


_STORE_HEAD = '''
    from ding.models import components

    def send(client, phone, event):
        res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
        event["status"] = res.create_authentication_response.status.value
        return {"type": "sent", "status": res.create_authentication_response.status}
    '''


def _stored_compare_lines(source):
    flow = flow_of(dedent(_STORE_HEAD) + dedent(source))
    return [(type(node).__name__, text) for node, text in flow.stored_compares], None


def test_a_stored_status_compared_elsewhere_with_v1_strings_is_marked():
    found, _ = _stored_compare_lines('''
    def fold(events):
        return [e for e in events if e["status"] == "pending" or e.get("status") in ("rate_limited", "x")]
    ''')
    assert found == [("Comparison", "compares `status` with the v1 status 'pending', but this module now stores "
                      "v2 statuses in `status` (v2: 'success', 'retry', 'challenged', 'shadow_blocked'); map both sides"),
                     ("Comparison", "compares `status` with the v1 status 'rate_limited', but this module now stores "
                      "v2 statuses in `status` (v2: 'blocked'); map both sides")]


def test_stored_status_comparisons_that_stay_unmarked():
    found, _ = _stored_compare_lines('''
    def fold(events, rows):
        a = [e for e in events if e["status"] == "sent"]          # not a v1 status word
        b = [r for r in rows if r.kind == "pending"]               # another name: the module rule
        return a, b, filter_by(status="success")                   # a v2 value
    ''')
    # the module hands v2 statuses out (the stores above): any v1 status word compared with an
    # untraced value may be one of them coming back (a name never stored included)
    assert found == [("Comparison", "compares with the v1 status 'pending', but this module now hands v2 statuses "
                      "to code this tool cannot follow (stored, passed on or returned); if this value comes back "
                      "from there, map both sides (v2: 'success', 'retry', 'challenged', 'shadow_blocked')")]
    # nothing stored from a rewritten call (the check stays v1: no phone number): nothing to compare
    flow = flow_of('''
        from ding.models import components

        def verify(client, auth, code, row):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code))
            row.result = res.create_check_response.status.value

        def ok(row):
            return row.result == "valid"
        ''')
    assert flow.stored_compares == []


def test_a_status_joined_into_text_is_a_use_where_the_meaning_changes():
    """`getattr(self, "_on_" + status.value)()`: text built from a v1 status by `+` or `%` (a
    dispatch on the v1 value) no longer matches once the status is v2; a comparison does not
    count, and an error code is sdk-errors' own (it marks it there)."""
    flow = flow_of('''
        from ding.models import components

        def verify(client, phone, code):
            created = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
            auth = created.create_authentication_response.authentication_uuid
            res = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code))
            handler = "_on_" + res.create_check_response.status.value
            label = "status %s" % res.create_check_response.status
            same = res.create_check_response.status.value == "valid"
            return handler, label, same
        ''')
    assert sorted(u.how for u in flow.uses if u.origin.kind == "status") == ["f-string", "f-string"]


def test_a_response_serialized_whole_is_a_use_where_the_meaning_changes():
    """`payload.to_dict()` / `.to_json()` hand on every v1 field name and value (v2's model has
    others: id, not authentication_uuid); a field read off it (`payload.status`) is judged there."""
    flow = flow_of('''
        from ding.models import components

        def start(client, phone):
            res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
            body = res.create_authentication_response
            return body.to_dict(), res.create_authentication_response.to_json(), body.authentication_uuid
        ''')
    assert sorted(u.how for u in flow.uses if u.origin.kind == "payload") == ["serialized", "serialized"]


def test_a_value_chosen_by_a_conditional_or_an_or_goes_where_the_expression_goes():
    """`lt.value if lt else None` in a dict, `s or "unknown"` returned: the v1 value leaves through
    the expression (only its test position is a test); kept in a variable the flow cannot follow
    (the expression has no one origin) it is stored. A field read by name (getattr/hasattr) is
    handed to other code."""
    flow = flow_of('''
        from ding.models import components

        def info(client, phone):
            res = client.lookup.lookup(phone, C)
            r = res.lookup_response
            kind = r.line_type.value if r.line_type else None
            return {"type": r.line_type.value if r.line_type else None}, kind, getattr(r, "carrier"), r.line_type or "?"

        def fallback(client, phone):
            res = client.lookup.lookup(phone, C)
            return res.lookup_response.line_type or "?"

        def tested(client, phone):
            res = client.lookup.lookup(phone, C)
            return "yes" if res.lookup_response.line_type else "no"
        ''')
    hows = sorted((u.origin.kind, u.how) for u in flow.uses)
    assert hows == [("line-type", "returned"), ("line-type", "stored"), ("line-type", "stored"),
                    ("line-type", "stored"), ("payload", "argument")]


def test_text_made_from_a_status_by_a_string_method_is_a_use():
    """`status.value.upper()`, `.startswith("val")`: text built from the v1 value, compared or
    kept later where no mapping sees it (`label == "VALID"`); `.value` and `.name` are reads."""
    flow = flow_of('''
        from ding.models import components

        def verify(client, phone, code):
            created = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
            auth = created.create_authentication_response.authentication_uuid
            res = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code))
            label = res.create_check_response.status.value.upper()
            return label == "VALID", res.create_check_response.status.value.startswith("val")
        ''')
    assert sorted(u.how for u in flow.uses if u.origin.kind == "status") == ["f-string", "f-string"]


def test_a_status_chosen_by_a_conditional_then_compared_is_a_use():
    """`(s.value if s else "none") in ("pending", ...)`: sdk-responses maps a comparison whose
    side is the status read itself, not one through a conditional or an `or`, so the flow marks it."""
    flow = flow_of('''
        from ding.models import components

        def start(client, phone):
            res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
            s = res.create_authentication_response.status
            return (s.value if s else "none") in ("pending", "rate_limited"), (s or "none") == "pending"
        ''')
    assert sorted(u.how for u in flow.uses if u.origin.kind == "status") == ["compared", "compared"]
