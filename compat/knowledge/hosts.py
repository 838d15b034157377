"""Hosts, base URLs and authentication headers of both APIs; the ONE anchored pattern for the
v1 host (used by compat, the scanner and the codemods alike), v1 path -> operation, and the
legacy ``api.ding.live/v2`` host swap. See docs/reference/v1-api.md and v2-api.md."""
from __future__ import annotations

import re
from typing import Optional

from compat.knowledge.operations import OPERATIONS

V1_HOST = "api.ding.live"
V1_BASE_URL = "https://api.ding.live/v1"
LEGACY_V2_BASE_URL = "https://api.ding.live/v2"  # transactional, deprecated October 2025
LEGACY_V2_HOST_PREFIX = "api.ding.live/v2"  # LEGACY_V2_BASE_URL without its scheme, as text contains it
V2_HOST = "api.prelude.dev"
V2_ORIGIN = "https://api.prelude.dev"  # the v2 SDKs' base URL; paths start with /v2/
V2_BASE_URL = "https://api.prelude.dev/v2"

V1_AUTH_HEADER = "X-API-Key"  # the spec spells it x-api-key; header names are case-insensitive
V1_CUSTOMER_HEADER = "customer-uuid"  # lookup only; every POST carries customer_uuid in the body
V2_AUTH_HEADER = "Authorization"
V2_AUTH_SCHEME = "Bearer"

# --- the v1 host pattern --------------------------------------------------------------------
#
# Anchored: no host character may touch it on either side, so ``mbktrading.live/v1``,
# ``xapi.ding.live``, ``my_api.ding.live`` and ``api.ding.live.example.com`` are not it. Matches
# an optional scheme (``https://``, ``http://``, scheme-relative ``//``), the fully qualified form
# with a trailing dot (``api.ding.live./v1``), a port (``api.ding.live:443``) and a path. A host
# right after a URL-encoded slash (``https%3A%2F%2Fapi.ding.live``, redirect parameters) counts.
# The path stops at white space, quotes, ``<>`` and backtick, at ``)]},;`` (the end of a link
# in prose or a call in code) and at a backslash (a JSON-escaped quote).
# The host itself matches case-insensitively in ASCII only (``(?a:...)``): under Unicode rules
# "apı" (a dotless ı) would match too, while the text gates compare ``lower()``d
# text with the plain host and would let such a file by. The rest keeps Unicode's ``\s``, ``\d``.
V1_HOST_PATTERN = (
    r"(?P<scheme>https?://|//)?"
    r"(?:(?<=%2[Ff])|(?<![A-Za-z0-9_.\-]))"
    r"(?a:api\.ding\.live)(?:\.(?=[:/]))?"
    r"(?![A-Za-z0-9_\-]|\.[A-Za-z0-9])"
    r"(?P<port>:\d+)?"
    r"(?P<path>/[^\s'\"<>`)\]},;\\]*)?"
)
V1_HOST_RE = re.compile(V1_HOST_PATTERN, re.IGNORECASE)
# A URL text that starts with the v1 base URL (scheme optional, any port): ``.match`` gives the
# prefix to replace. V1_BASE_ONLY_RE: the v1 base URL alone (a trailing slash allowed).
V1_BASE_PREFIX_RE = re.compile(r"^(?:https?://|//)?(?a:api\.ding\.live)(?::\d+)?/v1", re.IGNORECASE)
V1_BASE_ONLY_RE = re.compile(V1_BASE_PREFIX_RE.pattern + r"/?$", re.IGNORECASE)

V1_UNKNOWN_OPERATION = "v1"  # classify_url: a v1 URL that is no known endpoint (e.g. the base URL)
LEGACY_V2 = "legacy-v2"  # classify_url: api.ding.live/v2 (the transactional API)
_PATH_PARAMETER_NOT = "feedback"  # /authentication/feedback is an operation, not an auth_uuid


def v1_path_operation(path: str) -> str:
    """The v1 operation (a key of ``OPERATIONS``) for a path relative to ``/v1`` (no query),
    or ``V1_UNKNOWN_OPERATION``."""
    parts = [p for p in path.strip("/").split("/") if p] if path else []
    for op in OPERATIONS.values():
        pattern = [p for p in op.v1_path.strip("/").split("/") if p]
        if len(pattern) != len(parts):
            continue
        if all(want == got or (want.startswith("{") and got and got != _PATH_PARAMETER_NOT)
               for want, got in zip(pattern, parts)):
            return op.name
    return V1_UNKNOWN_OPERATION


def classify_url(url: str) -> Optional[str]:
    """The v1 operation a URL targets (a key of ``OPERATIONS``), ``LEGACY_V2`` for
    ``api.ding.live/v2``, ``V1_UNKNOWN_OPERATION`` for another v1 URL (the base URL, an unknown
    path, the bare host), ``None`` when it is not on the v1 host at all."""
    match = V1_HOST_RE.search(url)
    if match is None:
        return None
    path = re.split(r"[?#]", match.group("path") or "", maxsplit=1)[0]
    lowered = path.lower()
    if lowered == "/v2" or lowered.startswith("/v2/"):
        return LEGACY_V2
    if lowered == "/v1" or lowered.startswith("/v1/"):
        return v1_path_operation(path[3:])
    return V1_UNKNOWN_OPERATION


def is_v1_url(url: str) -> bool:
    return V1_HOST_RE.search(url) is not None


# --- the legacy v2 host ----------------------------------------------------------------------

_LEGACY_V2_HOST_RE = re.compile(
    r"(?:(?P<scheme>https?://))?(?<![A-Za-z0-9_.\-])(?a:api\.ding\.live)(?:\.(?=[:/]))?(?::443)?"
    r"(?=/v2(?:[/?#'\"`\s<>)\]},;\\]|$))",  # /v2, then what may end a URL in text (V1_HOST_PATTERN's set)
    re.IGNORECASE,
)


def replace_legacy_host(text: str) -> str:
    """``api.ding.live/v2...`` -> ``https://api.prelude.dev/v2...`` (same path); any other text,
    including ``api.ding.live/v1``, is left as it is."""
    def swap(match: "re.Match[str]") -> str:
        return ("https://" if match.group("scheme") else "") + V2_HOST

    return _LEGACY_V2_HOST_RE.sub(swap, text)
