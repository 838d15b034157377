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
