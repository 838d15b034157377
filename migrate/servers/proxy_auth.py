"""Who may use the proxy: the client keys, compared in constant time.

Callers authenticate with the key they already send: ``X-API-Key`` on ``/v1/*`` (the v1 header)
and, on the legacy ``/v2/*`` paths, that header or ``Authorization: Bearer <key>`` (what v2
callers of ``api.ding.live/v2`` sent). The v2 key itself never leaves the proxy.
"""
from __future__ import annotations

import hashlib
import hmac
from typing import Iterable, Mapping, Optional, Tuple

from compat.knowledge.hosts import V1_AUTH_HEADER, V2_AUTH_HEADER, V2_AUTH_SCHEME

CLIENT_KEYS_ENV = "PRELUDE_COMPAT_CLIENT_KEYS"  # comma-separated


def keys_from(text: Optional[str]) -> Tuple[str, ...]:
    """The keys of a comma-separated list (blanks and surrounding spaces dropped)."""
    return tuple(key.strip() for key in (text or "").split(",") if key.strip())


class ClientKeys:
    """The accepted keys, kept as SHA-256 digests: every check compares 32 bytes against every
    key with ``hmac.compare_digest``, so neither the length of a key nor which one matched shows
    in the time taken."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._digests = tuple(hashlib.sha256(key.encode("utf-8")).digest() for key in keys)

    def __len__(self) -> int:
        return len(self._digests)

    def accepts(self, given: Optional[str]) -> bool:
        if not given:
            return False
        digest = hashlib.sha256(given.encode("utf-8", "surrogateescape")).digest()
        matched = False
        for known in self._digests:
            matched |= hmac.compare_digest(digest, known)
        return matched


def presented_key(headers: Mapping[str, str], legacy_v2: bool) -> Optional[str]:
    """The key a caller presented (headers with lower-case names, as Starlette gives them)."""
    key = headers.get(V1_AUTH_HEADER.lower())
    if key or not legacy_v2:
        return key
    scheme, _, token = headers.get(V2_AUTH_HEADER.lower(), "").partition(" ")
    return token.strip() if scheme.lower() == V2_AUTH_SCHEME.lower() else None
