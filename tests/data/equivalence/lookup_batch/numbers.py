"""Classify a batch of phone numbers with the ding lookup."""
from ding import Ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def make_client(api_key):
    return Ding(api_key=api_key)  # site: client


def fetch(sdk, phones):
    return [sdk.lookup.lookup(phone, CUSTOMER_UUID).lookup_response for phone in phones]  # site: lookup


def mobile_numbers(infos):
    return [i.phone_number for i in infos if i.line_type == components.LineType.MOBILE]  # site: line-type


def types_by_number(infos):
    by_type = {i.phone_number: i.line_type for i in infos}  # site: line-type-dict
    return by_type


def ported_numbers(infos):
    return [i.phone_number for i in infos if i.number_ported is True]  # site: ported


def carriers(infos):
    return sorted({i.carrier for i in infos})  # site: carriers
