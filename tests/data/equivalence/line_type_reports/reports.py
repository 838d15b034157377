"""Line-type reports: rows stored with the v1 line type, filtered later by a module set."""
import ding

CUSTOMER = "00000000-0000-4000-8000-000000000001"
CELLULAR = frozenset(["Mobile"])
MOBILE_KINDS = ("Mobile", "Voip")


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def rows(client, phones):
    out = []
    for phone in phones:
        info = client.lookup.lookup(phone, CUSTOMER).lookup_response  # site: lookup
        out.append({"phone": phone, "kind": info.line_type.value})  # site: row
    return out


def mobile_count(table):
    return sum(1 for r in table if r["kind"] in MOBILE_KINDS)  # site: mobile-count


def kind_label(client, phone):
    line = client.lookup.lookup(phone, CUSTOMER).lookup_response.line_type  # site: lookup-label
    return line.name.lower()  # site: label
