"""Constants and small helpers for the sandbox and proxy tests (tests/migrate/servers)."""
V2_KEY = "test-v2-key"
V1_KEY = "test-v1-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
PHONE = "+33612345678"
OTHER_PHONE = "+447700900123"


def target(phone=PHONE):
    return {"type": "phone_number", "value": phone}
