"""compat.tables is a shim over compat.knowledge: same objects, and import compat stays light."""
import subprocess
import sys

import compat.tables as tables
from compat.knowledge import errors, hosts, packages, statuses


def test_the_shim_re_exports_the_same_objects():
    assert tables.V2_TO_V1_ERRORS is errors.V2_TO_V1_ERRORS
    assert tables.CHECK_STATUS_V2_TO_V1 is statuses.CHECK_STATUS_V2_TO_V1
    assert tables.V1_HOST is hosts.V1_HOST
    # the old name keeps its old meaning: distribution names per ecosystem
    assert tables.V1_PACKAGES is packages.V1_DISTRIBUTIONS


def test_importing_the_knowledge_layer_imports_no_heavy_library():
    code = ("import sys, compat, compat.tables, compat.knowledge.triggers, compat.knowledge.todos;"
            "heavy = {'libcst', 'click', 'ast_grep_py', 'uvicorn', 'starlette', 'httpx'};"
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
