"""Stateless ``authentication_uuid``: a UUIDv4 string that seals an E.164 number and a time.

v2 check and retry need the phone number; v1 callers only hold the id. Instead of keeping a
table, the id itself carries the number, encrypted and authenticated (encode-then-encipher):

    payload  = phone digits as an integer (50 bits: 15 digits < 2**50)
             | issue time in minutes since 2024-01-01 UTC (24 bits: until 2055)
             | nonce (4 bits: random per create)
    tag      = BLAKE2b-MAC(mac_key, payload), 44 bits
    block    = payload || tag                          (122 bits)
    id bits  = Feistel_8(enc_key, block)               (8 rounds of keyed BLAKE2b: a permutation)
    id       = those 122 bits placed around the version (4) and variant (10) bits

Changing any bit of the id scrambles the whole deciphered block, so the tag matches by chance
with probability 2**-44 per attempt (per accepted secret). The number cannot be read without
the key. Both keys are derived with HKDF-SHA256 from the v2 API key (or an explicit secret)
under a fixed label, so every process holding the same key reads the same ids. The nonce gives
one number 16 distinct ids per minute: two creates for the same number in the same minute get
different ids (the adapter picks, with a store, one no other create holds). Standard library only.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import random
from typing import Dict, NamedTuple, Optional, Sequence, Tuple, Union

E164 = re.compile(r"\+[1-9][0-9]{1,14}\Z")
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\Z")

EPOCH = 1704067200  # 2024-01-01T00:00:00Z
TIME_UNIT = 60  # seconds per tick of the sealed issue time
_PHONE_BITS, _TIME_BITS, _NONCE_BITS, _TAG_BITS = 50, 24, 4, 44
NONCES = 1 << _NONCE_BITS  # distinct ids per number and minute
_TAG_BYTES = (_TAG_BITS + 7) // 8
_BLOCK_BITS = _PHONE_BITS + _TIME_BITS + _NONCE_BITS + _TAG_BITS  # 122, every non-fixed bit of a UUIDv4
_HALF = _BLOCK_BITS // 2
_HALF_MASK = (1 << _HALF) - 1
_ROUNDS = 8
_CACHE_SIZE = 4096
_LABEL = b"prelude-migrate compat authentication_uuid v2"  # v2: the layout with a nonce


def _random_nonce() -> int:
    # Distinctness is all a nonce needs here (the key keeps ids unforgeable and unreadable),
    # so the fast Mersenne Twister does, not a system call per create.
    return random.getrandbits(_NONCE_BITS)


class InvalidId(ValueError):
    """The id was not minted with any of the accepted secrets, or was altered."""


class Sealed(NamedTuple):
    phone_number: str
    issued_at: int  # Unix seconds, rounded down to TIME_UNIT


def _hkdf(secret: bytes, info: bytes, length: int = 32) -> bytes:
    prk = hmac.new(_LABEL, secret, hashlib.sha256).digest()  # RFC 5869 extract, label as salt
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()[:length]


def _as_bytes(secret: Union[str, bytes]) -> bytes:
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    if not secret:
        raise ValueError("sealing needs a non-empty secret (the v2 API key or an explicit one)")
    return secret


class _Keys(NamedTuple):
    """Keyed BLAKE2b states (a MAC in hashlib, several times faster than HMAC), copied per use."""
    rounds: Tuple["hashlib._Hash", ...]
    mac: "hashlib._Hash"


def _keys(secret: Union[str, bytes]) -> _Keys:
    raw = _as_bytes(secret)
    enc, mac = _hkdf(raw, b"enc"), _hkdf(raw, b"mac")
    rounds = tuple(hashlib.blake2b(key=enc, digest_size=8, person=b"round%d" % i) for i in range(_ROUNDS))
    return _Keys(rounds, hashlib.blake2b(key=mac, digest_size=_TAG_BYTES, person=b"tag"))


def _prf(state: "hashlib._Hash", value: int, size: int) -> int:
    h = state.copy()
    h.update(value.to_bytes(size, "big"))
    return int.from_bytes(h.digest(), "big")


def _encipher(keys: _Keys, block: int) -> int:
    left, right = block >> _HALF, block & _HALF_MASK
    for state in keys.rounds:
        left, right = right, left ^ (_prf(state, right, 8) & _HALF_MASK)
    return (left << _HALF) | right


def _decipher(keys: _Keys, block: int) -> int:
    left, right = block >> _HALF, block & _HALF_MASK
    for state in reversed(keys.rounds):
        left, right = right ^ (_prf(state, left, 8) & _HALF_MASK), left
    return (left << _HALF) | right


def _tag(keys: _Keys, payload: int) -> int:
    return _prf(keys.mac, payload, 10) & ((1 << _TAG_BITS) - 1)


def _to_uuid(bits: int) -> str:
    # 48 bits | version 4 | 12 bits | variant 0b10 | 62 bits
    value = ((bits >> 74) << 80) | (4 << 76) | (((bits >> 62) & 0xFFF) << 64) | (2 << 62) | (bits & ((1 << 62) - 1))
    h = "%032x" % value
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _from_uuid(text: str) -> int:
    value = int(text.replace("-", ""), 16)
    return ((value >> 80) << 74) | (((value >> 64) & 0xFFF) << 62) | (value & ((1 << 62) - 1))


class Sealer:
    """Mints and opens sealed ids. ``previous_secrets`` keep old ids readable after a rotation."""

    def __init__(self, secret: Union[str, bytes], previous_secrets: Sequence[Union[str, bytes]] = ()):
        self._current = _keys(secret)
        self._accepted = (self._current, *(_keys(s) for s in previous_secrets))
        # Ids already minted or opened here: a check usually follows its create in the same
        # process, so this skips most decipherings. Bounded; only valid ids ever enter it.
        self._known: Dict[str, Sealed] = {}

    def _remember(self, authentication_uuid: str, sealed: Sealed) -> None:
        if len(self._known) >= _CACHE_SIZE:
            self._known.clear()
        self._known[authentication_uuid] = sealed

    def seal(self, phone_number: str, issued_at: float, nonce: Optional[int] = None) -> str:
        """A new id for the number at that time; ``nonce`` (0 to ``NONCES - 1``, random when
        None) tells apart ids of the same number in the same minute."""
        if not isinstance(phone_number, str) or not E164.match(phone_number):
            raise ValueError(f"not an E.164 phone number: {phone_number!r}")
        ticks = (int(issued_at) - EPOCH) // TIME_UNIT
        if not 0 <= ticks < (1 << _TIME_BITS):
            raise ValueError("issue time outside the sealable range (2024-01-01 to 2055)")
        if nonce is None:
            nonce = _random_nonce()
        if not 0 <= nonce < NONCES:
            raise ValueError(f"nonce must be in [0, {NONCES})")
        payload = (((int(phone_number[1:]) << _TIME_BITS) | ticks) << _NONCE_BITS) | nonce
        block = (payload << _TAG_BITS) | _tag(self._current, payload)
        authentication_uuid = _to_uuid(_encipher(self._current, block))
        self._remember(authentication_uuid, Sealed(phone_number, EPOCH + ticks * TIME_UNIT))
        return authentication_uuid

    def open(self, authentication_uuid: str) -> Sealed:
        """The sealed number and issue time; ``InvalidId`` for anything not minted here."""
        if not isinstance(authentication_uuid, str) or not authentication_uuid.isascii():
            raise InvalidId("not a UUIDv4 minted by the compat adapter")
        # UUIDs compare case-insensitively (RFC 9562): a database or a Swift client that hands
        # the id back in upper case still means the same id.
        authentication_uuid = authentication_uuid.lower()
        if not _CANONICAL.match(authentication_uuid):
            raise InvalidId("not a canonical UUIDv4 minted by the compat adapter")
        known = self._known.get(authentication_uuid)
        if known is not None:
            return known
        bits = _from_uuid(authentication_uuid)
        for keys in self._accepted:
            block = _decipher(keys, bits)
            payload = block >> _TAG_BITS
            if hmac.compare_digest(_tag(keys, payload).to_bytes(_TAG_BYTES, "big"),
                                   (block & ((1 << _TAG_BITS) - 1)).to_bytes(_TAG_BYTES, "big")):
                digits = payload >> (_TIME_BITS + _NONCE_BITS)
                if digits < 10:  # cannot come from seal(): E.164 has at least two digits
                    continue
                ticks = (payload >> _NONCE_BITS) & ((1 << _TIME_BITS) - 1)
                sealed = Sealed("+%d" % digits, EPOCH + ticks * TIME_UNIT)
                self._remember(authentication_uuid, sealed)
                return sealed
        raise InvalidId("authentication_uuid is not valid for this key (forged, altered or from another key)")
