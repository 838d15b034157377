"""``match`` on a traced v1 status or line type (issue 8): each ``case`` moves like a comparison,
or the statement is left as written under its TODOs. Through the whole rewrite
(``codemods.engine.rewrite_source``), then a second run that changes nothing."""
from __future__ import annotations

from textwrap import dedent, indent

import pytest

from rewrite_helpers import rewritten_twice

T = "# TODO(prelude-migration): "
HEAD = '''\
from ding import Ding
from ding.models import components

client = Ding(api_key=KEY)


def verify(phone_number, auth_uuid, code):
    res = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth_uuid, check_code=code))
'''



def test_value_cases_move_to_the_v2_statuses():
    once = rewritten_twice(HEAD + '''\
    match res.create_check_response.status:
        case components.CheckStatus.VALID:
            return "in"
        case components.CheckStatus.INVALID | components.CheckStatus.EXPIRED_AUTH:
            return "again"
        case _:
            return "out"
''')
    assert once.endswith(indent(dedent('''\
            match res.status:
                case "success":
                    return "in"
                case "failure" | "expired_or_not_found":
                    return "again"
                case _:
                    return "out"
        '''), "    "))
    assert "components" not in once  # no v1 name left, no v1 import


def test_an_approximate_move_is_made_and_marked():
    once = rewritten_twice(HEAD + '''\
    match res.create_check_response.status.value:
        case "without_attempt":
            return "start again"
''')
    assert f"    {T}v1 check status 'without_attempt' maps only approximately to 'expired_or_not_found'\n" \
           f"    match res.status:\n        case \"expired_or_not_found\":\n" in once


@pytest.mark.parametrize("cases", [
    # a value with no v2 status
    '''        case components.CheckStatus.VALID:\n            return 1\n        case components.CheckStatus.ALREADY_VALIDATED:\n            return 2\n''',
    # a capture before the last case, a class pattern
    '''        case other if other:\n            return 1\n        case components.CheckStatus.VALID:\n            return 2\n''',
    '''        case str():\n            return 1\n''',
])
def test_other_patterns_leave_the_statement_as_written(cases):
    once = rewritten_twice(HEAD + "    match res.create_check_response.status:\n" + cases)
    assert "    match res.status:\n" + cases in once  # the subject moves, every case stays word for word


def test_a_match_on_an_untraced_value_is_left_alone():
    source = '''\
from ding.models import components


def label(status):
    match status:
        case components.CheckStatus.VALID:
            return "ok"
'''
    assert "case components.CheckStatus.VALID:" in rewritten_twice(source)
