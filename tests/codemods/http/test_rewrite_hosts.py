"""The hosts codemod: api.ding.live/v2 -> api.prelude.dev/v2, old docs links -> current pages."""
from __future__ import annotations

import pytest

from codemods.http.hosts import HostsCodemod
from rewrite_helpers import assert_codemod, assert_idempotent

# More pairs: the examples at the end of codemods/http/hosts.py (tests/codemods/test_codemod_examples.py).
PAIRS = [
    ("single-quotes-and-raw", '''
        a = 'https://api.ding.live/v2/notify'
        b = r"api.ding.live/v2"
     ''', '''
        a = 'https://api.prelude.dev/v2/notify'
        b = r"api.prelude.dev/v2"
     '''),
    ("f-string-text-part", '''
        url = f"https://api.ding.live/v2/{path}?id={tx_id}"
     ''', '''
        url = f"https://api.prelude.dev/v2/{path}?id={tx_id}"
     '''),
    ("implicit-concatenation", '''
        url = ("https://api.ding.live/v2"
               "/transactional")
     ''', '''
        url = ("https://api.prelude.dev/v2"
               "/transactional")
     '''),
    ("docs-link-in-string-and-comment", '''
        # errors: https://docs.prelude.so/api-reference/v2/errors
        HELP = "see https://docs.prelude.so/api-reference/v1/lookup for details"
     ''', '''
        # errors: https://docs.prelude.so/introduction/errors
        HELP = "see https://docs.prelude.so/lookup/v1/api-reference/look-up-for-phone-number for details"
     '''),
    ("docs-link-longest-prefix-wins", '''
        DOC = "https://docs.prelude.so/api-reference/v1/otp/send-a-code"
     ''', '''
        DOC = "https://docs.prelude.so/verify/v1/api-reference/send-a-code"
     '''),
]

NOOPS = [
    ("v1-host-is-raw-http-business", 'URL = "https://api.ding.live/v1/authentication"\n'),
    ("v2-code", 'URL = "https://api.prelude.dev/v2/verification"\n'),
    ("look-alike-host", 'URL = "https://mbktrading.live/v2/x"\nOTHER = "https://xapi.ding.live/v2"\n'),
    ("padding-and-dingtalk", 'padding = "0"\nHOOK = "https://oapi.dingtalk.com/robot/send?access_token=t"\n'),
    ("v2-prefix-only", 'URL = "https://api.ding.live/v2x"\n'),
    ("current-docs-link", '# https://docs.prelude.so/verify/v2/api-reference/check-a-code\n'),
]


@pytest.mark.parametrize("name,before,after", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(name, before, after):
    assert_codemod(HostsCodemod, before, after)


@pytest.mark.parametrize("name,before,after", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair_is_idempotent(name, before, after):
    assert_idempotent(HostsCodemod, after)


@pytest.mark.parametrize("name,code", NOOPS, ids=[n[0] for n in NOOPS])
def test_noop(name, code):
    assert_codemod(HostsCodemod, code, code)


def test_triggers_are_lower_case_bytes():
    assert all(isinstance(t, bytes) and t == t.lower() for t in HostsCodemod.TRIGGERS)
