"""Every Python block of docs/compat.md runs as written, against the v2 fake (served to requests
and to httpx)."""
from __future__ import annotations

import pathlib
import re

import pytest
import requests

import compat
from compat.testing import FakeV2
from compat_helpers import V2_KEY
from paths import ROOT

DOC = ROOT / "docs" / "compat.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_doc_has_the_setup_blocks():
    assert len(BLOCKS) >= 4
    assert any("compat.session(api_key=V2_API_KEY)" in block and "Ding(" in block for block in BLOCKS)
    assert any("compat.install(" in block for block in BLOCKS)
    assert any("httpx.Client(transport=compat.HTTPXTransport(" in block for block in BLOCKS)
    assert any("compat.AsyncHTTPXTransport(" in block and "AsyncClient" in block for block in BLOCKS)


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_each_block_runs_and_reaches_v2(index):
    original = requests.Session.get_adapter
    v2 = FakeV2(api_key=V2_KEY)
    try:
        with v2.serve_requests(), v2.serve_httpx():
            exec(compile(BLOCKS[index], f"{DOC.name} block {index}", "exec"), {"V2_API_KEY": V2_KEY})
    finally:
        compat.uninstall()
    assert v2.requests, "the block made no v2 call: it shows nothing working"
    assert all(r.headers["authorization"] == f"Bearer {V2_KEY}" for r in v2.requests)
    assert requests.Session.get_adapter is original  # a block that installs also uninstalls
