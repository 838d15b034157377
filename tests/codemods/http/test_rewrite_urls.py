"""URL resolution and v1 endpoint classification (codemods.http.urls), shared with the scanner."""
from __future__ import annotations

import textwrap

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper

from codemods.http.calls import HttpAnalysis, iter_http_calls
from codemods.detect import find_http_usages
from codemods.http.urls import DYNAMIC, HTTP_TRIGGERS, classify_url, replace_legacy_host, rewrite_docs_links
from compat.knowledge.operations import OPERATIONS


@pytest.mark.parametrize("url,expected", [
    ("https://api.ding.live/v1/authentication", "create"),
    ("https://api.ding.live/v1/authentication/", "create"),
    ("http://api.ding.live/v1/check", "check"),
    ("api.ding.live/v1/retry?x=1", "retry"),
    ("https://API.DING.LIVE/v1/authentication/feedback", "feedback"),
    (f"https://api.ding.live/v1/authentication/{DYNAMIC}", "status"),
    ("https://api.ding.live/v1/authentication/0b5c3a3e-9f7e-4c3e-8f39-2f7c1c2d8e11", "status"),
    (f"https://api.ding.live/v1/lookup/{DYNAMIC}", "lookup"),
    ("https://api.ding.live/v1/lookup/+33612345678?type=cnam", "lookup"),
    ("https://api.ding.live:443/v1/check", "check"),
    ("https://api.ding.live/v2/transactional", "legacy-v2"),
    ("https://api.ding.live/v1", "v1"),
    ("https://api.ding.live/v1/unknown/path", "v1"),
    ("https://api.ding.live", "v1"),
    ("https://mbktrading.live/v1/check", None),
    ("https://xapi.ding.live/v1/check", None),
    ("https://api.ding.live.example.com/v1/check", None),
    ("https://api.prelude.dev/v2/verification", None),
    (f"{DYNAMIC}/v1/check", None),
    ("padding", None),
])
def test_classify_url(url, expected):
    assert classify_url(url) == expected


def test_every_operation_classifies():
    for op in OPERATIONS.values():
        path = op.v1_path.replace("{auth_uuid}", DYNAMIC).replace("{phone_number}", "+33600000000")
        assert classify_url("https://api.ding.live/v1" + path) == op.name


def test_triggers_are_lower_case_bytes_that_cover_the_hosts():
    assert all(isinstance(t, bytes) and t == t.lower() for t in HTTP_TRIGGERS)
    assert any(t in b"https://api.ding.live/v1/check" for t in HTTP_TRIGGERS)


def test_replace_legacy_host_and_docs_links():
    assert replace_legacy_host("see http://api.ding.live/v2/transactional.") == \
        "see https://api.prelude.dev/v2/transactional."
    assert replace_legacy_host("https://api.ding.live/v1/check") == "https://api.ding.live/v1/check"
    assert rewrite_docs_links("a docs.prelude.so/api-reference/v1/errors#x b") == \
        "a docs.prelude.so/verify/v1/documentation/errors#x b"


SOURCE = textwrap.dedent('''
    import requests as rq
    import httpx
    from httpx import post as hpost
    from urllib.parse import urljoin

    BASE = "https://api.ding.live/v1"
    HOST = "api.ding.live"
    CHECK = BASE + "/check"
    H = {"X-API-Key": "test-v1-key"}
    s = rq.Session()

    def flow(phone, auth):
        rq.post(f"{BASE}/authentication", json={"phone_number": phone}, headers=H)
        hpost(CHECK, json={})
        s.get(BASE + "/lookup/" + phone)
        rq.request("GET", f"https://{HOST}/v1/authentication/{auth}")
        rq.get(urljoin(BASE + "/", "retry"))
        with httpx.Client(base_url=BASE) as c:
            c.post("/authentication/feedback")
        rq.get("https://api.example.com/v1/check")
        rq.post("https://api.ding.live/v2/transactional")
        # docs: https://docs.prelude.so/api-reference/v1/errors
''')


def test_find_http_usages_raw_http_calls():
    usages = find_http_usages(SOURCE)
    raw = [(u.line, u.detail) for u in usages if u.kind == "raw-http"]
    assert raw == [(14, "create"), (15, "check"), (16, "lookup"), (17, "status"), (18, "retry"), (20, "feedback")]


def test_find_http_usages_hosts_headers_and_docs():
    usages = find_http_usages(SOURCE)
    hosts = [(u.line, u.detail, u.fixable) for u in usages if u.kind == "host"]
    assert (7, "https://api.ding.live/v1", False) in hosts
    assert (8, "api.ding.live", False) in hosts
    assert (22, "https://api.ding.live/v2/transactional", True) in hosts
    assert not any("example.com" in detail for _, detail, _ in hosts)
    header = [u for u in usages if u.kind == "api-key-header"]
    assert [(u.line, u.column, u.end_column) for u in header] == [(10, 6, 17)]
    docs = [u for u in usages if u.kind == "docs-link"]
    assert [u.line for u in docs] == [23] and docs[0].fixable


def test_columns_are_one_based():
    usages = find_http_usages('import requests\nrequests.get("https://api.ding.live/v1/check")\n')
    raw = next(u for u in usages if u.kind == "raw-http")
    assert (raw.line, raw.column, raw.end_line, raw.end_column) == (2, 1, 2, 47)
    host = next(u for u in usages if u.kind == "host")
    assert (host.column, host.end_column) == (14, 46)


def test_accepts_module_and_wrapper():
    module = cst.parse_module(SOURCE)
    assert find_http_usages(module) == find_http_usages(MetadataWrapper(module)) == find_http_usages(SOURCE)


@pytest.mark.parametrize("code", [
    'import requests\nrequests.get("https://mbktrading.live/v1/check")\n',
    'from ding.models import Bell\npadding = "x"\n',
    'import requests\nrequests.post("https://oapi.dingtalk.com/robot/send", headers={"X-API-Key": "k"})\n',
    'import requests\nrequests.post("https://api.prelude.dev/v2/verification/check")\n',
    'def post(url): ...\npost("https://api.ding.live/v1/check")\n',  # not requests/httpx
])
def test_no_raw_http_false_positives(code):
    kinds = {u.kind for u in find_http_usages(code)}
    assert "raw-http" not in kinds and "api-key-header" not in kinds


def test_x_api_key_only_reported_next_to_v1():
    code = 'H = {"X-API-Key": "k"}\nURL = "https://api.ding.live/v1/check"\n'
    assert [u.kind for u in find_http_usages(code)] == ["api-key-header", "host"]


def test_session_and_client_attributes_are_tracked():
    code = textwrap.dedent('''
        import requests
        class Api:
            def __init__(self):
                self.http = requests.Session()
            def check(self, body):
                return self.http.post("https://api.ding.live/v1/check", json=body)
    ''')
    module = cst.parse_module(code)
    calls = list(iter_http_calls(module, HttpAnalysis(module)))
    assert [(c.operation, c.via_client, c.method) for c in calls] == [("check", "self.http", "POST")]


def test_fixable_follows_what_the_codemod_does():
    code = textwrap.dedent('''
        import requests
        def flow(code, auth):
            requests.get("https://api.ding.live/v1/lookup/+33600000000", headers={"X-API-Key": "k"})
            requests.post("https://api.ding.live/v1/check", json={"authentication_uuid": auth, "check_code": code})
    ''')
    raw = {u.detail: u.fixable for u in find_http_usages(code) if u.kind == "raw-http"}
    assert raw == {"lookup": True, "check": False}  # check: no phone number in scope -> TODO
    hosts = {u.line: u.fixable for u in find_http_usages(code) if u.kind == "host"}
    assert hosts == {4: True, 5: False}


def test_callback_url_in_a_v1_create_body():
    code = ('import requests\n'
            'requests.post("https://api.ding.live/v1/authentication", json={"phone_number": p, "callback_url": HOOK})\n'
            'requests.post("https://api.example.com/x", json={"callback_url": HOOK})\n')
    found = [(u.kind, u.line, u.column) for u in find_http_usages(code) if u.kind == "callback-url"]
    assert found == [("callback-url", 2, 83)]


def test_bytes_literals_are_reported_but_not_fixable():
    usages = find_http_usages('A = b"https://api.ding.live/v2/transactional"\nB = "https://api.ding.live/v2/x"\n')
    assert [(u.kind, u.line, u.fixable) for u in usages] == [("host", 1, False), ("host", 2, True)]
