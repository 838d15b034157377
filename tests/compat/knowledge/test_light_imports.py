"""The knowledge layer is importable without any heavy library, and the session-1 module
``compat.tables`` is gone (its names live in ``compat.knowledge.<topic>``, see docs/compat.md)."""
import subprocess
import sys

import pytest

import compat


def test_importing_the_knowledge_layer_imports_no_heavy_library():
    code = ("import sys, compat, compat.knowledge.triggers, compat.knowledge.todos;"
            "heavy = {'libcst', 'click', 'ast_grep_py', 'uvicorn', 'starlette', 'httpx'};"
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_compat_tables_is_removed():
    with pytest.raises(ModuleNotFoundError):
        __import__("compat.tables")
    with pytest.raises(AttributeError):
        compat.tables  # noqa: B018
    assert compat.knowledge.__name__ == "compat.knowledge"  # the facts are here now
