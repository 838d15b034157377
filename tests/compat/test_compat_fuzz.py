"""Fuzz (hypothesis, bounded): whatever body or path a v1 caller sends, each of the three shells
answers in v1 shape, no exception escapes, nothing is logged as a failure, and no v1 call makes
more than one v2 create or check."""
from __future__ import annotations

import contextlib
import json
import logging
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compat.engine import Engine
from compat.knowledge.operations import CREATE_FIELD_MOVES
from compat.testing import FakeV2
from compat_helpers import PHONE, V2_KEY
from compat_shells import SHELLS, Client

SENDING = {("POST", "/v2/verification"), ("POST", "/v2/verification/check")}
VALID_ID = Engine(api_key=V2_KEY).sealer.seal(PHONE, time.time())  # any shell with the key opens it

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)
_FIELDS = ["customer_uuid", "phone_number", "authentication_uuid", "check_code", "status", *sorted(CREATE_FIELD_MOVES)]
_VALUES = _JSON_VALUES | st.sampled_from([PHONE, VALID_ID, VALID_ID.upper(), "123456", "onboarded", "ANDROID"])
_BODIES = (st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=6).map(lambda b: json.dumps(b).encode())
           | st.binary(max_size=60) | _JSON_VALUES.map(lambda v: json.dumps(v).encode()))
_POSTS = ["/authentication", "/check", "/retry", "/authentication/feedback", "/lookup", "/nothing"]
_SEGMENTS = st.sampled_from([PHONE, VALID_ID, "%2E%2E", "feedback"]) | st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0x7e, blacklist_characters="/?#%"), min_size=1, max_size=20)


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


@contextlib.contextmanager
def _errors_logged():
    handler = _Errors()
    logger = logging.getLogger("compat")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def _assert_v1_shaped(answer) -> None:
    assert answer.status < 500, answer.body
    assert isinstance(answer.body, dict), answer.body
    if answer.status == 403:
        assert set(answer.body) == {"message"}
    elif answer.status >= 400:
        assert {"code", "message", "doc_url"} <= set(answer.body)
    else:
        assert "code" not in answer.body


def _sending_calls(fake: FakeV2) -> int:
    return sum((r.method, r.path) in SENDING for r in fake.requests)


@pytest.mark.parametrize("kind", SHELLS)
@settings(max_examples=60, deadline=None)
@given(request=st.one_of(
    st.tuples(st.just("POST"), st.sampled_from(_POSTS), _BODIES),
    st.tuples(st.just("GET"), st.sampled_from(["/authentication/", "/lookup/"]), _SEGMENTS),
))
def test_any_v1_request_gets_a_v1_answer_and_at_most_one_sending_v2_call(kind, request):
    method, path, payload = request
    fake = FakeV2(api_key=V2_KEY)
    with fake.serve_requests(), _errors_logged() as logged:
        client = Client(kind, fake, forward_feedback=True)
        if method == "POST":
            answer = client.post(path, data=payload)
        else:
            answer = client.get(path + payload)
    _assert_v1_shaped(answer)
    assert logged == []
    assert _sending_calls(fake) <= 1
