"""Ids and payloads read through helpers: an id matched by a regex or parsed as a UUID, a payload
kept in a list and serialized, a status kept in a dict and read by name."""
import dataclasses
import json
import re
import uuid

import ding
from ding.models import components

C = "00000000-0000-4000-8000-000000000001"
UUID_RE = re.compile(r"^[0-9a-f-]{36}$")


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def _start(client, phone):
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))  # site: create
    return res.create_authentication_response.authentication_uuid  # site: id-ret


def as_uuid(client, phone):
    return str(uuid.UUID(_start(client, phone)))[:0] + "ok"  # site: uuid


def as_regex(client, phone):
    return bool(UUID_RE.match(_start(client, phone)))  # site: regex


def in_tuple(client, phone):
    ids = (_start(client, phone),)
    return len(str(uuid.UUID(ids[0]))) # site: uuid-tuple


def _payload(client, phone):
    return client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone)).create_authentication_response  # site: payload-ret


def dumped(client, phone):
    items = [_payload(client, phone)]
    return sorted(items[0].to_dict().keys())  # site: dumped


def json_dumped(client, phone):
    p = _payload(client, phone)
    return sorted(json.loads(p.to_json()).keys())  # site: json-dumped


def fields(client, phone):
    p = _payload(client, phone)
    return sorted(k for k in vars(p) if not k.startswith("_"))  # site: vars


def status_name(client, phone):
    d = {"s": _payload(client, phone).status}  # site: status-dict
    return d["s"].name  # site: status-name
