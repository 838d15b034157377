"""v1 exception classes beyond one handler: a tuple constant, an isinstance chain in a helper (SDKError
first), a class name read, a handler of SDKError alone, a requests network handler."""
import requests

import ding
from ding.models import components, errors

C = "00000000-0000-4000-8000-000000000001"
CLIENT_ERRORS = (errors.ErrorResponse,)
ALL_ERRORS = (errors.ErrorResponse, errors.SDKError)


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def _send(client, phone):
    return client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))  # site: create


def classify(exc):
    if isinstance(exc, errors.SDKError):
        return "server"
    if isinstance(exc, errors.ErrorResponse):
        return "client"
    return "other"


def send_tuple(client, phone):
    try:
        _send(client, phone)
        return "sent"
    except CLIENT_ERRORS:  # site: tuple-handler
        return "refused"
    except errors.SDKError:
        return "server"


def send_classified(client, phone):
    try:
        _send(client, phone)
        return "sent"
    except Exception as e:  # site: broad
        return classify(e)  # site: classify


def send_all(client, phone):
    try:
        _send(client, phone)
        return "sent"
    except ALL_ERRORS as e:  # site: all
        return type(e).__name__  # site: type-name


def send_network(client, phone):
    try:
        _send(client, phone)
        return "sent"
    except requests.exceptions.ConnectionError:  # site: network
        return "down"


def send_server_only(client, phone):
    try:
        _send(client, phone)
        return "sent"
    except errors.SDKError:  # site: server-only
        return "server"
