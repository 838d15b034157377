"""Running the v1 JS/TS programs of tests/data/lang/js with Node against the sandbox (both
APIs on one localhost server), before and after ``prelude-migrate rewrite``.

Programs keep their production URLs; ``tests/node/redirect.cjs`` (preloaded) sends every request
for the API hosts to the sandbox. A program asks for input with a prompt line ending in ``CODE? ``
(answered with the code the sandbox sent) or ``WAIT? `` (the sandbox clock moves 60 s on).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import List

from paths import DATA, TESTS

NODE_DIR = TESTS / "node"
PROGRAMS = DATA / "lang" / "js"
V1_KEY, V2_KEY = "test-v1-key", "test-v2-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
PHONE = "+33612345678"


def node_ready() -> bool:
    return shutil.which("node") is not None and (NODE_DIR / "node_modules" / "axios").is_dir()


def install(program: str, folder: Path) -> Path:
    """A copy of the program in ``folder``, next to a link to tests/node/node_modules."""
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "node_modules"
    if not link.exists():
        link.symlink_to(NODE_DIR / "node_modules", target_is_directory=True)
    target = folder / program
    shutil.copyfile(PROGRAMS / program, target)
    return target


def run(program: Path, sandbox, api: str, args: List[str], timeout: float = 60) -> List[str]:
    """Run ``program`` with the ``api`` ("v1" or "v2") key; the lines it printed (prompts removed)."""
    env = {**os.environ, "PRELUDE_SANDBOX_URL": sandbox.url, "DING_CUSTOMER_UUID": CUSTOMER,
           "DING_API_KEY": V1_KEY if api == "v1" else V2_KEY, "NODE_NO_WARNINGS": "1"}
    command = ["node", "--require", str(NODE_DIR / "redirect.cjs")]
    if program.name.startswith("deno_"):
        command += [str(NODE_DIR / "run_handler.mjs"), str(program), *args]
    else:
        command += [str(program), *args]
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
