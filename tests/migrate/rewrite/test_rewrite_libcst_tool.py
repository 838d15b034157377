"""Our codemods also run under libcst's own runner (`python -m libcst.tool codemod`), through
`codemods.libcst_commands`: one libcst `CodemodCommand` per codemod, doing what the codemod
does alone."""
from __future__ import annotations

import subprocess
import sys

import pytest

from codemods import docs as codemod_docs
from codemods.core.examples import PYTHON
from codemods.registry import CODEMODS
from rewrite_helpers import run_codemod

LIBCST_CONFIG = "generated_code_marker: '@generated'\nformatter: []\nblacklist_patterns: []\n" \
                "modules:\n- 'codemods'\nrepo_root: '.'\n"


def _tool(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "libcst.tool", *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)


def test_hosts_and_raw_http_under_libcst_tool(tmp_path):
    (tmp_path / ".libcst.codemod.yaml").write_text(LIBCST_CONFIG)
    legacy = tmp_path / "legacy.py"
    legacy.write_text('URL = "https://api.ding.live/v2/transactional"\n')
    raw = tmp_path / "raw.py"
    raw.write_text('import requests\n'
                   'requests.get("https://api.ding.live/v1/lookup/+33600000000", headers={"X-API-Key": "test-v1-key"})\n')
    # two jobs: libcst's runner sends the command class to its worker processes
    for command, jobs in (("libcst_commands.HostsCodemod", 2), ("libcst_commands.RawHttpCodemod", 1)):
        proc = _tool(tmp_path, "codemod", "--no-format", f"--jobs={jobs}", "--hide-progress", command,
                     str(legacy), str(raw))
        assert proc.returncode == 0, proc.stderr
    assert legacy.read_text() == 'URL = "https://api.prelude.dev/v2/transactional"\n'
    assert 'requests.get("https://api.prelude.dev/v2/lookup/+33600000000", headers={"Authorization": ' \
           '"Bearer test-v1-key"})' in raw.read_text()


def test_libcst_lists_every_codemod(tmp_path):
    (tmp_path / ".libcst.codemod.yaml").write_text(LIBCST_CONFIG)
    proc = _tool(tmp_path, "list")
    assert proc.returncode == 0, proc.stderr
    listed = {line.split(" - ")[0] for line in proc.stdout.splitlines() if line.startswith("libcst_commands.")}
    assert listed == {f"libcst_commands.{entry.spec.partition(':')[2]}" for entry in CODEMODS}


def _befores(name):
    _cls, docs = codemod_docs.python_codemods()[name]
    return [e.before for e in docs.examples if e.language == PYTHON and not e.tree]


@pytest.mark.parametrize("entry", [e for e in CODEMODS if e.name != "cross-module"], ids=lambda e: e.name)
def test_each_command_does_what_its_codemod_does_alone(entry):
    """libcst's runner (its stdin path, in process) on each documented example gives what the
    codemod gives run alone, and that is a change (so the comparison is not vacuous)."""
    from libcst.codemod import CodemodCommand, CodemodContext, exec_transform_with_prettyprint

    import codemods.libcst_commands as commands

    cls = entry.load()
    command = getattr(commands, cls.__name__)
    assert issubclass(command, CodemodCommand) and command.CODEMOD is cls
    assert command.DESCRIPTION == cls.DESCRIPTION
    befores = _befores(entry.name)
    assert befores
    changed = 0
    for before in befores:
        alone = run_codemod(cls, before)
        assert exec_transform_with_prettyprint(command(CodemodContext()), before, format_code=False) == alone
        changed += alone != before
    assert changed


def test_an_unknown_command_name_is_refused():
    import codemods.libcst_commands as commands

    with pytest.raises(AttributeError):
        commands.NoSuchCodemod  # noqa: B018
