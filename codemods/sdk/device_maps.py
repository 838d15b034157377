"""Module dicts of v1 ``DeviceType`` members read into ``device_type`` (issue 8, untraced values):

    PLATFORM_DEVICE = {"ios": components.DeviceType.IOS, "android": components.DeviceType.ANDROID}
    ...
    device = PLATFORM_DEVICE[platform]
    client.otp.create_authentication(CreateAuthenticationRequest(..., device_type=device))

v2 wants the lower-case ``signals.device_platform`` literals. When the whole flow of the dict is
visible, both sides are rewritten: its values become the v2 literals (``"ios"``) and the create
passes the read on as it is. "Visible" means: the name is bound once, at module level, to a dict
literal whose every value is a ``DeviceType`` member with a v2 literal; every read of it is
``NAME[key]``; and each read goes straight into ``device_type=`` of a
``CreateAuthenticationRequest``, or into a local bound once and read only there. Otherwise the
create keeps its TODO (``sdk-calls``). Whether each of those creates is rewritten is for
``sdk-calls`` to say: the dict changes only when all are.

A dict of records (per-tenant settings) is followed the same way:

    TENANTS = {"acme": {"customer": C, "platform": components.DeviceType.ANDROID}, ...}
    conf = TENANTS[tenant]
    ... device_type=conf["platform"] ...

when every value is a dict literal holding the same string key bound to a ``DeviceType``
member, and every read of the name is ``NAME[x][<string>]``, or ``NAME[x]`` bound to a local
that is bound once and read only as ``local[<string>]``: the reads of that key go into
``device_type=`` as above, the other keys are not DeviceType members and are left alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Mapping, Optional

import libcst as cst

from codemods.core.nodes import string_value
from compat.knowledge.enums import DEVICE_TYPE_V1_TO_V2

DEVICE_TYPE_FIELD = "device_type"


@dataclass
class DeviceMap:
    name: str
    literals: Dict[cst.CSTNode, str] = field(default_factory=dict)  # enum member node -> v2 literal
    uses: List[cst.BaseExpression] = field(default_factory=list)  # the device_type argument values


def device_maps(module: cst.Module, scopes: Mapping[cst.CSTNode, object], parents: Mapping[cst.CSTNode, cst.CSTNode],
                device_members: Mapping[cst.CSTNode, str], create_models: List[cst.Call],
                shared: FrozenSet[str] = frozenset()) -> Dict[cst.CSTNode, DeviceMap]:
    """device_type argument value -> the DeviceMap it reads. ``device_members``: the v1
    DeviceType member nodes and their v1 values; ``create_models``: the CreateAuthenticationRequest
    calls; ``shared``: names another module imports (their readers there are not seen: left)."""
    found: Dict[cst.CSTNode, DeviceMap] = {}
    models = set(create_models)
    for statement in module.body:
        dict_map = _dict_constant(statement, device_members)
        record_key = None
        if dict_map is None:
            dict_map, record_key = _records_constant(statement, device_members)
        if dict_map is None or dict_map.name in shared:
            continue
        references = only_binding_references(statement.body[0].targets[0].target, scopes)  # type: ignore[attr-defined]
        if not references:
            continue
        uses: Optional[List[cst.BaseExpression]] = []
        for access in references:
            read = _read_of(access.node, parents)
            found_uses = [_device_use(read, parents, scopes, models)] if record_key is None \
                else _record_uses(read, record_key, parents, scopes, models)
            if found_uses is None or None in found_uses:
                uses = None
                break
            uses.extend(found_uses)  # type: ignore[arg-type]
        if uses:
            dict_map.uses = uses
            found.update({use: dict_map for use in uses})
    return found


def _module_dict(statement: cst.CSTNode):
    """(name, dict literal) for a single `NAME = {...non-empty...}` statement; (None, None) otherwise."""
    if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Assign) and len(statement.body[0].targets) == 1):
        return None, None
    assign = statement.body[0]
    target, value = assign.targets[0].target, assign.value
    if not isinstance(target, cst.Name) or not isinstance(value, cst.Dict) or not value.elements:
        return None, None
    return target, value


def _records_constant(statement: cst.CSTNode, device_members: Mapping[cst.CSTNode, str]):
    """(DeviceMap, the record key) for `NAME = {k: {..., "platform": DeviceType.X}, ...}`: every
    value a dict literal of string keys, one key holding a DeviceType member (with a v2 literal)
    in each, the same key in all; (None, None) otherwise."""
    target, value = _module_dict(statement)
    if target is None:
        return None, None
    literals: Dict[cst.CSTNode, str] = {}
    keys = set()
    for element in value.elements:
        record = element.value if isinstance(element, cst.DictElement) else None
        if not isinstance(record, cst.Dict):
            return None, None
        members = []
        for item in record.elements:
            key = string_value(item.key) if isinstance(item, cst.DictElement) else None
            if key is None:
                return None, None
            if item.value in device_members:  # type: ignore[union-attr]
                members.append((key, item.value))  # type: ignore[union-attr]
        if len(members) != 1:
            return None, None
        key, member = members[0]
        v1 = device_members[member].upper()
        if v1 not in DEVICE_TYPE_V1_TO_V2:
            return None, None
        keys.add(key)
        literals[member] = DEVICE_TYPE_V1_TO_V2[v1]
    if len(keys) != 1:
        return None, None
    return DeviceMap(target.value, literals), keys.pop()


def _record_uses(record: Optional[cst.BaseExpression], key: str, parents: Mapping[cst.CSTNode, cst.CSTNode],
                 scopes: Mapping[cst.CSTNode, object], models: set) -> Optional[List[Optional[cst.BaseExpression]]]:
    """The device_type argument values the reads of `key` in ``record`` (`NAME[x]`) reach:
    `NAME[x]["platform"]`, or `conf = NAME[x]` read only as `conf["..."]`; None when the record
    goes anywhere else (passed on, `.get(...)`, iterated), [None] when the key's read does."""
    if record is None:
        return None
    assign = parents.get(record)
    if isinstance(assign, cst.Assign) and assign.value is record:
        if not (len(assign.targets) == 1 and isinstance(assign.targets[0].target, cst.Name)):
            return None
        holders = [a.node for a in only_binding_references(assign.targets[0].target, scopes)]
        if not holders:
            return None
    else:
        holders = [record]
    uses: List[Optional[cst.BaseExpression]] = []
    for holder in holders:
        read = parents.get(holder)
        if not (isinstance(read, cst.Subscript) and read.value is holder and len(read.slice) == 1
                and isinstance(read.slice[0].slice, cst.Index)):
            return None
        name = string_value(read.slice[0].slice.value)
        if name is None:
            return None
        if name == key:
            uses.append(_device_use(read, parents, scopes, models))
    return uses


def _dict_constant(statement: cst.CSTNode, device_members: Mapping[cst.CSTNode, str]) -> Optional[DeviceMap]:
    """`NAME = {key: DeviceType.X, ...}` with a v2 literal for every value."""
    target, value = _module_dict(statement)
    if target is None:
        return None
    literals: Dict[cst.CSTNode, str] = {}
    for element in value.elements:
        v1 = device_members.get(element.value) if isinstance(element, cst.DictElement) else None
        if v1 is None or v1.upper() not in DEVICE_TYPE_V1_TO_V2:
            return None
        literals[element.value] = DEVICE_TYPE_V1_TO_V2[v1.upper()]
    return DeviceMap(target.value, literals)


def _read_of(name: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> Optional[cst.BaseExpression]:
    """`NAME[key]` around the access ``name``. (Not `NAME.get(key)`: its None would reach v2 as
    a null device_platform where v1 left the field out.)"""
    parent = parents.get(name)
    if isinstance(parent, cst.Subscript) and parent.value is name and len(parent.slice) == 1:
        return parent
    return None


def _device_use(read: Optional[cst.BaseExpression], parents: Mapping[cst.CSTNode, cst.CSTNode],
                scopes: Mapping[cst.CSTNode, object], models: set) -> Optional[cst.BaseExpression]:
    """The device_type argument value ``read`` reaches: itself, or the one read of the local it
    is assigned to; None when it goes anywhere else."""
    if read is None:
        return None
    if _is_device_argument(read, parents, models):
        return read
    assign = parents.get(read)
    if not (isinstance(assign, cst.Assign) and assign.value is read and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)):
        return None
    accesses = only_binding_references(assign.targets[0].target, scopes)
    if len(accesses) != 1 or not _is_device_argument(accesses[0].node, parents, models):
        return None
    return accesses[0].node


def only_binding_references(name: cst.Name, scopes: Mapping[cst.CSTNode, object]) -> list:
    """The reads of ``name`` when this is its only binding in its scope (else [])."""
    scope = scopes.get(name)
    assignments = list(scope.assignments[name.value]) if scope is not None else []  # type: ignore[attr-defined]
    if len(assignments) != 1:
        return []
    return list(assignments[0].references)  # (from nested scopes too)


def _is_device_argument(node: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode], models: set) -> bool:
    argument = parents.get(node)
    return isinstance(argument, cst.Arg) and argument.value is node and argument.keyword is not None \
        and argument.keyword.value == DEVICE_TYPE_FIELD and parents.get(argument) in models
