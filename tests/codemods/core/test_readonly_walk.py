"""codemods.core.readonly_walk: the same visits as libcst's traversal, without rebuilding."""
from __future__ import annotations

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, ParentNodeProvider, ScopeProvider

from codemods.core import libcst_speedups
from codemods.core.nodes import walk
from codemods.core.readonly_walk import children_map, visit_module, visit_readonly
from tests.paths import DATA

SOURCE = (DATA / "v1_program" / "otp_service.py").read_text()


class _Recorder(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.log = []

    def on_visit(self, node) -> bool:
        self.log.append(("visit", id(node)))
        # declines the children of every call: the walk must skip them, and still leave the call
        return super().on_visit(node) and not isinstance(node, cst.Call)

    def on_leave(self, original_node) -> None:
        self.log.append(("leave", id(original_node)))

    def visit_Name(self, node) -> None:
        self.log.append(("scope", self.get_metadata(ScopeProvider, node, None) is not None))


class _AttributeHook(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.funcs = 0

    def visit_Call_func(self, node) -> None:
        self.funcs += 1


@pytest.mark.parametrize("parents_first", [True, False])
def test_visits_what_libcst_visits_in_the_same_order(parents_first):
    libcst_speedups.install()
    module = cst.parse_module(SOURCE)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    if parents_first:
        wrapper.resolve(ParentNodeProvider)  # the children lists come from the parent walk
    else:
        cst.parse_module("x = 1\n").visit(cst.CSTVisitor())
        MetadataWrapper(cst.parse_module("y = 2\n")).resolve(ParentNodeProvider)  # another module cached
    expected, got = _Recorder(), _Recorder()
    wrapper.visit(expected)
    visit_readonly(wrapper, got)
    assert len(expected.log) > 500 and ("scope", True) in expected.log
    assert got.log == expected.log


def test_children_are_libcsts_and_attribute_hooks_get_libcsts_walk():
    module = cst.parse_module(SOURCE)
    assert all(list(children_map(module).get(n, ())) == list(n.children) for n in walk(module))
    calls = sum(isinstance(n, cst.Call) for n in walk(module))
    for run in (lambda v: visit_readonly(MetadataWrapper(module), v), lambda v: visit_module(module, v)):
        hooked = _AttributeHook()
        run(hooked)
        assert hooked.funcs == calls > 5  # attribute hooks are called: libcst's own traversal


def test_visit_module_is_module_visit_without_metadata():
    module = cst.parse_module(SOURCE)
    expected, got = _Plain(), _Plain()
    module.visit(expected)
    visit_module(module, got)
    assert got.log == expected.log and len(got.log) > 500


class _Plain(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.log = []

    def on_visit(self, node) -> bool:
        self.log.append(("visit", id(node)))
        return not isinstance(node, cst.Arg)

    def on_leave(self, original_node) -> None:
        self.log.append(("leave", id(original_node)))


class _Hooks(cst.CSTVisitor):
    """libcst's plain dispatch (visit_<Node> / leave_<Node>, no on_visit override): the walk
    looks the hooks up per node class."""
    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self, skip_calls: bool = True) -> None:
        super().__init__()
        self.log, self.skip_calls = [], skip_calls

    def visit_Call(self, node) -> bool:
        self.log.append(("call", id(node)))
        return not self.skip_calls  # False: its children are not visited

    def leave_Call(self, original_node) -> None:
        self.log.append(("left call", id(original_node)))

    def visit_Name(self, node) -> None:
        self.log.append(("name", node.value, self.get_metadata(ScopeProvider, node, None) is not None))

    def leave_FunctionDef(self, original_node) -> None:
        self.log.append(("left def", original_node.name.value))


class _Strings(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.log = []

    def visit_SimpleString(self, node) -> None:
        self.log.append(("string", node.value))

    def leave_Assign(self, original_node) -> None:
        self.log.append(("left assign", id(original_node)))


def test_plain_hooks_are_called_as_libcst_calls_them():
    module = cst.parse_module(SOURCE)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    wrapper.resolve(ParentNodeProvider)
    for skip in (True, False):
        expected, got = _Hooks(skip), _Hooks(skip)
        wrapper.visit(expected)
        visit_readonly(wrapper, got)
        assert got.log == expected.log and len(got.log) > 50
        assert any(e[0] == "name" and e[2] for e in got.log)  # metadata resolved for the hooks
    skipped, full = _Hooks(True), _Hooks(False)
    visit_readonly(wrapper, skipped)
    visit_readonly(wrapper, full)
    assert len(skipped.log) < len(full.log)  # a visit hook returning False skips the children


class _PlainHooks(_Hooks):
    METADATA_DEPENDENCIES = ()

    def visit_Name(self, node) -> None:
        self.log.append(("name", node.value))


def test_visitors_batched_in_one_walk_see_what_each_sees_alone():
    module = cst.parse_module(SOURCE)
    alone = [_PlainHooks(False), _Strings()]
    for visitor in alone:
        module.visit(visitor)
    batched = [_PlainHooks(False), _Strings()]
    visit_module(module, *batched)
    assert [v.log for v in batched] == [v.log for v in alone]
    assert all(len(v.log) > 10 for v in batched)
    with pytest.raises(ValueError):  # a hook that declines children cannot share a walk
        visit_module(module, _PlainHooks(True), _Strings())
    with pytest.raises(ValueError):  # nor can a visitor with its own on_visit
        visit_module(module, _Plain(), _Strings())


def test_a_hook_set_on_the_instance_is_called():
    module = cst.parse_module(SOURCE)
    expected, got = _Strings(), _Strings()
    for visitor in (expected, got):
        visitor.visit_Name = lambda node, log=visitor.log: log.append(("name", node.value))
    module.visit(expected)
    visit_module(module, got)
    assert got.log == expected.log and any(e[0] == "name" for e in got.log)


def test_fields_visited_any_other_way_keep_libcsts_children():
    from libcst._nodes.internal import visit_sequence

    from codemods.core.readonly_walk import _visited_fields

    class AliasedHelper(cst.Name):  # `lpar` visited through a local name for the helper
        def _visit_and_replace_children(self, visitor):
            helper = visit_sequence
            return AliasedHelper(lpar=helper(self, "lpar", self.lpar, visitor), value=self.value,
                                 rpar=visit_sequence(self, "rpar", self.rpar, visitor))

    assert _visited_fields(AliasedHelper) is None  # not ("rpar",): lpar's children would be lost
    assert _visited_fields(cst.Name) == ("lpar", "rpar")
