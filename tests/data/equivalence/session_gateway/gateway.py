"""A requests.Session gateway class, the key set once on the session."""
import requests

BASE_URL = "https://api.ding.live/v1"


class DingGateway:
    def __init__(self, api_key, customer_uuid):
        self.customer_uuid = customer_uuid
        self.session = requests.Session()
        self.session.headers.update({"X-API-Key": api_key})  # site: session-key

    def start(self, phone):
        resp = self.session.post(f"{BASE_URL}/authentication", json={  # site: create
            "customer_uuid": self.customer_uuid, "phone_number": phone, "device_type": "IOS"})
        body = resp.json()
        return body["authentication_uuid"] if resp.status_code == 200 else None  # site: create-id

    def verify(self, phone, authentication_uuid, code):
        resp = self.session.post(f"{BASE_URL}/check", json={  # site: check
            "customer_uuid": self.customer_uuid, "authentication_uuid": authentication_uuid, "check_code": code})
        return resp.json().get("status")  # site: check-status
