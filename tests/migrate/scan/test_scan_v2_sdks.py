"""Precision on v2-only code: the installed v2 SDKs' own trees (prelude-python-sdk, and the
Node SDK ``@prelude.so/sdk`` once ``tests/node`` has its ``npm ci``) have no finding at all,
including the legacy ``/v2/transactional`` route that the SDKs implement (PM201 is for code that
calls it)."""
from __future__ import annotations

from pathlib import Path

import prelude_python_sdk
import pytest

from migrate.scan import scan
from paths import TESTS
from scan_helpers import AFTER_REMOVAL

NODE_MODULES = TESTS / "node" / "node_modules"
NODE_SDK = NODE_MODULES / "@prelude.so" / "sdk"


def _findings(root: Path):
    findings, summary = scan([str(root)], today=AFTER_REMOVAL, jobs=1, respect_gitignore=False)
    return findings, summary


def test_the_python_v2_sdk_has_no_finding():
    root = Path(prelude_python_sdk.__file__).parent
    assert (root / "resources" / "transactional.py").is_file()  # the legacy route is in the tree
    findings, summary = _findings(root)
    assert summary.files_scanned > 20
    assert [(f.path, f.line, f.rule) for f in findings] == []


@pytest.mark.skipif(not NODE_MODULES.is_dir(), reason="tests/node has no npm ci here (CI runs it)")
def test_the_node_v2_sdk_has_no_finding():
    # installed packages without the SDK: a wrong path or package name, never a silent skip
    assert NODE_SDK.is_dir(), f"{NODE_MODULES} exists but holds no @prelude.so/sdk"
    findings, summary = _findings(NODE_SDK)
    assert summary.files_scanned > 50
    assert [(f.path, f.line, f.rule) for f in findings] == []
