"""codemods.core.libcst_speedups: libcst's own answers, faster. Each patch is checked against
libcst's unpatched code path on real v1 programs."""
from __future__ import annotations

import libcst as cst
from libcst.metadata import BatchableMetadataProvider, MetadataWrapper, ParentNodeProvider
from libcst.metadata.parent_node_provider import ParentNodeVisitor

from codemods.core import libcst_speedups
from tests.paths import DATA

PROGRAMS = sorted(p for p in (DATA / "equivalence").glob("*/*.py") if p.name != "scenario.py")[:8]


def test_parents_are_libcsts_own_in_the_same_order():
    libcst_speedups.install()
    assert PROGRAMS
    for program in PROGRAMS + [DATA / "v1_program" / "otp_service.py"]:
        module = cst.parse_module(program.read_text())
        patched = MetadataWrapper(module, unsafe_skip_copy=True).resolve(ParentNodeProvider)
        reference = ParentNodeProvider()
        module.visit(ParentNodeVisitor(reference))  # libcst's visitor, which the patch replaces
        expected = list(reference._computed.items())
        assert len(expected) > 100, program
        assert [(id(c), id(p)) for c, p in patched.items()] == [(id(c), id(p)) for c, p in expected], program


class _Names(BatchableMetadataProvider[int]):
    def visit_Name(self, node):
        self.set_metadata(node, 1)


class _ModuleOnly(BatchableMetadataProvider[int]):
    calls: list = []

    def visit_Module(self, node):
        _ModuleOnly.calls.append("visit")
        self.set_metadata(node, 1)

    def leave_Module(self, original_node):
        _ModuleOnly.calls.append("leave")


def test_a_round_of_module_only_providers_does_not_walk_the_tree(monkeypatch):
    from libcst._batched_visitor import _BatchedCSTVisitor

    libcst_speedups.install()
    left = []
    real_leave = _BatchedCSTVisitor.on_leave
    monkeypatch.setattr(_BatchedCSTVisitor, "on_leave", lambda self, node: (left.append(node), real_leave(self, node)))
    module = cst.parse_module("import ding\nx = ding.Ding(api_key=KEY)\n")
    _ModuleOnly.calls = []
    only = MetadataWrapper(module, unsafe_skip_copy=True).resolve(_ModuleOnly)
    assert _ModuleOnly.calls == ["visit", "leave"] and list(only.values()) == [1]
    assert left == [module]  # no node below the module was walked
    left.clear()
    names = MetadataWrapper(module, unsafe_skip_copy=True).resolve_many([_Names, _ModuleOnly])[_Names]
    # a provider hooking names in the same round: the whole tree is walked, every name seen
    assert sorted(n.value for n in names) == ["Ding", "KEY", "api_key", "ding", "ding", "x"]
    assert len(left) > 10


def test_children_read_from_the_fields_are_libcsts_children():
    from codemods.core.readonly_walk import _fields, children_of
    from codemods.core.nodes import walk

    sources = [p.read_text() for p in PROGRAMS] + [
        "from . import (a as b, c)\nfrom x import *\nimport a.b as c\n",
        "async def f[T: int = str](*a, b=1, **k) -> T:\n    async with x as (y, z), w: pass\n"
        "    async for i in j: yield i\n    return [k async for k in m if k] or {**d} or (lambda q=1, /, *r: q)\n",
        "match p:\n    case {'k': [1, *rest]} | Point(x=0) if rest: pass\n    case _: del x[1:2, ::3]\n",
        "x = f'{a!r:>{w}} {b=}' + t'' if 0 else b'' rb'\\\\'\n@d\nclass C(B, metaclass=M):\n"
        "    '''doc'''\n    x: int = 1; y += 2\n    try:\n        raise E from e\n    except* (A, B) as e:\n"
        "        global g; nonlocal n\n    finally:\n        assert (yield), 'm'\n",
    ]
    seen = set()
    for source in sources:
        module = cst.parse_module(source)
        for node in walk(module):
            assert [id(c) for c in children_of(node)] == [id(c) for c in node.children], type(node).__name__
            seen.add(type(node))
    # every class read directly but the few whose method visitor_walk's strict reader does not
    # take (a conditional or a skipped field in the constructor call): they keep node.children
    assert len(seen) > 90
    assert {cls.__name__ for cls in seen if _fields[cls] is None} == {
        "ImportFrom", "TypeParam", "FormattedStringExpression"}
