"""Detection of the v1 ``ding`` Python SDK in one module, shared by the SDK codemods and the
scanner so the two never disagree (docs/codemods.md, "Which code is v1").

``analyze(wrapper)`` runs one metadata pass and returns an ``SdkAnalysis``: which imports,
client constructions, operation calls, request models, enum members and ``except`` clauses
belong to the v1 SDK. ``find_sdk_usages`` turns it into ``Usage`` rows for the scanner. The
vocabulary (trigger tokens, method names) and the ``SdkAnalysis`` data model are in
``codemods.sdk.model``.

Precision rules: ``from ding import Ding`` alone is not evidence (a Django app, a DingTalk bot
or a web framework may be called ``ding``). Evidence is an import of ``ding.models.<components|
errors|operations|shared>``, a client constructed with a v1-only keyword (``api_key=``...), an
``.otp.*`` / ``.lookup.lookup`` call on a constructed client, a method name only v1 has, or a
read of a v1 response wrapper (``res.create_check_response``).
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Set, Tuple, Union

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    ScopeProvider,
)

from codemods.core.flow import ValueFlow
from codemods.core.nodes import arg, dotted_name, string_value, walk
from codemods.core.phone import assumed_phone_note, phone_parameter
from codemods.core.readonly_walk import visit_readonly
from codemods.core.runners import forwards_keywords
from codemods.sdk.model import (
    DISTINCTIVE_METHODS,
    LOOKUP_METHODS,
    OTP_METHODS,
    V1_PACKAGES,
    V2_PACKAGE,
    VALUE_ENUM_KINDS,
    EnumRef,
    RequestModel,
    SdkAnalysis,
    SdkCall,
    is_literal,
    is_v1_otp_method,
    request_problem,
    v1_enum_value,
)
from codemods.core.usage import Usage
from codemods.sdk.device_maps import device_maps, only_binding_references
from compat.knowledge.errors import V1_TO_V2_ERRORS
from compat.knowledge.operations import CREATE_FIELD_MOVES, CREATE_FIELD_REVIEW, OPERATIONS
from compat.knowledge.sdk_shapes import (
    SDK_V1_CLIENT_CLASSES,
    SDK_V1_CLIENT_KEYWORDS,
    SDK_V1_ENUMS,
    SDK_V1_ERROR_CLASSES,
    SDK_V1_MODEL_MODULES,
    SDK_V1_PAYLOAD_ATTRS,
    SDK_V1_REQUEST_MODELS,
    SDK_V2_CLIENT_CLASSES,
)

# v1 response wrapper fields with no v2 counterpart on the returned model (docs/codemods.md, SDK codemods).
_WRAPPER_FIELDS = frozenset({"status_code", "raw_response", "content_type", "error_response"})
# requests exceptions the v1 SDK let through (network failures); v2 raises APIConnectionError.
_NETWORK_ERRORS = frozenset({"RequestException", "ConnectionError", "Timeout", "ConnectTimeout", "ReadTimeout"})
_PAYLOAD_OPS: Dict[str, str] = {attr: op for op, attr in SDK_V1_PAYLOAD_ATTRS.items()}

class _Collector(cst.CSTVisitor):
    # (No PositionProvider: only the scanner's usages need positions, resolved on demand.)
    # Qualified names come straight from the scopes (what QualifiedNameProvider does, without
    # its extra pass over every node).
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self) -> None:
        super().__init__()
        self.imports: List[Tuple[cst.CSTNode, str]] = []  # (node, "ding"/"sdk")
        self.model_import_evidence: Set[str] = set()  # packages with a models import
        self.ctor_calls: List[Tuple[cst.Call, str, Optional[cst.FunctionDef]]] = []
        self.v2_ctor_calls: List[cst.Call] = []
        self.assigned: Dict[cst.Call, List[str]] = {}  # call -> dotted targets it is assigned to
        self.client_params: List[Tuple[str, str]] = []  # (param name, package)
        self.candidates: List[Tuple[cst.Call, str, str, Optional[cst.FunctionDef]]] = []
        self.model_calls: Dict[cst.Call, Tuple[str, str]] = {}  # call -> (class, package)
        self.phone_names: Dict[Optional[cst.FunctionDef], List[str]] = {}
        self.enum_refs: Dict[cst.CSTNode, Tuple[EnumRef, str]] = {}
        self.enum_class_aliases: Dict[cst.CSTNode, Tuple[str, str]] = {}
        # module-level names bound to a tuple (None: bound more than once), for `except NAME:`
        self.error_tuples: Dict[str, Optional[cst.Tuple]] = {}
        self.error_refs: Dict[cst.CSTNode, Tuple[str, str]] = {}
        self.type_refs: Dict[cst.CSTNode, Tuple[str, str]] = {}
        self.handlers: List[Tuple[cst.ExceptHandler, Tuple[str, ...], str]] = []
        self.functions: List[cst.FunctionDef] = []
        self.payload_refs: Dict[cst.CSTNode, str] = {}
        self.status_refs: Dict[cst.CSTNode, str] = {}
        self.payload_vars: Dict[Tuple[Optional[cst.FunctionDef], str], str] = {}
        self.status_vars: Dict[Tuple[Optional[cst.FunctionDef], str], str] = {}
        self.assign_targets: Set[cst.CSTNode] = set()
        self.result_vars: Dict[Tuple[Optional[cst.FunctionDef], str], cst.Call] = {}
        self.wrapper_reads: List[Tuple[cst.Attribute, cst.Call]] = []
        self.tries: List[cst.Try] = []
        self.network_handlers: List[Tuple[cst.ExceptHandler, cst.Try, str]] = []
        self.otp_aliases: List[cst.Attribute] = []  # `X.otp` bound to a name
        self.threaded: Dict[cst.Call, cst.Call] = {}  # thread call -> the v1 call it stands for
        self.handed_methods: List[cst.Attribute] = []  # `pool.map(client.otp.check, reqs)`: the method

    # No `visit_<Node>_<attribute>` hooks: skip libcst's per-child lookup of one (a third of
    # the visit's calls).
    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass

    # -- helpers --------------------------------------------------------------------------
    def _qnames(self, node: cst.CSTNode) -> Set[str]:
        return qualified_names(self.get_metadata(ScopeProvider, node, None), node)

    def _v1_parts(self, node: cst.CSTNode) -> Optional[Tuple[str, List[str]]]:
        """(package, parts after it) when the node names something inside ding/sdk."""
        for q in sorted(self._qnames(node)):
            top, _, rest = q.partition(".")
            if top in V1_PACKAGES and rest:
                return top, rest.split(".")
        return None

    @property
    def _function(self) -> Optional[cst.FunctionDef]:
        return self.functions[-1] if self.functions else None

    # -- visitors -------------------------------------------------------------------------
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node)
        for param in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params):
            if param.annotation is not None:
                names = self._qnames(param.annotation.annotation)
                for q in names & set(SDK_V1_CLIENT_CLASSES):
                    self.client_params.append((param.name.value, q.partition(".")[0]))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.functions.pop()

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = dotted_name(alias.name) or ""
            parts = name.split(".")
            if parts[0] in V1_PACKAGES:
                self.imports.append((node, parts[0]))
                if len(parts) >= 3 and parts[1] == "models" and parts[2] in SDK_V1_MODEL_MODULES:
                    self.model_import_evidence.add(parts[0])

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        parts = (dotted_name(node.module) or "").split(".")
        if parts[0] not in V1_PACKAGES:
            return
        self.imports.append((node, parts[0]))
        if len(parts) >= 3 and parts[1] == "models" and parts[2] in SDK_V1_MODEL_MODULES:
            self.model_import_evidence.add(parts[0])
        elif parts[1:] == ["models"] and not isinstance(node.names, cst.ImportStar):
            if any(isinstance(a.name, cst.Name) and a.name.value in SDK_V1_MODEL_MODULES
                   for a in node.names):
                self.model_import_evidence.add(parts[0])

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self.assign_targets.add(t.target)
        if self._function is None and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name) \
                and isinstance(node.value, cst.Tuple):
            # `RETRYABLE = (errors.ErrorResponse, errors.SDKError)`, later `except RETRYABLE as e:`
            name = node.targets[0].target.value
            self.error_tuples[name] = None if name in self.error_tuples else node.value
        if isinstance(node.value, cst.Attribute) and node.value.attr.value == "otp":
            self.otp_aliases.append(node.value)  # `otp = make_client().otp`
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            key = (self._function, node.targets[0].target.value)
            payload_op, status_op = self._payload_op(node.value), self._status_op(node.value)
            if payload_op:
                self.payload_vars[key] = payload_op
            if status_op:
                self.status_vars[key] = status_op
        if isinstance(node.value, cst.Call):
            targets = [dotted_name(t.target) for t in node.targets]
            self.assigned[node.value] = [t for t in targets if t]
            if len(targets) == 1 and targets[0] and "." not in targets[0] and _call_shape(node.value):
                self.result_vars[(self._function, targets[0])] = node.value

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.assign_targets.add(node.target)

    def visit_Del(self, node: cst.Del) -> None:
        self.assign_targets.add(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.assign_targets.add(node.target)
        target = dotted_name(node.target)
        if isinstance(node.value, cst.Call) and target:
            self.assigned[node.value] = [target]
            if "." not in target and _call_shape(node.value):  # `res: Response = client.otp...`
                self.result_vars[(self._function, target)] = node.value
        for q in self._qnames(node.annotation.annotation) & set(SDK_V1_CLIENT_CLASSES):
            if target:
                self.client_params.append((target, q.partition(".")[0]))

    def visit_Call(self, node: cst.Call) -> None:
        qnames = self._qnames(node.func)
        v1_ctor = qnames & set(SDK_V1_CLIENT_CLASSES)
        if v1_ctor:
            self.ctor_calls.append((node, sorted(v1_ctor)[0].partition(".")[0], self._function))
        if qnames & set(SDK_V2_CLIENT_CLASSES):
            self.v2_ctor_calls.append(node)
        found = self._v1_parts(node.func)
        if found and found[1][0] == "models" and found[1][-1] in SDK_V1_REQUEST_MODELS:
            self.model_calls[node] = (found[1][-1], found[0])
            if SDK_V1_REQUEST_MODELS[found[1][-1]] != "feedback":  # v2 drops the feedback call: its
                # number says nothing about the check's (and a second run would no longer see it)
                self._note_phone(arg(node, "phone_number", 1 if found[1][-1] == "CreateAuthenticationRequest" else None))
        for argument in node.args:
            if _v1_method(argument.value):
                self.handed_methods.append(argument.value)  # type: ignore[arg-type]
        func = node.func
        threaded = _threaded_call(node)
        if threaded is not None:  # `asyncio.to_thread(client.otp.check, req)`
            self.threaded[node] = threaded
            func = threaded.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Attribute):
            namespace, method = func.value.attr.value, func.attr.value
            if is_v1_otp_method(func) or (namespace == "lookup" and method in LOOKUP_METHODS):
                self.candidates.append((node, namespace, method, self._function))
                if namespace == "lookup":
                    self._note_phone(arg(node, "phone_number", None))
            elif f"{namespace}.{method}" == _V2_CREATE:
                # a v2 create (a first run's rewrite, or written by hand) gives its number too: a
                # check here keyed by another id must not take it on a second run either
                self._note_phone(_v2_target_phone(node))

    def _note_phone(self, phone: Optional[cst.Arg]) -> None:
        if phone is not None and isinstance(phone.value, cst.Name):
            self.phone_names.setdefault(self._function, []).append(phone.value.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._classify_reference(node)
        if node.attr.value in _WRAPPER_FIELDS and isinstance(node.value, cst.Name):
            call = self.result_vars.get((self._function, node.value.value))
            if call is not None:
                self.wrapper_reads.append((node, call))
        if node in self.assign_targets:
            # Writes (`res.lookup_response = x`, `res.x.status = y`: test doubles) are not reads of
            # a v1 response; neither is anything on the left of the written attribute.
            self.assign_targets.add(node.value)
        else:
            self._classify_payload(node)

    def visit_Name(self, node: cst.Name) -> None:
        self._classify_reference(node)
        if node not in self.assign_targets and self._is_variable_read(node):
            self._classify_payload(node)

    def _is_variable_read(self, node: cst.Name) -> bool:
        """Not an attribute name (`x.status`), a keyword (`status=`) or a name being defined,
        all of which may share a variable's name."""
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, cst.Attribute):
            return parent.attr is not node
        if isinstance(parent, cst.Arg):
            return parent.keyword is not node
        return not isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef, cst.ImportAlias, cst.AsName))

    def _payload_op(self, node: cst.CSTNode) -> Optional[str]:
        if isinstance(node, cst.Attribute):
            return _PAYLOAD_OPS.get(node.attr.value)
        if isinstance(node, cst.Name):
            return self.payload_vars.get((self._function, node.value))
        return None

    def _status_op(self, node: cst.CSTNode) -> Optional[str]:
        if isinstance(node, cst.Attribute) and node.attr.value == "value":
            node = node.value  # `.status.value`: the enums are str-valued
        if isinstance(node, cst.Attribute) and node.attr.value == "status":
            return self._payload_op(node.value)
        if isinstance(node, cst.Name):
            return self.status_vars.get((self._function, node.value))
        return None

    def _classify_payload(self, node: cst.CSTNode) -> None:
        payload_op, status_op = self._payload_op(node), self._status_op(node)
        if payload_op:
            self.payload_refs[node] = payload_op
        if status_op:
            self.status_refs[node] = status_op

    def _classify_reference(self, node: cst.CSTNode) -> None:
        found = self._v1_parts(node)
        if not found or found[1][0] != "models":
            return
        package, parts = found
        if len(parts) >= 3 and parts[-2] in SDK_V1_ENUMS and parts[-1][:1].isupper():
            enum_class, member = parts[-2], parts[-1]
            self.enum_refs[node] = (EnumRef(enum_class, SDK_V1_ENUMS[enum_class], member,
                                            v1_enum_value(enum_class, member)), package)
        elif parts[-1] in SDK_V1_ENUMS and SDK_V1_ENUMS[parts[-1]] in VALUE_ENUM_KINDS \
                and isinstance(self.get_metadata(ParentNodeProvider, node, None), cst.Assign):
            self.enum_class_aliases[node] = (parts[-1], package)  # `CreateStatus = components.Status`
        elif parts[-1] in SDK_V1_ERROR_CLASSES and "errors" in parts:
            self.error_refs[node] = (parts[-1], package)
        elif parts[-1] in ("CreateAuthenticationResponse", "CreateAutenticationResponse", "CheckResponse",
                           "CreateCheckResponse", "LookupResponse", "FeedbackResponse"):
            self.type_refs[node] = (parts[-1], package)

    def visit_Try(self, node: cst.Try) -> None:
        self.tries.append(node)

    def leave_Try(self, original_node: cst.Try) -> None:
        self.tries.pop()

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.type is None:
            return
        elements = (node.type.elements if isinstance(node.type, cst.Tuple)
                    else [cst.Element(node.type)])
        qnames = [self._qnames(e.value) for e in elements]
        network = {q.rsplit(".", 1)[-1] for names in qnames for q in names
                   if q.startswith("requests.") and q.rsplit(".", 1)[-1] in _NETWORK_ERRORS}
        if network and self.tries and not any(q.startswith(V2_PACKAGE) for names in qnames for q in names):
            v2 = "APITimeoutError" if network <= {"Timeout", "ReadTimeout", "ConnectTimeout"} else "APIConnectionError"
            self.network_handlers.append((node, self.tries[-1], v2))
        caught: List[str] = []
        package = ""
        if isinstance(node.type, cst.Name) and self.error_tuples.get(node.type.value) is not None:
            elements = self.error_tuples[node.type.value].elements  # type: ignore[union-attr]
        for element in elements:
            found = self._v1_parts(element.value)
            if found and found[1][-1] in SDK_V1_ERROR_CLASSES and "errors" in found[1]:
                caught.append(found[1][-1])
                package = found[0]
        if caught:
            self.handlers.append((node, tuple(caught), package))


def qualified_names(scope, node: cst.CSTNode) -> Set[str]:
    """The qualified names `node` stands for in `scope` (its ScopeProvider value)."""
    return {q.name for q in scope.get_qualified_names_for(node)} if scope is not None else set()


def analyze(source_or_wrapper: Union[str, cst.Module, MetadataWrapper], usages: bool = True,
            known_v1: Optional[SdkAnalysis] = None, foreign_clients: Sequence[str] = (),
            references_only: bool = False, shared_names: Sequence[str] = ()) -> SdkAnalysis:
    """Run the shared v1 SDK detection over one module. ``usages=False`` (the codemods) skips
    the scanner's ``Usage`` rows and with them the position metadata pass. ``known_v1``: the
    analysis of this module before the codemods rewrote part of it (the engine's second pass),
    whose verdict (v1 or not, which packages) stands even where the evidence is rewritten.
    ``foreign_clients``: local names imported from another module of the tree that binds them
    to a v1 client (the repo pre-pass, ``codemods.prepass``). ``references_only`` (with
    ``known_v1``: the engine's second pass, for sdk-imports alone) stops once the imports and the
    enum, error and type references are known: no calls, no value flow, no usages.
    ``shared_names``: this module's names that another module of the tree imports (the pre-pass):
    a dict of DeviceType members among them is not rewritten (its other readers are not seen)."""
    wrapper = _wrap(source_or_wrapper)
    plain = known_v1 is None
    key = (tuple(foreign_clients), tuple(sorted(shared_names)))
    if plain and _last_plain[0] is wrapper and _last_plain[1] == key:
        return _last_plain[2].with_usages() if usages else _last_plain[2].result  # type: ignore[union-attr]
    collector = _Collector()
    visit_readonly(wrapper, collector)  # wrapper.visit(collector), without rebuilding the tree
    resolver = _Resolver(wrapper, collector)
    resolver.shared_names = frozenset(shared_names)
    result = resolver.resolve(usages, known_v1, foreign_clients, references_only and not plain)
    if plain:
        _last_plain[:] = [wrapper, key, resolver]
    return result


# The last plain analysis (no ``known_v1``) and its wrapper: asked again for the same wrapper (the
# rewrite CLI's site count scans the module the engine just rewrote, on the engine's wrapper:
# ``codemods.engine.parsed_wrapper``), it is not recomputed; only the usages are added. The
# result depends on the wrapper's module and the arguments alone, and nothing changes it.
_last_plain: List[object] = [None, (), None]


def _wrap(source_or_wrapper: Union[str, cst.Module, MetadataWrapper]) -> MetadataWrapper:
    if isinstance(source_or_wrapper, MetadataWrapper):
        return source_or_wrapper
    if isinstance(source_or_wrapper, str):
        return MetadataWrapper(cst.parse_module(source_or_wrapper), unsafe_skip_copy=True)
    return MetadataWrapper(source_or_wrapper, unsafe_skip_copy=True)


class _Resolver:
    """Second step: decide, with the whole module seen, what really is v1 SDK usage."""

    def __init__(self, wrapper: MetadataWrapper, collector: _Collector) -> None:
        self.c = collector
        self.wrapper = wrapper
        self.scopes = wrapper.resolve(ScopeProvider)
        self.parents = wrapper.resolve(ParentNodeProvider)
        self.result = SdkAnalysis()
        self._with_usages = False
        self.shared_names: frozenset = frozenset()

    def resolve(self, usages: bool = True, known_v1: Optional[SdkAnalysis] = None,
                foreign_clients: Sequence[str] = (), references_only: bool = False) -> SdkAnalysis:
        c, r = self.c, self.result
        # `sdk` is a generic package name: only ding-api-client 1.1.0 when both shapes appear.
        packages = {"ding"}
        # (A v2 client counts too: once sdk-client has rewritten the constructor, the later
        # codemods still have to treat the file as v1 to clean up its imports.)
        if "sdk" in c.model_import_evidence and (
                any(p == "sdk" for _, p, _ in c.ctor_calls) or c.candidates or c.v2_ctor_calls):
            packages.add("sdk")
        if known_v1 is not None and known_v1.uses_v1:
            packages = set(known_v1.packages)
        r.packages = packages
        ctors = [(call, fn) for call, package, fn in c.ctor_calls if package in packages]
        for call, _ in ctors:
            r.client_names.update(c.assigned.get(call, []))
        r.client_names.update(name for name, package in c.client_params if package in packages)
        r.client_names.update(foreign_clients)
        for call in c.v2_ctor_calls:
            r.v2_client_names.update(c.assigned.get(call, []))
        v1_ctor_nodes = {call for call, _ in ctors}

        evidence = bool(c.model_import_evidence & packages) or bool(c.payload_refs) or any(
            _has_v1_keyword(call) for call, _ in ctors) or (
            # the constructor is already rewritten: no v1 one left (a `Ding()` doorbell beside a
            # Prelude client stays out of it), a Prelude one built, the v1 client still imported
            not ctors and bool(c.v2_ctor_calls)
            and any(_imports_client(node) for node, pkg in c.imports if pkg in packages))
        accepted: List[Tuple[cst.Call, str, str, Optional[cst.FunctionDef], str]] = []
        for call, namespace, method, fn in c.candidates:
            receiver = c.threaded.get(call, call).func.value.value  # type: ignore[attr-defined]
            if receiver in v1_ctor_nodes or dotted_name(receiver) in r.client_names:
                kind = "v1"
            elif namespace == "otp" and (receiver in c.v2_ctor_calls or dotted_name(receiver) in r.v2_client_names):
                kind = "v1"  # v2 has no `otp` namespace: a v1 call left on a rewritten client
            elif receiver in c.v2_ctor_calls or dotted_name(receiver) in r.v2_client_names:
                kind = "v2"
            else:
                kind = "unknown"
            accepted.append((call, namespace, method, fn, kind))
        evidence = evidence or any(
            kind == "v1" or method in DISTINCTIVE_METHODS or _has_model_arg(call, c.model_calls)
            for call, _, method, _, kind in accepted)
        r.uses_v1 = evidence or (known_v1 is not None and known_v1.uses_v1)
        evidence = r.uses_v1
        if not evidence:
            return r

        r.clients = [call for call, _ in ctors]
        r.model_calls = {call: model for call, (model, pkg) in c.model_calls.items() if pkg in packages}
        r.enum_refs = {n: ref for n, (ref, pkg) in c.enum_refs.items() if pkg in packages}
        r.enum_class_aliases = {n: cls for n, (cls, pkg) in c.enum_class_aliases.items() if pkg in packages}
        r.literal_names = {a.value for call, model in r.model_calls.items()
                           if model == "CreateAuthenticationRequest" for a in call.args
                           if isinstance(a.value, cst.Name) and self._bound_to_literals(a.value)}
        r.error_refs = {n: cls for n, (cls, pkg) in c.error_refs.items() if pkg in packages}
        r.type_refs = {n: cls for n, (cls, pkg) in c.type_refs.items() if pkg in packages}
        r.error_handlers = {h: caught for h, caught, pkg in c.handlers if pkg in packages}
        r.imports = [node for node, pkg in c.imports if pkg in packages]
        r.payload_refs, r.status_refs = c.payload_refs, c.status_refs
        if references_only:
            return r
        r.otp_aliases = set(c.otp_aliases)
        r.handed_methods = list(c.handed_methods)
        for alias in c.otp_aliases:
            self._alias_calls(alias)
        r.device_maps = device_maps(
            self.wrapper.module, self.scopes, self.parents,
            {n: ref.value for n, ref in r.enum_refs.items() if ref.kind == "device-type"},
            [call for call, model in r.model_calls.items() if model == "CreateAuthenticationRequest"],
            self.shared_names)

        functions: Dict[cst.Call, Optional[cst.FunctionDef]] = {}
        for call, namespace, method, fn, kind in accepted:
            method_node = c.threaded.get(call, call).func
            if kind == "unknown" and namespace == "otp" and _own_attribute(method_node.value):
                r.own_otp_calls[call] = method_node  # `self.otp` is no v1 client's namespace
                continue
            sdk_call = self._sdk_call(call, namespace, method, fn, kind)
            if sdk_call is not None:
                r.calls[call] = sdk_call
                functions[call] = fn
        # The value flow (codemods.core.flow): where each v1 value goes. It decides which
        # phone number a check/retry may use, and which reads follow a rewritten call.
        errors = {h.name.name: ",".join(caught) for h, caught in r.error_handlers.items()
                  if h.name is not None and isinstance(h.name.name, cst.Name)}
        self.flow_analysis = ValueFlow(self.wrapper.module, self.scopes, self.parents, r.calls, self._rewritten,
                                       errors, self._error_params())
        for call, sdk_call in r.calls.items():
            if sdk_call.op in ("check", "retry"):
                self._phone(sdk_call, functions[call])
        r.flow = self.flow_analysis.run()
        r.payload_refs = {n: op for n, op in r.payload_refs.items() if self._traced(n)}
        r.status_refs = {n: op for n, op in r.status_refs.items() if self._traced(n)}
        r.wrapper_reads = {read: r.calls[call].op for read, call in c.wrapper_reads if call in r.calls}
        for handler, try_node, v2_class in c.network_handlers:
            if any(self._inside(call, try_node.body) for call in r.calls) \
                    or r.flow.calls_v1(try_node.body, self.flow_analysis.enclosing_function(try_node)):
                r.network_handlers[handler] = v2_class
        if usages:
            self.with_usages()
        return r

    def with_usages(self) -> SdkAnalysis:
        """The result with its scanner ``Usage`` rows (computed once)."""
        if self.result.uses_v1 and not self._with_usages:
            self._with_usages = True
            self.positions = self.wrapper.resolve(PositionProvider)
            self._usages()
        return self.result

    def _alias_calls(self, alias: cst.Attribute) -> None:
        """The `NAME.<otp method>` reads of `NAME = X.otp`; the alias is `swappable` when they
        are all there is (nothing else reads the name)."""
        assign = self.parents.get(alias)
        target = assign.targets[0].target if isinstance(assign, cst.Assign) and len(assign.targets) == 1 else None
        if not isinstance(target, cst.Name):
            return
        reads = [ref.node for ref in only_binding_references(target, self.scopes)]
        methods = [self.parents.get(n) for n in reads]
        calls = [m for m in methods if isinstance(m, cst.Attribute) and m.attr.value in OTP_METHODS]
        self.result.otp_alias_calls.update({m: target.value for m in calls})  # type: ignore[union-attr]
        if reads and len(calls) == len(reads):
            self.result.swappable_aliases.add(alias)

    def _inside(self, node: cst.CSTNode, ancestor: cst.CSTNode) -> bool:
        while node is not None and node is not ancestor:
            node = self.parents.get(node)
        return node is ancestor

    # -- calls --------------------------------------------------------------------------------
    def _sdk_call(self, call: cst.Call, namespace: str, method: str,
                  fn: Optional[cst.FunctionDef], kind: str) -> Optional[SdkCall]:
        threaded = self.c.threaded.get(call)
        if threaded is not None and OTP_METHODS.get(method) not in ("create", "check", "retry"):
            return None  # (a thread-run lookup or feedback stays marked as a method passed on)
        shape = threaded or call
        receiver = shape.func.value.value  # type: ignore[attr-defined]
        if namespace == "lookup":
            keywords = {a.keyword.value for a in call.args if a.keyword is not None}
            positional = [a for a in call.args if a.keyword is None]
            if kind != "v1" and ("type" in keywords or (
                    len(positional) < 2 and not keywords & {"customer_uuid", "lookup_request", "type_"})):
                return None  # v2's lookup.lookup(phone, type=[...]) looks the same
            sdk_call = SdkCall(call, "lookup", method, receiver)
            self._lookup_args(sdk_call)
            return sdk_call
        if method == "send" and kind != "v1":
            return None
        op = OTP_METHODS[method]
        sdk_call = SdkCall(call, op, method, receiver, threaded=threaded)
        if op != "status":
            sdk_call.request = self._request(shape, op)
        return sdk_call

    def _request(self, call: cst.Call, op: str) -> RequestModel:
        request_arg = arg(call, "request", 0)
        if request_arg is None or (isinstance(request_arg.value, cst.Name) and request_arg.value.value == "None"):
            return RequestModel(problem="no request object is passed")
        value = request_arg.value
        if value in self.result.model_calls:
            return RequestModel(value, self.result.model_calls[value])  # type: ignore[index]
        if isinstance(value, cst.Name):
            return self._request_variable(value)
        return RequestModel(problem="the request object is not built here; move its fields by hand")

    def _request_variable(self, name: cst.Name) -> RequestModel:
        scope = self.scopes.get(name)
        problem = f"the request object `{name.value}` is not a single-use local model; move its fields by hand"
        if scope is None:
            return RequestModel(problem=problem)
        assignments = list(scope[name.value])
        if len(assignments) != 1:
            return RequestModel(problem=problem)
        assignment = assignments[0]
        target = getattr(assignment, "node", None)
        if not isinstance(target, cst.Name) or not assignment.references:
            return RequestModel(problem=problem)
        assign_target = self.parents.get(target)
        assign = self.parents.get(assign_target) if isinstance(assign_target, cst.AssignTarget) else None
        if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            return RequestModel(problem=problem)
        line = self.parents.get(assign)
        if assign.value not in self.result.model_calls or not isinstance(line, cst.SimpleStatementLine) \
                or len(line.body) != 1 or self.scopes.get(target) is not scope:
            return RequestModel(problem=problem)
        rebound = self._rebound_reads(assign.value, scope)
        if rebound:
            return RequestModel(problem=f"`{rebound}`, which the request object `{name.value}` reads, is rebound "
                                        "before the call; move its fields by hand")
        request = RequestModel(assign.value, self.result.model_calls[assign.value], line,  # type: ignore[index]
                               variable=name.value)
        for reference in assignment.references:
            if reference.node is name:
                continue
            request.shared = True
            parent = self.parents.get(reference.node)
            if isinstance(parent, cst.Attribute) and parent.value is reference.node:
                if isinstance(self.parents.get(parent), (cst.AssignTarget, cst.AugAssign, cst.Del)):
                    return RequestModel(problem=f"the request object `{name.value}` is changed after it is "
                                                "built; move its fields by hand")
                request.field_reads.append(parent)
            elif not (isinstance(parent, cst.Arg) and _call_shape(self.parents.get(parent))):
                request.other_uses.append(reference.node)  # passed on, returned...: not to a v1 call
        return request

    def _error_params(self) -> List[cst.Param]:
        """Parameters annotated with a v1 exception class (`def explain(e: errors.ErrorResponse)`)."""
        found = []
        for node in self.parents:
            if isinstance(node, cst.Param) and node.annotation is not None \
                    and node.annotation.annotation in self.result.error_refs:
                found.append(node)
        return found

    def _traced(self, read: cst.CSTNode) -> bool:
        """A payload/status read whose value comes from a v1 call that gets rewritten."""
        origin = self.flow_analysis.origin(read)
        return origin is not None and origin.producer in self.result.calls and self._rewritten(origin.producer)

    def _rewritten(self, call: cst.Call) -> bool:
        """Whether the SDK codemods turn this v1 call into a v2 call (else it keeps a TODO as it is)."""
        sdk_call = self.result.calls.get(call)
        return sdk_call is None or becomes_v2(sdk_call)

    def _bound_to_literals(self, name: cst.Name) -> bool:
        """Every binding ``name`` may read here is ``NAME = <literal>`` (``VERSION = "4.2"``)."""
        scope = self.scopes.get(name)
        accesses = [a for a in scope.accesses[name.value] if a.node is name] if scope is not None else []
        referents = list(accesses[0].referents) if len(accesses) == 1 else []
        for referent in referents:
            target = self.parents.get(getattr(referent, "node", None))
            assign = self.parents.get(target)
            if not (isinstance(target, cst.AssignTarget) and target.target is referent.node
                    and isinstance(assign, cst.Assign) and is_literal(assign.value)):
                return False
        return bool(referents)

    def _rebound_reads(self, model: cst.Call, scope) -> Optional[str]:
        """A variable the model reads that is bound more than once in its scope (`phone =
        mask(phone)` between the model and the call): inlining the model would read the new value."""
        for node in walk(model):
            if isinstance(node, cst.Name) and not isinstance(self.parents.get(node), cst.Attribute) \
                    and not (isinstance(self.parents.get(node), cst.Arg) and self.parents[node].keyword is node):
                if len(set(scope[node.value])) > 1:
                    return node.value
        return None

    def _phone(self, sdk_call: SdkCall, fn: Optional[cst.FunctionDef]) -> None:
        """The phone number of a check/retry: only from the create of the same verification
        earlier in the same function (its id flows into this call), the number not rebound in
        between; else the one phone-named parameter, with a review note, unless that parameter
        is given to another v1 call here (a lookup, a create for another number; not a feedback,
        which v2 drops)."""
        create = self._create_of(sdk_call)
        own = self._own_attribute_phone(sdk_call, fn) if create is None else None
        if own is not None:  # `self.auth_uuid` from the create for `self.phone` of the same class
            sdk_call.phone, sdk_call.phone_proven = own, True
            return
        if create is not None:
            phone = arg(create.request.call, "phone_number", 1) if create.request.call is not None else None
            if phone is not None and isinstance(phone.value, cst.Name) \
                    and self._assigned_once(fn, phone.value.value, sdk_call.node):
                sdk_call.phone = cst.Name(phone.value.value)
                sdk_call.phone_proven = True
            return
        if fn is None:
            return
        params = [p.name.value for p in (*fn.params.posonly_params, *fn.params.params, *fn.params.kwonly_params)]
        match = phone_parameter(params)
        if match is None or not self._assigned_once(fn, match, sdk_call.node):
            return
        if any(name == match for call_fn, name in self._phones_given() if call_fn is fn):
            return  # the parameter is the number of another v1 call here
        sdk_call.phone = cst.Name(match)
        sdk_call.phone_note = assumed_phone_note(sdk_call.op, match)

    def _own_attribute_phone(self, sdk_call: SdkCall, fn: Optional[cst.FunctionDef]) -> Optional[cst.BaseExpression]:
        """``self.P`` for a check/retry given ``self.A`` as its id in a method of class C, when
        every write of ``.A`` in the module is in C, to None or to the id of a v1 create that
        is rewritten and was given ``phone_number=self.P``, and ``.P`` is written once in the
        module: ``self.P = ...`` in C's ``__init__`` (so the number cannot change between the
        create and this call, by this module's code). None otherwise."""
        model = sdk_call.request.call
        auth = arg(model, "authentication_uuid", None) if model is not None else None
        cls = self._enclosing_class(fn)
        if auth is None or cls is None or _self_attribute(auth.value) is None:
            return None
        writes = self._attribute_writes()
        if self._opaque_writes:
            return None
        phones: Set[str] = set()
        for node, value in writes.get(_self_attribute(auth.value), []):
            if self._enclosing_class(self.flow_analysis.enclosing_function(node)) is not cls \
                    or _self_attribute(node) is None:
                return None
            if isinstance(value, cst.Name) and value.value == "None":
                continue
            origin = self.flow_analysis.origin(value) if value is not None else None
            create = self.result.calls.get(origin.producer) if origin is not None and origin.kind == "id" else None
            if create is None or create.op != "create" or not becomes_v2(create) or create.request.call is None:
                return None
            phone = arg(create.request.call, "phone_number", 1)
            if phone is None or _self_attribute(phone.value) is None:
                return None
            phones.add(_self_attribute(phone.value))  # type: ignore[arg-type]
        if len(phones) != 1:
            return None
        name = phones.pop()
        phone_writes = writes.get(name, [])
        if len(phone_writes) != 1 or _self_attribute(phone_writes[0][0]) != name:
            return None
        init = self.flow_analysis.enclosing_function(phone_writes[0][0])
        if init is None or init.name.value != "__init__" or self._enclosing_class(init) is not cls \
                or self.flow_analysis.enclosing_function(init) is not None:
            return None
        return cst.Attribute(value=cst.Name("self"), attr=cst.Name(name))

    def _enclosing_class(self, fn: Optional[cst.FunctionDef]) -> Optional[cst.ClassDef]:
        """The class ``fn`` is a method of (directly in its body)."""
        block = self.parents.get(fn) if fn is not None else None
        cls = self.parents.get(block) if isinstance(block, cst.IndentedBlock) else None
        return cls if isinstance(cls, cst.ClassDef) else None

    def _attribute_writes(self) -> Dict[str, List[Tuple[cst.CSTNode, Optional[cst.BaseExpression]]]]:
        """attribute name -> (target, value or None for augmented/deleted/unpacked writes) of every
        write ``X.name = ...`` / ``X.name += ...`` / ``del X.name`` / ``for X.name in`` in the module."""
        if getattr(self, "_writes", None) is None:
            found: Dict[str, List[Tuple[cst.CSTNode, Optional[cst.BaseExpression]]]] = {}
            for node in self.c.assign_targets:
                for target in walk(node):
                    if isinstance(target, cst.Attribute):
                        assign = self.parents.get(self.parents.get(target))
                        direct = isinstance(assign, cst.Assign) and len(assign.targets) == 1 \
                            and assign.targets[0].target is target
                        ann = self.parents.get(target)
                        value = assign.value if direct else (ann.value if isinstance(ann, cst.AnnAssign)
                                                               and ann.target is target else None)
                        found.setdefault(target.attr.value, []).append((target, value))
            self._opaque_writes = False
            for node in self.parents:  # `for self.x in ...`, `with ... as self.x`: writes too
                if isinstance(node, (cst.For, cst.CompFor)) or isinstance(node, cst.AsName):
                    bound = node.target if not isinstance(node, cst.AsName) else node.name
                    for target in walk(bound):
                        if isinstance(target, cst.Attribute):
                            found.setdefault(target.attr.value, []).append((target, None))
                elif isinstance(node, cst.Call) and isinstance(node.func, cst.Name) \
                        and node.func.value in ("setattr", "delattr", "vars"):
                    # `setattr(self, "phone", n)`: a write of that name; a computed name or vars():
                    # any attribute may be written
                    name = string_value(node.args[1].value) if node.func.value != "vars" and len(node.args) > 1 else None
                    if name is None:
                        self._opaque_writes = True
                    else:
                        found.setdefault(name, []).append((node, None))
                elif isinstance(node, cst.Attribute) and node.attr.value == "__dict__":
                    self._opaque_writes = True
            self._writes = found
        return self._writes

    def _create_of(self, sdk_call: SdkCall) -> Optional[SdkCall]:
        """The v1 create call whose id this check/retry is given, when the flow shows it."""
        model = sdk_call.request.call
        if model is None:
            return None
        auth = arg(model, "authentication_uuid", None)
        origin = self.flow_analysis.origin(auth.value) if auth is not None else None
        if origin is None or origin.kind != "id" or origin.producer not in self.result.calls:
            return None
        create = self.result.calls[origin.producer]
        return create if create.op == "create" else None

    def _phones_given(self) -> List[Tuple[Optional[cst.FunctionDef], str]]:
        """(function, name) for each plain name given as the phone number of a v1 call."""
        return [(fn, name) for fn, names in self.c.phone_names.items() for name in names]

    def _assigned_once(self, fn: Optional[cst.FunctionDef], name: str, used_at: cst.CSTNode) -> bool:
        """`name` is bound once in `fn`, and `used_at` sees that binding (no lambda parameter
        or comprehension variable of the same name in between)."""
        if fn is None:
            return False
        scope, call_scope = self.scopes.get(fn.body), self.scopes.get(used_at)
        if scope is None or call_scope is None:
            return False
        bindings = set(scope[name])
        return len(bindings) == 1 and set(call_scope[name]) == bindings

    def _lookup_args(self, sdk_call: SdkCall) -> None:
        call = sdk_call.node
        type_arg = arg(call, "type_", 2)
        sdk_call.lookup_type = type_arg.value if type_arg else None
        phone = arg(call, "phone_number", None)
        request = arg(call, "lookup_request", None)
        if phone is not None:
            sdk_call.phone = phone.value
        elif request is not None and isinstance(request.value, cst.Call):
            inner = arg(request.value, "phone_number", 0)
            sdk_call.phone = inner.value if inner else None
        else:
            positional = [a.value for a in call.args if a.keyword is None and not a.star]
            phones = [v for v in positional[:2] if _looks_like(v, ("phone", "+", "msisdn", "number"))]
            uuids = [v for v in positional[:2] if _looks_like(v, ("uuid", "customer"))]
            others = [v for v in positional[:2] if v not in uuids]
            if len(phones) == 1 and phones[0] not in uuids:
                sdk_call.phone = phones[0]
            elif len(positional) == 2 and len(uuids) == 1 and len(others) == 1:
                sdk_call.phone = others[0]
            elif len(positional) == 1 and arg(call, "customer_uuid", None) is not None:
                sdk_call.phone = positional[0]
        if sdk_call.phone is None:
            sdk_call.request = RequestModel(problem=(
                "positional lookup arguments are (phone_number, customer_uuid) in ding-api-client but "
                "(customer_uuid, phone_number) in ding-client-sdk; pass the phone number to lookup.lookup"))

    # -- usages -------------------------------------------------------------------------------
    def _usage(self, kind: str, detail: str, node: cst.CSTNode, fixable: bool,
               changes: Optional[bool] = None) -> Tuple[Usage, cst.CSTNode]:
        pos = self.positions[node]
        return Usage(kind, detail, pos.start.line, pos.start.column + 1, pos.end.line,
                     pos.end.column + 1, fixable, changes), node

    def _usages(self) -> None:
        r = self.result
        found: List[Tuple[Usage, cst.CSTNode]] = []
        for node in r.imports:
            found.append(self._usage("sdk-import", _import_text(node), node, True))
        for call in r.clients:
            # Always a TODO: a v2 key is needed.
            found.append(self._usage("sdk-client", dotted_name(call.func) or "Ding", call, False, True))
        for call, sdk_call in r.calls.items():
            found.append(self._usage("sdk-call", sdk_call.op, call, _call_fixable(sdk_call),
                                     becomes_v2(sdk_call) and sdk_call.op != "feedback"))
        for handler, caught in r.error_handlers.items():
            # (`except RETRYABLE:`: the clause itself stays; the tuple's classes change where it is bound)
            found.append(self._usage("sdk-error", ", ".join(caught), handler, not isinstance(handler.type, cst.Name)))
        for node, ref in r.enum_refs.items():
            if ref.kind == "error-code":  # a v1 error-code comparison (errors.Code.X)
                move = V1_TO_V2_ERRORS.get(ref.value)
                direct = move is not None and move.kind == "direct" and not move.blocked_reason
                found.append(self._usage("sdk-error", ref.value, node, direct))
        for model_call, model in r.model_calls.items():
            if model == "CreateAuthenticationRequest":
                callback = arg(model_call, "callback_url", None)
                if callback is not None:
                    found.append(self._usage("callback-url", "callback_url", callback, False))
        found.sort(key=lambda pair: (pair[0].line, pair[0].column, pair[0].kind))
        r.usages, r.usage_nodes = [u for u, _ in found], [node for _, node in found]


def becomes_v2(sdk_call: SdkCall) -> bool:
    """Whether sdk-calls' plan rewrites this call (the same questions: ``request_problem``; the
    codemods that judge its values' reads ask it too)."""
    if sdk_call.request.problem and sdk_call.op != "status":
        return False
    if request_problem(sdk_call) is not None:
        return False
    return not (sdk_call.op in ("check", "retry", "lookup") and sdk_call.phone is None)


def _threaded_call(call: cst.Call) -> Optional[cst.Call]:
    """`asyncio.to_thread(client.otp.check, req)` -> `client.otp.check(req)` (the same argument
    nodes; never part of the tree), for an `.otp.<method>` given only positional arguments."""
    name = dotted_name(call.func) or ""
    if not forwards_keywords(name) or not call.args:
        return None
    method = call.args[0].value
    if call.args[0].keyword is not None or call.args[0].star or any(a.keyword is not None or a.star for a in call.args):
        return None
    if not is_v1_otp_method(method):
        return None
    return cst.Call(func=method, args=[a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in call.args[1:]])


_V2_CREATE = OPERATIONS["create"].v2_sdk_call  # "verification.create"
_V2_TARGET = CREATE_FIELD_MOVES["phone_number"][1]  # "target"


def _v2_target_phone(call: cst.Call) -> Optional[cst.Arg]:
    """The number of `X.verification.create(target={"type": "phone_number", "value": phone})`
    (the `value` of the target dict), as an Arg; None when it is not written out."""
    target = arg(call, _V2_TARGET, None)
    if target is None or not isinstance(target.value, cst.Dict):
        return None
    for element in target.value.elements:
        if isinstance(element, cst.DictElement) and string_value(element.key) == "value":
            return cst.Arg(value=element.value)
    return None


def _self_attribute(node: cst.CSTNode) -> Optional[str]:
    """``P`` for ``self.P``; None for anything else."""
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
        return node.attr.value
    return None


def _own_attribute(namespace: cst.BaseExpression) -> bool:
    """`self.otp` / `cls.otp`: an attribute the code defines itself (a mixin's property returning
    `self.ding_client.otp`, a field), unless self is a v1 client: rewriting the call alone to
    `self.verification.create(...)` would leave that attribute returning v1's namespace."""
    return isinstance(namespace, cst.Attribute) and isinstance(namespace.value, cst.Name) \
        and namespace.value.value in ("self", "cls")


def _call_shape(call: Optional[cst.CSTNode]) -> bool:
    """`X.otp.method(...)` / `X.lookup.method(...)` with a v1 method name."""
    return isinstance(call, cst.Call) and _v1_method(call.func)


def _v1_method(func: cst.BaseExpression) -> bool:
    """`X.otp.method` / `X.lookup.method` with a v1 method name (called or not)."""
    if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Attribute)):
        return False
    return is_v1_otp_method(func) or (func.value.attr.value == "lookup" and func.attr.value in LOOKUP_METHODS)


def _imports_client(node: cst.CSTNode) -> bool:
    """`import ding` / `from ding import Ding` / `from sdk import SDK` (the client, not models)."""
    if isinstance(node, cst.Import):
        return any(dotted_name(alias.name) in V1_PACKAGES for alias in node.names)
    if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar):
        return False
    names = {dotted_name(alias.name) for alias in node.names}
    return bool(names & {q.rpartition(".")[2] for q in SDK_V1_CLIENT_CLASSES})


def _has_v1_keyword(call: cst.Call) -> bool:
    return any(a.keyword is not None and a.keyword.value in SDK_V1_CLIENT_KEYWORDS for a in call.args)


def _has_model_arg(call: cst.Call, model_calls: Dict[cst.Call, Tuple[str, str]]) -> bool:
    return any(a.value in model_calls for a in call.args)


def _looks_like(node: cst.BaseExpression, hints: Sequence[str]) -> bool:
    if isinstance(node, cst.SimpleString):
        return "+" in hints and node.evaluated_value.startswith("+")  # type: ignore[union-attr]
    name = (dotted_name(node) or "").rsplit(".", 1)[-1].lower()
    return any(h in name for h in hints if h != "+")


def _import_text(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _call_fixable(sdk_call: SdkCall) -> bool:
    """Whether the SDK codemods rewrite this call without leaving a TODO."""
    if sdk_call.request.problem or sdk_call.request.field_reads or sdk_call.request.other_uses:
        return False
    if sdk_call.op in ("retry", "feedback", "status"):
        return False
    if sdk_call.op == "check":
        return sdk_call.phone_proven
    if sdk_call.op == "create" and sdk_call.request.call is not None:
        return not any(a.keyword is None or a.keyword.value in CREATE_FIELD_REVIEW
                       for a in sdk_call.request.call.args)
    return True
