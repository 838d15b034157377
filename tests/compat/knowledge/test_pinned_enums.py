"""Pinned facts: line types, device types, feedback, channels and delivery statuses, written out
by hand from Prelude's documentation (v1 lookup and status pages, v2 lookup, create and history
pages, Watch feedback; docs/reference/mapping.md, "Enumerations"). Checked in the tables and
through ``compat.translate``."""
import pytest

from compat import translate
from compat.knowledge import enums
import reverse_translate

LINE_TYPES = {
    "CallingCards": "calling_cards", "FixedLine": "fixed_line", "InternetServiceProvider": "isp",
    "LocalRate": "local_rate", "Mobile": "mobile", "Other": "other", "Pager": "pager", "PayPhone": "payphone",
    "PremiumRate": "premium_rate", "Satellite": "satellite", "Service": "service", "SharedCost": "shared_cost",
    "ShortCodesCommercial": "short_codes_commercial", "TollFree": "toll_free",
    "UniversalAccess": "universal_access", "Unknown": "unknown", "VPN": "vpn", "VoiceMail": "voice_mail",
    "Voip": "voip",
}
DEVICE_TYPES = {"IOS": "ios", "ANDROID": "android", "WEB": "web", "IPADOS": "ipados", "TVOS": "tvos"}
FEEDBACK = {"onboarded": "verification.completed", "not_onboarded": None}
CHANNEL_TO_CAPABILITY = {"sms": "text", "rcs": "rcs", "whatsapp": "whatsapp", "viber": "viber"}
DELIVERY = {"unknown": "unknown", "submitted": "submitted", "in_transit": "in_transit", "delivered": "delivered",
            "undeliverable": "undeliverable", "expired": "undeliverable", "read": "delivered"}


def test_the_tables_hold_exactly_the_documented_values():
    assert dict(enums.LINE_TYPE_V1_TO_V2) == LINE_TYPES
    assert dict(enums.LINE_TYPE_V2_TO_V1) == {v: k for k, v in LINE_TYPES.items()}
    assert dict(enums.DEVICE_TYPE_V1_TO_V2) == DEVICE_TYPES
    assert dict(enums.DEVICE_TYPE_V2_TO_V1) == {v: k for k, v in DEVICE_TYPES.items()}
    assert dict(enums.FEEDBACK_STATUS_V1_TO_V2) == FEEDBACK
    assert dict(enums.CHANNEL_V2_TO_V1_CAPABILITY) == CHANNEL_TO_CAPABILITY
    assert dict(enums.DELIVERY_STATUS_V2_TO_V1) == DELIVERY


@pytest.mark.parametrize("v1,v2", sorted(LINE_TYPES.items()))
def test_line_type_both_ways_through_lookup(v1, v2):
    assert translate.lookup_response_to_v1({"phone_number": "+33612345678", "line_type": v2})["line_type"] == v1
    assert reverse_translate.lookup_response_to_v2({"line_type": v1})["line_type"] == v2


@pytest.mark.parametrize("v1,v2", sorted(DEVICE_TYPES.items()))
def test_device_type_both_ways(v1, v2):
    assert translate.create_request_to_v2({"phone_number": "+1", "device_type": v1})["signals"]["device_platform"] == v2
    history = {"device_platform": v2, "lifecycle": {"events": []}}
    assert translate.status_response_to_v1(history, "u")["signals"]["device_type"] == v1


def test_feedback():
    body = translate.feedback_request_to_v2({"phone_number": "+33612345678", "status": "onboarded"})
    assert body == {"feedbacks": [{"target": {"type": "phone_number", "value": "+33612345678"},
                                   "type": "verification.completed"}]}
    assert translate.feedback_request_to_v2({"phone_number": "+33612345678", "status": "not_onboarded"}) is None


def _attempt(channel, delivery_status):
    attempt = {"id": "a1", "created_at": "2026-01-01T00:00:00Z", "channel": channel, "status": "succeeded",
               "delivery_events": [{"status": delivery_status, "received_at": "2026-01-01T00:00:01Z"}]}
    return {"lifecycle": {"events": [{"type": "attempt", "attempt": attempt}]}}


@pytest.mark.parametrize("channel,capability", sorted(CHANNEL_TO_CAPABILITY.items()))
def test_attempt_channel_becomes_the_v1_capability(channel, capability):
    events = translate.status_response_to_v1(_attempt(channel, "delivered"), "u")["events"]
    assert [e["capability"] for e in events if e["type"] == "attempt"] == [capability]


@pytest.mark.parametrize("v2,v1", sorted(DELIVERY.items()))
def test_delivery_status(v2, v1):
    events = translate.status_response_to_v1(_attempt("sms", v2), "u")["events"]
    assert [e["status"] for e in events if e["type"] == "delivery_status"] == [v1]
