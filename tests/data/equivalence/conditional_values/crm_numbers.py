"""Number intelligence for a CRM: optional v1 fields read with conditional fallbacks."""
import ding
from ding.models import operations

CUSTOMER = "00000000-0000-4000-8000-000000000001"


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def line_of(client, phone):
    res = client.lookup.lookup(phone, CUSTOMER)  # site: lookup-line
    info = res.lookup_response
    return {"line": info.line_type.value if info.line_type else None,  # site: line
            "country": info.country_code or "??"}


def carrier_of(client, phone):
    res = client.lookup.lookup(phone, CUSTOMER, type_=[operations.Type.CNAM])  # site: lookup-carrier
    return getattr(res.lookup_response, "carrier", None)  # site: carrier
