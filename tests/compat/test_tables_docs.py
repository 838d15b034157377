"""docs/api-changes.md is generated from compat.tables and mentions every table entry."""
from __future__ import annotations

import subprocess
import sys

import pytest

from compat import tables
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


def _keys():
    yield from tables.V1_ERROR_CODES
    yield from tables.V2_TO_V1_ERRORS
    yield from tables.V2_CREDENTIAL_CODES
    yield from tables.LINE_TYPE_V1_TO_V2.items()
    yield from tables.DEVICE_TYPE_V1_TO_V2.items()
    yield from tables.CREATE_FIELD_MOVES
    yield from tables.CHECK_FIELD_MOVES
    yield from tables.LOOKUP_FIELD_MOVES
    yield from tables.CHECK_STATUS_V1_TO_V2
    yield from tables.CHECK_STATUS_V2_TO_V1
    yield from tables.CREATE_STATUS_V2_TO_V1
    yield from tables.RETRY_STATUS_V1_TO_V2
    yield from tables.V2_BLOCK_REASONS
    yield from (str(d.date) for d in tables.DEADLINES.values())
    yield from (op.v2_path for op in tables.OPERATIONS.values())


@pytest.mark.parametrize("entry", list(_keys()), ids=str)
def test_every_table_entry_is_documented(doc, entry):
    for value in entry if isinstance(entry, tuple) else (entry,):
        assert f"`{value}`" in doc or value in doc, f"{value!r} missing from {apidoc.DOC.name}"
