"""Report helpers fed with lookups fetched elsewhere: the values reach them as parameters."""
from ding import Ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def connect(key):
    return Ding(api_key=key)  # site: client


def fetch_all(sdk, phones):
    return [sdk.lookup.lookup(p, CUSTOMER_UUID).lookup_response for p in phones]  # site: lookup


def landline_count(infos):
    return sum(1 for info in infos if info.line_type == components.LineType.FIXED_LINE)  # site: landlines


def type_names(infos):
    return sorted({info.line_type.value for info in infos})  # site: type-names
