"""Constants and small helpers for the sandbox and proxy tests (tests/migrate/servers)."""
V2_KEY = "test-v2-key"
V1_KEY = "test-v1-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
PHONE = "+33612345678"
OTHER_PHONE = "+447700900123"


def target(phone=PHONE):
    return {"type": "phone_number", "value": phone}
CLIENT_KEY = "proxy-client-key-1"


def proxy_process(v2_url, *args, env=None):
    """``prelude-migrate proxy --port 0`` with the sandbox (``v2_url``) as its v2 side."""
    from migrate.servers.process import ServerProcess

    return ServerProcess(["proxy", "--port", "0", *args], env={
        "API_TOKEN": V2_KEY, "PRELUDE_BASE_URL": v2_url, "PRELUDE_COMPAT_CLIENT_KEYS": CLIENT_KEY, **(env or {})})
