"""A v1 URL built in a local variable before the call (issue 8, raw HTTP): rewritten in place
when that variable is the whole flow (one assignment among the function's statements, before
the call, read only by the call); left with the URL TODO otherwise. Through the whole rewrite,
then a second run that changes nothing."""
from __future__ import annotations

import pytest

from codemods.engine import rewrite_source

HEAD = '''import requests

BASE = "https://api.ding.live/v1"


'''


def _rewritten(source: str) -> str:
    done = rewrite_source(HEAD + source, "m.py")
    assert done.error is None, done.error
    assert rewrite_source(done.new_source, "m.py").new_source == done.new_source  # idempotent
    return done.new_source


def test_a_url_assigned_once_and_read_by_the_call_is_rewritten_in_its_assignment():
    out = _rewritten('''def lookup(phone):
    url = f"{BASE}/lookup/{phone}"
    return requests.get(url, headers={"X-API-Key": KEY}).json()["country_code"]
''')
    assert 'BASE = "https://api.prelude.dev/v2"' in out
    assert '    url = f"{BASE}/lookup/{phone}"\n' in out
    assert "api.ding.live" not in out


@pytest.mark.parametrize("body", [
    # rebound before the call
    '''    url = BASE + "/lookup/" + phone
    url = url + "?type=cnam"
    return requests.get(url, headers={"X-API-Key": KEY}).json()
''',
    # read again after the call (it escapes)
    '''    url = BASE + "/lookup/" + phone
    r = requests.get(url, headers={"X-API-Key": KEY})
    log(url)
    return r.json()
''',
    # only assigned in a branch
    '''    if phone:
        url = BASE + "/lookup/" + phone
    return requests.get(url, headers={"X-API-Key": KEY}).json()
''',
])
def test_a_url_variable_whose_flow_is_not_all_visible_keeps_a_todo(body):
    out = _rewritten("def lookup(phone):\n" + body)
    assert "https://api.ding.live/v1" in out
    assert "TODO(prelude-migration): api.ding.live/v1 was removed" in out


def test_a_url_parameter_is_not_followed():
    out = _rewritten('''def call(url):
    return requests.get(url, headers={"X-API-Key": KEY}).json()


def lookup(phone):
    return call(BASE + "/lookup/" + phone)
''')
    assert "https://api.ding.live/v1" in out
