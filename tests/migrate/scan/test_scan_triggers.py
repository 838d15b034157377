"""The libcst-free copy of the shared trigger tokens stays equal to the codemods' own, and a
scan of a tree without triggers never imports libcst (start-up cost)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from codemods import detect
from codemods.http import urls
from migrate.scan import triggers
from migrate.scan.prefilter import python_triggers, strong_python_triggers


def test_trigger_tokens_equal_the_shared_detection():
    assert triggers.SDK_TRIGGERS == tuple(detect.SDK_TRIGGERS)
    assert triggers.HTTP_TRIGGERS == tuple(urls.HTTP_TRIGGERS)
    assert triggers.DISTINCTIVE_METHODS == frozenset(detect.DISTINCTIVE_METHODS)


def test_prefilter_uses_every_shared_token():
    assert set(python_triggers()) == set(detect.SDK_TRIGGERS) | set(urls.HTTP_TRIGGERS)
    assert b".create_authentication(" in strong_python_triggers()
    assert set(urls.HTTP_TRIGGERS) <= set(strong_python_triggers())


def test_scanning_a_tree_without_triggers_does_not_import_libcst(tmp_path):
    (tmp_path / "app.py").write_text("import os\nprint(os.sep)\n")
    (tmp_path / "notes.md").write_text("padding, dingding, DingTalk\n")
    (tmp_path / "v2.ts").write_text('fetch("https://api.prelude.dev/v2/verification")\n')
    code = textwrap.dedent(f"""
        import sys
        from click.testing import CliRunner
        from migrate.cli import cli
        result = CliRunner().invoke(cli, ["scan", {str(tmp_path)!r}, "--jobs", "1"])
        assert result.exit_code == 0, result.output
        print("libcst" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
