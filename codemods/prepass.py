"""The repo-level pre-pass: which modules hand v1 things to other modules.

Before the per-file rewrite, every Python file that passes the byte pre-filter (the codemods'
trigger tokens) is read once more with the standard library's ``ast`` (C speed, no libcst),
and its module-level bindings are recorded when they are v1:

- ``clients``: names bound to a v1 client (``client = Ding(api_key=...)``),
- ``constants``: names bound to a v1 URL (``BASE = "https://api.ding.live/v1"``) or to a
  header dict carrying ``X-API-Key``,
- ``wrappers``: functions whose body calls v1 (an ``.otp.``/``.lookup.lookup`` call, or a v1
  URL),
- ``reexports``: names imported from the v1 SDK at module level (``from ding import Ding``).

:attr:`RepoFacts.tokens` are the byte tokens that name these modules in an import statement:
they join the trigger tokens, so an importer (``from clients import client`` and nothing
else v1) is analysed too. There, the SDK analysis takes an imported v1 client as a v1 client,
and a module's v1 constant that other modules import is not rewritten in place (the importer
would silently read a v2 URL with a v1 body): it is marked in the defining module (by
``v1-leftovers``, as a URL still v1) and at every read in the importers (by the
``cross-module`` codemod). The facts are plain data (picklable): they travel to the workers
with the rewrite options.
"""
from __future__ import annotations

import ast
import os
import stat
from dataclasses import dataclass, field, replace
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from codemods.core.tokens import any_token
from compat.knowledge.hosts import LEGACY_V2_HOST_PREFIX, V1_AUTH_HEADER
from compat.knowledge.hosts import V1_HOST as _V1_HOST
from compat.knowledge.sdk_shapes import SDK_V1_PAYLOAD_NAMES

_CLIENT_CLASSES = frozenset({"Ding", "SDK"})
_V1_PACKAGES = ("ding", "sdk")
MAX_BYTES = 2_000_000  # larger files are left to the per-file rewrite (which reports them)


@dataclass(frozen=True)
class ModuleFacts:
    clients: FrozenSet[str] = frozenset()
    constants: FrozenSet[str] = frozenset()
    wrappers: FrozenSet[str] = frozenset()
    reexports: FrozenSet[str] = frozenset()
    # module dicts holding v1 DeviceType members (directly or in records): the SDK codemods
    # rewrite such a dict with its creates only when no other module imports it
    device_dicts: FrozenSet[str] = frozenset()
    # names of this module that a v1 module hands v1 SDK responses to (`bus` of
    # `bus.publish("sent", res.create_authentication_response)`): filled in from the v1 module
    carriers: FrozenSet[str] = frozenset()
    # (module, name) imported here that this module hands v1 SDK responses to
    hands_to: FrozenSet[Tuple[str, str]] = frozenset()

    @property
    def v1_names(self) -> FrozenSet[str]:
        """Every module-level name here another module may import and see v1 through."""
        return self.clients | self.constants | self.wrappers | self.reexports | self.device_dicts | self.carriers

    def __bool__(self) -> bool:
        return bool(self.v1_names or self.hands_to)


@dataclass(frozen=True)
class RepoFacts:
    modules: Dict[str, ModuleFacts] = field(default_factory=dict)  # dotted module name -> facts
    # dotted module name -> its v1 names that another module of the tree imports
    imported_elsewhere: Dict[str, FrozenSet[str]] = field(default_factory=dict)
    seconds: float = 0.0  # what the pre-pass cost
    files_read: int = 0

    @property
    def tokens(self) -> Tuple[bytes, ...]:
        """Lower-case byte tokens of an import of one of these modules."""
        found: Set[bytes] = set()
        for name in self.modules:
            last = name.rpartition(".")[2].lower().encode()
            found |= {last + b" import", b"import " + last, b"." + last}
        return tuple(sorted(found))

    def facts_for_import(self, module: str, level: int, importer: str) -> Optional[ModuleFacts]:
        """The facts of the module an ``import``/``from`` statement in ``importer`` names."""
        if level:
            base = importer.split(".")[:-level] if level <= importer.count(".") + 1 else []
            module = ".".join([*base, module] if module else base)
        if module in self.modules:
            return self.modules[module]
        # a file inside the tree imported by a shorter or longer name (src layouts, scripts)
        matches = [name for name in self.modules if name.endswith("." + module) or module.endswith("." + name)]
        return self.modules[matches[0]] if len(matches) == 1 else None


def module_name(path: str) -> str:
    """Dotted module name of a file: its stem, under every enclosing package (``__init__.py``)."""
    path = os.path.abspath(path)
    folder, filename = os.path.split(path)
    parts = [] if filename == "__init__.py" else [os.path.splitext(filename)[0]]
    while os.path.exists(os.path.join(folder, "__init__.py")):
        folder, package = os.path.split(folder)
        parts.insert(0, package)
    return ".".join(parts)


def module_facts(source: str) -> ModuleFacts:
    """The v1 bindings at the top level of one module (empty when it does not parse)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # the rewrite reports it
        return ModuleFacts()
    clients: Set[str] = set()
    constants: Set[str] = set()
    wrappers: Set[str] = set()
    reexports: Set[str] = set()
    device_dicts: Set[str] = set()
    functions: List[ast.AST] = []
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if _is_client_call(statement.value):
                clients.update(names)
            elif _is_v1_constant(statement.value):
                constants.update(names)
            elif _holds_device_members(statement.value):
                device_dicts.update(names)
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(statement)
        elif isinstance(statement, ast.ImportFrom) and (statement.module or "").split(".")[0] in _V1_PACKAGES \
                and not statement.level:
            reexports.update(a.asname or a.name for a in statement.names if a.name != "*")
    wrappers.update(f.name for f in functions if _calls_v1(f, clients | constants))
    return ModuleFacts(frozenset(clients), frozenset(constants), frozenset(wrappers), frozenset(reexports),
                       frozenset(device_dicts), hands_to=_handed_responses(tree, functions))


def _handed_responses(tree: ast.Module, functions: List[ast.AST]) -> FrozenSet[Tuple[str, str]]:
    """(module, name) of each object imported at module level (``from events import bus``) that a
    function here gives a v1 SDK response (``bus.publish("sent", res.create_check_response)``, or
    a local bound to one): code elsewhere that registers on it receives v1 (then v2) responses."""
    imported: Dict[str, Tuple[str, str]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom) and statement.module and not statement.level \
                and statement.module.split(".")[0] not in _V1_PACKAGES:
            for alias in statement.names:
                imported[alias.asname or alias.name] = (statement.module, alias.name)
    if not imported:
        return frozenset()
    found: Set[Tuple[str, str]] = set()
    for function in functions:
        responses = {t.id for node in ast.walk(function) if isinstance(node, ast.Assign) and _is_response(node.value, set())
                     for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(function):
            if not isinstance(node, ast.Call):
                continue
            owner = node.func
            while isinstance(owner, ast.Attribute):
                owner = owner.value
            if isinstance(owner, ast.Name) and owner.id in imported and any(
                    _is_response(a, responses) for a in [*node.args, *(k.value for k in node.keywords)]):
                found.add(imported[owner.id])
    return frozenset(found)


def _is_response(node: ast.AST, responses: Set[str]) -> bool:
    """``res.create_check_response`` (a v1 payload read), or a local bound to one."""
    return isinstance(node, ast.Attribute) and node.attr in SDK_V1_PAYLOAD_NAMES \
        or isinstance(node, ast.Name) and node.id in responses


def _holds_device_members(node: ast.AST) -> bool:
    """A dict literal with a ``DeviceType.X`` value, or a dict of such records."""
    if not isinstance(node, ast.Dict):
        return False
    for value in node.values:
        if isinstance(value, ast.Attribute) and isinstance(value.value, (ast.Attribute, ast.Name)) and \
                (value.value.attr if isinstance(value.value, ast.Attribute) else value.value.id) == "DeviceType":
            return True
        if isinstance(value, ast.Dict) and _holds_device_members(value):
            return True
    return False


def _is_client_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    return name in _CLIENT_CLASSES


def _strings(node: ast.AST) -> Iterable[str]:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value


def _is_v1_url(text: str) -> bool:
    lowered = text.lower()
    return _V1_HOST in lowered and LEGACY_V2_HOST_PREFIX not in lowered


def _is_v1_constant(node: ast.AST) -> bool:
    if isinstance(node, ast.Dict):
        return any(isinstance(k, ast.Constant) and isinstance(k.value, str)
                   and k.value.lower() == V1_AUTH_HEADER.lower() for k in node.keys)
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.BinOp)):
        return any(_is_v1_url(s) for s in _strings(node))
    return False


def _calls_v1(function: ast.AST, v1_names: Set[str]) -> bool:
    """Whether ``function`` calls v1: an ``.otp.``/``.lookup.lookup`` call, a v1 URL, or a read of
    the module's v1 clients and constants."""
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id in v1_names:
            return True
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and (
                node.value.attr == "otp" or (node.value.attr == "lookup" and node.attr == "lookup")):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _is_v1_url(node.value):
            return True
    return False


def _read(path: str) -> Optional[bytes]:
    """A regular file's bytes (never opens a FIFO or a device: that could block), or None."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError:
        return None


def prepass(paths: Sequence[str], triggers: Optional[Sequence[bytes]] = None,
            candidates: Optional[Sequence[str]] = None, lowered: Optional[Mapping[str, bytes]] = None) -> RepoFacts:
    """The facts of every file of ``paths`` that contains one of ``triggers`` (default: the
    SDK and HTTP trigger tokens; ``candidates``: those files, already known, not searched
    again); files that cannot be read or parsed are left out. The importers are then looked
    for among all ``paths`` (a byte search), only when some module hands out v1 things;
    ``lowered``: path -> the file's lower-cased bytes, already read (searched instead of the
    file; a hit is read again for its parse)."""
    import time

    kept: Mapping[str, bytes] = lowered or {}
    if candidates is not None:
        triggers = (b"",)
    if triggers is None:
        from codemods.http.urls import HTTP_TRIGGERS
        from codemods.sdk.model import SDK_TRIGGERS
        triggers = (*SDK_TRIGGERS, *HTTP_TRIGGERS)
    start = time.perf_counter()
    modules: Dict[str, ModuleFacts] = {}
    read = 0
    for path in paths if candidates is None else candidates:
        data = _read(path)
        if data is None:
            continue
        lowered = data.lower()
        if len(data) > MAX_BYTES or not any(t in lowered for t in triggers):
            continue
        read += 1
        try:
            facts = module_facts(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            continue
        if facts:
            modules[module_name(os.fspath(path))] = facts
    for facts in list(modules.values()):  # the objects v1 responses are handed to
        for target, name in facts.hands_to:
            known = modules.get(target, ModuleFacts())
            modules[target] = replace(known, carriers=known.carriers | {name})
    facts_so_far = RepoFacts(modules)
    tokens = facts_so_far.tokens
    imported: Dict[str, Set[str]] = {}
    has_token = any_token(tokens)
    for path in paths if tokens else ():  # the importers: a byte search, then `ast` on the few
        known = kept.get(path)
        if known is not None and len(known) <= MAX_BYTES:
            if not has_token(known):
                continue
            data = _read(path)
        else:
            data = _read(path)
            if data is None or not has_token(data.lower()):
                continue
        if data is None:
            continue
        try:
            tree = ast.parse(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        read += 1
        importer = module_name(os.fspath(path))
        attributes: Optional[Dict[str, Set[str]]] = None  # `M.name` reads, for `import M`
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = facts_so_far.facts_for_import(node.module or "", node.level, importer)
                if target is None:
                    continue
                name = next(n for n, f in modules.items() if f is target)
                if name == importer:
                    continue
                v1 = target.v1_names
                imported.setdefault(name, set()).update(a.name for a in node.names if a.name in v1)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    target = facts_so_far.facts_for_import(alias.name, 0, importer)
                    name = next((n for n, f in modules.items() if f is target), None)
                    if target is None or name == importer:
                        continue
                    if attributes is None:
                        attributes = _attribute_reads(tree)
                    v1 = target.v1_names
                    reads = attributes.get(alias.asname or alias.name, set())
                    imported.setdefault(name, set()).update(reads & v1)
    return RepoFacts(modules, {k: frozenset(v) for k, v in imported.items() if v},
                     time.perf_counter() - start, read)


def _attribute_reads(tree: ast.AST) -> Dict[str, Set[str]]:
    """Dotted owner (``otp``, ``pkg.otp``) -> the attribute names read on it (``otp.start``)."""
    found: Dict[str, Set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            parts, owner = [], node.value
            while isinstance(owner, ast.Attribute):
                parts.insert(0, owner.attr)
                owner = owner.value
            if isinstance(owner, ast.Name):
                found.setdefault(".".join([owner.id, *parts]), set()).add(node.attr)
    return found


def imported_v1_names(module_source_tree, facts: RepoFacts, importer: str) -> Dict[str, Tuple[str, str, str]]:
    """Local name -> (kind, module, name) for each ``from M import name`` in a libcst module
    that binds a v1 client, constant, wrapper or re-export of another module of the tree, and
    dotted local -> the same for ``import M`` (``M.name``; clients left to the SDK analysis)."""
    import libcst as cst

    from codemods.core.nodes import dotted_name

    found: Dict[str, Tuple[str, str, str]] = {}
    for statement in module_source_tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    module = dotted_name(alias.name) or ""
                    target = facts.facts_for_import(module, 0, importer)
                    if target is None or module == importer:
                        continue
                    local = alias.asname.name.value if alias.asname else module  # type: ignore[union-attr]
                    for kind in ("constants", "wrappers", "reexports"):
                        for name in getattr(target, kind):
                            found[f"{local}.{name}"] = (kind, module, name)
                continue
            if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
                continue
            module = dotted_name(small.module) if small.module is not None else ""
            target = facts.facts_for_import(module or "", len(small.relative), importer)
            if target is None:
                continue
            for alias in small.names:
                name = dotted_name(alias.name) or ""
                local = alias.asname.name.value if alias.asname else name  # type: ignore[union-attr]
                for kind in ("clients", "constants", "wrappers", "reexports", "carriers"):
                    if name in getattr(target, kind):
                        found[local] = (kind, module, name)
    return found


__all__: List[str] = ["RepoFacts", "ModuleFacts", "prepass", "module_facts", "module_name", "imported_v1_names"]
