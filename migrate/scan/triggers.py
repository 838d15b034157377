"""The Python pre-filter tokens, importable without libcst.

``codemods.detect`` and ``codemods.urls`` own these tokens, but importing them pulls in libcst
(~0.3 s): a scan of a tree without a single trigger must not pay that. The values here are
built from the same ``compat.tables`` data and ``tests/test_scan_triggers.py`` proves them
equal to ``codemods.detect.SDK_TRIGGERS`` / ``DISTINCTIVE_METHODS`` and
``codemods.urls.HTTP_TRIGGERS``, so a change there fails the tests instead of drifting.
"""
from __future__ import annotations

from typing import FrozenSet, Tuple

from compat.tables import SDK_V1_PAYLOAD_ATTRS

SDK_TRIGGERS: Tuple[bytes, ...] = (
    b"import ding", b"from ding", b"import sdk", b"from sdk", b".otp.", b"lookup.lookup",
    b"autentication",
) + tuple(sorted({attr.encode() for attr in SDK_V1_PAYLOAD_ATTRS.values()}))

HTTP_TRIGGERS: Tuple[bytes, ...] = (
    b"api.ding.live", b"docs.prelude.so/api-reference", b"docs.ding.live", b"/v2/transactional",
)

# v1 SDK method names no other library is likely to have (evidence on any receiver).
DISTINCTIVE_METHODS: FrozenSet[str] = frozenset({
    "create_autentication", "create_authentication", "get_authentication_status",
    "post_authentication", "post_check", "post_retry", "post_lookup"})

__all__ = ["DISTINCTIVE_METHODS", "HTTP_TRIGGERS", "SDK_TRIGGERS"]
