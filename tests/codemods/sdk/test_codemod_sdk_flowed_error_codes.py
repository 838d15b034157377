"""v1 error codes that reach a comparison other than `e.code == errors.Code.X` (a helper's return,
a constant naming the code), and a blocked-number refusal that relies on such a constant."""
from __future__ import annotations

from rewrite_helpers import rewritten_twice, todos_above

T = "# TODO(prelude-migration): "
HEAD = '''\
import ding
from ding.models import components, errors

client = ding.Ding(api_key=KEY)
BLOCKED = errors.Code.BLOCKED_NUMBER


def _code_of(phone):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    except errors.ErrorResponse as e:
        return e.code
    return None
'''
UNSEEN = (f"{T}compares a v1 error code (a v2 plain string now, with other values) with a value this tool cannot "
          "read here; make that value the v2 strings (docs/api-changes.md)")



BLOCKED_TODO = (f"{T}v1 error 'blocked_number' is now a 200 response with status 'blocked' (reason 'in_block_list'); "
                "check the create result's status")


def test_before_a_helpers_error_code_compared_with_a_constant_was_unmarked_and_now_is_marked():
    new = rewritten_twice(HEAD + '''

def refused(phone):
    return _code_of(phone) == BLOCKED
''')
    assert f"{UNSEEN}\n    return _code_of(phone) == BLOCKED" in new


def test_a_helpers_error_code_compared_with_v1_codes_says_their_v2_codes():
    new = rewritten_twice(HEAD + '''

def expired(phone):
    return _code_of(phone) == errors.Code.INVALID_AUTH_UUID
''')
    assert any(t.startswith(f"{T}compares a value this tool cannot trace to a rewritten call with v1 'invalid_auth_uuid'")
               for t in todos_above(new, "    return _code_of(phone) == errors.Code.INVALID_AUTH_UUID"))


def test_an_error_code_read_compared_with_a_name_not_visible_here_keeps_one_todo():
    new = rewritten_twice(HEAD + '''

def matches(phone, wanted):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    except errors.ErrorResponse as e:
        if e.code is None:
            return None
        return e.code == wanted
''')
    assert todos_above(new, '        return (e.body.get("code") if isinstance(e.body, dict) else None) == wanted') == [
        f"{T}v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); map the values this "
        "code is compared with downstream"]


def test_a_create_whose_blocked_refusal_goes_through_a_constant_is_marked_at_the_create():
    new = rewritten_twice(HEAD + '''

def register(phone):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
        return "sent"
    except errors.ErrorResponse as e:
        codes = [e.code]
        return "blocked" if codes[0] == BLOCKED else "invalid"
''')
    assert f'{BLOCKED_TODO}\n        client.verification.create(target={{"type": "phone_number", "value": phone}})\n' \
           '        return "sent"' in new


def test_a_direct_blocked_comparison_keeps_its_one_todo_at_the_comparison():
    new = rewritten_twice('''\
import ding
from ding.models import components, errors

client = ding.Ding(api_key=KEY)


def register(phone):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    except errors.ErrorResponse as e:
        if e.code == errors.Code.BLOCKED_NUMBER:
            return "blocked"
''')
    assert new.count(BLOCKED_TODO) == 1
    assert f"{BLOCKED_TODO}\n        if " in new
