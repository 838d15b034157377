"""Running the v1 JS/TS programs of tests/data/lang/js and tests/data/lang/ts with Node against
the sandbox (both APIs on one localhost server), before and after ``prelude-migrate rewrite``.
A TypeScript program is transpiled first (``tests/node/transpile.mjs``: ``ts.transpileModule``
of the ``typescript`` npm package), each time it runs, so the run sees the file as rewritten.

Programs keep their production URLs; ``tests/node/redirect.cjs`` (preloaded) sends every request
for the API hosts to the sandbox. A program asks for input with a prompt line ending in ``CODE? ``
(answered with the code the sandbox sent) or ``WAIT? `` (the sandbox clock moves 60 s on).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import List, Optional

from paths import DATA, TESTS

NODE_DIR = TESTS / "node"
PROGRAMS = DATA / "lang" / "js"
TS_PROGRAMS = DATA / "lang" / "ts"
HANDLER_PREFIXES = ("deno_", "route_")  # modules run one request per argument by run_handler.mjs
V1_KEY, V2_KEY = "test-v1-key", "test-v2-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
PHONE = "+33612345678"


def node_ready() -> bool:
    return shutil.which("node") is not None and all(
        (NODE_DIR / "node_modules" / name).is_dir() for name in ("axios", "typescript"))


def install(program: str, folder: Path, source: Optional[Path] = None) -> Path:
    """A copy of the program (from ``source``, else tests/data/lang/js or ts by its suffix) in
    ``folder``, next to a link to tests/node/node_modules."""
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "node_modules"
    if not link.exists():
        link.symlink_to(NODE_DIR / "node_modules", target_is_directory=True)
    target = folder / program
    shutil.copyfile((source or (TS_PROGRAMS if program.endswith(".ts") else PROGRAMS)) / program, target)
    return target


def run(program: Path, sandbox, api: str, args: List[str], timeout: float = 60) -> List[str]:
    """Run ``program`` with the ``api`` ("v1" or "v2") key; the lines it printed (prompts removed)."""
    env = {**os.environ, "PRELUDE_SANDBOX_URL": sandbox.url, "DING_CUSTOMER_UUID": CUSTOMER,
           "DING_API_KEY": V1_KEY if api == "v1" else V2_KEY, "NODE_NO_WARNINGS": "1"}
    runnable = program
    if program.suffix in (".ts", ".mts", ".tsx"):
        runnable = program.with_name(f".{program.stem}.transpiled.mjs")
        done = subprocess.run(["node", str(NODE_DIR / "transpile.mjs"), str(program), str(runnable)],
                              capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"{program.name} does not transpile:\n{done.stderr}"
    command = ["node", "--require", str(NODE_DIR / "redirect.cjs")]
    if program.name.startswith(HANDLER_PREFIXES):
        command += [str(NODE_DIR / "run_handler.mjs"), str(runnable), *args]
    else:
        command += [str(runnable), *args]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env, cwd=program.parent)
    out: List[str] = []
    try:
        buffer = ""
        while True:
            char = process.stdout.read(1)
            if char == "":
                break
            buffer += char
            if buffer.endswith("CODE? "):
                code = sandbox.control.last_code(PHONE, api=api)
                process.stdin.write(code + "\n")
                process.stdin.flush()
                buffer = buffer[:-len("CODE? ")]
            elif buffer.endswith("WAIT? "):
                sandbox.control.advance_clock(60)
                process.stdin.write("\n")
                process.stdin.flush()
                buffer = buffer[:-len("WAIT? ")]
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    stderr = process.stderr.read()
    assert process.returncode == 0, f"{program.name} ({api}) failed:\n{stderr}"
    out = [line for line in buffer.splitlines() if line.strip()]
    return out
