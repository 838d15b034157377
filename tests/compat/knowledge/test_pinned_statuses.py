"""Pinned facts: statuses of create, check and retry between v1 and v2, written out by hand
from Prelude's documentation (v1 send/check/retry pages, v2 create/check pages, the migration
guide; summarised in docs/reference/mapping.md, "Statuses"). Checked in the tables and through
``compat.translate``, whose answers the adapter sends."""
import pytest

from compat import translate
from compat.knowledge import statuses as st

UUID = "00000000-0000-4000-8000-0000000000aa"
NOW = "2026-01-01T00:00:00Z"

# v2 create status (no reason) -> v1 create status
CREATE_V2_TO_V1 = {"success": "pending", "retry": "pending", "challenged": "pending",
                   "shadow_blocked": "pending", "blocked": "spam_detected"}
# v2 blocked reason -> v1 outcome of the create: ("status", s) or ("error", code)
CREATE_BLOCKED = {
    "repeated_attempts": ("status", "rate_limited"),
    "suspicious": ("status", "spam_detected"),
    "expired_signature": ("status", "spam_detected"),
    "invalid_signature": ("status", "spam_detected"),
    "in_block_list": ("error", "blocked_number"),
    "invalid_phone_number": ("error", "invalid_phone_number"),
    "invalid_phone_line": ("error", "invalid_line"),
}
# v1 create status -> v2 statuses a rewritten comparison accepts
CREATE_V1_TO_V2 = {"pending": {"success", "retry", "challenged", "shadow_blocked"},
                   "rate_limited": {"blocked"}, "spam_detected": {"blocked", "shadow_blocked"}}
CHECK_V2_TO_V1 = {"success": "valid", "failure": "invalid", "expired_or_not_found": "expired_auth",
                  "transaction_missing": "invalid", "transaction_mismatch": "invalid"}
CHECK_V1_TO_V2 = {"valid": "success", "invalid": "failure", "expired_auth": "expired_or_not_found",
                  "without_attempt": "expired_or_not_found", "already_validated": None,
                  "rate_limited": None, "unknown": None}
RETRY_V2_TO_V1 = {"retry": "approved", "success": "approved", "challenged": "approved",
                  "shadow_blocked": "approved", "blocked": "denied"}
RETRY_BLOCKED = {"repeated_attempts": "rate_limited", "suspicious": "denied", "in_block_list": "denied"}
RETRY_V1_TO_V2 = {"approved": "retry", "denied": "blocked", "rate_limited": "blocked", "no_attempt": None,
                  "expired_auth": None, "already_validated": None}
BLOCK_REASONS = {"expired_signature", "in_block_list", "invalid_phone_line", "invalid_phone_number",
                 "invalid_signature", "repeated_attempts", "suspicious"}


def test_the_tables_know_exactly_the_documented_statuses():
    assert dict(st.CREATE_STATUS_V2_TO_V1) == CREATE_V2_TO_V1
    assert {k: set(v) for k, v in st.CREATE_STATUS_V1_TO_V2.items()} == CREATE_V1_TO_V2
    assert dict(st.CHECK_STATUS_V2_TO_V1) == CHECK_V2_TO_V1
    assert dict(st.CHECK_STATUS_V1_TO_V2) == CHECK_V1_TO_V2
    assert dict(st.RETRY_STATUS_V2_TO_V1) == RETRY_V2_TO_V1
    assert dict(st.RETRY_STATUS_V1_TO_V2) == RETRY_V1_TO_V2
    assert set(st.V2_BLOCK_REASONS) == BLOCK_REASONS
    assert set(st.CHECK_STATUS_APPROXIMATE) == {"without_attempt"}
    assert set(st.V1_CREATE_STATUSES) == {"pending", "rate_limited", "spam_detected"}


@pytest.mark.parametrize("v2_status,v1_status", sorted(CREATE_V2_TO_V1.items()))
def test_create_status(v2_status, v1_status):
    assert translate.create_response_to_v1({"id": "vrf_1", "status": v2_status}, UUID, NOW) == (
        200, {"authentication_uuid": UUID, "status": v1_status, "created_at": NOW})


@pytest.mark.parametrize("reason,outcome", sorted(CREATE_BLOCKED.items()))
def test_blocked_create_by_reason(reason, outcome):
    status, body = translate.create_response_to_v1({"id": "vrf_1", "status": "blocked", "reason": reason}, UUID, NOW)
    kind, value = outcome
    assert (status, body.get("status") if kind == "status" else body.get("code")) == (
        (200, value) if kind == "status" else (400, value))


def test_in_block_list_as_a_status_on_request():
    status, body = translate.create_response_to_v1({"status": "blocked", "reason": "in_block_list"}, UUID, NOW,
                                                   blocked_number_as_error=False)
    assert (status, body["status"]) == (200, "spam_detected")


@pytest.mark.parametrize("v2_status,v1_status", sorted(CHECK_V2_TO_V1.items()))
def test_check_status(v2_status, v1_status):
    assert translate.check_response_to_v1({"status": v2_status}, UUID) == (
        200, {"authentication_uuid": UUID, "status": v1_status})


def test_already_validated_comes_from_adapter_state_only():
    assert translate.check_response_to_v1({"status": "expired_or_not_found"}, UUID, already_validated=True)[1][
        "status"] == "already_validated"
    assert translate.check_response_to_v1({"status": "failure"}, UUID, already_validated=True)[1][
        "status"] == "invalid"


@pytest.mark.parametrize("v2_status,v1_status", sorted(RETRY_V2_TO_V1.items()))
def test_retry_status(v2_status, v1_status):
    assert translate.retry_response_to_v1({"status": v2_status}, UUID, NOW)[1]["status"] == v1_status


@pytest.mark.parametrize("reason,v1_status", sorted(RETRY_BLOCKED.items()))
def test_blocked_retry_by_reason(reason, v1_status):
    assert translate.retry_response_to_v1({"status": "blocked", "reason": reason}, UUID, NOW)[1]["status"] == v1_status
