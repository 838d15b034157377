"""The rewrite engine: every codemod over one file in as few traversals as the edits need.

Per file (:func:`rewrite_source`): the trigger tokens decide which codemods can apply (no parse
when none); the file is parsed once and wrapped once; only the metadata the selected codemods
declare is resolved, once; the SDK analysis (``codemods.sdk.analysis``) runs once; then

1. one batched traversal applies the edits of every codemod but ``sdk-imports``, each codemod
   seeing the nodes in its own run order (the ``BatchedTransformer`` below; Fixit's batched
   rules and libcst's ``BatchableCSTVisitor`` are the model, for transformers);
2. ``sdk-imports`` needs the tree as rewritten (which v1 names are still read). When the first
   analysis shows it could only ask for the v1 imports' removal (no v1 type, no v1 enum class
   still named, no star import or import guard: ``codemods.sdk.imports.only_removals_left``),
   the engine asks for it directly; otherwise it runs in a second traversal on the new tree;
3. import bookkeeping once, at the end: the imports every codemod asked for are added, and the
   v1 imports left unused removed, in one ``AddImportsVisitor`` and one removal pass (not one of
   each per codemod); the removal reads the tokens, not a new scope analysis, whenever they
   decide (``codemods.core.unused_imports``). A file whose codemods asked for no import change
   never imports ``libcst.codemod`` (``codemods.core.import_requests``).

Each codemod stays a codemod of its own with libcst's ``Codemod`` API (``codemods.core.base``;
``python -m libcst.tool codemod`` runs it alone through ``codemods.libcst_commands``); the
batching is done here. :func:`rewrite_task` is the picklable per-file entry point for a
process pool; :func:`plan` answers the scanner's "is this usage fixable" from the same analysis.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Union

from codemods.core.hooks import has_instance_hooks, real_hook
from codemods.core.tokens import any_token
from compat.knowledge.todos import TODO_MARKER

SDK_IMPORTS = "sdk-imports"  # the codemod that must see the rewritten tree
CROSS_MODULE = "cross-module"  # the codemod fed by the repo pre-pass


@dataclass(frozen=True)
class RewriteOptions:
    """What to run: codemod names (None: all, in run order), and the repo pre-pass's facts
    (``codemods.prepass.RepoFacts``; None: each file on its own)."""
    codemods: Optional[Tuple[str, ...]] = None
    repo: Optional[object] = None


@dataclass
class FileRewrite:
    """What the codemods made of one source text (picklable)."""
    path: str
    source: str  # the input
    new_source: str
    applied: Tuple[str, ...] = ()  # codemods that changed something, in run order
    todos: int = 0  # TODO(prelude-migration) markers in the result
    error: Optional[str] = None  # set when the source could not be rewritten (it is then unchanged)
    parse_error: bool = False  # the error is that the source does not parse
    parsed: bool = False  # False: no codemod's trigger token occurs, the file was not parsed

    @property
    def changed(self) -> bool:
        return self.error is None and self.new_source != self.source


_CLASSES: dict = {}  # frozenset of names (None: all) -> classes; the registry is fixed per process


def codemod_classes(names: Optional[Sequence[str]] = None) -> List[type]:
    """The codemod classes for ``names`` (default: all), in run order."""
    key = None if names is None else frozenset(names)
    if key not in _CLASSES:
        from codemods.registry import all_codemods

        registry = all_codemods()
        wanted = set(registry) if key is None else key
        _CLASSES[key] = [cls for name, cls in registry.items() if name in wanted]
    return list(_CLASSES[key])


def triggered(lowered: bytes, classes: Sequence[type]) -> List[type]:
    """The codemods whose trigger tokens occur in ``lowered`` (lower-cased source bytes)."""
    return [c for c in classes if any_token(tuple(getattr(c, "TRIGGERS", (b"",))))(lowered)]


def transform_source(source: str, path: str = "<string>", options: Optional[RewriteOptions] = None) -> FileRewrite:
    """Run the selected codemods over ``source``. Raises ``libcst.ParserSyntaxError`` when it
    does not parse (and whatever a codemod raises); see :func:`rewrite_source`."""
    import libcst as cst

    _parsed[:] = [None, None]
    options = options or RewriteOptions()
    lowered = source.encode("utf-8", "surrogatepass").lower()
    selected = codemod_classes(options.codemods)
    classes = triggered(lowered, selected)
    repo = options.repo
    if repo is not None and repo.modules and any(t in lowered for t in repo.tokens):
        # imports a module the pre-pass found handing out v1 things: analysed as a v1 file
        wanted = {c for c in selected if c.NAME.startswith("sdk-") or c.NAME == CROSS_MODULE} | set(classes)
        classes = [c for c in selected if c in wanted]
    if not classes:
        return FileRewrite(path, source, source, todos=source.count(TODO_MARKER))
    # libcst drops a final lone "\r" (old Mac line endings) when it prints the module: parse
    # without it and put it back, so such a file round-trips byte for byte.
    tail = "\r" if source.endswith("\r") else ""
    new_module, applied = rewrite_module(cst.parse_module(source[:-1] if tail else source), classes, path, repo)
    if tail:
        _parsed[:] = [None, None]  # the wrapper is of the text without its last "\r"
    else:
        _parsed[0] = source
    new_source = new_module.code + tail
    return FileRewrite(path, source, new_source, applied, new_source.count(TODO_MARKER), parsed=True)


# [source text, MetadataWrapper of its module as parsed] of the file this process rewrote last
_parsed: List[object] = [None, None]


def parsed_wrapper(text: str):
    """The engine's ``MetadataWrapper`` of ``text`` (parsed, its metadata and SDK analysis
    already computed) when ``text`` is the source this process rewrote last; else None. The
    rewrite CLI counts the scanner's findings in each changed file (``migrate.rewrite
    .changed_sites``): the scan of the original reuses this instead of starting again. The
    wrapper's module is the original tree (a rewrite builds new nodes, it never edits them)."""
    source, wrapper = _parsed
    return wrapper if wrapper is not None and (source is text or source == text) else None


def rewrite_source(source: str, path: str = "<string>", options: Optional[RewriteOptions] = None) -> FileRewrite:
    """Run the selected codemods over ``source``; never raises for bad input (``error`` says
    why, and ``new_source`` is then ``source``)."""
    import libcst as cst

    try:
        return transform_source(source, path, options)
    except cst.ParserSyntaxError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
        return FileRewrite(path, source, source, error=f"cannot parse: {first_line} (line {exc.raw_line})",
                           parse_error=True, parsed=True)
    except Exception as exc:  # a codemod bug must not stop the other files
        return FileRewrite(path, source, source, error=f"internal error: {type(exc).__name__}: {exc}", parsed=True)


def rewrite_task(path: str, data: Union[bytes, str], options: Optional[RewriteOptions] = None) -> FileRewrite:
    """Picklable top-level per-file entry point (for a process pool): ``data`` is the file's
    bytes (decoded as Python source: UTF-8, BOM allowed) or text."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return FileRewrite(path, "", "", error=f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                               parse_error=True)
        data = text
    return rewrite_source(data, path, options)


# --- one module ------------------------------------------------------------------------------

def rewrite_module(module, classes: Sequence[type], path: str = "<string>", repo=None):
    """(new module, names of the codemods that changed it). ``classes`` in run order; ``repo``:
    the pre-pass's ``RepoFacts``."""
    from codemods.core import libcst_speedups, visitor_walk
    from codemods.core.context import RewriteContext

    libcst_speedups.install_metadata_patches()
    visitor_walk.install()  # read-only walks (scope, expression context, gatherers) rebuild nothing

    context = RewriteContext(filename=path)
    cross = _CrossModule.of(module, path, repo)
    first = [c for c in classes if c.NAME != SDK_IMPORTS]
    last = [c for c in classes if c.NAME == SDK_IMPORTS]
    applied: List[str] = []
    new, analysis, names, wrapper, rewritten = _batch(module, first, context, known_v1=None, cross=cross)
    _parsed[:] = [None, wrapper]  # transform_source names the source it belongs to
    applied += names
    if last and analysis is not None and analysis.uses_v1 and (analysis.imports or analysis.type_refs):
        from codemods.sdk.imports import (only_removals_left, removals_and_enum_todos_left, schedule_removals,
                                          still_used_enum_todos)

        new_code = new.code
        todos = None
        if only_removals_left(analysis, wrapper, new_code):
            # all sdk-imports would do on `new`: no second analysis, no second traversal
            schedule_removals(context, analysis.imports)
            names = []
        else:
            unchanged = new_code == module.code
            if not unchanged and removals_and_enum_todos_left(analysis, wrapper):
                # ... or that and flag the v1 enum members still written, when the batch tells which
                todos = still_used_enum_todos(new, analysis, rewritten)
            if todos is not None:
                schedule_removals(context, analysis.imports)
                new, changed = _with_comments_above(new, todos)
                names = [SDK_IMPORTS] if changed else []
            elif unchanged:  # nothing changed: the first analysis (of `module`) holds
                new, _, names, _, _ = _batch(module, last, context, known_v1=analysis, analysis=analysis, cross=cross)
            else:
                new, _, names, _, _ = _batch(new, last, context, known_v1=analysis, cross=cross)
        applied += names
    new, removed = _bookkeep_imports(new, context)
    if removed and last:
        applied.append(SDK_IMPORTS)  # the only codemod that asks for removals
    order = [c.NAME for c in classes]
    return new, tuple(sorted(set(applied), key=order.index))


@dataclass
class _CrossModule:
    """What the repo pre-pass tells one module: names it imports that are v1 elsewhere, and its
    own v1 names that other modules import."""
    foreign: dict
    shared: frozenset

    @classmethod
    def of(cls, module, path: str, repo) -> "_CrossModule":
        if repo is None or not repo.modules:
            return cls({}, frozenset())
        from codemods.prepass import imported_v1_names, module_name

        name = module_name(path)
        return cls(imported_v1_names(module, repo, name), repo.imported_elsewhere.get(name, frozenset()))

    @property
    def clients(self) -> List[str]:
        return [local for local, (kind, _, _) in self.foreign.items() if kind == "clients"]


def _batch(module, classes: Sequence[type], context, known_v1, analysis=None, cross: Optional[_CrossModule] = None):
    """One traversal of ``module`` applying ``classes``' edits: (new module, SDK analysis or
    None, names of the codemods that changed a node, the metadata wrapper of ``module`` or None,
    {original node: the node the traversal made of it, where different})."""
    from libcst.metadata import MetadataWrapper

    from codemods.http.raw_http import RawHttpCodemod
    from codemods.sdk.analysis import analyze
    from codemods.sdk.common import SdkCodemod

    if not classes:
        return module, analysis, [], None, {}
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    providers = {p for c in classes for p in c.get_inherited_dependencies()}
    metadata = wrapper.resolve_many(providers) if providers else {}
    context = _with_wrapper(context, wrapper)
    # sdk-imports alone (the second pass) reads the analysis' imports and references only
    references_only = all(cls.NAME == SDK_IMPORTS for cls in classes)
    members: List[Tuple[str, object]] = []
    rewritten: dict = {}  # original node -> as the batch left it (read by SDK codemods' plans)
    for cls in classes:
        codemod = cls(context)
        codemod.metadata = metadata
        if isinstance(codemod, SdkCodemod):
            if analysis is None:
                analysis = analyze(wrapper, usages=False, known_v1=known_v1,
                                   foreign_clients=cross.clients if cross else (), references_only=references_only,
                                   shared_names=cross.shared if cross else ())
            if not codemod.prepare(analysis):
                continue
            codemod.rewritten = rewritten
            members.append((cls.NAME, codemod))
        elif isinstance(codemod, RawHttpCodemod):
            codemod.shared_names = cross.shared if cross else frozenset()
            transformer = codemod.transformer(wrapper.module)
            if transformer is not None:
                members.append((cls.NAME, transformer))
        else:
            if cls.NAME == CROSS_MODULE:
                codemod.foreign = cross.foreign if cross else {}
                if not codemod.foreign:
                    continue
            members.append((cls.NAME, codemod))
    if not members:
        return module, analysis, [], wrapper, rewritten
    batch = BatchedTransformer([m for _, m in members], rewritten)
    new = wrapper.module.visit(batch)
    changed = [members[i][0] for i in sorted(batch.changed_by)]
    return new, analysis, changed, wrapper, rewritten


def _with_comments_above(module, todos):
    """(``module`` as sdk-imports' own run leaves it when all it adds is comment lines above
    statements, whether that changed it): ``todos`` is [(path from the module down to a
    statement, its comments)]; each statement gets them as SDK codemods add them
    (``with_comments``), then the module header's duplicates are dropped. Only the nodes on
    the paths are rebuilt."""
    from codemods.core.todo import with_comments, without_header_duplicates

    replacements = {}
    for path, comments in todos:
        host = path[-1]
        new = with_comments(host, comments)
        if new is not host:
            replacements[host] = new
    on_path = {node for path, _ in todos for node in path}
    result = without_header_duplicates(_replaced(module, replacements, on_path) if replacements else module)
    return result, result is not module


def _replaced(node, replacements: dict, on_path: set):
    """``node`` with the nodes of ``replacements`` replaced, rebuilding only their ancestors."""
    import libcst as cst

    if node in replacements:
        return replacements[node]
    if node not in on_path:
        return node
    changes = {}
    for field in node.__dataclass_fields__:
        value = getattr(node, field)
        if isinstance(value, cst.CSTNode):
            new = _replaced(value, replacements, on_path)
            if new is not value:
                changes[field] = new
        elif isinstance(value, (list, tuple)) and any(item in on_path for item in value if isinstance(item, cst.CSTNode)):
            changes[field] = type(value)(_replaced(item, replacements, on_path) if isinstance(item, cst.CSTNode)
                                         else item for item in value)
    return node.with_changes(**changes) if changes else node


def _with_wrapper(context, wrapper):
    from dataclasses import replace

    # (`replace` keeps the same scratch dict: one per file, for every codemod's import requests)
    return replace(context, wrapper=wrapper)


def _bookkeep_imports(module, context):
    """The imports every codemod of the file asked for, added and removed in one pass each:
    (module, whether the removal changed it). The removal needs no scope analysis when the
    tokens show the names unused (``codemods.core.unused_imports``); a file without requests
    costs nothing (``codemods.core.import_requests``: no ``libcst.codemod`` import)."""
    from codemods.core.import_requests import apply_import_requests

    return apply_import_requests(module, context)


class BatchedTransformer:
    """Several transformers in one traversal. Each member sees every node it would see alone:
    ``on_visit`` and the attribute hooks go to the members in order (a member that declines a
    node's children is not called inside them), and ``on_leave`` hands the node on from member
    to member, each receiving what the previous one returned. A member that removes a node, or
    replaces it by another kind of node, ends the chain for that node (the later members would
    not meet it in a run of their own either).

    Per node class, only the members that can react to it are called (:func:`_reacts_on_visit`,
    :func:`_reacts_on_leave`): libcst's dispatch on a node without a ``visit_<Node>`` method
    returns True, on one without ``leave_<Node>`` the node unchanged, so skipping those calls
    changes nothing. Most nodes (names, whitespace, operators) then call no member at all."""

    def __init__(self, members: Sequence[object], rewritten: Optional[dict] = None) -> None:
        self.members = list(members)
        self.rewritten = rewritten if rewritten is not None else {}  # original -> result, when different
        self.skipping: List[Optional[object]] = [None] * len(self.members)  # node whose children it declined
        self.changed_by: set = set()
        # node class -> [(index, member.on_visit)] / [(index, member.on_leave or None)]: the
        # members to call (None: only its skip to clear, it declined this node's children)
        self._visits: Dict[type, Tuple[List[Tuple[int, Callable]], List[int]]] = {}
        self._leaves: Dict[type, List[Tuple[int, Optional[Callable]]]] = {}
        # libcst calls the attribute hooks twice per child of every node: only the members that
        # can react to one are called (the others' hooks do nothing)
        # libcst finds the hooks on the instance too: a member with one set there is called on every node
        self.own_hooks = frozenset(i for i, m in enumerate(self.members) if has_instance_hooks(m))
        self.attribute_members = [(i, m) for i, m in enumerate(self.members)
                                  if i in self.own_hooks or _reacts_to_attributes(m)]
        if not self.attribute_members:
            self.on_visit_attribute = self.on_leave_attribute = _ignore_attribute  # type: ignore[assignment]
        # Whitespace and punctuation (two thirds of the nodes) hold only more of the same: when no
        # member reacts to any of those classes, their children are not visited (nor rebuilt).
        trivia = _trivia()
        self.trivia = trivia if not self.attribute_members and not self.own_hooks and not any(
            _reacts(m, method, kind) for m in self.members for method in ("on_visit", "on_leave")
            for kind in trivia) else ()

    def _tables(self, kind: type):
        visit_at, others, leave_at = _class_tables(tuple(type(m) for m in self.members), kind)
        if self.own_hooks:
            own = self.own_hooks
            visit_at = sorted(set(visit_at) | own)
            others = [index for index in others if index not in own]
            leaves_of = dict(leave_at)
            leave_at = [(index, leaves_of.get(index, False) or index in own)
                        for index in range(len(self.members)) if index in leaves_of or index in own]
        members = self.members
        visits = [(index, members[index].on_visit) for index in visit_at]
        leaves = [(index, members[index].on_leave if leave else None) for index, leave in leave_at]
        self._visits[kind], self._leaves[kind] = (visits, others), leaves
        return (visits, others), leaves

    def on_visit(self, node) -> bool:
        kind = type(node)
        if kind in self.trivia:
            return False
        table = self._visits.get(kind)
        if table is None:
            table = self._tables(kind)[0]
        visits, others = table
        skipping = self.skipping
        any_child = False
        for index in others:
            if skipping[index] is None:
                any_child = True  # it visits the children
                break
        for index, on_visit in visits:
            if skipping[index] is None:
                if on_visit(node):
                    any_child = True
                else:
                    skipping[index] = node
        return any_child

    def on_visit_attribute(self, node, attribute: str) -> None:
        for index, member in self.attribute_members:
            if self.skipping[index] is None:
                member.on_visit_attribute(node, attribute)

    def on_leave_attribute(self, original_node, attribute: str) -> None:
        for index, member in self.attribute_members:
            if self.skipping[index] is None:
                member.on_leave_attribute(original_node, attribute)

    def on_leave(self, original_node, updated_node):
        kind = type(original_node)
        leaves = self._leaves.get(kind)
        if leaves is None:
            leaves = self._tables(kind)[1]
        skipping = self.skipping
        result = updated_node
        for index, on_leave in leaves:
            skipped = skipping[index]
            if skipped is not None:
                if skipped is not original_node:
                    continue
                skipping[index] = None
            if on_leave is None or type(result) is not kind:
                continue  # nothing to do for it / removed or replaced by an earlier member
            new = on_leave(original_node, result)
            if new is not result:
                self.changed_by.add(index)
            result = new
        if result is not original_node:
            self.rewritten[original_node] = result
        return result


def _ignore_attribute(node, attribute: str) -> None:
    pass


@functools.lru_cache(maxsize=1)
def _trivia() -> frozenset:
    """The node classes of whitespace, comments and punctuation (operators, commas, dots,
    brackets): their children are only more of them (tests/codemods/test_engine.py checks it
    on every test file)."""
    import inspect

    import libcst as cst
    from libcst._nodes import op, whitespace

    classes = {c for module in (op, whitespace) for c in vars(module).values()
               if inspect.isclass(c) and issubclass(c, cst.CSTNode) and c.__module__ == module.__name__
               and not inspect.isabstract(c)}
    return frozenset(classes | {cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
                                cst.LeftCurlyBrace, cst.RightCurlyBrace})


@functools.lru_cache(maxsize=None)  # the codemod classes are fixed for the process
def _class_tables(classes: Tuple[type, ...], kind: type):
    """For members of ``classes`` meeting a ``kind`` node: (indexes to call on_visit on, indexes
    not called (libcst's dispatch would return True), [(index, whether to call on_leave)] for
    the members to call or to clear the skip of)."""
    visit_at: List[int] = []
    others: List[int] = []
    leave_at: List[Tuple[int, bool]] = []
    for index, cls in enumerate(classes):
        visit, leave = _class_reacts(cls, "on_visit", kind), _class_reacts(cls, "on_leave", kind)
        (visit_at if visit else others).append(index)
        if visit or leave:
            leave_at.append((index, leave))
    return visit_at, others, leave_at


def _reacts(member, method: str, kind: type) -> bool:
    """Whether ``member.on_visit`` / ``member.on_leave`` (``method``) can do anything on a node
    of class ``kind``: a real ``visit_<Node>`` / ``leave_<Node>`` hook of its class (libcst's
    typed stubs do nothing), or an override of the method itself that handles ``kind``."""
    return _class_reacts(type(member), method, kind)


@functools.lru_cache(maxsize=None)  # the codemod classes are fixed for the process
def _class_reacts(cls: type, method: str, kind: type) -> bool:
    handled = _handled_by_overrides(cls, method)
    if handled is None or issubclass(kind, handled):
        return True
    prefix = "visit_" if method == "on_visit" else "leave_"
    return real_hook(cls, prefix + kind.__name__) is not None


# An override of on_visit / on_leave declares the node classes it handles itself (beyond
# calling libcst's dispatch through super()) in the same class: ``ON_VISIT_TYPES`` /
# ``ON_LEAVE_TYPES``. An override without one is called on every node.
_DECLARATIONS = {"on_visit": "ON_VISIT_TYPES", "on_leave": "ON_LEAVE_TYPES"}


@functools.lru_cache(maxsize=None)  # the codemod classes are fixed for the process
def _handled_by_overrides(cls: type, method: str) -> Optional[tuple]:
    """The node classes the overrides of ``method`` in ``cls``'s MRO handle themselves, down to
    libcst's dispatch (``CSTTransformer``'s, or ``PlainCodemod``'s, which only calls it);
    None when one of them declares nothing."""
    import libcst as cst

    from codemods.core.base import PlainCodemod

    dispatch = {getattr(cst.CSTTransformer, method), PlainCodemod.__dict__.get(method)} - {None}
    handled: tuple = ()
    for klass in cls.__mro__:
        override = klass.__dict__.get(method)
        if override is None:
            continue
        if override in dispatch:
            return handled
        declared = klass.__dict__.get(_DECLARATIONS[method])
        if declared is None:
            return None
        handled += tuple(declared)
    return None  # not a libcst transformer: call it on every node


def _reacts_to_attributes(member) -> bool:
    return _class_reacts_to_attributes(type(member))


@functools.lru_cache(maxsize=None)  # the codemod classes are fixed for the process
def _class_reacts_to_attributes(cls) -> bool:
    """False when a member of ``cls`` has attribute hooks are known to do nothing: our codemods' base
    (``PlainCodemod`` skips them), or libcst's dispatch on a class defining no
    ``visit_<Node>_<attribute>`` / ``leave_<Node>_<attribute>`` method."""
    import libcst as cst

    from codemods.core.base import PlainCodemod
    from codemods.core.readonly_walk import has_attribute_hooks

    if cls.on_visit_attribute is PlainCodemod.on_visit_attribute and \
            cls.on_leave_attribute is PlainCodemod.on_leave_attribute:
        return False
    libcst_dispatch = cls.on_visit_attribute is cst.CSTTransformer.on_visit_attribute and \
        cls.on_leave_attribute is cst.CSTTransformer.on_leave_attribute
    return not libcst_dispatch or has_attribute_hooks(cls)


# --- for the scanner -------------------------------------------------------------------------

def plan(source_or_wrapper) -> List[object]:
    """The scanner's question, from the shared analyses and no rewrite: every v1 usage of one
    module (``codemods.core.usage.Usage`` rows, SDK and HTTP, in source order), each with
    ``fixable`` = a codemod rewrites it completely, without leaving a TODO. Cheap: one wrapper,
    metadata resolved once, no transformer run. Equal to ``codemods.detect``'s two finders."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from codemods.detect import find_http_usages, find_sdk_usages

    if isinstance(source_or_wrapper, MetadataWrapper):
        wrapper = source_or_wrapper
    else:
        module = cst.parse_module(source_or_wrapper) if isinstance(source_or_wrapper, str) else source_or_wrapper
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    usages = find_sdk_usages(wrapper) + find_http_usages(wrapper)
    return sorted(usages, key=lambda u: (u.line, u.column, u.kind))


