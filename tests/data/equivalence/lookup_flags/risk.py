"""A fraud rule on the lookup: ported numbers and non-mobile lines need a review."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def connect(key):
    return ding.Ding(api_key=key)  # site: client


def needs_review(sdk, phone):
    res = sdk.lookup.lookup(phone, CUSTOMER_UUID)  # site: lookup
    info = res.lookup_response
    if info.number_ported is True:  # site: ported-is-true
        return "ported"
    if not info.line_type == components.LineType.MOBILE:  # site: not-mobile
        return "line"
    return "ok"
