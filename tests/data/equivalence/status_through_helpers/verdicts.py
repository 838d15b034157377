"""Check statuses read through a private helper's return, then compared with a module constant,
a class attribute, a default argument, a tuple of values, or kept in a dict, a tuple or a list."""
import ding
from ding.models import components

C = "00000000-0000-4000-8000-000000000001"
VALID = components.CheckStatus.VALID
OK_VALUES = ("valid",)


class Outcome:
    GOOD = components.CheckStatus.VALID


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def _status(client, phone, code_of):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))  # site: create
    auth = res.create_authentication_response.authentication_uuid
    chk = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code_of(phone)))  # site: check
    return chk.create_check_response.status  # site: ret


def by_module_const(client, phone, code_of):
    return _status(client, phone, code_of) == VALID  # site: const


def by_class_attr(client, phone, code_of):
    return _status(client, phone, code_of) == Outcome.GOOD  # site: class-attr


def by_default(client, phone, code_of, wanted=components.CheckStatus.VALID):
    return _status(client, phone, code_of) is wanted  # site: default


def by_value_tuple(client, phone, code_of):
    return _status(client, phone, code_of).value in OK_VALUES  # site: value-tuple


def in_dict(client, phone, code_of):
    out = {"status": _status(client, phone, code_of)}  # site: dict-build
    return out["status"] == components.CheckStatus.VALID  # site: dict-read


def in_tuple(client, phone, code_of):
    pair = (_status(client, phone, code_of), phone)  # site: tuple-build
    st, _ = pair
    return st == components.CheckStatus.VALID  # site: tuple-read


def in_list(client, phone, code_of):
    seen = []
    seen.append(_status(client, phone, code_of))  # site: list-append
    return seen[-1] == components.CheckStatus.VALID  # site: list-read


def named(client, phone, code_of):
    return _status(client, phone, code_of).name  # site: name


def local_flow(client, phone, code_of):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))  # site: create2
    auth = res.create_authentication_response.authentication_uuid
    chk = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code_of(phone)))  # site: check2
    statuses = [chk.create_check_response.status]
    return statuses[0] is components.CheckStatus.VALID  # site: list-local


def local_dict(client, phone, code_of):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))  # site: create3
    auth = res.create_authentication_response.authentication_uuid
    chk = client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code_of(phone)))  # site: check3
    info = dict(status=chk.create_check_response.status)
    return info["status"].value  # site: dict-local
