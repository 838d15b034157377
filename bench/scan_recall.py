"""Recall and precision of ``prelude-migrate scan`` on a set of hand-verified cases.

    python bench/scan_recall.py tests/data/scan/public [--json] [--show-extra | --no-extra]

A set is a folder of cases; a case is a folder holding the code, an ``expected.txt`` with one
hand-judged v1 line per row (``path:line  why``; ``#`` comments and blank rows ignored) and a
``SOURCE.md`` whose ``category: app|lib|v2`` line says what the case is (``category <prefix>:
<cat>`` rows give files under a path prefix another category). Each case is scanned through the
CLI (``--format json``, all rules, ``--fail-on never``); a v1 line counts as found when any
finding starts on it. ``v2`` cases must have no finding at all. Printed: recall per category,
the misses, and the findings on lines that are not expected (to review by hand).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

CATEGORIES = ("app", "lib", "v2")


@dataclass
class Case:
    name: str
    root: str
    category: str
    prefixes: List[Tuple[str, str]] = field(default_factory=list)  # (path prefix, category)
    expected: Dict[Tuple[str, int], str] = field(default_factory=dict)

    def category_of(self, path: str) -> str:
        for prefix, cat in self.prefixes:
            if path.startswith(prefix):
                return cat
        return self.category


def load_case(root: str) -> Case:
    name = os.path.basename(root.rstrip("/"))
    category, prefixes = "app", []
    source = os.path.join(root, "SOURCE.md")
    if os.path.exists(source):
        with open(source, encoding="utf-8") as f:
            for row in f:
                if not row.startswith("category"):
                    continue
                key, _, value = row.partition(":")
                parts = key.split()
                if len(parts) == 1:
                    category = value.strip()
                elif len(parts) == 2:
                    prefixes.append((parts[1], value.strip()))
    if category not in CATEGORIES:
        raise SystemExit(f"{root}: unknown category {category!r}")
    case = Case(name, root, category, prefixes)
    with open(os.path.join(root, "expected.txt"), encoding="utf-8") as f:
        for number, row in enumerate(f, 1):
            row = row.strip()
            if not row or row.startswith("#"):
                continue
            where, _, why = row.partition("  ")
            path, _, line = where.rpartition(":")
            if not path or not line.isdigit():
                raise SystemExit(f"{root}/expected.txt:{number}: want `path:line  why`, got {row!r}")
            case.expected[(path, int(line))] = why.strip()
    return case


def load_set(folder: str) -> List[Case]:
    return [load_case(os.path.join(folder, d)) for d in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, d, "expected.txt"))]


def scan(case: Case, command=None) -> List[dict]:
    """The findings of the CLI scan of one case, paths relative to the case folder."""
    cmd = list(command or [sys.executable, "-c", "from migrate.cli import main; main()"]) + [
        "scan", ".", "--format", "json", "--fail-on", "never", "--no-gitignore", "-j", "1",
        "--extend-exclude", "expected.txt", "--extend-exclude", "SOURCE.md"]
    out = subprocess.run(cmd, cwd=case.root, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{case.name}: scan exited {out.returncode}: {out.stderr[-2000:]}")
    findings = json.loads(out.stdout)["findings"]
    for f in findings:
        f["path"] = os.path.relpath(f["path"], ".").replace(os.sep, "/") if os.path.isabs(f["path"]) \
            else f["path"].replace(os.sep, "/").removeprefix("./")
    return findings


@dataclass
class Result:
    found: Dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    total: Dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    misses: List[Tuple[str, str, int, str]] = field(default_factory=list)  # case, path, line, why
    extra: List[Tuple[str, str, int, str]] = field(default_factory=list)   # case, path, line, rule+message
    v2_findings: List[Tuple[str, str, int, str]] = field(default_factory=list)

    def recall(self, category: str) -> float:
        return self.found[category] / self.total[category] if self.total[category] else 1.0

    def as_dict(self) -> dict:
        return {"recall": {c: self.recall(c) for c in ("app", "lib")}, "found": self.found, "total": self.total,
                "misses": self.misses, "extra": self.extra, "v2_findings": self.v2_findings}


def evaluate(cases: List[Case], command=None, width: Optional[int] = 70) -> Result:
    """``width``: how much of each finding's message is kept (None: all of it)."""
    result = Result()
    for case in cases:
        findings = scan(case, command)
        flagged: Dict[Tuple[str, int], List[str]] = {}
        for f in findings:
            flagged.setdefault((f["path"], f["line"]), []).append(f"{f['rule']} {f['message'][:width]}")
        for (path, line), why in sorted(case.expected.items()):
            category = case.category_of(path)
            result.total[category] += 1
            if (path, line) in flagged:
                result.found[category] += 1
            else:
                result.misses.append((case.name, path, line, why))
        for (path, line), rules in sorted(flagged.items()):
            if case.category_of(path) == "v2":
                result.v2_findings.append((case.name, path, line, "; ".join(rules)))
            elif (path, line) not in case.expected:
                result.extra.append((case.name, path, line, "; ".join(rules)))
    return result


def report(result: Result, show_extra: bool = True) -> str:
    rows = []
    for category in ("app", "lib"):
        rows.append(f"{category}: {result.found[category]}/{result.total[category]} = {100 * result.recall(category):.1f} %")
    rows.append(f"v2: {len(result.v2_findings)} findings")
    rows.append(f"findings on lines not expected: {len(result.extra)}")
    if result.misses:
        rows.append("misses:")
        rows += [f"  {c}/{p}:{n}  {why}" for c, p, n, why in result.misses]
    if result.v2_findings:
        rows.append("v2 findings:")
        rows += [f"  {c}/{p}:{n}  {r}" for c, p, n, r in result.v2_findings]
    if show_extra and result.extra:
        rows.append("not expected:")
        rows += [f"  {c}/{p}:{n}  {r}" for c, p, n, r in result.extra]
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="a folder of cases (each with expected.txt and SOURCE.md)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--no-extra", action="store_true", help="do not list the findings on lines not expected")
    shown.add_argument("--show-extra", action="store_true",
                       help="list the findings on lines not expected with their whole messages (default: 70 characters)")
    args = parser.parse_args(argv)
    cases = load_set(args.folder)
    if not cases:
        print(f"no cases (folders with expected.txt) in {args.folder}", file=sys.stderr)
        return 2
    result = evaluate(cases, width=None if args.show_extra else 70)
    print(json.dumps(result.as_dict(), indent=1) if args.json else report(result, not args.no_extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
