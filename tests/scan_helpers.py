"""Helpers for the scanner tests: write files, run the public ``scan`` API or the CLI."""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from click.testing import CliRunner

from migrate.cli import cli
from migrate.config import Config
from migrate.scan import scan
from paths import DATA

AFTER_REMOVAL = _dt.date(2026, 5, 1)  # every v1 deadline is past
BEFORE_ALL = _dt.date(2025, 6, 1)  # no deadline reached yet
DATA = DATA / "scan"

# Every finding of the v1 fixture repository (tests/data/scan/v1_repo), after the removal date.
V1_EXPECTED = {
    # path: [(rule, line, column), ...]
    "android/Otp.kt": [("PM103", 1, 8), ("PM105", 3, 11)],
    "android/build.gradle.kts": [("PM104", 2, 21)],
    "deploy/k8s.yaml": [("PM102", 3, 12)],
    "deploy/.env.example": [("PM101", 1, 10), ("PM102", 2, 12), ("PM201", 2, 33)],
    "deploy/Dockerfile": [("PM101", 2, 14)],
    "docs/setup.md": [("PM203", 3, 7)],
    "dotnet/Otp.cs": [("PM103", 1, 7), ("PM105", 3, 11), ("PM106", 4, 25)],
    "deploy/values.toml": [("PM101", 2, 13)],
    "go/go.mod": [("PM104", 3, 9)],
    "go/otp.go": [("PM103", 4, 14), ("PM105", 8, 7), ("PM106", 9, 18)],
    "ios/Otp.swift": [("PM101", 3, 29)],
    "java/Otp.java": [("PM103", 1, 8), ("PM105", 4, 16), ("PM106", 5, 29)],
    "php/otp.php": [("PM103", 2, 5), ("PM105", 4, 8), ("PM106", 5, 24)],
    "py/otp.py": [("PM103", 1, 1), ("PM103", 2, 1), ("PM105", 4, 10), ("PM106", 9, 15),
                  ("PM112", 10, 13), ("PM110", 10, 52), ("PM109", 11, 5),
                  ("PM117", 13, 47)],  # res....authentication_uuid: a v1 response field read
    "py/raw.py": [("PM101", 3, 8), ("PM203", 7, 5), ("PM107", 8, 12), ("PM108", 8, 60)],
    "py/requirements.txt": [("PM104", 2, 1)],
    "ruby/otp.rb": [("PM103", 1, 10), ("PM105", 3, 7), ("PM106", 4, 13)],
    "scripts/send.sh": [("PM101", 2, 9), ("PM108", 3, 7), ("PM111", 3, 19), ("PM112", 4, 10),
                        ("PM111", 4, 30)],
    "web/otp.ts": [("PM103", 1, 23), ("PM105", 3, 14), ("PM111", 3, 45), ("PM106", 6, 19),
                   ("PM112", 6, 42), ("PM111", 6, 68)],
    "web/package.json": [("PM104", 4, 6)],
}


def write_tree(root: Path, files: Dict[str, "str | bytes"]) -> Path:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def scan_tree(root: Path, *, select: Iterable[str] = (), today: _dt.date = AFTER_REMOVAL, jobs: int = 1,
              **config):
    """``scan`` run from inside ``root`` (so paths in findings are relative to it)."""
    previous = os.getcwd()
    os.chdir(root)
    try:
        return scan(["."], config=Config(select=tuple(select), **config), today=today, jobs=jobs)
    finally:
        os.chdir(previous)


def positions(findings, rule: Optional[str] = None, path: Optional[str] = None) -> List[tuple]:
    return [(f.line, f.column) for f in findings
            if (rule is None or f.rule == rule) and (path is None or f.path == path)]


def run_cli(args: List[str], cwd: Path, env: Optional[dict] = None):
    """``prelude-migrate scan ARGS`` through click, from ``cwd``; returns the click Result."""
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, ["scan", *args], env=env, catch_exceptions=False)
    finally:
        os.chdir(previous)
