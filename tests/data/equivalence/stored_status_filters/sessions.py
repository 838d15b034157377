"""Login sessions kept in a dict; the create status is stored and a sweeper filters on it."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
SESSIONS = {}


class Table:
    def __init__(self, rows):
        self.rows = rows

    def find(self, **where):
        return sorted(k for k, row in self.rows.items() if all(row.get(f) == v for f, v in where.items()))


def open_session(client, sid, phone):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER_UUID, phone_number=phone))
    SESSIONS[sid] = {"phone": phone, "state": res.create_authentication_response.status.value}  # site: store
    return sid


def waiting():
    return [sid for sid, row in SESSIONS.items() if row["state"] == "pending"]  # site: sweep


def waiting_in_table():
    return Table(SESSIONS).find(state="pending")  # site: table-filter


def make_client(key):
    return ding.Ding(api_key=key)  # site: client
