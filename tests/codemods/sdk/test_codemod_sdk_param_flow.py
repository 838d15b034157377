"""Parameters receive the v1 value their visible call sites pass (issue 8, session 2's "flow is
per module" gap): rewritten consistently when every reference to the function is a call that
passes the same kind of value from a rewritten call; otherwise the reads keep their TODOs.
Before/after through the whole rewrite, then a second run that changes nothing."""
from __future__ import annotations

from textwrap import dedent

from codemods.engine import rewrite_source

HEAD = '''\
from ding import Ding
from ding.models import components, errors

client = Ding(api_key=KEY)


def create(phone):
    return client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone))
'''
T = "# TODO(prelude-migration): "


def _rewritten(source: str) -> str:
    done = rewrite_source(source, "m.py")
    assert done.error is None, done.error
    assert rewrite_source(done.new_source, "m.py").new_source == done.new_source  # idempotent
    return done.new_source


def test_a_response_passed_to_a_helper_is_rewritten_in_the_helper():
    out = _rewritten(HEAD + '''

def _auth_id(response):
    return response.create_authentication_response.authentication_uuid


def start(phone):
    res = create(phone)
    return _auth_id(res)
''')
    assert dedent('''
        def _auth_id(response):
            return response.id


        def start(phone):
            res = create(phone)
            return _auth_id(res)
        ''') in out


def test_a_helper_also_called_with_an_untraced_value_keeps_its_todos():
    out = _rewritten(HEAD + '''

def _auth_id(response):
    return response.create_authentication_response.authentication_uuid


def start(phone, cached):
    return _auth_id(create(phone)), _auth_id(cached)
''')
    assert dedent(f'''
        def _auth_id(response):
            {T}reads v1 response field 'authentication_uuid' of a value this tool cannot trace to a rewritten call; if it is a v2 response now, read x.id
            return response.create_authentication_response.authentication_uuid
        ''') in out
    assert f"{T}a v1 SDK response is passed to other code here" in out


def test_a_helper_passed_on_as_a_callback_is_not_followed():
    out = _rewritten(HEAD + '''

def _auth_id(response):
    return response.create_authentication_response.authentication_uuid


def start(phone):
    return _auth_id(create(phone)), list(map(_auth_id, []))
''')
    assert "return response.create_authentication_response.authentication_uuid" in out
    assert f"{T}reads v1 response field 'authentication_uuid'" in out


# A helper method that every visible call reaches through self with a v1 check response.
SERVICE = '''

class Service:
    def _ok(self, res):
        return res.create_check_response.status == components.CheckStatus.VALID

    def verify(self, phone_number, auth, code):
        res = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth,
                                                             check_code=code))
        return self._ok(res)
'''


def test_a_method_given_a_response_through_self_is_rewritten():
    out = _rewritten(HEAD + SERVICE)
    assert '''
    def _ok(self, res):
        return res.status == "success"
''' in out


def test_a_method_also_called_on_another_object_is_not_followed():
    out = _rewritten(HEAD + SERVICE + '''

def outside(service, res):
    return service._ok(res)
''')
    assert "return res.create_check_response.status == components.CheckStatus.VALID" in out


def test_a_caught_error_passed_to_a_helper_is_read_through_its_body():
    out = _rewritten(HEAD + '''

def _why(err):
    return err.message


def start(phone):
    try:
        create(phone)
    except errors.ErrorResponse as e:
        return _why(e)
    return None
''')
    assert dedent('''
        def _why(err):
            return (err.body.get("message") if isinstance(err.body, dict) else err.message)
        ''') in out
