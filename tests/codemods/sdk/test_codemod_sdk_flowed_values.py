"""A rewritten call's status or line type that reaches a comparison through a helper's return
(or a name bound to one, or its `.value`), where no read the codemods map is left: the
comparison is marked (or, with v1 values on the other side, told their v2 values). A status kept
in a dict under its field's name and read with `.value`; a second run that meets the first run's
v2 create keeps the check's TODO."""
from __future__ import annotations

from rewrite_helpers import rewritten_twice, todos_above

T = "# TODO(prelude-migration): "
HEAD = '''\
import ding
from ding.models import components

client = ding.Ding(api_key=KEY)
VALID = components.CheckStatus.VALID
MOBILE = {"Mobile"}


def _status(phone, code):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    chk = client.otp.check(components.CreateCheckRequest(
        customer_uuid=C, authentication_uuid=res.create_authentication_response.authentication_uuid, check_code=code))
    return chk.create_check_response.status


def _kind(phone):
    return client.lookup.lookup(phone, C).lookup_response.line_type
'''
UNSEEN_STATUS = f"{T}compares a v1 status (a v2 plain string now, with other values) with a value this tool cannot read here"
UNSEEN_LINE = f"{T}compares a v1 line type (a v2 plain string now, with other values) with a value this tool cannot read here"


def test_before_a_helpers_status_compared_with_a_module_constant_was_left_unmarked_and_now_is_marked():
    new = rewritten_twice(HEAD + '''

def ok(phone, code):
    return _status(phone, code) == VALID


def ok_by_name(phone, code):
    s = _status(phone, code)
    return s is VALID


def ok_by_value(phone, code):
    return _status(phone, code).value in ("valid",)
''')
    assert "    return chk.status\n" in new  # the helper's own read is rewritten
    for line in ("    return _status(phone, code) == VALID", "    return s is VALID"):
        assert todos_above(new, line)[0].startswith(UNSEEN_STATUS), line
    assert ("v1 'valid'; if it is a v2 value now, compare it with 'success' (plain strings)\n"
            '    return _status(phone, code).value in ("valid",)') in new  # v1 values: their v2 ones said


def test_a_helpers_status_compared_with_a_default_argument_or_class_attribute_is_marked():
    new = rewritten_twice(HEAD + '''

class Outcome:
    GOOD = components.CheckStatus.VALID


def ok(phone, code, wanted=components.CheckStatus.VALID):
    return _status(phone, code) is wanted or _status(phone, code) == Outcome.GOOD
''')
    assert f"{UNSEEN_STATUS}; make that value the v2 strings (docs/api-changes.md)\n" \
           "    return _status(phone, code) is wanted or _status(phone, code) == Outcome.GOOD" in new


def test_a_helpers_line_type_compared_with_a_module_set_or_a_v1_literal_is_marked():
    new = rewritten_twice(HEAD + '''

def mobile(phone):
    return _kind(phone).value in MOBILE


def fixed(phone):
    return _kind(phone).value == "FixedLine"
''')
    assert f"{UNSEEN_LINE}; make that value the v2 strings (docs/api-changes.md)\n    return _kind(phone).value in MOBILE" in new
    assert ("'FixedLine'; if it is a v2 value now, compare it with 'fixed_line' (plain strings)\n"
            '    return _kind(phone).value == "FixedLine"') in new


def test_a_status_read_directly_is_still_mapped_without_a_todo():
    new = rewritten_twice(HEAD + '''

def direct(phone, code):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    chk = client.otp.check(components.CreateCheckRequest(
        customer_uuid=C, authentication_uuid=res.create_authentication_response.authentication_uuid, check_code=code))
    return chk.create_check_response.status == components.CheckStatus.VALID
''')
    assert '    return chk.status == "success"\n' in new


def test_the_value_of_a_status_kept_in_a_dict_under_its_field_name_is_marked():
    new = rewritten_twice(HEAD + '''

def row(phone, code):
    info = dict(status=_status(phone, code))
    return info["status"].value
''')
    assert (f"{T}reads v1 response field 'status.value' of a value this tool cannot trace to a rewritten call; "
            "if it is a v2 response now, read x.status (a plain string, no .value)\n"
            '    return info["status"].value') in new


def test_a_check_keyed_by_another_id_next_to_a_create_keeps_its_todo_on_the_second_run():
    # before: the first run kept the check (the create is for `phone`, the check for `other_id`);
    # the second run no longer saw a v1 create there and assumed `phone` for the check
    new = rewritten_twice(HEAD + '''

def resend_then_check(phone, other_id, code):
    client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    return client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=other_id, check_code=code))
''')
    assert "    return client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=other_id" in new


def test_before_the_name_of_a_line_type_read_out_of_a_list_was_unmarked_and_now_is_marked():
    new = rewritten_twice(HEAD + '''

def label(phone):
    kinds = [client.lookup.lookup(phone, C).lookup_response.line_type]
    return kinds[0].name.lower()
''')
    assert (f"{T}`.name` of a v1 enum member (its upper-case member name): v2 statuses, line types and error codes "
            "are plain strings with other values and no .name; use the string itself\n"
            "    return kinds[0].name.lower()") in new


UUID_TODO = f"{T}v2 verification ids are not UUIDs"


def test_before_a_helpers_id_matched_by_any_regex_was_unmarked_and_now_is_marked():
    new = rewritten_twice('''\
import re

import ding
from ding.models import components

client = ding.Ding(api_key=KEY)
ID_RE = re.compile(r"^[0-9a-f-]{36}$")
SHORT = re.compile(r"^[0-9a-f]+-")


def _start(phone):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    return res.create_authentication_response.authentication_uuid


def looks_right(phone):
    return bool(ID_RE.match(_start(phone)))


def looks_short(phone):
    return bool(SHORT.match(_start(phone)))


def unrelated(text):
    return bool(SHORT.match(text))
''')
    assert todos_above(new, "    return bool(ID_RE.match(_start(phone)))")[0].startswith(UUID_TODO)
    assert todos_above(new, "    return bool(SHORT.match(_start(phone)))")[0].startswith(UUID_TODO)
    assert todos_above(new, "    return bool(SHORT.match(text))") == []


def test_a_helpers_status_on_the_right_or_compared_with_a_value_with_no_v2_equivalent_is_marked():
    new = rewritten_twice(HEAD + '''

def rev(phone, code):
    return VALID == _status(phone, code)


def done(phone, code):
    return _status(phone, code).value in ("valid", "already_validated")
''')
    assert todos_above(new, "    return VALID == _status(phone, code)")[0].startswith(UNSEEN_STATUS)
    assert any(todo.startswith(f"{T}v1 check status 'already_validated' has no v2 equivalent")
               for todo in todos_above(new, '    return _status(phone, code).value in ("valid", "already_validated")'))


def test_a_v1_server_url_from_the_environment_is_not_passed_to_the_v2_client():
    new = rewritten_twice('''\
import os

import ding

client = ding.Ding(api_key=KEY, server_url=os.environ.get("DING_URL", "https://api.ding.live/v1"))
''')
    assert "client = Prelude(api_token=KEY, max_retries=0)\n" in new
    assert f'{T}v1 server_url=os.environ.get("DING_URL", "https://api.ding.live/v1") is not passed on' in new


def test_a_generic_v1_field_read_on_an_untraced_value_is_marked_where_v1_payloads_are_stored():
    new = rewritten_twice(HEAD + '''
import pickle


def keep(db, phone):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    db[phone] = pickle.dumps(res.create_authentication_response)


def left(db, phone):
    payload = pickle.loads(db[phone])
    return payload.expires_at
''')
    assert any(todo.startswith(f"{T}reads v1 response field 'expires_at' of a value this tool cannot trace")
               for todo in todos_above(new, "    return payload.expires_at"))
