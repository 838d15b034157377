"""The vocabulary of the v1 ``ding`` SDK detection: trigger tokens, method names, and the
data model ``codemods.sdk.analysis.analyze`` fills (``SdkAnalysis`` and its parts). No metadata
and no visiting here: that is ``codemods.sdk.analysis``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple, Union

import libcst as cst

from codemods.core.flow import Flow
from codemods.core.nodes import dotted_name
from codemods.core.usage import Usage
from compat.knowledge.enums import LINE_TYPE_V1_TO_V2
from compat.knowledge.operations import CREATE_FIELD_MOVES, OPERATIONS
from compat.knowledge.sdk_shapes import SDK_V1_ENUMS
# Trigger tokens: a file containing none of SDK_TRIGGERS has no v1 SDK usage; the narrower ones
# are per concern, for codemods that act on one kind of v1 usage.
from compat.knowledge.triggers import CALL_TRIGGERS, ERROR_TRIGGERS, IMPORT_TRIGGERS, SDK_TRIGGERS  # noqa: F401

V1_PACKAGES = ("ding", "sdk")
# v1 enums whose members are values a v2 response gives as other plain strings
VALUE_ENUM_KINDS = frozenset({"create-status", "check-status", "retry-status", "line-type", "error-code"})
V2_PACKAGE = "prelude_python_sdk"

# Method names -> operation, per namespace, from the operations table.
OTP_METHODS: Dict[str, str] = {
    m: op.name for op in OPERATIONS.values() if op.sdk_namespace == "otp" for m in op.sdk_methods}
LOOKUP_METHODS: Dict[str, str] = {
    m: op.name for op in OPERATIONS.values() if op.sdk_namespace == "lookup" for m in op.sdk_methods}
# Methods no other library is likely to have: evidence on any receiver.
DISTINCTIVE_METHODS = frozenset({
    "create_autentication", "create_authentication", "get_authentication_status",
    "post_authentication", "post_check", "post_retry", "post_lookup"})


def is_v1_otp_method(node: cst.CSTNode) -> bool:
    """``X.otp.<a v1 otp method>`` (the method, called or not): v2 has no otp namespace."""
    return isinstance(node, cst.Attribute) and node.attr.value in OTP_METHODS \
        and isinstance(node.value, cst.Attribute) and node.value.attr.value == "otp"


def is_literal(node: cst.CSTNode) -> bool:
    """A string, f-string, number or True/False literal: a value that is never None."""
    return isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.Integer,
                             cst.Float, cst.Imaginary)) or (isinstance(node, cst.Name) and node.value in ("True", "False"))


def has_trigger(data: bytes) -> bool:
    lowered = data.lower()
    return any(t in lowered for t in SDK_TRIGGERS)


@dataclass
class RequestModel:
    """The v1 request object of an operation call, when it is statically visible."""
    call: Optional[cst.Call] = None  # the model constructor
    model: Optional[str] = None  # its class name
    assignment: Optional[cst.SimpleStatementLine] = None  # `req = Model(...)` feeding the call
    problem: Optional[str] = None  # why the fields cannot be mapped (TODO text)
    shared: bool = False  # the variable has other uses: keep it (as a dict of v2 arguments)
    variable: Optional[str] = None
    field_reads: List[cst.Attribute] = field(default_factory=list)  # `req.phone_number` elsewhere
    other_uses: List[cst.CSTNode] = field(default_factory=list)  # `log(req)`: given to other code


@dataclass
class SdkCall:
    node: cst.Call
    op: str  # key of OPERATIONS
    method: str  # the v1 spelling used
    receiver: cst.BaseExpression  # the client expression (before `.otp` / `.lookup`)
    request: RequestModel = field(default_factory=RequestModel)
    phone: Optional[cst.BaseExpression] = None  # check/retry/lookup: the phone number
    phone_proven: bool = False  # same variable passed as phone_number in this function
    phone_note: Optional[str] = None  # why the phone number needs a look (TODO text)
    lookup_type: Optional[cst.BaseExpression] = None  # lookup `type_=`
    # `asyncio.to_thread(client.otp.check, req)`: node is that call, and this the v1 call it
    # stands for (`client.otp.check(req)`, the same argument nodes), read for its arguments only
    threaded: Optional[cst.Call] = None

    @property
    def shape(self) -> cst.Call:
        """The call whose arguments are the v1 method's (the node itself but for a thread call)."""
        return self.threaded if self.threaded is not None else self.node


@dataclass
class EnumRef:
    enum_class: str
    kind: str  # value of SDK_V1_ENUMS
    member: str
    value: str  # the v1 wire value


@dataclass
class SdkAnalysis:
    uses_v1: bool = False
    packages: Set[str] = field(default_factory=set)  # the v1 packages in play ("ding", "sdk")
    imports: List[Union[cst.Import, cst.ImportFrom]] = field(default_factory=list)
    clients: List[cst.Call] = field(default_factory=list)  # v1 constructor calls
    client_names: Set[str] = field(default_factory=set)  # dotted names bound to a v1 client
    v2_client_names: Set[str] = field(default_factory=set)
    calls: Dict[cst.Call, SdkCall] = field(default_factory=dict)
    model_calls: Dict[cst.Call, str] = field(default_factory=dict)  # model ctor -> class name
    enum_refs: Dict[cst.CSTNode, EnumRef] = field(default_factory=dict)
    # `CreateStatus = components.Status`: a v1 value enum class bound to another name -> its class
    enum_class_aliases: Dict[cst.CSTNode, str] = field(default_factory=dict)
    error_handlers: Dict[cst.ExceptHandler, Tuple[str, ...]] = field(default_factory=dict)
    error_refs: Dict[cst.CSTNode, str] = field(default_factory=dict)  # node -> v1 error class
    type_refs: Dict[cst.CSTNode, str] = field(default_factory=dict)  # node -> v1 class name
    # `res.create_check_response` (or a variable holding it) -> operation
    payload_refs: Dict[cst.CSTNode, str] = field(default_factory=dict)
    # `<payload>.status` (`.status.value`, or a variable holding it) -> operation
    status_refs: Dict[cst.CSTNode, str] = field(default_factory=dict)
    # `res.status_code` / `.raw_response` / `.content_type` / `.error_response` of a v1 result -> op
    wrapper_reads: Dict[cst.Attribute, str] = field(default_factory=dict)
    # `except requests.exceptions.X` around v1 calls -> the prelude_python_sdk class to add
    network_handlers: Dict[cst.ExceptHandler, str] = field(default_factory=dict)
    otp_aliases: Set[cst.Attribute] = field(default_factory=set)  # `otp = client.otp`: marked
    # v1 methods handed to a call uncalled (`pool.map(client.otp.create_authentication, reqs)`)
    handed_methods: List[cst.Attribute] = field(default_factory=list)
    otp_alias_calls: Dict[cst.Attribute, str] = field(default_factory=dict)  # `otp.check` -> "otp"
    swappable_aliases: Set[cst.Attribute] = field(default_factory=set)  # only read as `otp.<method>`
    # `self.otp.check(...)`: the otp namespace behind the code's own attribute (kept on v1, marked)
    own_otp_calls: Dict[cst.Call, cst.Attribute] = field(default_factory=dict)  # call -> its method
    # a v1 create field's value that is a name bound only to literals (never None: v1 sent it)
    literal_names: Set[cst.Name] = field(default_factory=set)
    # device_type argument value -> the module dict of DeviceType members it reads (device_maps)
    device_maps: Dict[cst.CSTNode, Any] = field(default_factory=dict)
    usages: List[Usage] = field(default_factory=list)
    usage_nodes: List[cst.CSTNode] = field(default_factory=list)  # the node of each of ``usages``
    flow: Optional[Flow] = None  # where each v1 value goes (codemods.core.flow)

    def is_client_expr(self, node: cst.BaseExpression) -> bool:
        return node in self.clients or dotted_name(node) in self.client_names


def v1_enum_value(enum_class: str, member: str) -> str:
    """The wire value of a v1 enum member (values are the member names, re-cased)."""
    kind = SDK_V1_ENUMS[enum_class]
    if kind == "device-type":
        return member
    if kind == "line-type":
        squashed = member.replace("_", "")
        for value in LINE_TYPE_V1_TO_V2:
            if value.upper() == squashed:
                return value
        return member
    return member.lower()


# --- the request fields, and the one answer to "does this call stay v1?" ---------------------

_POSITIONAL_FIELDS = {"create": ("customer_uuid", "phone_number")}


def request_fields(c: SdkCall) -> Tuple[Optional[Dict[str, cst.BaseExpression]], Optional[str]]:
    """The request model's fields by name, or (None, why) when they cannot be read safely."""
    model = c.request.call
    if model is None:
        return None, c.request.problem
    if any(a.star for a in model.args):
        return None, f"{c.request.model} built with */**; move its fields by hand"
    positionals = [a for a in model.args if a.keyword is None]
    names = _POSITIONAL_FIELDS.get(c.op, ())
    if len(positionals) > len(names):
        return None, (f"positional {c.request.model} fields changed order between v1 SDK versions; "
                      "use keywords, then re-run")
    fields: Dict[str, cst.BaseExpression] = dict(zip(names, (a.value for a in positionals)))
    fields.update((a.keyword.value, a.value) for a in model.args if a.keyword is not None)
    return fields, None


def request_problem(c: SdkCall) -> Optional[str]:
    """Why the v1 request of a create, check or retry cannot move to v2 (the call then stays v1
    under this TODO, and so do the reads of its response); None when it can. sdk-calls' plan
    and the analysis (which reads follow a rewritten call) both ask this."""
    if c.op not in ("create", "check", "retry"):
        return None
    if c.op == "retry":
        model = c.request.call
        if model is not None and any(a.keyword is None or a.star for a in model.args):
            return (f"positional {c.request.model} fields changed order between v1 SDK versions; "
                    "use keywords, then re-run")
        return None
    fields, problem = request_fields(c)
    if c.op == "check":
        return problem or "the check code is not visible; move it by hand" \
            if fields is None or "check_code" not in fields else None
    if fields is None:
        return problem or "cannot read the v1 request"
    unknown = [f for f in fields if f not in CREATE_FIELD_MOVES]
    if unknown or "phone_number" not in fields:
        return f"unknown v1 create field(s) {', '.join(unknown) or 'phone_number missing'}; map them by hand"
    return None
