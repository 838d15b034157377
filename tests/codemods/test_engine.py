"""The one-pass engine (codemods.engine): one parse and one analysis per file, the codemods'
edits batched, import bookkeeping once, a picklable per-file task."""
from __future__ import annotations

import pickle
import textwrap
from concurrent.futures import ProcessPoolExecutor

import libcst as cst

from codemods.engine import BatchedTransformer, RewriteOptions, plan, rewrite_source, rewrite_task

SDK_AND_HTTP = textwrap.dedent('''\
    import ding
    import requests
    from ding.models import components

    LEGACY = "https://api.ding.live/v2/transactional"

    def send(phone):
        ding.Ding(api_key=KEY).otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
        requests.get("https://api.ding.live/v1/lookup/+33600000000", headers={"X-API-Key": "test-v1-key"})
    ''')


def equivalence_modules():
    """The v1 modules of the committed equivalence programs (tests/data/equivalence/*/)."""
    from tests.paths import DATA

    return sorted(p for p in (DATA / "equivalence").glob("*/*.py") if p.name != "scenario.py")


def test_every_codemod_in_one_run_and_idempotent():
    result = rewrite_source(SDK_AND_HTTP, "app.py")
    assert result.error is None and result.changed
    assert result.applied == ("sdk-client", "sdk-calls", "sdk-imports", "raw-http", "hosts")
    new = result.new_source
    # the client rewritten inside the rewritten call (two codemods on nested nodes, one traversal)
    assert 'Prelude(api_token=KEY, max_retries=0).verification.create(' in new
    assert "import ding\n" not in new and "from ding.models" not in new  # unused v1 imports gone
    assert "from prelude_python_sdk import Prelude" in new
    assert 'requests.get("https://api.prelude.dev/v2/lookup/+33600000000"' in new
    assert 'LEGACY = "https://api.prelude.dev/v2/transactional"' in new
    assert result.todos == new.count("TODO(prelude-migration)") >= 2
    again = rewrite_source(new, "app.py")
    assert again.new_source == new and not again.changed


def test_only_selected_codemods_and_no_parse_without_triggers():
    hosts_only = rewrite_source(SDK_AND_HTTP, "app.py", RewriteOptions(("hosts",)))
    assert hosts_only.applied == ("hosts",)
    assert hosts_only.new_source == SDK_AND_HTTP.replace("api.ding.live/v2", "api.prelude.dev/v2")
    plain = rewrite_source("import os\n", "os.py")
    assert not plain.parsed and not plain.changed and plain.new_source == "import os\n"


def test_bad_input_is_reported_and_left_alone():
    broken = 'import ding\nx = ding.Ding(api_key=K\n'
    result = rewrite_source(broken, "bad.py")
    assert result.parse_error and result.error.startswith("cannot parse") and result.new_source == broken
    not_utf8 = rewrite_task("latin.py", b'URL = "https://api.ding.live/v2"  # caf\xe9\n')
    assert not_utf8.parse_error and "UTF-8" in not_utf8.error


def test_task_is_picklable_and_runs_in_a_process_pool():
    source = b'URL = "https://api.ding.live/v2/transactional"\n'
    with ProcessPoolExecutor(max_workers=1) as pool:
        result = pool.submit(rewrite_task, "legacy.py", source, RewriteOptions()).result(timeout=120)
    assert result.new_source == 'URL = "https://api.prelude.dev/v2/transactional"\n'
    assert pickle.loads(pickle.dumps(result)) == result


class _Rename(cst.CSTTransformer):
    def __init__(self, old, new, log):
        super().__init__()
        self.old, self.new, self.log = old, new, log

    def leave_Name(self, original_node, updated_node):
        self.log.append((self.old, updated_node.value))
        return updated_node.with_changes(value=self.new) if updated_node.value == self.old else updated_node


class _NoCalls(cst.CSTTransformer):
    def __init__(self, log):
        super().__init__()
        self.log = log

    def visit_Call(self, node):
        return False  # declines the call's children

    def leave_Name(self, original_node, updated_node):
        self.log.append(("nocalls", updated_node.value))
        return updated_node


def test_batched_members_chain_in_order_and_keep_their_own_skips():
    log = []
    module = cst.parse_module("a = f(a)\n")
    members = [_Rename("a", "b", log), _Rename("b", "c", log), _NoCalls(log)]
    new = module.visit(BatchedTransformer(members))
    assert new.code == "c = f(c)\n"  # the second member sees what the first returned
    # the third member never sees the names inside the call it declined
    assert [v for who, v in log if who == "nocalls"] == ["c"]


class _Counting(cst.CSTTransformer):
    """Counts the nodes its on_visit / on_leave overrides are called on."""

    def __init__(self):
        cst.CSTTransformer.__init__(self)
        self.visited, self.left = [], []

    def on_visit(self, node):
        self.visited.append(type(node).__name__)
        return cst.CSTTransformer.on_visit(self, node)

    def on_leave(self, original_node, updated_node):
        self.left.append(type(original_node).__name__)
        return cst.CSTTransformer.on_leave(self, original_node, updated_node)


def _upper_name(self, original_node, updated_node):
    return updated_node.with_changes(value=updated_node.value.upper())


# The same overrides, declaring the node classes they handle (calls), with a leave_Name hook.
_CallsOnly = type("_CallsOnly", (cst.CSTTransformer,), {
    **{name: vars(_Counting)[name] for name in ("__init__", "on_visit", "on_leave")},
    "ON_VISIT_TYPES": (cst.Call,), "ON_LEAVE_TYPES": (cst.Call,), "leave_Name": _upper_name})


class _InheritsAnUndeclaredOverride(_Counting):
    ON_VISIT_TYPES = ON_LEAVE_TYPES = ()  # says nothing for _Counting's overrides, which run below


def test_batched_members_are_called_only_on_nodes_they_can_react_to():
    source = "f(a, b.c)\nx = 1\n"
    undeclared, declared = _Counting(), _CallsOnly()
    new = cst.parse_module(source).visit(BatchedTransformer([undeclared, declared]))
    assert new.code == "F(A, B.C)\nX = 1\n"
    alone = _Counting()
    cst.parse_module(source).visit(alone)
    # an override that declares nothing sees every node, as in a run of its own
    assert undeclared.visited == alone.visited and undeclared.left == alone.left
    assert len(alone.visited) > 20
    # a declared one: its own node classes, plus those it has a real leave_/visit_ hook for
    assert declared.visited == ["Call"]
    assert sorted(declared.left) == ["Call", "Name", "Name", "Name", "Name", "Name"]
    # a declaration covers the overrides of its own class only
    inherited = _InheritsAnUndeclaredOverride()
    cst.parse_module(source).visit(BatchedTransformer([inherited]))
    assert inherited.visited == alone.visited


def _rewritten_programs():
    """Every committed equivalence program rewritten as the CLI does (the repo pre-pass over
    its modules, so cross-module runs too): {path: new source}."""
    from codemods.prepass import prepass
    from tests.paths import DATA

    out = {}
    for program in sorted(d for d in (DATA / "equivalence").iterdir() if d.is_dir()):
        files = [str(p) for p in sorted(program.glob("*.py")) if p.name != "scenario.py"]
        repo = prepass(files, candidates=files)
        options = RewriteOptions(None, repo if repo.modules else None)
        for path in files:
            out[path] = rewrite_task(path, open(path, "rb").read(), options).new_source
    return out


def test_calling_members_only_where_they_can_react_changes_no_output(monkeypatch):
    import codemods.engine as engine

    fast = _rewritten_programs()
    # every member called on every node, whitespace and punctuation visited
    monkeypatch.setattr(engine, "_reacts", lambda member, method, kind: True)
    monkeypatch.setattr(engine, "_class_tables", lambda classes, kind: (
        list(range(len(classes))), [], [(index, True) for index in range(len(classes))]))
    assert _rewritten_programs() == fast
    assert len(fast) >= 40


def _isinstance_classes(function) -> set:
    """The classes every ``isinstance(x, C)`` in ``function``'s source tests (C evaluated in its module)."""
    import ast
    import inspect
    import sys

    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    namespace = vars(sys.modules[function.__module__])
    found = set()
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "isinstance":
            classes = eval(compile(ast.Expression(call.args[1]), "<isinstance>", "eval"), namespace)
            found.update(classes if isinstance(classes, tuple) else (classes,))
    return found


def test_every_declared_override_declares_the_node_classes_it_tests():
    """An on_visit/on_leave override that declares ON_VISIT_TYPES/ON_LEAVE_TYPES is called on
    those node classes only (plus those it has hooks for): each node class its body tests with
    isinstance() must be among them, or a new branch would silently never run."""
    from codemods.engine import codemod_classes

    checked = 0
    for cls in codemod_classes():
        for klass in cls.__mro__:
            for method, declaration in (("on_visit", "ON_VISIT_TYPES"), ("on_leave", "ON_LEAVE_TYPES")):
                if method in vars(klass) and declaration in vars(klass):
                    declared = tuple(vars(klass)[declaration])
                    for tested in _isinstance_classes(vars(klass)[method]):
                        if issubclass(tested, cst.CSTNode):
                            assert issubclass(tested, declared), (klass.__name__, method, tested.__name__)
                    checked += 1
    assert checked >= 6


def test_whitespace_and_punctuation_hold_only_more_of_the_same():
    """The batch does not descend into the engine's trivia classes when no member reacts to
    one: their subtrees must hold nothing else, on every parseable file under tests/."""
    from codemods.engine import _trivia
    from tests.paths import TESTS

    trivia = _trivia()
    assert {cst.SimpleWhitespace, cst.Comma, cst.Dot, cst.TrailingWhitespace, cst.LeftParen} <= trivia
    assert not trivia & {cst.Name, cst.Attribute, cst.SimpleString, cst.Call}
    checked = 0
    for path in sorted(TESTS.rglob("*.py")):
        try:
            stack = [cst.parse_module(path.read_text(encoding="utf-8"))]
        except (cst.ParserSyntaxError, UnicodeDecodeError):
            continue
        while stack:
            node = stack.pop()
            children = node.children
            if type(node) in trivia:
                assert all(type(child) in trivia for child in children), (path, type(node).__name__)
                checked += 1
            stack.extend(children)
    assert checked > 50_000


def test_plan_gives_the_scanner_fixable_usages_without_rewriting():
    usages = plan(SDK_AND_HTTP)
    kinds = {u.kind for u in usages}
    assert {"sdk-import", "sdk-client", "sdk-call", "raw-http", "host"} <= kinds
    client = next(u for u in usages if u.kind == "sdk-client")
    assert client.fixable is False and client.line == 8  # always a TODO: a v2 key is needed
    raw = next(u for u in usages if u.kind == "raw-http")
    assert raw.fixable is True and raw.detail == "lookup"


# --- import removal without a second scope analysis (codemods.core.unused_imports) ----------

REMOVAL_CASES = {
    # source after the rewrite -> (libcst's verdict on `from ding.models import components`, the
    # token scan's verdict: "unused" / "used" decided from tokens, None = left to libcst)
    "gone": ("from ding.models import components\nx = 1\n", "removed", "unused"),
    "docstring and comment only": ('from ding.models import components\n"""uses components"""\n'
                                   "x = 1  # components\n", "removed", "unused"),
    "attribute read": ("from ding.models import components\nx = components.A\n", "kept", "used"),
    "read in a function": ("from ding.models import components\ndef f():\n    return components.A\n",
                           "kept", "used"),
    "other object's attribute": ("from ding.models import components\nx = self.components\n", "removed",
                                 "unused"),
    "string annotation": ('from ding.models import components\nx: "components.A" = 1\n', "kept", None),
    "__all__": ('from ding.models import components\n__all__ = ["components"]\n', "kept", None),
    "shadowed by a parameter": ("from ding.models import components\ndef f(components):\n"
                                "    return components.A\n", "removed", None),
    "keyword argument": ("from ding.models import components\nf(components=1)\n", "removed", None),
    "import inside a function": ("def g():\n    from ding.models import components\n"
                                 "def f():\n    return components.A\n", "removed", None),
    "import in a module-level try": ("try:\n    from ding.models import components\nexcept ImportError:\n"
                                     "    pass\nx = components.A\n", "kept", "used"),
}


def _libcst_removal(source: str) -> str:
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import RemoveImportsVisitor

    context = CodemodContext()
    RemoveImportsVisitor.remove_unused_import(context, "ding.models", "components")
    return RemoveImportsVisitor(context).transform_module(cst.parse_module(source)).code


def test_import_removal_matches_libcst_and_uses_tokens_only_when_certain():
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import RemoveImportsVisitor

    from codemods.core.unused_imports import classify, remove_unused_imports

    class Slow(RemoveImportsVisitor):
        runs = 0

        def visit_Module(self, node):
            Slow.runs += 1
            super().visit_Module(node)

    for name, (source, verdict, scan) in REMOVAL_CASES.items():
        expected = _libcst_removal(source)
        assert ("import components" in expected) == (verdict == "kept"), name  # the pinned verdict is libcst's
        request = [("ding.models", "components", None)]
        decided = classify(source, request)
        assert decided == (None if scan is None else ({"components"} if scan == "unused" else set())), name
        context = CodemodContext()
        RemoveImportsVisitor.remove_unused_import(context, "ding.models", "components")
        before = Slow.runs
        module, removed = remove_unused_imports(cst.parse_module(source), context, Slow)
        assert module.code == expected, name
        assert removed == (verdict == "removed"), name
        assert (Slow.runs > before) == (scan is None), name  # libcst's own analysis only when undecided


def test_import_removal_keeps_aliases_that_are_still_read():
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import RemoveImportsVisitor

    from codemods.core.unused_imports import remove_unused_imports

    source = "from ding.models import components, errors as e\nimport ding\nx = components.A\n"
    context = CodemodContext()
    for obj, asname in (("components", None), ("errors", "e")):
        RemoveImportsVisitor.remove_unused_import(context, "ding.models", obj, asname=asname)
    RemoveImportsVisitor.remove_unused_import(context, "ding")
    module, removed = remove_unused_imports(cst.parse_module(source), context, RemoveImportsVisitor)
    assert removed and module.code == "from ding.models import components\nx = components.A\n"


def test_removal_only_shortcut_gives_the_second_pass_output(monkeypatch):
    """When sdk-imports could only ask for removals, the engine asks from the first analysis
    instead of re-analysing the rewritten tree: the same bytes, on every v1 program."""
    import codemods.sdk.imports as imports

    real = imports.only_removals_left
    taken = []

    def spy(*args):
        taken.append(real(*args))
        return taken[-1]

    programs = equivalence_modules()
    assert len(programs) >= 20
    monkeypatch.setattr(imports, "only_removals_left", spy)
    fast = [rewrite_source(p.read_text(), p.name).new_source for p in programs]
    monkeypatch.setattr(imports, "only_removals_left", lambda *args: False)
    slow = [rewrite_source(p.read_text(), p.name).new_source for p in programs]
    assert fast == slow
    assert any(taken) and not all(taken)  # the shortcut is taken, and refused where it must be


def test_enum_todo_shortcut_gives_the_second_pass_output(monkeypatch):
    """When sdk-imports could only ask for removals and flag v1 enum members still written,
    the engine tells which survive from the batch (no second analysis, no second traversal):
    the same bytes as the second pass, on every v1 program (pre-pass included)."""
    import codemods.sdk.imports as imports

    real = imports.still_used_enum_todos
    taken = []

    def spy(*args):
        taken.append(real(*args))
        return taken[-1]

    monkeypatch.setattr(imports, "still_used_enum_todos", spy)
    fast = _rewritten_programs()
    monkeypatch.setattr(imports, "removals_and_enum_todos_left", lambda *args: False)
    assert _rewritten_programs() == fast
    assert sum(t is not None for t in taken) >= 5 and any(taken)  # taken, with TODOs to add


ENUM_KEPT = textwrap.dedent('''\
    from ding.models import components

    EXPECTED = components.CheckStatus.VALID
    OTHER = 1
    ''')


def _enum_case():
    from libcst.metadata import MetadataWrapper

    from codemods.sdk.analysis import analyze

    module = cst.parse_module(ENUM_KEPT)
    analysis = analyze(MetadataWrapper(module, unsafe_skip_copy=True), usages=False)
    (ref,) = analysis.enum_refs
    return module, analysis, ref


def test_enum_todos_follow_the_batchs_nodes_and_refuse_unknown_ones():
    from codemods.sdk.imports import still_used_enum_todos, still_used_todo

    module, analysis, ref = _enum_case()
    statement = module.body[1]
    # kept as it is: its statement gets the TODO
    todos = still_used_enum_todos(module, analysis, {})
    assert todos == [((module, statement), ["# TODO(prelude-migration): " + still_used_todo(analysis.enum_refs[ref])])]
    # rewritten into a v2 value by the batch: nothing left to flag
    value = cst.SimpleString('"valid"')
    gone = module.with_changes(body=[module.body[0], statement.with_changes(
        body=[statement.body[0].with_changes(value=value)]), module.body[2]])
    assert still_used_enum_todos(gone, analysis, {ref: value}) == []
    # the same member written anew by a codemod (not the batch's node for the reference): cannot tell
    fresh = cst.parse_expression("components.CheckStatus.VALID")
    anew = module.with_changes(body=[module.body[0], statement.with_changes(
        body=[statement.body[0].with_changes(value=fresh)]), module.body[2]])
    assert still_used_enum_todos(anew, analysis, {}) is None


def test_the_rewrite_clis_site_scan_reuses_the_engines_parse_with_the_same_usages(monkeypatch):
    """migrate.rewrite.changed_sites scans the original of each changed file: it reuses the
    engine's wrapper and SDK analysis (codemods.engine.parsed_wrapper), with the usages a fresh
    scan finds, on every v1 program."""
    import codemods.engine as engine
    from migrate.scan.python import python_usages
    programs = equivalence_modules()
    reused = 0
    for program in programs:
        text = program.read_text()
        fresh = python_usages(text)
        assert engine.parsed_wrapper(text) is None  # nothing rewritten yet for this text
        new = rewrite_source(text, program.name).new_source
        wrapper = engine.parsed_wrapper(text)
        if wrapper is None:  # no trigger token (a module that only imports a v1 wrapper): not
            assert new == text  # parsed, not changed, so the CLI never scans it
            continue
        reused += 1
        assert engine.parsed_wrapper(text + "\n") is None  # only for exactly that text
        parses = []
        real_parse = cst.parse_module
        monkeypatch.setattr(cst, "parse_module", lambda *a, **k: (parses.append(1), real_parse(*a, **k))[1])
        assert python_usages(text) == fresh, program
        monkeypatch.setattr(cst, "parse_module", real_parse)
        assert not parses  # the engine's parse, metadata and analysis were used
        rewrite_source("import os\n", "other.py")  # not parsed: the memo is dropped
        assert engine.parsed_wrapper(text) is None
    assert reused >= len(programs) - 3 and reused >= 20  # (receivers and stores with no v1 token of their own)


def test_a_second_plain_analysis_of_one_wrapper_is_not_recomputed():
    from libcst.metadata import MetadataWrapper

    from codemods.sdk import analysis

    wrapper = MetadataWrapper(cst.parse_module(SDK_AND_HTTP), unsafe_skip_copy=True)
    first = analysis.analyze(wrapper, usages=False)
    assert first.uses_v1 and first.usages == []
    again = analysis.analyze(wrapper)  # the scanner's call: the same analysis, with its usages
    assert again is first and again.usages == analysis.analyze(SDK_AND_HTTP).usages != []
    other = analysis.analyze(wrapper, foreign_clients=("client",))  # other inputs: computed again
    assert other is not first and other.usages


class _FuncCounter(cst.CSTTransformer):
    """A member with an attribute hook: the batch must still call it."""

    def __init__(self):
        super().__init__()
        self.funcs = 0

    def visit_Call_func(self, node):
        self.funcs += 1


def test_batched_attribute_hooks_reach_only_members_that_have_them():
    from codemods.core.base import PlainCodemod
    from libcst.codemod import CodemodContext

    class Quiet(PlainCodemod):
        def on_visit_attribute(self, node, attribute):  # PlainCodemod's would do nothing; this one counts
            raise AssertionError("called although PlainCodemod's hooks are skipped")

    counter, plain = _FuncCounter(), PlainCodemod(CodemodContext())
    batch = BatchedTransformer([plain, counter])
    assert [m for _, m in batch.attribute_members] == [counter]
    cst.parse_module("f(g(x))\n").visit(batch)
    assert counter.funcs == 2
    only_plain = BatchedTransformer([plain])
    assert only_plain.attribute_members == []
    assert cst.parse_module("f(x)\n").visit(only_plain).code == "f(x)\n"
    assert [m for _, m in BatchedTransformer([Quiet(CodemodContext())]).attribute_members]  # overridden: kept


def test_the_second_pass_analysis_reads_references_only():
    """sdk-imports alone reads the imports and the enum/error/type references: the engine's
    second pass stops the analysis there, with the same answers for them."""
    from libcst.metadata import MetadataWrapper

    from codemods.sdk.analysis import analyze
    programs = equivalence_modules()
    with_refs = 0
    for program in programs:
        module = cst.parse_module(program.read_text())
        first = analyze(MetadataWrapper(module, unsafe_skip_copy=True), usages=False)
        if not first.uses_v1:
            continue
        full = analyze(MetadataWrapper(module, unsafe_skip_copy=True), usages=False, known_v1=first)
        short = analyze(MetadataWrapper(module, unsafe_skip_copy=True), usages=False, known_v1=first,
                        references_only=True)
        keyed = lambda d: [(type(n).__name__, cst.Module([]).code_for_node(n), v) for n, v in d.items()]
        for field in ("enum_refs", "error_refs", "type_refs"):
            assert keyed(getattr(short, field)) == keyed(getattr(full, field)), (program, field)
        assert [cst.Module([]).code_for_node(n) for n in short.imports] == \
            [cst.Module([]).code_for_node(n) for n in full.imports]
        assert short.uses_v1 and short.packages == full.packages and not short.calls
        with_refs += bool(full.enum_refs) and bool(full.calls)
    assert with_refs >= 5


class _UpperOnTheInstance(cst.CSTTransformer):
    """Its hooks set on the instance, where libcst's dispatch finds them."""

    def __init__(self):
        super().__init__()
        self.leave_Name = lambda original, updated: updated.with_changes(value=updated.value.upper())
        self.funcs = []
        self.visit_Call_func = lambda node: self.funcs.append(node)


def test_batched_members_with_hooks_on_the_instance_are_called_as_libcst_would():
    alone = cst.parse_module("f(a)\n").visit(_UpperOnTheInstance())
    assert alone.code == "F(A)\n"
    member = _UpperOnTheInstance()
    assert cst.parse_module("f(a)\n").visit(BatchedTransformer([member])).code == "F(A)\n"
    assert len(member.funcs) == 1
