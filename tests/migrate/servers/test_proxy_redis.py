"""Two proxy processes sharing one real redis-server (--redis-url): the state sealed ids cannot
carry (the signals replayed on retry, already_validated, the status history) follows the
verification from one process to the other."""
import httpx

from redis_server import redis_url  # noqa: F401 (fixture)
from servers_helpers import CLIENT_KEY, CUSTOMER, PHONE, proxy_process

HEADERS = {"X-API-Key": CLIENT_KEY}


def test_two_proxies_share_the_store(sandbox, control, redis_url):  # noqa: F811
    with proxy_process(sandbox.url, "--redis-url", redis_url, "--no-access-log") as first, \
            proxy_process(sandbox.url, "--redis-url", redis_url, "--no-access-log") as second, \
            httpx.Client(headers=HEADERS, timeout=30) as http:
        created = http.post(first.url + "/v1/authentication", json={
            "customer_uuid": CUSTOMER, "phone_number": PHONE, "ip": "203.0.113.7"}).json()
        auth = created["authentication_uuid"]
        retried = http.post(second.url + "/v1/retry", json={"customer_uuid": CUSTOMER, "authentication_uuid": auth})
        assert retried.json()["status"] == "approved"
        assert control.requests(path="/v2/verification")[-1]["json"]["signals"] == {"ip": "203.0.113.7"}
        code = control.last_code(PHONE)
        check = {"customer_uuid": CUSTOMER, "authentication_uuid": auth, "check_code": code}
        assert http.post(second.url + "/v1/check", json=check).json()["status"] == "valid"
        assert http.post(first.url + "/v1/check", json=check).json()["status"] == "already_validated"
        status = http.get(f"{second.url}/v1/authentication/{auth}").json()
        assert (status["uuid"], status["phone_number"]) == (auth, PHONE)
        assert "attempt" in [event["type"] for event in status["events"]]


def test_without_a_store_retry_replays_only_the_target(proxy, control):
    with httpx.Client(base_url=proxy.url, headers=HEADERS, timeout=30) as http:
        auth = http.post("/v1/authentication", json={"customer_uuid": CUSTOMER, "phone_number": PHONE,
                                                     "ip": "203.0.113.7"}).json()["authentication_uuid"]
        http.post("/v1/retry", json={"customer_uuid": CUSTOMER, "authentication_uuid": auth})
    assert "signals" not in control.requests(path="/v2/verification")[-1]["json"]
