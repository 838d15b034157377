"""Raw HTTP: ``match body["status"]`` on a v1 response moves each ``case`` like a comparison,
by the same policy as the SDK family (codemods.core.match_cases, codemods.core.mapping)."""
from __future__ import annotations

from rewrite_helpers import rewritten_twice

T = "# TODO(prelude-migration): "
HEAD = '''\
import requests

BASE = "https://api.ding.live/v1"


def verify(phone, auth_uuid, code):
    r = requests.post(BASE + "/check", headers={"X-API-Key": KEY},
                      json={"customer_uuid": C, "authentication_uuid": auth_uuid, "check_code": code})
'''



def test_status_cases_move_to_v2():
    once = rewritten_twice(HEAD + '''\
    match r.json()["status"]:
        case "valid":
            return 200
        case "invalid" | "expired_auth":
            return 401
        case _:
            return 429
''')
    assert ('    match r.json()["status"]:\n        case "success":\n            return 200\n'
            '        case "failure" | "expired_or_not_found":\n            return 401\n        case _:\n') in once
    assert "v1 check status values changed in v2" not in once


def test_a_status_with_no_v2_value_keeps_the_match_and_says_why():
    once = rewritten_twice(HEAD + '''\
    match r.json()["status"]:
        case "valid":
            return 200
        case "rate_limited":
            return 429
''')
    assert f"    {T}v1 check status 'rate_limited' has no v2 equivalent" in once
    assert '        case "valid":\n' in once and '        case "rate_limited":\n' in once


def test_a_capture_pattern_keeps_the_match_under_the_status_todo():
    once = rewritten_twice(HEAD + '''\
    match r.json()["status"]:
        case status if status.startswith("v"):
            return 200
        case "valid":
            return 1
''')
    assert f"    {T}v1 check status values changed in v2\n    match r.json()[\"status\"]:\n" in once
