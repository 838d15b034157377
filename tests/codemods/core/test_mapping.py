"""The one v1 -> v2 status/line-type/error-code policy (codemods.core.mapping), and both
families (SDK comparisons, raw-HTTP body reads) writing the same v2 values through it."""
from __future__ import annotations

import textwrap

import pytest

from codemods.core.mapping import (
    check_status_move,
    create_status_move,
    line_type_move,
    retry_status_move,
    status_mapper,
)
from codemods.engine import rewrite_source


@pytest.mark.parametrize("move, v1, values, exact", [
    (check_status_move, "valid", ("success",), True),
    (check_status_move, "invalid", ("failure",), True),
    (check_status_move, "expired_auth", ("expired_or_not_found",), True),
    (check_status_move, "without_attempt", ("expired_or_not_found",), False),
    (check_status_move, "already_validated", None, False),
    (create_status_move, "pending", ("success", "retry", "challenged", "shadow_blocked"), True),
    (create_status_move, "rate_limited", ("blocked",), False),
    (retry_status_move, "approved", ("retry", "success", "challenged", "shadow_blocked"), True),
    (retry_status_move, "denied", ("blocked",), False),
    (retry_status_move, "expired_auth", None, False),
    (line_type_move, "FixedLine", ("fixed_line",), True),
    (line_type_move, "Fax", None, False),
])
def test_moves(move, v1, values, exact):
    got, why = move(v1)
    assert got == values
    assert (why is None) is exact


def test_unknown_values_and_operations_say_so():
    assert check_status_move("ok") == (None, "'ok' is not a v1 check status")
    assert status_mapper("lookup") is None
    assert status_mapper("retry") is retry_status_move


def _rewritten(source: str) -> str:
    done = rewrite_source(textwrap.dedent(source), "m.py")
    assert done.error is None, done.error
    return done.new_source


def test_sdk_and_raw_http_write_the_same_v2_values_for_a_retry_status():
    sdk = _rewritten("""\
        from ding import Ding
        from ding.models import components

        client = Ding(api_key="k")


        def resend(phone):
            res = client.otp.retry(components.RetryAuthenticationRequest(customer_uuid="c", authentication_uuid="a"))
            return res.retry_authentication_response.status == components.RetryAuthenticationResponseStatus.APPROVED
        """)
    raw = _rewritten("""\
        import requests


        def resend(phone, auth):
            r = requests.post("https://api.ding.live/v1/retry", headers={"X-API-Key": "k"},
                              json={"customer_uuid": "c", "authentication_uuid": auth})
            return r.json()["status"] == "approved"
        """)
    v2 = '("retry", "success", "challenged", "shadow_blocked")'
    assert f"res.status in {v2}" in sdk
    assert f'r.json()["status"] in {v2}' in raw


def test_sdk_and_raw_http_word_an_unmappable_check_status_alike():
    sentence = ("v1 check status 'already_validated' has no v2 equivalent "
                "(v2 statuses: success, failure, expired_or_not_found)")
    sdk = _rewritten("""\
        from ding import Ding
        from ding.models import components

        client = Ding(api_key="k")


        def verify(phone, auth, code):
            res = client.otp.check(components.CreateCheckRequest(customer_uuid="c", authentication_uuid=auth,
                                                                 check_code=code))
            return res.create_check_response.status == components.CheckStatus.ALREADY_VALIDATED
        """)
    raw = _rewritten("""\
        import requests


        def verify(phone, auth, code):
            r = requests.post("https://api.ding.live/v1/check", headers={"X-API-Key": "k"},
                              json={"customer_uuid": "c", "authentication_uuid": auth, "check_code": code})
            return r.json()["status"] == "already_validated"
        """)
    assert sentence in sdk and sentence in raw
