"""Sealed authentication_uuid: round-trips every E.164 number, refuses any altered id."""
from __future__ import annotations

import random
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compat.sealing import EPOCH, NONCES, TIME_UNIT, InvalidId, Sealer

SEALER = Sealer("test-v2-key")
E164_NUMBERS = st.from_regex(r"\+[1-9][0-9]{1,14}", fullmatch=True)
TIMES = st.integers(min_value=EPOCH, max_value=EPOCH + (1 << 24) * TIME_UNIT - 1)
HEX_AND_MORE = "0123456789abcdefABCDEF-gz {}"


@given(phone=E164_NUMBERS, issued_at=TIMES)
def test_sealing_round_trips_every_e164_number(phone, issued_at):
    authentication_uuid = SEALER.seal(phone, issued_at)
    parsed = uuid.UUID(authentication_uuid)
    assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert str(parsed) == authentication_uuid
    opened = SEALER.open(authentication_uuid)
    assert opened.phone_number == phone
    assert opened.issued_at == issued_at - (issued_at - EPOCH) % TIME_UNIT


@settings(max_examples=300)
@given(phone=E164_NUMBERS, issued_at=TIMES, data=st.data())
def test_any_single_character_change_is_refused(phone, issued_at, data):
    authentication_uuid = SEALER.seal(phone, issued_at, nonce=data.draw(st.integers(0, NONCES - 1)))
    index = data.draw(st.integers(min_value=0, max_value=len(authentication_uuid) - 1))
    # a change of case is not a change of the UUID (RFC 9562 compares case-insensitively)
    replacement = data.draw(st.sampled_from(
        [c for c in HEX_AND_MORE if c.lower() != authentication_uuid[index]]))
    altered = authentication_uuid[:index] + replacement + authentication_uuid[index + 1:]
    with pytest.raises(InvalidId):
        Sealer("test-v2-key").open(altered)  # a fresh sealer: no cache of known ids to lean on


@given(phone=E164_NUMBERS, issued_at=TIMES)
def test_an_id_in_upper_case_opens_to_the_same_number(phone, issued_at):
    authentication_uuid = SEALER.seal(phone, issued_at)
    assert Sealer("test-v2-key").open(authentication_uuid.upper()) == SEALER.open(authentication_uuid)


@given(phone=E164_NUMBERS, issued_at=TIMES)
def test_the_number_is_not_readable_in_the_id(phone, issued_at):
    authentication_uuid = SEALER.seal(phone, issued_at)
    digits = phone[1:]
    if len(digits) >= 8:  # shorter runs of digits may appear in random hex by chance
        assert digits not in authentication_uuid.replace("-", "")


def test_ids_differ_by_key_and_are_refused_by_another_key():
    mine = SEALER.seal("+33612345678", EPOCH + 1000)
    theirs = Sealer("another-key").seal("+33612345678", EPOCH + 1000)
    assert mine != theirs
    with pytest.raises(InvalidId):
        SEALER.open(theirs)


def test_previous_secrets_are_accepted_after_rotation():
    old = Sealer("old").seal("+14155550100", EPOCH + 120)
    rotated = Sealer("new", previous_secrets=["old"])
    assert rotated.open(old).phone_number == "+14155550100"
    assert Sealer("new").seal("+14155550100", EPOCH + 120, nonce=3) == rotated.seal("+14155550100", EPOCH + 120, nonce=3)


@pytest.mark.parametrize("forged", [str(uuid.UUID(int=random.Random(seed).getrandbits(128), version=4))
                                    for seed in range(50)])
def test_random_uuid4_are_refused(forged):
    with pytest.raises(InvalidId):
        SEALER.open(forged)


@pytest.mark.parametrize("bad", ["0612345678", "+0612345678", "+1234567890123456", "33612345678", "", None])
def test_seal_refuses_what_is_not_e164(bad):
    with pytest.raises(ValueError):
        SEALER.seal(bad, EPOCH)


def test_seal_refuses_times_outside_the_range():
    with pytest.raises(ValueError):
        SEALER.seal("+33612345678", EPOCH - 1)


def test_an_empty_secret_is_refused():
    with pytest.raises(ValueError, match="secret"):
        Sealer("")


def test_the_same_number_in_the_same_minute_gets_one_id_per_nonce():
    """Issue 15 item 9: two creates no longer share an id by construction."""
    ids = {SEALER.seal("+33612345678", EPOCH + 600, nonce=n) for n in range(NONCES)}
    assert len(ids) == NONCES
    fresh = Sealer("test-v2-key")
    assert {fresh.open(i) for i in ids} == {fresh.open(next(iter(ids)))}  # same number, same minute
    assert len({SEALER.seal("+33612345678", EPOCH + 600) for _ in range(64)}) > 1  # random nonces
