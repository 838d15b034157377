"""Small pieces both fakes share: time, ids, codes, phone-number checks."""
from __future__ import annotations

import datetime as _dt
import random
import re
import uuid
from typing import Callable, Optional

Clock = Callable[[], _dt.datetime]

# The enumerations the fakes accept, written out here (independent oracle, see compat.testing).
V1_LINE_TYPES = frozenset({
    "CallingCards", "FixedLine", "InternetServiceProvider", "LocalRate", "Mobile", "Other", "Pager",
    "PayPhone", "PremiumRate", "Satellite", "Service", "SharedCost", "ShortCodesCommercial", "TollFree",
    "UniversalAccess", "Unknown", "VPN", "VoiceMail", "Voip"})
V2_LINE_TYPES = frozenset({
    "calling_cards", "fixed_line", "isp", "local_rate", "mobile", "other", "pager", "payphone",
    "premium_rate", "satellite", "service", "shared_cost", "short_codes_commercial", "toll_free",
    "universal_access", "unknown", "vpn", "voice_mail", "voip"})
V2_DEVICE_PLATFORMS = frozenset({"android", "ios", "ipados", "tvos", "web"})
V2_BLOCK_REASONS = ("expired_signature", "in_block_list", "invalid_phone_line", "invalid_phone_number",
                    "invalid_signature", "repeated_attempts", "suspicious")

E164 = re.compile(r"\+[1-9][0-9]{6,14}")  # used with fullmatch: no trailing newline
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"  # ULID alphabet, lower-case as in vrf_ ids


def utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def checked_clock(clock: Optional[Clock]) -> Clock:
    """The clock to use; refuses naive datetimes early, where the mistake is made."""
    if clock is None:
        return utc_now

    def read() -> _dt.datetime:
        now = clock()
        if not isinstance(now, _dt.datetime) or now.tzinfo is None:
            raise ValueError(f"clock must return an aware datetime, got {now!r}")
        return now

    return read


def iso(moment: _dt.datetime) -> str:
    """RFC 3339 in UTC with a Z suffix, as both APIs write timestamps."""
    text = moment.astimezone(_dt.timezone.utc).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def is_e164(value: object) -> bool:
    return isinstance(value, str) and bool(E164.fullmatch(value))


class IdMaker:
    """Seedable source of ids and codes, so a test can make a fake reproducible."""

    def __init__(self, seed: Optional[int] = None) -> None:
        self._rng = random.Random(seed)

    def uuid4(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def ulid(self, moment: _dt.datetime) -> str:
        """26 Crockford base32 characters: 48-bit milliseconds, then 80 random bits."""
        value = (int(moment.timestamp() * 1000) << 80) | self._rng.getrandbits(80)
        chars = []
        for _ in range(26):
            chars.append(_CROCKFORD[value & 31])
            value >>= 5
        return "".join(reversed(chars))

    def code(self, size: int) -> str:
        return "".join(str(self._rng.randrange(10)) for _ in range(size))

    def digits(self, size: int) -> str:
        return self.code(size)


class ManualClock:
    """A clock for tests: stands still until ``advance`` moves it. Pass it as ``clock=``."""

    def __init__(self, start: Optional[_dt.datetime] = None) -> None:
        start = start or _dt.datetime(2026, 5, 4, 12, 0, tzinfo=_dt.timezone.utc)
        if start.tzinfo is None:
            raise ValueError("start must be an aware datetime")
        self.now = start

    def __call__(self) -> _dt.datetime:
        return self.now

    def advance(self, seconds: float = 0, **delta: float) -> _dt.datetime:
        """Move forward by ``seconds`` (and/or ``minutes=``, ``hours=``...); returns the new time."""
        self.now += _dt.timedelta(seconds=seconds, **delta)
        return self.now


class OffsetClock:
    """Real time plus whatever ``advance`` added: windows still close on their own, and a test
    (or the sandbox's control API) can jump ahead. Pass it as ``clock=``."""

    def __init__(self) -> None:
        self.offset = _dt.timedelta(0)

    def __call__(self) -> _dt.datetime:
        return utc_now() + self.offset

    def advance(self, seconds: float = 0, **delta: float) -> _dt.datetime:
        """Move forward by ``seconds`` (and/or ``minutes=``...); returns the new time."""
        step = _dt.timedelta(seconds=seconds, **delta)
        if step < _dt.timedelta(0):
            raise ValueError("the clock only moves forward")
        self.offset += step
        return self()
