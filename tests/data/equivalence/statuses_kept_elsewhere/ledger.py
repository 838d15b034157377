"""Outcomes kept in a key-value store (a plain object: its values are not followed) and read back by later decisions: a string comparison, a
match statement, a label table, and a method fed the statuses of two operations."""
import os

import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"
LABELS = {"valid": "verified", "invalid": "wrong code", "pending": "waiting"}
Outcome = components.CheckStatus


class Store:
    def __init__(self):
        self._data = {}

    def put(self, key, value):
        self._data[key] = value

    def fetch(self, key):
        return self._data.get(key)


kv = Store()


class Ledger:
    def __init__(self):
        self.sdk = ding.Ding(api_key=os.environ["DING_API_KEY"])  # site: client
        self.trail = []

    def _note(self, status):
        self.trail.append(status.value)  # site: note
        return status in (Outcome.VALID, components.Status.PENDING)  # site: note-test

    def open(self, phone):
        res = self.sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER, phone_number=phone))
        kv.put(phone, res.create_authentication_response.status.value)  # site: create-put
        self._note(res.create_authentication_response.status)  # site: create-note
        return res.create_authentication_response.authentication_uuid

    def close(self, phone, auth, code):
        res = self.sdk.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER, authentication_uuid=auth, check_code=code))
        kv.put(phone, res.create_check_response.status.value)  # site: check-put
        return self._note(res.create_check_response.status)  # site: check-note

    def done(self, phone):
        return kv.fetch(phone) == "valid"  # site: done

    def label(self, phone):
        return LABELS.get(kv.fetch(phone), "?")  # site: label

    def stage(self, phone):
        match kv.fetch(phone):  # site: stage
            case "pending":
                return "sent"
            case "valid" | "invalid":
                return "answered"
        return "other"
