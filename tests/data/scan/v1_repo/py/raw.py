import requests

BASE = "https://api.ding.live/v1"


def lookup(phone):
    # docs: https://docs.prelude.so/api-reference/v1/lookup
    return requests.get(f"{BASE}/lookup/{phone}", headers={"X-API-Key": "test-v1-key"})
