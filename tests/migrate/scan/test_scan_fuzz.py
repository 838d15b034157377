"""Fuzzing the scanner's input: any bytes, under any file name, give a result (findings whose
positions are inside the text, or a listed reason), never an exception."""
from __future__ import annotations

import datetime as _dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrate.scan import selected_rules
from migrate.scan.engine import FileScanner, ScanOptions

SCANNER = FileScanner(ScanOptions(selected_rules(), _dt.date(2026, 12, 1)))
NAMES = ["app.py", "client.ts", "main.go", "Service.php", "gateway.rb", ".env", "config.yaml",
         "package.json", "notebook.ipynb", "Dockerfile", "README.md"]
# Fragments that steer the bytes towards what the rules look at.
FRAGMENTS = [b"https://api.ding.live/v1/authentication", b"api.ding.live/v2", b"import ding\n",
             b"from ding import Ding\n", b"x-api-key", b"customer_uuid", b"\r", b"\r\n", b"\n", b"\x00",
             b"\xff\xfe", b"\xef\xbb\xbf", b"(", b")", b"'", b'"', b"{", b"}", b"# prelude-migrate: ignore[PM101]",
             b"TODO(prelude-migration): x", b"client.otp.check(", "caf\u00e9".encode()]
SOURCES = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=24)), max_size=30).map(b"".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), data=SOURCES)
def test_any_bytes_under_any_name_give_a_result(name, data):
    result = SCANNER.scan_bytes(name, data)
    assert result.status in ("scanned", "binary", "large")
    if result.status != "scanned":
        return
    lines = max(1, data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1)
    for finding in result.findings:
        assert 1 <= finding.line <= lines and finding.column >= 1, (finding, data)
        assert finding.rule.startswith("PM")
