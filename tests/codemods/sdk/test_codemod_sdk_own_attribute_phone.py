"""A check or retry keyed by ``self.auth_uuid`` takes ``self.phone`` as its number when the
same class sent the create for ``self.phone`` and stored that create's id in ``self.auth_uuid``,
and nothing in the module can change either in between (``.phone`` written once, in
``__init__``; ``.auth_uuid`` written only by that class, to None or to the create's id).
Otherwise the call keeps its "needs the phone number" TODO."""
from __future__ import annotations

import pytest

from codemods.engine import rewrite_source

HEAD = '''
import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"
'''

CLASS = '''
class Verification:
    def __init__(self, key, phone):
        self.client = ding.Ding(api_key=key)
        self.phone = phone
        self.auth_uuid = None

    def send(self):
        res = self.client.otp.create_authentication(components.CreateAuthenticationRequest(
            customer_uuid=CUSTOMER, phone_number=self.phone))
        self.auth_uuid = res.create_authentication_response.authentication_uuid

    def submit(self, code):
        res = self.client.otp.check(components.CreateCheckRequest(
            customer_uuid=CUSTOMER, authentication_uuid=self.auth_uuid, check_code=code))
        return res.create_check_response.status == components.CheckStatus.VALID
'''

NEEDS_PHONE = "v2 check needs the phone number (v1 used authentication_uuid)"
FOLLOWED = '''        res = self.client.verification.check(
            target={"type": "phone_number", "value": self.phone},
            code=code,
        )
        return res.status == "success"
'''


def _rewrite(source: str) -> str:
    new = rewrite_source(source, "verification.py").new_source
    assert rewrite_source(new, "verification.py").new_source == new  # idempotent
    return new


def test_the_number_the_same_class_sent_the_create_for_is_followed():
    new = _rewrite(HEAD + CLASS)
    assert FOLLOWED in new
    assert NEEDS_PHONE not in new


def test_a_retry_keyed_the_same_way_is_followed_too():
    new = _rewrite(HEAD + CLASS + '''
    def resend(self):
        res = self.client.otp.retry(components.RetryAuthenticationRequest(
            customer_uuid=CUSTOMER, authentication_uuid=self.auth_uuid))
        return res.retry_authentication_response.status
''')
    resend = new[new.index("    def resend(self):"):]
    assert '''        res = self.client.verification.create(
            target={"type": "phone_number", "value": self.phone},
        )
''' in resend  # the retry itself, not send()'s create
    assert "retry needs the phone number" not in new


@pytest.mark.parametrize("change", [
    # the number rebound by a method: the create and the check may see different numbers
    ('''    def submit(self, code):''', '''    def move(self, phone):
        self.phone = phone

    def submit(self, code):'''),
    # ... or from outside the class (any object's `.phone` written elsewhere in the module)
    ('''    def submit(self, code):''', '''    def submit_for(self, other, code):
        other.phone = "+33600000000"

    def submit(self, code):'''),
    # the id restored from elsewhere: not the id of the create for self.phone
    ('''    def submit(self, code):''', '''    def restore(self, saved):
        self.auth_uuid = saved

    def submit(self, code):'''),
    # a write this module makes by name, or one whose name it cannot see
    ("    def submit(self, code):", "    def move(self, number):\n        setattr(self, 'phone', number)\n\n"
                                   "    def submit(self, code):"),
    ("    def submit(self, code):", "    def load(self, saved):\n        vars(self).update(saved)\n\n"
                                   "    def submit(self, code):"),
    ("    def submit(self, code):", "    def load(self, saved):\n        self.__dict__.update(saved)\n\n"
                                   "    def submit(self, code):"),
    # the create sent another number
    ('''phone_number=self.phone))''', '''phone_number=self.backup_phone))'''),
])
def test_anything_that_may_change_the_number_or_the_id_keeps_the_todo(change):
    old, new_text = change
    source = HEAD + CLASS
    assert old in source
    new = _rewrite(source.replace(old, new_text, 1))
    assert NEEDS_PHONE in new
    assert "self.client.otp.check(" in new


def test_the_id_set_by_another_class_keeps_the_todo():
    new = _rewrite(HEAD + CLASS + '''

class Restorer:
    def load(self, verification, saved):
        verification.auth_uuid = saved
''')
    assert NEEDS_PHONE in new
    assert "self.client.otp.check(" in new and "verification.check(" not in new
