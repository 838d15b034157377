"""Environment and configuration names: what the v2 SDKs read, and the v1 names seen in public
code. See docs/reference/v2-api.md ("Authentication") and v1-api.md ("Configuration names")."""
from __future__ import annotations

from typing import FrozenSet, Mapping

V2_API_KEY_ENV = "API_TOKEN"  # what prelude_python_sdk reads (not PRELUDE_API_TOKEN)
V2_BASE_URL_ENV = "PRELUDE_BASE_URL"

# v1 env/config names seen in public code -> what they held. The customer UUID
# and PRELUDE_X_API names only ever meant v1; the others ("DING_API_KEY", "DING_URL") are generic
# enough that the scanner wants other v1 evidence in the same file.
V1_CONFIG_NAMES: Mapping[str, str] = {
    "DING_API_KEY": "api-key", "DING_API_TOKEN": "api-key", "PRELUDE_X_API": "api-key",
    "DING_CUSTOMER_UUID": "customer-uuid", "PRELUDE_CUSTOMER_UUID": "customer-uuid",
    "ding_customer_uuid": "customer-uuid", "DING_API_CUSTOMER_UUID": "customer-uuid",
    "DING_URL": "base-url", "ding_api_endpoint": "base-url",
}
V1_CONFIG_NAMES_DISTINCTIVE: FrozenSet[str] = frozenset({
    "DING_CUSTOMER_UUID", "PRELUDE_CUSTOMER_UUID", "ding_customer_uuid", "DING_API_CUSTOMER_UUID",
    "PRELUDE_X_API"})
