"""No false positives on a large unrelated tree: the installed packages of this environment
(thousands of files: libcst, pydantic, httpx, hypothesis, pytest, pip...)."""
from __future__ import annotations

import os
import sysconfig

from migrate.config import Config
from migrate.scan import scan
from scan_helpers import AFTER_REMOVAL

# What is *about* Ding on purpose: the v1 SDK itself, our own package's metadata (its README
# quotes api.ding.live), and the v2 SDK's implementation of the legacy /v2/transactional route
# (PM201 reports it there, rightly). Everything else must be clean.
EXCLUDE = ("ding/", "ding_api_client-*/", "prelude_migrate-*/", "__editable__*",
           "prelude_python_sdk/resources/transactional.py")


def test_installed_packages_have_zero_findings():
    purelib = sysconfig.get_paths()["purelib"]
    findings, summary = scan([purelib], config=Config(exclude=EXCLUDE), today=AFTER_REMOVAL)
    assert [(f.rule, f.path, f.line) for f in findings] == []
    assert summary.files_scanned > 2000, summary
    assert summary.files_unreadable == []
    assert os.path.isdir(os.path.join(purelib, "libcst"))  # the tree really is the package set
