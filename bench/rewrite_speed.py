"""How fast is `prelude-migrate rewrite --check` on a large real tree, next to libcst's own codemod
runner (`python -m libcst.tool codemod`) running one of our codemods on the same files?

    python bench/rewrite_speed.py [TREE] [--max-files N] [--jobs N] [--v1-files N]

TREE defaults to this interpreter's site-packages. The Python files are copied to a temporary
folder (libcst's runner writes in place), a few files using v1 are added so that both tools have
real work, and each tool runs once in a subprocess, start-up included. The SDK packages themselves
(`ding`, `prelude_python_sdk`) are left out by default. The libcst run uses the `hosts` codemod,
our cheapest (no metadata), which is the most favourable choice for libcst. libcst parses every
file (about 0.3 s each here), so keep --max-files modest on a shared machine.
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

V1_FILE = '''import requests

BASE = "https://api.ding.live/v1"
LEGACY = "https://api.ding.live/v2/transactional"


def start(phone):
    r = requests.post(f"{BASE}/authentication", json={"customer_uuid": "c", "phone_number": phone},
                      headers={"X-API-Key": "test-v1-key"})
    return r.json()["authentication_uuid"]
'''
LIBCST_CONFIG = """generated_code_marker: '@generated'
formatter: []
blacklist_patterns: []
modules:
- 'codemods'
repo_root: '.'
"""


def copy_python_files(tree: Path, dest: Path, max_files: int, exclude) -> list:
    copied = []
    for root, dirs, files in os.walk(tree):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__",) and not d.startswith(".")
                         and not (Path(root) == tree and d in exclude))
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            src = Path(root) / name
            target = dest / src.relative_to(tree)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            copied.append(target)
            if len(copied) >= max_files:
                return copied
    return copied


def count_lines(paths) -> int:
    return sum(p.read_bytes().count(b"\n") for p in paths)


def timed(cmd, cwd) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1, 2):  # 2: some files did not parse (reported, not fatal here)
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise SystemExit(f"{cmd[2:4]} failed with exit code {proc.returncode}:\n{tail}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", nargs="?", default=sysconfig.get_paths()["purelib"])
    parser.add_argument("--max-files", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--v1-files", type=int, default=5, help="files using v1 added to the tree")
    parser.add_argument("--exclude", default="ding,prelude_python_sdk",
                        help="top-level folders left out (default: the SDKs themselves, which are "
                             "implementations of v1/v2 rather than code that uses them)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="rewrite-bench-") as tmp:
        work = Path(tmp) / "tree"
        work.mkdir()
        exclude = {name for name in args.exclude.split(",") if name}
        files = copy_python_files(Path(args.tree), work, args.max_files, exclude)
        for i in range(args.v1_files):
            path = work / "v1_users" / f"client_{i}.py"
            path.parent.mkdir(exist_ok=True)
            path.write_text(V1_FILE)
            files.append(path)
        lines = count_lines(files)
        (Path(tmp) / ".libcst.codemod.yaml").write_text(LIBCST_CONFIG)

        ours = timed([sys.executable, "-m", "migrate.cli", "rewrite", "--check", "-q", "-j", str(args.jobs),
                      "--no-gitignore", str(work)], tmp)
        theirs = timed([sys.executable, "-m", "libcst.tool", "codemod", "--no-format", f"--jobs={args.jobs}",
                        "--hide-progress", "http.hosts.HostsCodemod", str(work)], tmp)

    print(f"tree: {args.tree}")
    print(f"{len(files)} Python files ({args.v1_files} using v1), {lines} lines, {args.jobs} jobs")
    print(f"{'tool':<44} {'seconds':>8} {'files/s':>9} {'lines/s':>10}")
    for name, secs in (("prelude-migrate rewrite --check (all codemods)", ours),
                       ("python -m libcst.tool codemod hosts", theirs)):
        print(f"{name:<44} {secs:8.2f} {len(files) / secs:9.0f} {lines / secs:10.0f}")
    print(f"speed-up: {theirs / ours:.1f}x (goal: >= 5x)")


if __name__ == "__main__":
    main()
