"""Enumerated values that differ between v1 and v2: line types, device types, feedback
statuses, channels and delivery statuses. See docs/reference/mapping.md ("Enumerations")."""
from __future__ import annotations

from typing import Mapping, Optional

LINE_TYPE_V1_TO_V2: Mapping[str, str] = {
    "CallingCards": "calling_cards", "FixedLine": "fixed_line", "InternetServiceProvider": "isp",
    "LocalRate": "local_rate", "Mobile": "mobile", "Other": "other", "Pager": "pager",
    "PayPhone": "payphone", "PremiumRate": "premium_rate", "Satellite": "satellite",
    "Service": "service", "SharedCost": "shared_cost", "ShortCodesCommercial": "short_codes_commercial",
    "TollFree": "toll_free", "UniversalAccess": "universal_access", "Unknown": "unknown",
    "VPN": "vpn", "VoiceMail": "voice_mail", "Voip": "voip",
}
LINE_TYPE_V2_TO_V1: Mapping[str, str] = {v: k for k, v in LINE_TYPE_V1_TO_V2.items()}

# v1 device_type (create takes the first three, status answers all five) <-> v2 device_platform.
DEVICE_TYPE_V1_TO_V2: Mapping[str, str] = {
    "IOS": "ios", "ANDROID": "android", "WEB": "web", "IPADOS": "ipados", "TVOS": "tvos",
}
DEVICE_TYPE_V2_TO_V1: Mapping[str, str] = {v: k for k, v in DEVICE_TYPE_V1_TO_V2.items()}

# v1 feedback status -> Watch feedback type; not_onboarded has no equivalent.
FEEDBACK_STATUS_V1_TO_V2: Mapping[str, Optional[str]] = {
    "onboarded": "verification.completed",
    "not_onboarded": None,
}

# v2 history attempt channel -> v1 capability; others have no v1 value.
CHANNEL_V2_TO_V1_CAPABILITY: Mapping[str, str] = {
    "sms": "text", "rcs": "rcs", "whatsapp": "whatsapp", "viber": "viber",
}


# v2 history delivery status -> v1 delivery_status event status (expired and read are the
# reference's suggestions; silent_* have no v1 value and are skipped).
DELIVERY_STATUS_V2_TO_V1: Mapping[str, str] = {
    "unknown": "unknown", "submitted": "submitted", "in_transit": "in_transit",
    "delivered": "delivered", "undeliverable": "undeliverable",
    "expired": "undeliverable", "read": "delivered",
}
