"""Values that leave the code this tool can follow (stored, passed on, returned) and may come
back untraced: comparisons, `match` cases and label tables with v1 status strings in such a
module are marked. A method given the statuses of two operations has its uses marked; an alias
of a v1 enum class is marked. v1 SDKError alone (isinstance, a handler) keeps its v1 meaning or
is marked; the class of a caught exception read by name is marked."""
from __future__ import annotations

from rewrite_helpers import rewritten_twice, todos_above

T = "# TODO(prelude-migration): "
HEAD = '''\
import ding
from ding.models import components, errors

client = ding.Ding(api_key=KEY)
'''
STORES = '''
def confirm(cache, phone, code):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    chk = client.otp.check(components.CreateCheckRequest(
        customer_uuid=C, authentication_uuid=res.create_authentication_response.authentication_uuid, check_code=code))
    cache.set(phone, chk.create_check_response.status.value)
'''
ESCAPED = f"{T}compares with the v1 status 'valid', but this module now hands v2 statuses to code this tool cannot follow"



def test_before_a_status_read_back_from_a_store_was_compared_unmarked_and_now_is_marked():
    new = rewritten_twice(HEAD + STORES + '''


def confirmed(cache, phone):
    return cache.get(phone) == "valid"


def unrelated(form):
    return form.state == "ready"
''')
    assert any(t.startswith(ESCAPED) and "(v2: 'success')" in t for t in todos_above(new, '    return cache.get(phone) == "valid"'))
    assert todos_above(new, '    return form.state == "ready"') == []  # no v1 status there


def test_a_match_on_an_untraced_value_and_a_table_of_v1_status_keys_are_marked_in_such_a_module():
    new = rewritten_twice(HEAD + STORES + '''
LABELS = {"valid": "ok", "invalid": "wrong"}


def label(cache, phone):
    return LABELS.get(cache.get(phone), "?")


def stage(cache, phone):
    match cache.get(phone):
        case "valid":
            return "done"
    return "open"
''')
    assert any(t.startswith(f"{T}compares with the v1 status 'valid', 'invalid'")
               for t in todos_above(new, '    return LABELS.get(cache.get(phone), "?")'))
    assert any(t.startswith(ESCAPED) for t in todos_above(new, "    match cache.get(phone):"))


def test_a_method_given_the_statuses_of_two_operations_has_its_uses_marked():
    new = rewritten_twice(HEAD + '''

class Flow:
    def __init__(self):
        self.seen = []

    def _step(self, status):
        self.seen.append(status.value)
        return status == components.Status.PENDING

    def run(self, phone, code):
        res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
        self._step(res.create_authentication_response.status)
        chk = client.otp.check(components.CreateCheckRequest(
            customer_uuid=C, authentication_uuid=res.create_authentication_response.authentication_uuid, check_code=code))
        return self._step(chk.create_check_response.status)
''')
    assert todos_above(new, "        self.seen.append(status.value)") == [
        f"{T}a v1 status is passed to other code here, unmapped: v2 uses other statuses; map it where it is used "
        "(or map both sides)"]
    assert todos_above(new, "        return status == components.Status.PENDING")  # compared: marked
    assert todos_above(new, "        self._step(res.status)")  # the callers keep their TODO


def test_an_alias_of_a_v1_enum_class_is_marked():
    new = rewritten_twice(HEAD + '''
Check = components.CheckStatus


def ok(phone, code):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    return res.create_authentication_response.authentication_uuid
''')
    assert todos_above(new, "Check = components.CheckStatus") == [
        f"{T}v1 enum class CheckStatus is still used under another name: its members are v1 values (v2 statuses, "
        "line types and error codes are plain strings with other values), and it keeps the `ding` import: map what "
        "is compared with or looked up by its members"]


def test_isinstance_of_sdk_error_keeps_its_v1_meaning_and_a_lone_sdk_error_handler_is_marked():
    new = rewritten_twice(HEAD + '''

def kind(exc):
    if isinstance(exc, errors.SDKError):
        return "server"
    return "client" if isinstance(exc, errors.ErrorResponse) else "other"


def send(phone):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    except errors.SDKError:
        return "server"
''')
    assert ("    if (isinstance(exc, prelude_python_sdk.APIStatusError) and not isinstance(exc, "
            "prelude_python_sdk.BadRequestError)):\n") in new
    assert todos_above(new, "    except prelude_python_sdk.APIStatusError:") == [
        f"{T}v1 SDKError did not include the HTTP 400 error (v1 ErrorResponse); v2 APIStatusError includes it "
        "(prelude_python_sdk.BadRequestError): re-raise or handle that one first if this code must not see it"]


def test_the_class_name_of_a_caught_v1_exception_is_marked():
    new = rewritten_twice(HEAD + '''

def send(phone):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
    except (errors.ErrorResponse, errors.SDKError) as e:
        return type(e).__name__
''')
    assert todos_above(new, "        return type(e).__name__")[0].startswith(
        f"{T}the class of a caught v1 exception is read here: v2 raises other classes")
