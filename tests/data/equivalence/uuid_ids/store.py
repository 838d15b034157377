"""Verification ids kept as UUIDs in the database layer."""
import re
import uuid

import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PENDING = {}


def make(key):
    return ding.Ding(api_key=key)  # site: client


def start(sdk, phone):
    res = sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=CUSTOMER_UUID, phone_number=phone))
    auth_id = uuid.UUID(res.create_authentication_response.authentication_uuid)  # site: uuid
    PENDING[auth_id] = phone
    return str(auth_id)


def is_valid_id(value):
    return bool(UUID_RE.match(value))  # site: uuid-regex


def finish(sdk, auth_id, code):
    if not is_valid_id(auth_id):
        return "bad id"
    phone = PENDING[uuid.UUID(auth_id)]
    res = sdk.otp.check(components.CreateCheckRequest(  # site: check
        customer_uuid=CUSTOMER_UUID, authentication_uuid=auth_id, check_code=code))
    return res.create_check_response.status.value
