"""A scan of a tree without triggers never imports libcst (start-up cost)."""
from __future__ import annotations

import subprocess
import sys
import textwrap


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
