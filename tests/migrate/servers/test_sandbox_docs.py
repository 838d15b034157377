"""docs/sandbox.md: every block marked "run by tests/migrate/servers/test_sandbox_docs.py" runs as
written against a live sandbox (its port swapped in for 4010), and the doc covers every
control endpoint the server has."""
import re
import subprocess

import pytest

from migrate.servers.sandbox_control import control_routes
from migrate.servers.sandbox_state import Sandbox
from paths import ROOT

DOC = (ROOT / "docs" / "sandbox.md").read_text(encoding="utf-8")
MARKER = "run by tests/migrate/servers/test_sandbox_docs.py"
BLOCKS = re.findall(r"<!-- snippet: skip \([^)]*" + re.escape(MARKER) + r"\) -->\n```(\w+)\n(.*?)```", DOC, re.S)


def test_the_doc_has_runnable_python_and_curl_blocks():
    kinds = [kind for kind, _ in BLOCKS]
    assert kinds.count("python") >= 3 and kinds.count("sh") >= 1


def test_the_doc_lists_every_control_endpoint():
    for route in control_routes(Sandbox()):
        documented = "/_sandbox" + route.path.replace("{target}", "{phone or email}")
        assert documented in DOC, route.path


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_block_runs(index, sandbox, control):
    kind, text = BLOCKS[index]
    text = text.replace("http://127.0.0.1:4010", sandbox.url)
    if kind == "python":
        exec(compile(text, f"docs/sandbox.md block {index}", "exec"), {})
        assert control.requests() or "reset()" in text, "the block made no API call"
        return
    done = subprocess.run(["sh", "-e", "-c", text], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert '"code"' in done.stdout and '"reset":true' in done.stdout
