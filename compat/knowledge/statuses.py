"""Statuses of create, check and retry in both directions, and the v2 block reasons. See
docs/reference/mapping.md ("Statuses")."""
from __future__ import annotations

from typing import FrozenSet, Mapping, Optional, Tuple

V2_BLOCKED = "blocked"  # the v2 create/retry status of a refused verification (see ``reason``)

# v2 create outcome -> v1 create status; blocked reasons that v1 modelled as errors are in
# CREATE_BLOCKED_AS_V1_ERROR instead.
CREATE_STATUS_V2_TO_V1: Mapping[str, str] = {
    "success": "pending", "retry": "pending", "challenged": "pending", "shadow_blocked": "pending",
    "blocked": "spam_detected",  # reasons suspicious / expired_signature / invalid_signature / none
}
CREATE_BLOCKED_REASON_TO_V1_STATUS: Mapping[str, str] = {"repeated_attempts": "rate_limited"}
CREATE_BLOCKED_AS_V1_ERROR: Mapping[str, str] = {
    "in_block_list": "blocked_number",
    "invalid_phone_number": "invalid_phone_number",
    "invalid_phone_line": "invalid_line",
}
V2_BLOCK_REASONS: Tuple[str, ...] = (
    "expired_signature", "in_block_list", "invalid_phone_line", "invalid_phone_number",
    "invalid_signature", "repeated_attempts", "suspicious",
)

# v1 create status -> the v2 statuses that a rewritten comparison should accept.
CREATE_STATUS_V1_TO_V2: Mapping[str, Tuple[str, ...]] = {
    "pending": ("success", "retry", "challenged", "shadow_blocked"),
    "rate_limited": ("blocked",),
    "spam_detected": ("blocked", "shadow_blocked"),
}

CHECK_STATUS_V2_TO_V1: Mapping[str, str] = {
    "success": "valid",
    "failure": "invalid",
    "expired_or_not_found": "expired_auth",  # already_validated only from adapter state
    "transaction_missing": "invalid",
    "transaction_mismatch": "invalid",
}
# v1 check status -> v2 status, or None where v2 has no equivalent (a TODO in rewritten code).
CHECK_STATUS_V1_TO_V2: Mapping[str, Optional[str]] = {
    "valid": "success",
    "invalid": "failure",
    "expired_auth": "expired_or_not_found",
    "without_attempt": "expired_or_not_found",  # approximate
    "already_validated": None,
    "rate_limited": None,
    "unknown": None,
}
CHECK_STATUS_APPROXIMATE: FrozenSet[str] = frozenset({"without_attempt"})

RETRY_STATUS_V2_TO_V1: Mapping[str, str] = {
    "retry": "approved", "success": "approved", "challenged": "approved", "shadow_blocked": "approved",
    "blocked": "denied",
}
RETRY_BLOCKED_REASON_TO_V1_STATUS: Mapping[str, str] = {"repeated_attempts": "rate_limited"}
RETRY_STATUS_V1_TO_V2: Mapping[str, Optional[str]] = {
    "approved": "retry", "denied": "blocked", "rate_limited": "blocked",
    "no_attempt": None, "expired_auth": None, "already_validated": None,
}

V1_CREATE_STATUSES = ("pending", "rate_limited", "spam_detected")
V1_CHECK_STATUSES = tuple(CHECK_STATUS_V1_TO_V2)
V1_RETRY_STATUSES = tuple(RETRY_STATUS_V1_TO_V2)
# The v1 statuses per operation that answers with one.
V1_STATUSES_BY_OP = {"create": V1_CREATE_STATUSES, "check": V1_CHECK_STATUSES, "retry": V1_RETRY_STATUSES}
