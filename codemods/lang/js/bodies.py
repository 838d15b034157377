"""The v2 request body for a v1 create, check or retry body written as an object literal.

Field moves come from the knowledge layer (``CREATE_FIELD_MOVES``): ``customer_uuid`` is
dropped, ``phone_number`` becomes ``target``, the rest goes under ``signals``, ``options`` or
``metadata``. A body with a spread, a computed key or a field this tool does not know is no
body it rewrites (the caller leaves a TODO).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from codemods.lang.js.nodes import object_entries, string_value
from codemods.lang.js.todo_texts import CREATE_FIELD_REVIEW, DEVICE_TYPE_TODO, UNKNOWN_FIELD_TODO
from compat.knowledge.enums import DEVICE_TYPE_V1_TO_V2
from compat.knowledge.operations import CHECK_FIELD_MOVES, CREATE_FIELD_MOVES

TARGET_TYPE = "phone_number"  # v2 target.type for a phone number


@dataclass
class Body:
    text: Optional[str]  # the new object literal (check: the code expression); None: not rewritable
    why: Optional[str] = None  # when text is None
    notes: List[str] = field(default_factory=list)  # TODOs that go with a rewritten body
    phone: Optional[object] = None  # create: the phone_number value node
    auth_uuid: Optional[object] = None  # check/retry: the authentication_uuid value node


def target_code(phone_code: str) -> str:
    return f'{{ type: "{TARGET_TYPE}", value: {phone_code} }}'


def render(pairs: List[Tuple[str, str]], multiline: bool, indent: str) -> str:
    if not pairs:
        return "{}"
    if multiline:
        inner = indent + "  "
        return "{\n" + "".join(f"{inner}{k}: {v},\n" for k, v in pairs) + indent + "}"
    return "{ " + ", ".join(f"{k}: {v}" for k, v in pairs) + " }"


def _same(name: str) -> str:
    return name


def create_body(obj, indent: str, wire: Callable[[str], str] = _same) -> Body:
    """``wire`` turns the written key into the v1 wire name (the v1 JS SDK writes camelCase)."""
    body = Body(None)
    top: List[Tuple[str, str]] = []
    sections: Dict[str, List[Tuple[str, str]]] = {}
    for e in object_entries(obj):
        if e.key is None:
            return Body(None, "spread")
        name = wire(e.key)
        if name not in CREATE_FIELD_MOVES:
            return Body(None, UNKNOWN_FIELD_TODO.format(field=e.key))
        section, key = CREATE_FIELD_MOVES[name]
        code = e.value.text()
        if key is None:
            continue
        if name == "phone_number":
            body.phone = e.value
            top.append((key, target_code(code)))
            continue
        if name == "device_type":
            literal = string_value(e.value)
            if literal is not None and literal.upper() in DEVICE_TYPE_V1_TO_V2:
                quote = e.value.text()[0]
                code = f"{quote}{DEVICE_TYPE_V1_TO_V2[literal.upper()]}{quote}"
            else:
                body.notes.append(DEVICE_TYPE_TODO)
        if name == "app_realm":
            code = f'{{ platform: "android", value: {code} }}'
        if name in CREATE_FIELD_REVIEW:
            body.notes.append(CREATE_FIELD_REVIEW[name])
        if section is None:
            top.append((key, code))
        else:
            sections.setdefault(section, []).append((key, code))
    if body.phone is None:
        return Body(None, "no phone_number")
    for section, pairs in sections.items():
        top.append((section, render(pairs, False, indent)))
    body.text = render(top, "\n" in obj.text(), indent)
    return body


def check_body(obj, wire: Callable[[str], str] = _same) -> Body:
    """The parts of a v1 check body: the caller supplies the target (from the create)."""
    body = Body(None)
    for e in object_entries(obj):
        if e.key is None:
            return Body(None, "spread")
        name = wire(e.key)
        if name not in CHECK_FIELD_MOVES:
            return Body(None, UNKNOWN_FIELD_TODO.format(field=e.key))
        if name == "authentication_uuid":
            body.auth_uuid = e.value
        elif name == "check_code":
            body.text = e.value.text()
    if body.auth_uuid is None or body.text is None:
        return Body(None, "incomplete check body")
    return body


def retry_body(obj, wire: Callable[[str], str] = _same) -> Body:
    body = Body(None)
    for e in object_entries(obj):
        if e.key is None:
            return Body(None, "spread")
        if wire(e.key) == "authentication_uuid":
            body.auth_uuid = e.value
        elif wire(e.key) != "customer_uuid":
            return Body(None, UNKNOWN_FIELD_TODO.format(field=e.key))
    if body.auth_uuid is None:
        return Body(None, "incomplete retry body")
    body.text = ""
    return body
