"""Our codemods also run under libcst's own runner (`python -m libcst.tool codemod`)."""
from __future__ import annotations

import subprocess
import sys

LIBCST_CONFIG = "generated_code_marker: '@generated'\nformatter: []\nblacklist_patterns: []\n" \
                "modules:\n- 'codemods'\nrepo_root: '.'\n"


def test_hosts_and_raw_http_under_libcst_tool(tmp_path):
    (tmp_path / ".libcst.codemod.yaml").write_text(LIBCST_CONFIG)
    legacy = tmp_path / "legacy.py"
    legacy.write_text('URL = "https://api.ding.live/v2/transactional"\n')
    raw = tmp_path / "raw.py"
    raw.write_text('import requests\n'
                   'requests.get("https://api.ding.live/v1/lookup/+33600000000", headers={"X-API-Key": "test-v1-key"})\n')
    for command, path in (("http.hosts.HostsCodemod", legacy), ("http.raw_http.RawHttpCodemod", raw)):
        proc = subprocess.run([sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "--jobs=1",
                               "--hide-progress", command, str(path)], cwd=tmp_path, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    assert legacy.read_text() == 'URL = "https://api.prelude.dev/v2/transactional"\n'
    assert 'requests.get("https://api.prelude.dev/v2/lookup/+33600000000", headers={"Authorization": ' \
           '"Bearer test-v1-key"})' in raw.read_text()
