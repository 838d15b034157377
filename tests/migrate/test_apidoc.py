"""docs/api-changes.md is generated from compat.knowledge and is fresh (its rows are checked
against the pinned facts in tests/compat/knowledge/test_api_changes_rows.py)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from migrate import apidoc


@pytest.fixture(scope="module")
def doc() -> str:
    return apidoc.DOC.read_text(encoding="utf-8")


def test_page_is_fresh():
    result = subprocess.run([sys.executable, "-m", "migrate.apidoc", "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_mode_notices_a_stale_page(tmp_path, monkeypatch):
    stale = tmp_path / "api-changes.md"
    stale.write_text(apidoc.DOC.read_text(encoding="utf-8").replace("`FixedLine`", "`Fixed`"), encoding="utf-8")
    monkeypatch.setattr(apidoc, "DOC", stale)
    assert apidoc.main(["--check"]) == 1
    assert apidoc.main([]) == 0
    assert "`FixedLine`" in stale.read_text(encoding="utf-8")


def test_missing_block_is_an_error():
    with pytest.raises(ValueError, match="missing generated blocks"):
        apidoc.render("no blocks here")
