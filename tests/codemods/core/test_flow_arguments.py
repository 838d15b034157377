"""codemods.core.flow: a v1 value passed to a helper of the module is followed into the
parameter it binds, and not where a ``*`` argument before it leaves its position unknown
(before/after through the whole rewrite)."""
from __future__ import annotations

from codemods.engine import rewrite_source

HEAD = '''\
from ding import Ding
from ding.models import components

client = Ding(api_key=KEY)


def create(phone):
    return client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone))


def _auth_id(prefix, response):
    return prefix, response.create_authentication_response.authentication_uuid
'''


def _rewritten(source: str) -> str:
    done = rewrite_source(source, "m.py")
    assert done.error is None, done.error
    return done.new_source


def test_a_positional_after_a_star_argument_binds_no_parameter():
    # `*pre` may hold any number of values (here none: `res` is `prefix`), so `response` is
    # not known to receive the v1 value and its reads are not rewritten as if it did
    out = _rewritten(HEAD + '''

def start(phone, pre=()):
    res = create(phone)
    return _auth_id(*pre, res)
''')
    assert "response.id" not in out
    assert "response.create_authentication_response.authentication_uuid" in out


def test_the_same_value_passed_in_its_place_is_followed():
    out = _rewritten(HEAD + '''

def start(phone):
    res = create(phone)
    return _auth_id("p", res)
''')
    assert "return prefix, response.id\n" in out
