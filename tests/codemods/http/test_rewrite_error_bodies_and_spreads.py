"""Raw HTTP (issue 8): a module header dict spread into a call (`{**AUTH, ...}`) and the error
code read through the HTTP exception (`exc.response.json()["code"]`). Before/after through the
whole rewrite, then a second run that changes nothing."""
from __future__ import annotations

from rewrite_helpers import rewritten_twice

T = "# TODO(prelude-migration): "
HEAD = '''\
import requests

API = "https://api.ding.live/v1"
AUTH = {"X-API-Key": KEY}
'''
SEND = '''

def send(phone):
    try:
        r = requests.post(API + "/authentication", headers={**AUTH, "Accept": "application/json"},
                          json={"customer_uuid": C, "phone_number": phone})
        r.raise_for_status()
    except requests.HTTPError as exc:
        return exc.response.json()["code"] == "negative_balance"
'''



def test_a_spread_module_dict_used_only_by_rewritten_calls_is_rewritten_and_codes_mapped():
    once = rewritten_twice(HEAD + SEND)
    assert 'AUTH = {"Authorization": f"Bearer {KEY}"}' in once
    assert 'headers={**AUTH, "Accept": "application/json"}' in once
    assert 'return exc.response.json()["code"] == "insufficient_balance"' in once


def test_a_spread_dict_also_used_elsewhere_is_kept_and_the_call_marked():
    once = rewritten_twice(HEAD + SEND + '''

def status_page():
    return requests.get("https://status.example.com", headers=AUTH)
''')
    assert 'AUTH = {"X-API-Key": KEY}' in once
    assert f"{T}the headers of this call are shared with code this tool did not rewrite" in once


def test_an_error_code_that_leaves_the_handler_is_marked():
    once = rewritten_twice(HEAD + SEND.replace('return exc.response.json()["code"] == "negative_balance"',
                                      'code = exc.response.json()["code"]\n        return code'))
    assert f'        {T}v1 error codes changed in v2 (see docs/api-changes.md)\n        code = exc.response.json()["code"]' in once


def test_a_handler_around_a_call_left_on_v1_is_left_alone():
    once = rewritten_twice(HEAD + SEND.replace('json={"customer_uuid": C, "phone_number": phone}', "json=payload"))
    assert '"negative_balance"' in once


HELPER = '''\
import requests

API = "https://api.ding.live/v1"


def _auth():
    if STAGING:
        return {"X-API-Key": STAGING_KEY}
    return {"X-API-Key": KEY, "Accept": "application/json"}


def send(phone):
    return requests.post(API + "/authentication", headers=_auth(), json={"customer_uuid": C, "phone_number": phone})
'''


def test_a_header_helper_called_only_by_rewritten_calls_has_its_dicts_rewritten():
    once = rewritten_twice(HELPER)
    assert 'return {"Authorization": f"Bearer {STAGING_KEY}"}' in once
    assert 'return {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}' in once
    assert '"X-API-Key"' not in once
    assert 'requests.post(API + "/verification", headers=_auth(),' in once


def test_a_header_helper_with_other_callers_or_another_shape_keeps_the_mark():
    shared = rewritten_twice(HELPER + '''

def ping():
    return requests.get("https://status.example.com", headers=_auth())
''')
    assert 'return {"X-API-Key": KEY, "Accept": "application/json"}' in shared
    assert f"{T}the headers of this call are shared with code this tool did not rewrite" in shared
    built = rewritten_twice(HELPER.replace('''    if STAGING:
        return {"X-API-Key": STAGING_KEY}
    return {"X-API-Key": KEY, "Accept": "application/json"}''', '''    headers = {"Accept": "application/json"}
    headers["X-API-Key"] = KEY
    return headers'''))
    assert 'headers["X-API-Key"] = KEY' in built  # not a dict literal returned: not followed
    assert f"{T}these headers are built where this tool cannot see them" in built


def test_a_local_function_named_like_the_module_helper_is_not_that_helper():
    # `send` calls its own local `_auth`, not the module-level one that `ping` (not a v1 call) uses:
    # the module-level helper must keep X-API-Key, and the v1 call is marked (its headers are unseen).
    shadowed = rewritten_twice('''\
import requests

KEY = "k"


def _auth():
    return {"X-API-Key": KEY}


def ping():
    return requests.get("https://status.example.com", headers=_auth())


def send(phone):
    def _auth():
        return {"X-API-Key": KEY}
    return requests.post("https://api.ding.live/v1/authentication", headers=_auth(),
                         json={"customer_uuid": "c", "phone_number": phone})
''')
    assert shadowed.count('return {"X-API-Key": KEY}') == 2
    assert "\"Authorization\": f\"Bearer" not in shadowed
    assert f"{T}these headers are built where this tool cannot see them" in shadowed
