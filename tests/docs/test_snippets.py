"""Every fenced python, sh, bash, console and toml block of README.md and docs/**/*.md runs (or
is checked) as written; the convention is in tests/docs/snippets.py. A block that cannot run
here is preceded by ``<!-- snippet: skip (reason) -->``."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from migrate.config import ConfigError, KEYS, _toml_loads, validate_document
from paths import DATA, ROOT
from snippets import (Block, all_blocks, blocks_of, console_commands, doc_files, expected_exit,
                      is_compound, logical_lines, run_elsewhere)

SAMPLE = DATA / "scan" / "v1_repo"
TIMEOUT_S = 120
BLOCKS = all_blocks()
RUNNABLE = [b for b in BLOCKS if b.skip is None and run_elsewhere(b) is None]


def sandbox(tmp_path: Path) -> Path:
    """A fresh copy of the sample repository (a .git folder bounds the config search)."""
    repo = tmp_path / "repo"
    shutil.copytree(SAMPLE, repo)  # creates tmp_path too
    (repo / ".git").mkdir()
    return repo


def environment(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    env["HOME"] = str(tmp_path / "home")
    env.pop("GITHUB_STEP_SUMMARY", None)
    env["NO_COLOR"] = "1"
    return env


def run_shell(block: Block, tmp_path: Path) -> subprocess.CompletedProcess:
    """Each command line checked for its exit status (0 unless its comment says ``exit N``)."""
    if is_compound(block.text):
        script = block.text
    else:
        parts = []
        for number, command in logical_lines(block.text):
            expected = expected_exit(command)
            where = f"{block.path}:{block.line + number}"
            parts.append(f"{command}\n__rc=$?\nif [ \"$__rc\" != {expected} ]; then echo "
                         f"{shlex.quote(f'{where}: expected exit {expected}, got')} \"$__rc\" "
                         f"{shlex.quote(f'from: {command}')} >&2; exit 97; fi\n")
        script = "".join(parts)
    tmp_path.mkdir(parents=True, exist_ok=True)
    script_file = tmp_path / "snippet.sh"
    script_file.write_text(script)
    return subprocess.run(["bash", str(script_file)], cwd=sandbox(tmp_path), env=environment(tmp_path),
                          capture_output=True, text=True, timeout=TIMEOUT_S)


def invokes_the_tool(text: str) -> bool:
    return re.search(r"(^|[\s;&|(])prelude-migrate\s", text, re.M) is not None


def check_sh(block: Block, tmp_path: Path) -> None:
    if not invokes_the_tool(block.text):
        done = subprocess.run(["bash", "-n"], input=block.text, capture_output=True, text=True)
        assert done.returncode == 0, f"{block.id}: not valid shell: {done.stderr}"
        return
    done = run_shell(block, tmp_path)
    assert done.returncode == 0, f"{block.id} failed:\n{done.stderr[-3000:]}\n{done.stdout[-2000:]}"


def check_console(block: Block, tmp_path: Path) -> None:
    repo = sandbox(tmp_path)
    env = environment(tmp_path)
    for command, expected_lines in console_commands(block.text):
        done = subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True,
                              text=True, timeout=TIMEOUT_S)
        want = expected_exit(command)
        assert done.returncode == want, (f"{block.id}: `{command}` exited {done.returncode}, "
                                         f"expected {want}:\n{done.stderr[-2000:]}")
        output = (done.stdout + done.stderr).splitlines()
        position = 0
        for expected in expected_lines:
            if expected.strip() == "...":
                continue
            pattern = re.compile(".*".join(map(re.escape, expected.strip().split("..."))))
            while position < len(output) and not pattern.search(output[position]):
                position += 1
            assert position < len(output), (f"{block.id}: `{command}` did not print "
                                            f"{expected!r}; it printed:\n" + "\n".join(output[-40:]))
            position += 1


def check_python(block: Block, tmp_path: Path) -> None:
    repo = sandbox(tmp_path)
    code = tmp_path / "snippet.py"  # outside the copy, so a scan in the block never reads it
    code.write_text(block.text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(code)], cwd=repo, env=environment(tmp_path),
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    assert done.returncode == 0, f"{block.id} failed:\n{done.stderr[-3000:]}"


def is_configuration(document: dict) -> bool:
    import difflib

    if isinstance(document.get("tool"), dict) and "prelude-migrate" in document["tool"]:
        return True
    return any(key in KEYS or difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.85)
               for key in document)


def check_toml(block: Block, tmp_path: Path) -> None:
    try:
        document = _toml_loads(block.text)
    except ValueError as exc:
        pytest.fail(f"{block.id}: invalid TOML: {exc}")
    if not is_configuration(document):
        return
    name = "pyproject.toml" if "tool" in document else "prelude-migrate.toml"
    try:
        config = validate_document(document, name)
        from migrate.scan.rules import ALL_RULES

        config.check_rules(ALL_RULES)
    except ConfigError as exc:
        pytest.fail(f"{block.id}: not a valid prelude-migrate configuration: {exc}")


CHECKS = {"python": check_python, "sh": check_sh, "bash": check_sh, "console": check_console,
          "toml": check_toml}


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.id for b in RUNNABLE])
def test_block(block, tmp_path):
    CHECKS[block.kind](block, tmp_path)


# --- the harness itself ----------------------------------------------------------------------

def test_the_harness_sees_the_docs():
    paths = {b.path for b in BLOCKS}
    assert {"README.md", "docs/ci.md", "docs/scan.md"} <= paths
    assert len(RUNNABLE) >= 20
    assert {b.kind for b in RUNNABLE} >= {"python", "sh", "console", "toml"}


def test_every_skip_marker_is_well_formed_and_precedes_a_block():
    for path in doc_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if "snippet:" in line and line.lstrip().startswith("<!--"):
                assert re.match(r"^<!--\s*snippet:\s*skip\s*\(.+\)\s*-->$", line.strip()), \
                    f"{path.name}:{number}: write `<!-- snippet: skip (reason) -->`"
                following = next((l for l in lines[number:] if l.strip()), "")
                assert following.lstrip().startswith(("```", "~~~")), \
                    f"{path.name}:{number}: a skip marker must stand right before a fenced block"


def test_blocks_run_elsewhere_really_are_run_there():
    for (doc, kind), test in {(b.path, b.kind): run_elsewhere(b) for b in BLOCKS if run_elsewhere(b)}.items():
        source = (ROOT / test).read_text(encoding="utf-8")
        assert doc.split("/")[-1] in source and f"```{kind}" in source, (doc, kind, test)


def fake_doc(tmp_path, text):
    doc = tmp_path / "doc.md"
    doc.write_text(text)
    return doc


def test_harness_catches_a_wrong_exit_code_and_honours_declared_ones(tmp_path, monkeypatch):
    monkeypatch.setattr("snippets.ROOT", tmp_path)
    doc = fake_doc(tmp_path, "```sh\nprelude-migrate scan .\n```\n\n"
                             "```sh\nprelude-migrate scan .   # exit 1: findings\n"
                             "prelude-migrate scan . --fail-on never\n```\n")
    wrong, right = blocks_of(doc)
    with pytest.raises(AssertionError, match=r"doc.md:2: expected exit 0, got 1"):
        check_sh(wrong, tmp_path / "a")
    check_sh(right, tmp_path / "b")


def test_harness_checks_console_output_and_toml_and_python(tmp_path, monkeypatch):
    monkeypatch.setattr("snippets.ROOT", tmp_path)
    doc = fake_doc(tmp_path, "```console\n$ prelude-migrate rule PM101\nPM101 v1-host: ...\n"
                             "...\nSuppress\n```\n\n"
                             "```console\n$ prelude-migrate rule PM101\nnot printed at all\n```\n\n"
                             "<!-- snippet: skip (an example) -->\n```toml\nfail_on = 1\n```\n\n"
                             "```toml\nfail_on = \"error\"\n```\n\n"
                             "```python\nraise SystemExit(3)\n```\n")
    good, bad, skipped, typo, python = blocks_of(doc)
    check_console(good, tmp_path / "a")
    with pytest.raises(AssertionError, match="did not print 'not printed at all'"):
        check_console(bad, tmp_path / "b")
    assert skipped.skip == "an example"
    with pytest.raises(pytest.fail.Exception, match="did you mean 'fail-on'"):
        check_toml(typo, tmp_path / "c")
    with pytest.raises(AssertionError, match="failed"):
        check_python(python, tmp_path / "d")


def test_harness_reads_continuations_and_comments():
    text = "# a comment\nprelude-migrate scan \\\n  --fail-on never .  # exit 0\n\ncd x\n"
    assert logical_lines(text) == [(2, "prelude-migrate scan --fail-on never .  # exit 0"), (5, "cd x")]
    assert expected_exit("prelude-migrate scan .  # text report; exit 1 on errors") == 1
