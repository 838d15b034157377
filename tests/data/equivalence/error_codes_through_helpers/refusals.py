"""Error codes returned by a helper or kept in a list, compared with a module constant, a class
attribute or a tuple of codes; blocked numbers refused through such a constant."""
import ding
from ding.models import components, errors

C = "00000000-0000-4000-8000-000000000001"
BLOCKED = errors.Code.BLOCKED_NUMBER
RETRYABLE = (errors.Code.INVALID_AUTH_UUID, errors.Code.BLOCKED_NUMBER)


class Codes:
    BAD = errors.Code.BLOCKED_NUMBER


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def _code_of(client, phone):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))  # site: create
    except errors.ErrorResponse as e:
        return e.code  # site: code-ret
    return None


def blocked_const(client, phone):
    return _code_of(client, phone) == BLOCKED  # site: const


def blocked_attr(client, phone):
    return _code_of(client, phone) is Codes.BAD  # site: attr


def blocked_tuple(client, phone):
    return _code_of(client, phone) in RETRYABLE  # site: tuple


def blocked_value(client, phone):
    c = _code_of(client, phone)
    return c.value if c else "none"  # site: value


def blocked_local(client, phone):
    try:
        client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))  # site: create2
        return "sent"
    except errors.ErrorResponse as e:
        codes = [e.code]
        return codes[0] == BLOCKED  # site: local
