"""A plain decorator retries on requests' network errors; the functions it wraps call the SDK."""
import functools
import os

import requests
import ding

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
client = ding.Ding(api_key=os.environ["DING_API_KEY"])  # site: client


def once_more_on_network_error(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout):  # site: network-handler
            return fn(*args, **kwargs)
    return wrapper


@once_more_on_network_error
def country(phone_number):
    res = client.lookup.lookup(phone_number, CUSTOMER_UUID)  # site: lookup
    return res.lookup_response.country_code  # site: lookup-read
