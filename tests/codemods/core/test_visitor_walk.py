"""codemods.core.visitor_walk: libcst's read-only traversal without node rebuilds makes the same
calls, in the same order, as libcst's own, and leaves transformers alone."""
from __future__ import annotations

import functools
import inspect

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, ScopeProvider

from codemods.core import visitor_walk
from tests.paths import DATA, ROOT


class _Recorder(cst.CSTVisitor):
    """Logs every call libcst makes on a visitor, declining the children of some node classes."""

    def __init__(self, decline=()):
        super().__init__()
        self.log, self.decline = [], decline

    def on_visit(self, node):
        self.log.append(("visit", id(node)))
        return type(node).__name__ not in self.decline

    def on_leave(self, original_node):
        self.log.append(("leave", id(original_node)))

    def on_visit_attribute(self, node, attribute):
        self.log.append(("visit attribute", id(node), attribute))

    def on_leave_attribute(self, original_node, attribute):
        self.log.append(("leave attribute", id(original_node), attribute))


class _CallFuncs(cst.CSTVisitor):
    """libcst's dispatch with one real attribute hook."""

    def __init__(self):
        super().__init__()
        self.funcs = []

    def visit_Call_func(self, node):
        self.funcs.append(id(node))


@functools.lru_cache(maxsize=1)
def _modules():
    sources = sorted(DATA.rglob("*.py")) + sorted((ROOT / "codemods").rglob("*.py"))
    modules = []
    for path in sources:
        if "node_modules" in path.parts:
            continue
        try:
            modules.append(cst.parse_module(path.read_text(encoding="utf-8")))
        except (cst.ParserSyntaxError, UnicodeDecodeError):
            continue  # test data that is broken on purpose
    assert len(modules) > 150
    return tuple(modules)


@pytest.fixture
def libcst_visit(monkeypatch):
    """Runs a function with libcst's own CSTNode.visit, then with the installed one."""
    visitor_walk.install()
    patched = cst.CSTNode.visit

    def both(run):
        monkeypatch.setattr(cst.CSTNode, "visit", patched.libcst_visit)
        expected = run()
        monkeypatch.setattr(cst.CSTNode, "visit", patched)
        return expected, run()

    return both


def test_the_same_calls_in_the_same_order_as_libcsts_walk(libcst_visit):
    modules = _modules()[::3]

    def logs():
        out = []
        for module in modules:
            for decline in ((), ("Call", "FunctionDef", "Subscript")):
                recorder = _Recorder(decline)
                assert module.visit(recorder) is module
                out.append(recorder.log)
            funcs = _CallFuncs()
            module.visit(funcs)
            out.append(funcs.funcs)
        return out

    expected, got = libcst_visit(logs)
    assert got == expected
    assert sum(len(log) for log in expected) > 200_000


def test_scopes_are_libcsts(libcst_visit):
    modules = _modules()[1::8]

    def scopes():
        out = []
        for module in modules:
            wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
            resolved = wrapper.resolve(ScopeProvider)
            # (string annotations are parsed again at each run: their nodes are new each time)
            for node, scope in resolved.items():
                key = id(node) if node in in_module[id(module)] else (type(node).__name__, module.code_for_node(node))
                names = sorted(q.name for q in scope.get_qualified_names_for(node)) \
                    if isinstance(node, (cst.Name, cst.Attribute)) and scope is not None else None
                out.append((key, type(scope).__name__, names))
        return out

    in_module = {id(module): set(_nodes(module)) for module in modules}
    expected, got = libcst_visit(scopes)
    assert got == expected and len(expected) > 10_000


def _nodes(module):
    stack, found = [module], []
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.children)
    return found


def test_transformers_keep_libcsts_walk():
    visitor_walk.install()

    class Upper(cst.CSTTransformer):
        def leave_Name(self, original_node, updated_node):
            return updated_node.with_changes(value=updated_node.value.upper())

    module = cst.parse_module("x = f(y)\n")
    new = module.visit(Upper())
    assert new.code == "X = F(Y)\n" and new is not module


def test_fields_are_read_from_every_node_class_but_a_few():
    """Every concrete node class gets a plan from its _visit_and_replace_children, except the
    few whose method has another shape (libcst's own walk is kept for those)."""
    classes, stack = set(), [cst.CSTNode]
    while stack:
        for sub in stack.pop().__subclasses__():
            stack.append(sub)
            if not inspect.isabstract(sub):
                classes.add(sub)
    fallback = {cls.__name__ for cls in classes if visitor_walk.visited_fields(cls) is None}
    assert len(classes) > 300
    # conditional visits (format_spec, ImportFrom.names) or a temporary before the return
    assert fallback <= {"FormattedStringExpression", "ImportFrom", "LazyImportFrom", "TemplatedStringExpression",
                        "TypeParam"}
    assert visitor_walk.visited_fields(cst.Name) == (("lpar", "each"), ("rpar", "each"))
    assert visitor_walk.visited_fields(cst.Comment) == ()
    assert ("returns", "optional") in visitor_walk.visited_fields(cst.FunctionDef)


def test_a_function_local_visitor_class_does_not_keep_its_module_alive():
    import gc
    import weakref

    visitor_walk.install()
    classes = []

    def names_in(source):
        module = cst.parse_module(source)

        class Names(cst.CSTVisitor):  # a new class per call, closing over the module
            def visit_Name(self, node):
                found.append(module.code_for_node(node))
        found = []
        module.visit(Names())
        classes.append(weakref.ref(Names))
        return found

    source = "a_left_alone = b_left_alone\n"
    assert names_in(source) == ["a_left_alone", "b_left_alone"]
    gc.collect()
    assert classes[0]() is None
    assert not [o for o in gc.get_objects() if isinstance(o, cst.Module) and o.code == source]


class _InstanceHooks(cst.CSTVisitor):
    """Attribute hooks set on the instance (libcst looks them up there)."""

    def __init__(self):
        super().__init__()
        self.log = []
        self.visit_Call_func = lambda node: self.log.append(("visit func", type(node.func).__name__))
        self.leave_Call_args = lambda node: self.log.append(("leave args", len(node.args)))


def test_attribute_hooks_on_the_instance_are_called(libcst_visit):
    def run():
        visitor = _InstanceHooks()
        cst.parse_module("f(g(x), y)\n").visit(visitor)
        return visitor.log

    libcsts, ours = libcst_visit(run)
    assert libcsts == [("visit func", "Name"), ("visit func", "Name"), ("leave args", 1), ("leave args", 2)]
    assert ours == libcsts
