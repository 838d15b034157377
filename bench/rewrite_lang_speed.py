"""How fast is `prelude-migrate rewrite --check` on a large tree of other languages next to
`prelude-migrate scan` on the same tree? (The goal: rewrite within 2x of scan.)

    python bench/rewrite_lang_speed.py [--files N] [--v1-files N] [--jobs N] [--runs N]

The tree is built in a temporary folder from files already on this machine, none of them about
Prelude: the JS/TS/JSON/Markdown of tests/node/node_modules (run `npm ci` there first; with
--python also this interpreter's site-packages, whose Python files the libcst codemods handle),
copied as often as needed to reach N files (default 40,000), plus a few v1 files in
several languages (default 20) so that both tools have real work. Each tool runs in a
subprocess, start-up included, ``--runs`` times interleaved (best kept), and the figures are
printed side by side: wall time and CPU time (user + sys of the whole process tree, the fairer
figure on a loaded machine), with the load average before and after.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
V1_FILES = {
    "otp.ts": 'import axios from "axios";\nconst api = axios.create({ baseURL: "https://api.ding.live/v1", '
              'headers: { "X-API-Key": KEY } });\nexport async function send(p) {\n  const { data } = await '
              'api.post("/authentication", { customer_uuid: C, phone_number: p });\n  return data.authentication_uuid;\n}\n',
    "otp.go": 'package otp\n\nconst Base = "https://api.ding.live/v1"\n',
    "values.yaml": "notify:\n  url: https://api.ding.live/v2/notify\n",
    ".env.example": "DING_URL=https://api.ding.live/v1\n",
    "send.sh": '#!/bin/sh\ncurl -s https://api.ding.live/v1/check -H "X-API-Key: $DING_API_KEY"\n',
}


def _source_files(python: bool):
    sources = [ROOT / "tests" / "node" / "node_modules"] + ([Path(sysconfig.get_paths()["purelib"])] if python else [])
    for source in sources:
        for dirpath, dirnames, filenames in os.walk(source):
            # Prelude's own SDK is no unrelated code (it names /v2/transactional and notify routes)
            dirnames[:] = [d for d in dirnames if d not in ("__pycache__", ".bin", "@prelude.so")
                           and not d.startswith(("prelude_", "prelude-"))]
            for name in filenames:
                path = Path(dirpath) / name
                if path.is_file() and not path.is_symlink():
                    yield source.parent, path


def build_tree(target: Path, limit: int, v1_files: int, python: bool = False) -> int:
    """Copies of the source files (copy 0, 1, ... when one pass is not enough) up to ``limit``."""
    files = list(_source_files(python))
    count = 0
    copy = 0
    while count < limit and files:
        for base, src in files:
            if count >= limit:
                break
            dst = target / f"copy{copy}" / src.relative_to(base)
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(src, dst)
            except OSError:
                continue
            count += 1
        copy += 1
    for i in range(v1_files):
        name, text = list(V1_FILES.items())[i % len(V1_FILES)]
        folder = target / "v1" / str(i)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
        count += 1
    return count


def timed(command):
    """(wall seconds, CPU seconds of the command and every process it waited for)."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = os.times()
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40_000)
    parser.add_argument("--v1-files", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--python", action="store_true", help="add site-packages (Python files) to the tree")
    parser.add_argument("--runs", type=int, default=1, help="runs of each command, interleaved; the best is kept")
    args = parser.parse_args()
    load = _load()
    with tempfile.TemporaryDirectory(prefix="rewrite-lang-bench-") as tmp:
        tree = Path(tmp) / "tree"
        files = build_tree(tree, args.files, args.v1_files, args.python)
        cli = [sys.executable, "-m", "migrate.cli"]
        jobs = ["-j", str(args.jobs)]
        scan_cmd = cli + ["scan", "--fail-on", "never"] + (jobs if _scan_takes_jobs() else []) + [str(tree)]
        rewrite_cmd = cli + ["rewrite", "--check", "-q"] + jobs + [str(tree)]
        best = {"scan": (float("inf"), float("inf")), "rewrite": (float("inf"), float("inf"))}
        for _ in range(max(1, args.runs)):
            for name, command in (("scan", scan_cmd), ("rewrite", rewrite_cmd)):
                wall, cpu = timed(command)
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    (scan, scan_cpu), (rewrite, rewrite_cpu) = best["scan"], best["rewrite"]
    print(f"tree: {files} files ({args.v1_files} with v1 usages), {args.jobs} jobs, best of {max(1, args.runs)}; "
          f"load average before: {load}, after: {_load()}")
    print(f"{'prelude-migrate scan':<34}{scan:8.2f} s wall {scan_cpu:8.2f} s CPU")
    print(f"{'prelude-migrate rewrite --check':<34}{rewrite:8.2f} s wall {rewrite_cpu:8.2f} s CPU"
          f"   ({rewrite / scan:.2f}x scan wall, {rewrite_cpu / scan_cpu:.2f}x CPU; goal <= 2x)")


def _scan_takes_jobs() -> bool:
    done = subprocess.run([sys.executable, "-m", "migrate.cli", "scan", "--help"], capture_output=True, text=True)
    return "--jobs" in done.stdout


if __name__ == "__main__":
    main()
