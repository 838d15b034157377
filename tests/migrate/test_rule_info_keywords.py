"""RuleInfo is always built with keywords (its fields are easy to swap by position)."""
import ast

import pytest

from paths import ROOT

CALLS = [(path, node) for path in sorted((ROOT / "migrate").rglob("*.py"))
         for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
         if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RuleInfo"]


def test_every_rule_module_builds_its_rule_info():
    assert len({path for path, _ in CALLS if path.parent.name == "rules"}) >= 14


@pytest.mark.parametrize("path,call", CALLS, ids=lambda v: v.name if hasattr(v, "name") else "")
def test_rule_info_takes_keywords_only(path, call):
    assert not call.args, f"{path.relative_to(ROOT)}:{call.lineno}: RuleInfo with positional arguments"
