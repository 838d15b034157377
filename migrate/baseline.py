"""Baselines: record today's findings so CI fails only on new ones.

A baseline is a JSON file ``{"version": 1, "findings": [{"key", "rule", "path", "line"}...]}``
(no messages or source text: they name ``api.ding.live``, and the baseline must not be a finding
itself when it is committed inside the scanned tree). A finding's key is ``Finding.fingerprint()`` (rule, path, stripped source line)
plus an occurrence index, so two identical lines in one file are two entries and a third copy
is new, while a line that only moved keeps its key. Paths inside the key are taken relative to
the baseline file's folder, so the same baseline works whatever the current directory is.
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

from migrate.files import atomic_write
from migrate.findings import Finding

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """The baseline file is missing, unreadable or not a baseline; the message names the file."""


def _rebase(finding: Finding, root: Optional[str]) -> Finding:
    """The finding with its path relative to ``root`` (the baseline's folder), '/'-separated."""
    if root is None:
        return finding
    try:
        rel = os.path.relpath(os.path.abspath(finding.path), root)
    except ValueError:  # another drive on Windows: keep the path as given
        return finding
    return dataclasses.replace(finding, path=rel.replace(os.sep, "/"))


def occurrence_keys(findings: Iterable[Finding], root: Optional[str] = None) -> List[Tuple[str, Finding]]:
    """``(fingerprint:index, finding)`` for each finding; the index counts identical fingerprints
    in file order, so it does not change when lines move. Returned in file order."""
    seen: Counter = Counter()
    keyed = []
    for finding in sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule)):
        fingerprint = _rebase(finding, root).fingerprint()
        keyed.append((f"{fingerprint}:{seen[fingerprint]}", finding))
        seen[fingerprint] += 1
    return keyed


def _root_of(path: os.PathLike | str) -> str:
    return os.path.dirname(os.path.abspath(path))


def write_baseline(path: os.PathLike | str, findings: Sequence[Finding]) -> int:
    """Write every finding to the baseline at ``path`` (replacing it); returns how many."""
    entries = [
        {"key": key, "rule": f.rule, "path": _rebase(f, _root_of(path)).path, "line": f.line}
        for key, f in occurrence_keys(findings, _root_of(path))
    ]
    document = {"version": BASELINE_VERSION, "tool": "prelude-migrate", "findings": entries}
    data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    target = Path(path)
    try:  # like --output: missing folders are created (ci/baseline.json in a fresh checkout)
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot create folder {target.parent}: {exc.strerror or exc}") from None
    if not target.exists():
        target.touch()  # atomic_write replaces an existing file; give it one
    atomic_write(target, data)  # never leaves a half-written baseline
    return len(entries)


class Baseline:
    """The known findings of a baseline file."""

    def __init__(self, keys: Iterable[str], root: Optional[str] = None, source: Optional[str] = None):
        self.keys = frozenset(keys)
        self.root = root
        self.source = source

    def __len__(self) -> int:
        return len(self.keys)

    def filter(self, findings: Sequence[Finding]) -> Tuple[List[Finding], int]:
        """Split ``findings`` into the new ones (in file order) and the count already known."""
        new = []
        known = 0
        for key, finding in occurrence_keys(findings, self.root):
            if key in self.keys:
                known += 1
            else:
                new.append(finding)
        return new, known

    def unmatched(self, findings: Sequence[Finding]) -> int:
        """Entries no longer found (fixed since the baseline was written): time to rewrite it."""
        return len(self.keys - {key for key, _ in occurrence_keys(findings, self.root)})


def load_baseline(path: os.PathLike | str) -> Baseline:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
    if not isinstance(document, dict) or "findings" not in document:
        raise BaselineError(f"{path}: not a prelude-migrate baseline (no \"findings\" list)")
    if document.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: baseline version {document.get('version')!r} is not supported "
                            f"(expected {BASELINE_VERSION}); rewrite it with --write-baseline")
    entries = document["findings"]
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("key"), str) for e in entries):
        raise BaselineError(f"{path}: every entry of \"findings\" needs a string \"key\"")
    return Baseline((e["key"] for e in entries), root=_root_of(path), source=os.fspath(path))
