"""Which names in a JS/TS file are HTTP clients (fetch, node-fetch, axios, got, ky and the
instances ``axios.create`` / ``got.extend`` / ``ky.create`` build), and the calls made through them.

A call is described by an :class:`HttpCall`: the URL expression, the method, the options or
config object (headers, body), and the instance it went through (whose base URL and headers
count too). Only shapes whose every part is visible in the file are described; anything else
is no call of ours (the detection layer still marks it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from codemods.lang.js.nodes import declarator_of, entry, span, string_value, unwrap

LIBRARIES = ("axios", "got", "ky", "node-fetch")
_INSTANCE_MAKERS = {"axios": ("create",), "got": ("extend",), "ky": ("create", "extend")}
_BASE_KEYS = {"axios": "baseURL", "got": "prefixUrl", "ky": "prefixUrl"}
_BODY_KEYS = {"axios": "data", "got": "json", "ky": "json"}
_VERBS = ("get", "post", "put", "patch", "delete", "head")


@dataclass
class Instance:
    name: str
    library: str
    config: object  # the object literal passed to create/extend
    node: object  # the variable_declarator

    @property
    def base(self):
        e = entry(self.config, _BASE_KEYS[self.library])
        return e.value if e else None

    @property
    def headers(self):
        e = entry(self.config, "headers")
        return e.value if e else None


@dataclass
class HttpCall:
    node: object  # the call_expression
    library: str  # "fetch" | "axios" | "got" | "ky"
    method: Optional[str]  # upper case; None: not visible
    url: object  # the URL (or path, for an instance with a base) expression node
    options: Optional[object]  # the init/config/options object literal, if any
    body: Optional[object] = None  # the body expression (for fetch: the JSON.stringify argument)
    body_wrapper: Optional[object] = None  # fetch: the JSON.stringify(...) call
    instance: Optional[Instance] = None
    problems: List[str] = field(default_factory=list)

    @property
    def headers(self):
        e = entry(self.options, "headers") if self.options is not None and self.options.kind() == "object" else None
        return e.value if e else None


def _import_source(node) -> Optional[str]:
    source = node.field("source")
    return string_value(source) if source is not None else None


def client_names(root) -> Dict[str, str]:
    """Local name -> library ("fetch" for the global and node-fetch), from imports and requires."""
    names: Dict[str, str] = {"fetch": "fetch"}
    for imp in root.find_all(kind="import_statement"):
        library = _import_source(imp)
        if library not in LIBRARIES:
            continue
        clause = next((c for c in imp.named_children() if c.kind() == "import_clause"), None)
        default = next((c for c in clause.named_children() if c.kind() == "identifier"), None) if clause else None
        if default is not None:
            names[default.text()] = "fetch" if library == "node-fetch" else library
    for call in root.find_all(kind="call_expression"):
        function = call.field("function")
        if function is None or function.text() != "require":
            continue
        args = call.field("arguments").named_children()
        library = string_value(args[0]) if args else None
        if library not in LIBRARIES:
            continue
        holder = call.parent()
        if holder is not None and holder.kind() == "member_expression":  # require("x").default
            holder = holder.parent()
        if holder is not None and holder.kind() == "variable_declarator":
            name = holder.field("name")
            if name is not None and name.kind() == "identifier":
                names[name.text()] = "fetch" if library == "node-fetch" else library
    return names


def instances(root, names: Dict[str, str]) -> Dict[str, Instance]:
    found: Dict[str, Instance] = {}
    ambiguous = set()
    for call in root.find_all(kind="call_expression"):
        function = call.field("function")
        if function is None or function.kind() != "member_expression":
            continue
        obj, prop = function.field("object"), function.field("property")
        library = names.get(obj.text()) if obj is not None and obj.kind() == "identifier" else None
        if library not in _INSTANCE_MAKERS or prop.text() not in _INSTANCE_MAKERS[library]:
            continue
        args = call.field("arguments").named_children()
        holder = call.parent()
        name = _instance_name(holder, call)
        if not args or args[0].kind() != "object" or name is None:
            continue
        if name in found:  # made twice (two classes with a this.http): which one a call uses is not visible
            ambiguous.add(name)
        found[name] = Instance(name, library, args[0], holder)
    return {name: made for name, made in found.items() if name not in ambiguous}


def _instance_name(holder, call) -> Optional[str]:
    """The name an instance is kept under: ``const api = axios.create(...)`` -> ``api``;
    ``this.http = axios.create(...)`` in a constructor, or a class field ``http = axios.create(...)``
    -> ``this.http``; None for any other place."""
    if holder is None:
        return None
    if holder.kind() == "variable_declarator":
        name = holder.field("name")
        return name.text() if name is not None and name.kind() == "identifier" else None
    if holder.kind() == "assignment_expression" and holder.field("right") is not None \
            and span(holder.field("right")) == span(call):
        left = holder.field("left")
        if left is not None and left.kind() == "member_expression" and left.field("object") is not None \
                and left.field("object").kind() == "this" and left.field("property").kind() == "property_identifier":
            return left.text()
        return None
    if holder.kind() in ("public_field_definition", "field_definition"):
        name = holder.field("name") or holder.field("property")
        return f"this.{name.text()}" if name is not None and name.kind() == "property_identifier" else None
    return None


def http_calls(root) -> List[HttpCall]:
    names = client_names(root)
    made = instances(root, names)
    calls: List[HttpCall] = []
    for call in root.find_all(kind="call_expression"):
        described = _describe(call, names, made)
        if described is not None:
            calls.append(described)
    return calls


def _describe(call, names: Dict[str, str], made: Dict[str, Instance]) -> Optional[HttpCall]:
    function = call.field("function")
    arguments = call.field("arguments")
    if function is None or arguments is None or arguments.kind() != "arguments":
        return None
    args = arguments.named_children()
    instance = None
    verb = None
    if function.kind() == "identifier":
        library = names.get(function.text())
        if library is None and function.text() in made:
            instance = made[function.text()]
            library = instance.library
    elif function.kind() == "member_expression":
        obj, prop = function.field("object"), function.field("property")
        if obj is None or prop.text() not in _VERBS + ("request",):
            return None
        if obj.kind() != "identifier" and not (obj.kind() == "member_expression" and obj.text() in made):
            return None
        library = names.get(obj.text())
        if library is None and obj.text() in made:
            instance = made[obj.text()]
            library = instance.library
        if library == "fetch":
            return None
        verb = prop.text()
    else:
        return None
    if library is None or not args:
        return None
    if library == "fetch":
        options = args[1] if len(args) > 1 else None
        result = HttpCall(call, "fetch", None, args[0], options)
        result.method = _option_method(options) or ("GET" if options is None or options.kind() == "object" else None)
        if options is not None and options.kind() == "object":
            body = entry(options, "body")
            if body is not None:
                value = unwrap(body.value)
                if value is not None and value.kind() == "call_expression" and value.field("function").text() == "JSON.stringify":
                    inner = value.field("arguments").named_children()
                    result.body, result.body_wrapper = (inner[0] if inner else None), value
                else:
                    result.body = value
                    result.problems.append("body")
        return result
    if library == "axios":
        return _axios(call, args, verb, instance)
    return _got_ky(call, library, args, verb, instance)


def _option_method(options) -> Optional[str]:
    if options is None or options.kind() != "object":
        return None
    e = entry(options, "method")
    if e is None:
        return None
    value = string_value(e.value)
    return value.upper() if value is not None else None


def _axios(call, args, verb, instance) -> Optional[HttpCall]:
    if verb in (None, "request"):  # axios(config), axios(url, config), axios.request(config)
        if args[0].kind() == "object":
            config = args[0]
            url = entry(config, "url")
            if url is None:
                return None
            result = HttpCall(call, "axios", _option_method(config) or "GET", url.value, config, instance=instance)
        else:
            config = args[1] if len(args) > 1 else None
            result = HttpCall(call, "axios", _option_method(config) or "GET", args[0], config, instance=instance)
        body = entry(config, "data") if config is not None and config.kind() == "object" else None
        result.body = body.value if body else None
        return result
    if verb in ("post", "put", "patch"):
        config = args[2] if len(args) > 2 else None
        result = HttpCall(call, "axios", verb.upper(), args[0], config, instance=instance)
        result.body = args[1] if len(args) > 1 else None
        return result
    return HttpCall(call, "axios", verb.upper(), args[0], args[1] if len(args) > 1 else None, instance=instance)


def _got_ky(call, library, args, verb, instance) -> HttpCall:
    options = args[1] if len(args) > 1 else None
    method = verb.upper() if verb and verb != "request" else (_option_method(options) or "GET")
    result = HttpCall(call, library, method, args[0], options, instance=instance)
    if options is not None and options.kind() == "object":
        for key in ("json", "body"):
            e = entry(options, key)
            if e is not None:
                result.body = e.value
                if key == "body":
                    result.problems.append("body")
    return result


def references(root, name: str) -> List[object]:
    """Every identifier ``name`` in the file other than its declaration; for an instance kept as
    ``this.http``, every ``this.http`` other than the assignment that makes it."""
    if name.startswith("this."):
        return [n for n in root.find_all(kind="member_expression") if n.text() == name
                and not (n.parent() is not None and n.parent().kind() == "assignment_expression"
                         and span(n.parent().field("left")) == span(n)
                         and n.parent().field("right") is not None
                         and n.parent().field("right").kind() == "call_expression")]
    return [n for n in root.find_all(kind="identifier") if n.text() == name and declarator_of(n) is None]


__all__ = ["HttpCall", "Instance", "http_calls", "client_names", "instances", "references", "span"]
