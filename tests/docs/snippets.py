"""Fenced blocks of the documentation, and how each kind is run (see test_snippets.py).

Convention (every helper writes docs this way):
- Blocks with the info string python, sh, bash, console or toml in README.md and docs/**/*.md
  are executed or checked. Any other info string (yaml, ts, js, text...) is not.
- A block that cannot run here (needs docker, a PyPI release, the internet, a server that runs
  until stopped) is preceded by the line ``<!-- snippet: skip (reason) -->``; the reason is
  required. A block that another test runs says so in the reason ("run by tests/...").
- ``sh``/``bash``: run with bash in a fresh temporary copy of the sample repository
  (tests/data/scan/v1_repo) when they invoke ``prelude-migrate``; each command line must exit 0
  unless its comment says ``exit N`` (``prelude-migrate scan .  # exit 1``). Blocks that do not
  invoke prelude-migrate are only syntax-checked (``bash -n``).
- ``console``: ``$ command`` lines run like sh lines; the lines after a command are output that
  must appear, in order, in what it prints (a line ``...`` stands for anything).
- ``python``: executed in a subprocess from a temporary copy of the sample repository, with the
  repository root on ``sys.path``; it must exit 0.
- ``toml``: parsed; a ``[tool.prelude-migrate]`` table, or top-level configuration keys, are
  validated as a prelude-migrate configuration.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

from paths import ROOT

KINDS = ("python", "sh", "bash", "console", "toml")
SKIP_RE = re.compile(r"^<!--\s*snippet:\s*skip\s*\((?P<reason>.+)\)\s*-->\s*$")
FENCE_RE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)[^`]*$")
EXIT_RE = re.compile(r"#.*\bexit (?P<code>\d+)\b")
# Blocks run by another test (so that none runs twice): (file, kind) -> that test.
RUN_ELSEWHERE = {
    ("docs/compat.md", "python"): "tests/compat/test_compat_docs.py",
}


@dataclass(frozen=True)
class Block:
    path: str  # relative to the repository root
    line: int  # 1-based line of the opening fence
    kind: str  # the info string
    text: str
    skip: Optional[str] = None  # the reason given by the skip marker

    @property
    def id(self) -> str:
        return f"{self.path}:{self.line}:{self.kind}"


def doc_files() -> List[Path]:
    files = [ROOT / "README.md"] + sorted((ROOT / "docs").rglob("*.md"))
    return [f for f in files if f.is_file()]


def blocks_of(path: Path) -> List[Block]:
    """Every fenced block of one Markdown file (any info string), with its skip marker."""
    rel = path.relative_to(ROOT).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    found: List[Block] = []
    index = 0
    while index < len(lines):
        match = FENCE_RE.match(lines[index])
        if not match:
            index += 1
            continue
        fence, info = match.group("fence"), match.group("info").lower()
        start = index
        body: List[str] = []
        index += 1
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index][len(match.group("indent")):])
            index += 1
        index += 1  # the closing fence
        previous = next((lines[i] for i in range(start - 1, -1, -1) if lines[i].strip()), "")
        skip = SKIP_RE.match(previous.strip())
        found.append(Block(rel, start + 1, info, "\n".join(body) + "\n",
                           skip.group("reason").strip() if skip else None))
    return found


def all_blocks() -> List[Block]:
    return [block for path in doc_files() for block in blocks_of(path) if block.kind in KINDS]


def run_elsewhere(block: Block) -> Optional[str]:
    return RUN_ELSEWHERE.get((block.path, block.kind))


def logical_lines(text: str) -> List[Tuple[int, str]]:
    """(first line number within the block, command) with backslash continuations joined;
    blank and comment-only lines dropped."""
    out: List[Tuple[int, str]] = []
    pending: List[str] = []
    first = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not pending:
            first = number
            if not line.strip() or line.lstrip().startswith("#"):
                continue
        if line.endswith("\\"):
            pending.append(line[:-1])
            continue
        pending.append(line)
        out.append((first, " ".join(part.strip() for part in pending)))
        pending = []
    if pending:
        out.append((first, " ".join(pending)))
    return out


def expected_exit(command: str) -> int:
    match = EXIT_RE.search(command)
    return int(match.group("code")) if match else 0


def is_compound(text: str) -> bool:
    """Shell that cannot be checked line by line (heredocs, loops, functions, conditionals)."""
    return bool(re.search(r"<<|\b(do|then|done|fi|esac)\b|\{\s*$|\(\)\s*\{", text, re.M))


def console_commands(text: str) -> List[Tuple[str, List[str]]]:
    """(command, expected output lines) for each ``$ command`` of a console block."""
    out: List[Tuple[str, List[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out and line.strip():
            out[-1][1].append(line.rstrip())
    return out
