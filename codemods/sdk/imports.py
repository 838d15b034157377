"""``sdk-imports``: v1 type references become ``prelude_python_sdk`` types (docs/codemods.md, SDK codemods:
``operations.CheckResponse`` -> ``prelude_python_sdk.types.VerificationCheckResponse``,
``ding.Ding`` annotations -> ``Prelude``), then v1 imports that nothing uses any more are
removed. An import still used (a call left under a TODO) is kept. Runs last.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods.core.import_requests import add_needed_import, remove_unused_import
from codemods.sdk.analysis import qualified_names
from codemods.core.nodes import code, dotted_name, literal_string
from codemods.core.readonly_walk import children_of
from codemods.core.todo import COMMENT_HOSTS, todo_comment
from codemods.sdk.common import SdkCodemod
from codemods.sdk.model import IMPORT_TRIGGERS, V1_PACKAGES, VALUE_ENUM_KINDS, is_v1_otp_method
from compat.knowledge.todos import enum_class_alias_todo
from compat.knowledge.sdk_shapes import SDK_V1_CLIENT_CLASSES, SDK_V1_ENUMS, SDK_V1_PAYLOAD_NAMES, SDK_V1_TYPE_MOVES

_CLIENT_CLASSES = frozenset(SDK_V1_CLIENT_CLASSES)
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


class SdkImportsCodemod(SdkCodemod):
    NAME = "sdk-imports"
    TRIGGERS = IMPORT_TRIGGERS
    DESCRIPTION = "v1 SDK type annotations -> prelude_python_sdk types; remove v1 ding imports left unused."
    METADATA_DEPENDENCIES = (*SdkCodemod.METADATA_DEPENDENCIES, ScopeProvider)

    def visit_Module(self, node: cst.Module) -> None:
        self._annotation_depth = self._kept_depth = 0
        for ref_node, ref in self.analysis.enum_refs.items():
            why = still_used_todo(ref)
            if why is not None:
                self.todo(ref_node, why)
        for ref_node, enum_class in self.analysis.enum_class_aliases.items():
            self.todo(ref_node, enum_class_alias_todo(enum_class))
        for imp in self.analysis.imports:
            self._flag_import(imp)
        # libcst's unused-import pass is the dearest step of the chain (its own scope analysis
        # of the new tree): skip it when every v1 import is still read by code this codemod
        # leaves alone (a re-run over migrated code with TODOs left, for one).
        if all(self._keeps_a_reader(imp) for imp in self.analysis.imports):
            return
        schedule_removals(self.context, self.analysis.imports)

    def _keeps_a_reader(self, imp) -> bool:
        """Whether every name `imp` binds is read somewhere outside annotations and
        isinstance() checks (the only places this codemod rewrites)."""
        scope = self.get_metadata(ScopeProvider, imp, None)
        if scope is None:
            return False
        bindings = [a for a in scope.assignments if getattr(a, "node", None) is imp]
        if not bindings:
            return False
        return all(any(not self._in_rewritable_place(access.node) for access in binding.references)
                   for binding in bindings)

    def _in_rewritable_place(self, node: cst.CSTNode) -> bool:
        return in_rewritable_place(node, lambda n: self.get_metadata(ParentNodeProvider, n, None))

    def _flag_import(self, imp) -> None:
        """TODOs for v1 imports the removal cannot handle: star imports and ImportError guards."""
        if isinstance(imp, cst.ImportFrom) and isinstance(imp.names, cst.ImportStar):
            self.todo(imp, "star import from the v1 SDK: its names cannot be traced; import them by name, "
                           "then re-run")
        guard = self._import_guard(imp)
        if guard is not None:
            self.todo(guard, "import guard around the v1 SDK: migrated code needs prelude_python_sdk, not "
                             "ding; remove the fallback")

    def _import_guard(self, imp):
        """The `try:` whose handlers catch ImportError around `imp`, if any."""
        node = self.get_metadata(ParentNodeProvider, imp, None)
        while node is not None and not isinstance(node, (cst.Try, cst.FunctionDef, cst.ClassDef)):
            node = self.get_metadata(ParentNodeProvider, node, None)
        if not isinstance(node, cst.Try):
            return None
        for handler in node.handlers:
            types = handler.type.elements if isinstance(handler.type, cst.Tuple) else [cst.Element(handler.type)] \
                if handler.type is not None else []
            if any(dotted_name(e.value) in ("ImportError", "ModuleNotFoundError") for e in types):
                return node
        return None

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._annotation_depth += 1
        # The annotation of a value that stays v1 (a call left under a TODO) stays v1 too.
        self._kept_depth += self._annotates_v1_value(node)

    def leave_Annotation(self, original_node: cst.Annotation, updated_node: cst.Annotation) -> cst.Annotation:
        self._annotation_depth -= 1
        self._kept_depth -= self._annotates_v1_value(original_node)
        return updated_node

    @property
    def _rewriting_annotation(self) -> bool:
        return self._annotation_depth > 0 and self._kept_depth == 0

    def _annotates_v1_value(self, node: cst.Annotation) -> bool:
        """`res: operations.CreateAuthenticationResponse = client.otp.create_authentication(...)`
        (or `-> ...` of a function whose every return is such) where that call is still v1 on
        the tree this codemod runs on: the other SDK codemods rewrote every call they could."""
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, cst.AnnAssign) and parent.annotation is node:
            return parent.value is not None and stays_v1(parent.value)
        if isinstance(parent, cst.FunctionDef) and parent.returns is node:
            returns = _returned_values(parent)
            return bool(returns) and all(stays_v1(value) for value in returns)
        return False

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return self._in_annotation(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self._in_annotation(original_node, updated_node)

    def _in_annotation(self, original_node, updated_node):
        """v1 types anywhere inside an annotation (`Optional[operations.CheckResponse]` too)."""
        if not self._rewriting_annotation:
            return updated_node
        new = self._v2_type(original_node)
        return new if new is not None else updated_node

    def leave_SimpleString(self, original_node: cst.SimpleString,
                           updated_node: cst.SimpleString) -> cst.SimpleString:
        """`"operations.CheckResponse"` (a string annotation that is one dotted name)."""
        text = literal_string(original_node)
        if not self._rewriting_annotation or text is None or not _DOTTED.fullmatch(text.strip()):
            return updated_node
        # libcst resolves only the first name of a string annotation; the rest is spelled out.
        rest = text.strip().split(".")[1:]
        qnames = {".".join([q, *rest]) for q in self._qnames(original_node)}
        v1 = sorted(q for q in qnames if q.partition(".")[0] in V1_PACKAGES
                    and (q in _CLIENT_CLASSES or (".models." in q and q.rpartition(".")[2] in SDK_V1_TYPE_MOVES)))
        if not v1:
            return updated_node
        new = self._import_v2_type(q_last(v1[0]))
        if new is None:
            return updated_node
        quote = original_node.quote
        return updated_node.with_changes(value=f"{original_node.prefix}{quote}{code(new)}{quote}")

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        # isinstance(x, operations.CheckResponse) -> isinstance(x, prelude_python_sdk.types...)
        if isinstance(original_node.func, cst.Name) and original_node.func.value == "isinstance" \
                and len(original_node.args) == 2:
            new = self._v2_type(original_node.args[1].value)
            if new is not None:
                args = [updated_node.args[0], updated_node.args[1].with_changes(value=new)]
                return updated_node.with_changes(args=args)
        return updated_node

    def _qnames(self, node: cst.CSTNode) -> Set[str]:
        return qualified_names(self.get_metadata(ScopeProvider, node, None), node)

    def _v2_type(self, node: cst.BaseExpression):
        """The v2 type expression for a v1 type reference, scheduling its import; else None."""
        name = self.analysis.type_refs.get(node)
        if name is None:
            if not self._qnames(node) & _CLIENT_CLASSES:
                return None
            name = "Ding"
        return self._import_v2_type(name)

    def _import_v2_type(self, name: str):
        target = SDK_V1_TYPE_MOVES.get(name)
        if target is None:
            return None
        module, _, cls = target.rpartition(".")
        if module == "prelude_python_sdk":
            add_needed_import(self.context, module, cls)
            return cst.Name(cls)
        add_needed_import(self.context, module)
        return cst.parse_expression(target)




def stays_v1(value: cst.BaseExpression) -> bool:
    """Whether ``value``, read on the tree the SDK codemods left, is a v1 SDK value they kept:
    a call of the otp namespace (v2 has none: ``X.otp.check(...)``, also handed to a thread
    runner), or a read of a v1 payload wrapper field (``res.create_check_response``)."""
    while isinstance(value, cst.Await):
        value = value.expression
    if isinstance(value, cst.Attribute):
        return value.attr.value in SDK_V1_PAYLOAD_NAMES or stays_v1(value.value)
    if not isinstance(value, cst.Call):
        return False
    return any(is_v1_otp_method(node) for node in (value.func, *(a.value for a in value.args)))


def _returned_values(function: cst.FunctionDef) -> List[cst.BaseExpression]:
    """The values of the `return` statements of `function` itself (not of nested functions)."""
    found: List[cst.BaseExpression] = []
    stack: List[cst.CSTNode] = list(children_of(function.body))
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            continue
        if isinstance(node, cst.Return):
            if node.value is None:
                return []
            found.append(node.value)
        stack.extend(children_of(node))
    return found


def in_rewritable_place(node: cst.CSTNode, parent_of) -> bool:
    """Whether `node` sits in an annotation, a string or an isinstance() call (where this
    codemod rewrites v1 types)."""
    child, parent = node, parent_of(node)
    while parent is not None:
        if isinstance(parent, cst.Annotation) or isinstance(child, cst.SimpleString):
            return True
        if isinstance(parent, cst.Call) and isinstance(parent.func, cst.Name) \
                and parent.func.value == "isinstance":
            return True
        child, parent = parent, parent_of(parent)
    return False


def still_used_todo(ref) -> Optional[str]:
    """The TODO for a v1 enum member still written after the rewrite, None for kinds that need
    none. Comparisons were rewritten by sdk-responses/sdk-errors; one still here compares a v1
    enum with a v2 plain string later on, which would be silently false."""
    if ref.kind not in VALUE_ENUM_KINDS:
        return None
    return (f"v1 enum {ref.enum_class}.{ref.member} ('{ref.value}') is still used; "
            "v2 statuses and error codes are plain strings with new values")


def schedule_removals(context, imports) -> None:
    """Ask the import bookkeeping (``codemods.core.import_requests``) to remove each v1 import of `imports` left unused."""
    for imp in imports:
        if isinstance(imp, cst.Import):
            for alias in imp.names:
                asname = alias.asname.name.value if alias.asname else None  # type: ignore[union-attr]
                remove_unused_import(context, dotted_name(alias.name) or "", asname=asname)
        elif not isinstance(imp.names, cst.ImportStar):
            module = dotted_name(imp.module) or ""  # type: ignore[arg-type]
            for alias in imp.names:
                asname = alias.asname.name.value if alias.asname else None  # type: ignore[union-attr]
                remove_unused_import(
                    context, module, dotted_name(alias.name) or "", asname=asname)


def only_removals_left(analysis, wrapper, rewritten_code: str) -> bool:
    """Whether this codemod, run on the rewritten module (``rewritten_code``), could do nothing
    but ask for the v1 imports' removal (the engine then asks for it without a second analysis
    of the rewritten tree). Read on the module *before* the rewrite (``wrapper``, with its
    analysis): the other codemods only write v2 code, so what is absent there is absent after
    them too. A v1 enum value is flagged only where it is still written: no reference to its
    class can survive once the class name is nowhere in the text. Conservative: a v1 type
    reference, an enum class still named, a star import, an import inside a ``try``, or a read
    of a v1 import in an annotation, a string or an isinstance() says no."""
    if analysis.type_refs:
        return False
    enum_classes = {ref.enum_class for ref in analysis.enum_refs.values() if ref.kind in VALUE_ENUM_KINDS}
    if any(re.search(r"\b%s\b" % re.escape(name), rewritten_code) for name in enum_classes):
        return False
    return removals_and_enum_todos_left(analysis, wrapper)


def removals_and_enum_todos_left(analysis, wrapper) -> bool:
    """Whether this codemod, run on the rewritten module, could do nothing but ask for the v1
    imports' removal and flag the v1 enum members still written (:func:`only_removals_left`
    without its look at the enum classes; the same conservative conditions)."""
    if analysis.type_refs or analysis.enum_class_aliases:
        return False  # (an alias of a v1 enum class: its TODO is visit_Module's)
    parents = wrapper.resolve(ParentNodeProvider)
    scopes = wrapper.resolve(ScopeProvider)
    for imp in analysis.imports:
        if isinstance(imp, cst.ImportFrom) and isinstance(imp.names, cst.ImportStar):
            return False
        node = parents.get(imp)
        while node is not None:
            if isinstance(node, cst.Try):
                return False
            node = parents.get(node)
        scope = scopes.get(imp)
        if scope is None:
            return False
        for binding in scope.assignments:
            if getattr(binding, "node", None) is not imp:
                continue
            for access in binding.references:
                if access.is_annotation or access.is_type_hint or \
                        in_rewritable_place(access.node, parents.get):
                    return False
    return True


def still_used_enum_todos(rewritten_module: cst.Module, analysis, rewritten: Dict[cst.CSTNode, cst.CSTNode]
                          ) -> Optional[List[Tuple[Tuple[cst.CSTNode, ...], List[str]]]]:
    """The TODOs this codemod's run on ``rewritten_module`` would add above statements for the
    v1 enum members still written (``still_used_todo``), found without a second analysis:
    [(path from the module down to the statement, its TODO comments)], in the order the run
    would add them. ``analysis`` is the module's before the rewrite, ``rewritten`` the
    batch's original node -> rewritten node. A reference survives where the node the batch
    made of it is still in the tree, with the same code (its names bound by the same imports,
    which the batch does not touch). None when that cannot be told: somewhere in the tree a
    name chain reads as a v1 enum member (its first name bound by a v1 import, or named like
    a v1 package) without being such a survivor (written anew by a codemod, or not one in the
    analysis): the engine then runs the codemod again on the rewritten tree."""
    images = {}
    for node, ref in analysis.enum_refs.items():
        images[rewritten.get(node, node)] = (node, ref)
    roots = {package: package for package in V1_PACKAGES}
    for imp in analysis.imports:
        roots.update(_bound_names(imp))
    code_of = cst.Module([]).code_for_node
    todos: Dict[cst.CSTNode, List[str]] = {}
    paths: Dict[cst.CSTNode, Tuple[cst.CSTNode, ...]] = {}
    path: List[cst.CSTNode] = []
    stack: List[object] = [rewritten_module]
    while stack:
        node = stack.pop()
        if node is _UP:
            path.pop()
            continue
        if isinstance(node, (cst.Name, cst.Attribute)) and _reads_as_v1_enum_member(node, roots):
            original = images.get(node)
            if original is None or code_of(node) != code_of(original[0]):
                return None
            why = still_used_todo(original[1])
            host = next((n for n in reversed(path) if isinstance(n, COMMENT_HOSTS)), None)
            if why is not None and host is not None:
                comment = todo_comment(why)
                comments = todos.setdefault(host, [])
                paths[host] = tuple(path[:path.index(host) + 1])
                if comment not in comments:
                    comments.append(comment)
        path.append(node)
        stack.append(_UP)
        stack.extend(reversed(children_of(node)))
    return [(paths[host], comments) for host, comments in todos.items()]


_UP = object()  # (the walk's marker: leave the node on top of the path)


def _bound_names(imp) -> Dict[str, str]:
    """local name -> the qualified name an import binds it to."""
    bound: Dict[str, str] = {}
    if isinstance(imp, cst.Import):
        for alias in imp.names:
            name = dotted_name(alias.name) or ""
            if alias.asname is not None:
                bound[alias.asname.name.value] = name  # type: ignore[union-attr]
            else:
                bound[name.partition(".")[0]] = name.partition(".")[0]
    elif isinstance(imp, cst.ImportFrom) and not isinstance(imp.names, cst.ImportStar):
        module = dotted_name(imp.module) if imp.module is not None else ""
        for alias in imp.names:
            name = dotted_name(alias.name) or ""
            local = alias.asname.name.value if alias.asname is not None else name  # type: ignore[union-attr]
            bound[local] = f"{module}.{name}"
    return bound


def _reads_as_v1_enum_member(node: cst.CSTNode, roots: Dict[str, str]) -> bool:
    """Whether the name chain ``node`` reads, by its text, as a v1 enum member (the analysis'
    rule on qualified names, ``codemods.sdk.analysis``), its first name taken as ``roots`` binds it."""
    dotted = dotted_name(node)
    if dotted is None:
        return False
    first, _, rest = dotted.partition(".")
    prefix = roots.get(first)
    if prefix is None:
        return False
    package, _, inside = (f"{prefix}.{rest}" if rest else prefix).partition(".")
    parts = inside.split(".")
    return package in V1_PACKAGES and len(parts) >= 3 and parts[0] == "models" and parts[-2] in SDK_V1_ENUMS \
        and parts[-1][:1].isupper()


def q_last(qualified: str) -> str:
    """`ding.sdk.Ding` -> `Ding`."""
    return qualified.rpartition(".")[2]


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Runs last among the SDK codemods, on the rewritten tree: v1 type references in annotations, "
         "`isinstance` and string annotations become their v2 types (`ding.Ding` -> `Prelude`, "
         "`operations.CheckResponse` -> `prelude_python_sdk.types.VerificationCheckResponse`), then every v1 "
         "import nothing reads any more is removed.",
    why="A v1 import left behind fails once `ding` is uninstalled; one still needed must stay, so the file "
        "keeps importing.",
    fix_safety="Imports still read (a call left under a TODO, an enum with no v2 equivalent) are kept. A v1 "
               "status or error-code enum member still used, a star import from the v1 SDK and a "
               "`try: import ding ... except ImportError:` guard get a TODO.",
    examples=(
        CodemodExample('''
            from typing import Optional

            import ding
            from ding.models import components, operations

            client = ding.Ding(api_key=KEY)


            def last_check(phone: str) -> Optional[operations.CheckResponse]:
                return None
            ''', '''
            from typing import Optional
            import prelude_python_sdk.types
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def last_check(phone: str) -> Optional[prelude_python_sdk.types.VerificationCheckResponse]:
                return None
            ''', note="An annotation follows; the unused v1 imports go."),
        CodemodExample('''
            import ding
            from ding.models import components

            client: ding.Ding = ding.Ding(api_key=KEY)
            EXPECTED = components.CheckStatus.VALID
            ''', '''
            from ding.models import components
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client: Prelude = Prelude(api_token=KEY, max_retries=0)
            # TODO(prelude-migration): v1 enum CheckStatus.VALID ('valid') is still used; v2 statuses and error codes are plain strings with new values
            EXPECTED = components.CheckStatus.VALID
            ''', note="An enum member kept for later comparisons keeps its import, under a TODO."),
    ),
    no_ops=(
        NoOp('''
            from ding.models import DingGroup, Word
            from ding import Ding

            group = DingGroup.objects.get(name="x")
            ''', "A Django app called `ding` is not the v1 SDK: no v1-only module or call is used."),
    ),
)
