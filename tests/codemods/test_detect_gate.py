"""codemods.detect.http_usages_possible: the text-only gate before the HTTP detection (scan skips
``find_http_usages`` on modules it turns away), a necessary condition, never a change of result."""
from __future__ import annotations

import datetime

import libcst as cst
import pytest

from codemods.detect import find_http_usages, http_usages_possible
from migrate.scan import scan
from paths import DATA


def _python_files():
    for path in sorted(DATA.rglob("*.py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            cst.parse_module(text)
        except Exception:
            continue
        yield path, text


def test_every_module_with_http_usages_passes_the_gate():
    turned_away = 0
    with_usages = 0
    for path, text in _python_files():
        found = find_http_usages(text)
        if found:
            with_usages += 1
            assert http_usages_possible(text), path
        elif not http_usages_possible(text):
            turned_away += 1
    assert with_usages >= 10 and turned_away >= 20  # both sides are exercised by the test data


@pytest.mark.parametrize("code,kinds", [
    ('URL = "https://api.ding\\x2elive/v1/check"\n', {"host"}),  # an escape spells the host
    ('URL = f"https://api.ding\\N{FULL STOP}live/v1/{x}"\n', {"host"}),
    ('URL = "HTTPS://API.DING.LIVE/V1"\n', {"host"}),
    ('# see https://docs.ding.live/ for the codes\nx = 1\n', {"docs-link"}),
    ('import httpx as h\nh.post(BASE + "/check")\nBASE = "https://api.ding.live/v1"\n', {"raw-http", "host"}),
])
def test_what_the_detection_finds_passes(code, kinds):
    assert {u.kind for u in find_http_usages(code)} == kinds
    assert http_usages_possible(code)


def test_a_module_without_the_words_is_turned_away():
    code = 'import ding\nclient = ding.Ding(api_key="k")\nclient.otp.create_authentication(phone_number="+33600000000")\n'
    assert not http_usages_possible(code) and find_http_usages(code) == []


def test_scan_reports_an_escaped_host_in_a_v1_sdk_module(tmp_path):
    (tmp_path / "app.py").write_text('import ding\nclient = ding.Ding(api_key="k")\n'
                                     'BASE = "https://api.ding\\x2elive/v1"\n', encoding="utf-8")
    findings, _ = scan([tmp_path], today=datetime.date(2026, 5, 1), jobs=1)
    assert ("PM101", 3) in {(f.rule, f.line) for f in findings}
