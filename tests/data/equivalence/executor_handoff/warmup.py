"""A warm-up job: v1 methods handed to a thread pool uncalled, by a client the job receives."""
from concurrent.futures import ThreadPoolExecutor, wait

import ding
from ding.models import components

CUSTOMER = "00000000-0000-4000-8000-000000000001"


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def reachable(client, numbers):
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(client.lookup.lookup, n, CUSTOMER) for n in numbers]  # site: lookup
        wait(futures)
    return sum(1 for f in futures if f.exception() is None)


def invite(client, numbers):
    requests = [components.CreateAuthenticationRequest(customer_uuid=CUSTOMER, phone_number=n)  # site: build
                for n in numbers]
    with ThreadPoolExecutor(max_workers=2) as pool:
        sent = list(pool.map(client.otp.create_authentication, requests))  # site: create
    return len(sent)
