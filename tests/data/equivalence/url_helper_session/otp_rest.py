"""Raw requests where no call spells its v1 URL: a helper joins the parts, a Session subclass
prefixes relative paths with a base it was given positionally."""
import os

import requests

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class PrefixSession(requests.Session):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix

    def request(self, method, url, *args, **kwargs):
        return super().request(method, self.prefix + url, *args, **kwargs)


class Codes:
    def __init__(self, key):
        self.root = os.getenv("OTP_ROOT", "https://api.ding.live/v1")  # site: root
        self.key = key

    def _url(self, *parts):
        return "/".join([self.root, *parts])

    def send(self, phone):
        resp = requests.post(self._url("authentication"), headers={"X-API-Key": self.key},  # site: create
                             json={"customer_uuid": CUSTOMER_UUID, "phone_number": phone})
        return resp.json()["authentication_uuid"]  # site: create-id


def session_for(key):
    session = PrefixSession("https://api.ding.live/v1")  # site: session
    session.headers.update({"X-API-Key": key})
    return session


def verify(session, auth_uuid, code):
    resp = session.post("/check", json={  # site: check
        "customer_uuid": CUSTOMER_UUID, "authentication_uuid": auth_uuid, "check_code": code})
    return resp.json()["status"] == "valid"  # site: check-status


def carrier(key, phone):
    resp = requests.get(f"https://api.ding.live/v1/lookup/{phone}",  # site: lookup
                        headers={"X-API-Key": key, "customer-uuid": CUSTOMER_UUID})
    return resp.json()["carrier"]  # site: lookup-carrier
