"""codemods.core.hooks: which visitor hooks can do anything (libcst's typed stubs cannot)."""
from __future__ import annotations

import libcst as cst

from codemods.core.hooks import has_instance_hooks, is_no_op, real_hook


class _Counting(cst.CSTVisitor):
    def visit_Name(self, node: cst.Name) -> None:
        pass


def test_a_visitors_own_hook_is_real_and_libcsts_stubs_are_not():
    assert real_hook(_Counting, "visit_Name") is _Counting.visit_Name
    assert real_hook(_Counting, "visit_Call") is None  # libcst's do-nothing stub
    assert is_no_op(cst.CSTVisitor.visit_Call) and not is_no_op(_Counting.visit_Name)
    assert real_hook(_Counting, "visit_NoSuchNode") is None


def test_hooks_set_on_an_instance_are_seen():
    visitor = _Counting()
    assert not has_instance_hooks(visitor)
    visitor.leave_Call = lambda node: None  # type: ignore[attr-defined]
    assert has_instance_hooks(visitor)
