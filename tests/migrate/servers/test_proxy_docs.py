"""docs/proxy.md: the blocks marked "run by tests/migrate/servers/test_proxy_docs.py" run as written
against a live proxy (its address swapped in for 127.0.0.1:8080, client-key-1 accepted), and the
doc names every option of the command and every metric."""
import re
import subprocess

import pytest
from click.testing import CliRunner

from migrate.cli import cli
from migrate.servers.proxy_metrics import Metrics
from paths import ROOT
from servers_helpers import proxy_process

DOC = (ROOT / "docs" / "proxy.md").read_text(encoding="utf-8")
MARKER = "run by tests/migrate/servers/test_proxy_docs.py"
BLOCKS = re.findall(r"<!-- snippet: skip \([^)]*" + re.escape(MARKER) + r"\) -->\n```(\w+)\n(.*?)```", DOC, re.S)


@pytest.fixture(scope="module")
def documented_proxy(sandbox):
    with proxy_process(sandbox.url, "--no-access-log", env={"PRELUDE_COMPAT_CLIENT_KEYS": "client-key-1"}) as proxy:
        yield proxy


def test_the_doc_has_runnable_blocks():
    assert [kind for kind, _ in BLOCKS].count("sh") >= 1 and [kind for kind, _ in BLOCKS].count("python") >= 1


def test_the_doc_names_every_option_and_metric():
    helped = CliRunner().invoke(cli, ["proxy", "--help"]).output
    for option in set(re.findall(r"(--[a-z0-9-]+)", helped)) - {"--help"}:
        assert f"`{option}" in DOC, option
    for metric in Metrics().registry.collect():
        name = metric.name + ("_total" if metric.type == "counter" else "")
        assert f"`{name}`" in DOC, name


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_block_runs(index, documented_proxy, control):
    kind, text = BLOCKS[index]
    text = text.replace("http://127.0.0.1:8080", documented_proxy.url)
    if kind == "python":
        exec(compile(text, f"docs/proxy.md block {index}", "exec"), {})
    else:
        done = subprocess.run(["sh", "-e", "-c", text], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert '"status": "pending"' in done.stdout.replace('"status":"pending"', '"status": "pending"')
        assert '"line_type":"Mobile"' in done.stdout.replace(" ", "") and '{"status":"ok"}' in done.stdout
    assert control.requests(), "the block reached no v2 endpoint"
