"""How fast is `prelude-migrate rewrite --check` on a large real tree, next to libcst's own codemod
runner (`python -m libcst.tool codemod`) running one of our codemods on the same files?

    python bench/rewrite_speed.py [TREE] [--max-files N] [--jobs N] [--v1-files N] [--runs R]

A tree where few files use v1 (issue 8: rewrite at least 30x faster than libcst's own runner).
TREE defaults to this interpreter's site-packages. The Python files are copied to a temporary
folder (libcst's runner writes in place: the copy is made again before each of its runs), a few
files using v1 are added so that both tools have real work, and each tool runs in a subprocess,
start-up included, with the same --jobs. The SDK packages themselves (`ding`,
`prelude_python_sdk`) are left out by default. The libcst run uses the `hosts` codemod, our
cheapest (no metadata), which is the most favourable choice for libcst. libcst parses every
file, so keep --max-files modest on a shared machine. Also printed: `rewrite --check` on an
empty folder (the start-up: interpreter, click, the CLI) and the pass before any parse alone
(the walk, the byte pre-filter and the repo pre-pass, in process: `migrate.rewrite.prefilter_paths`).
Every row gives wall and CPU time (user + sys of the process tree); with --runs R the rows run
interleaved R times and the best is kept. Both tools run from compiled bytecode, as installed
packages do (a private bytecode cache filled by an untimed warm-up run of each tool), even
where PYTHONDONTWRITEBYTECODE=1 is set.

    python bench/rewrite_speed.py --v1-heavy N

A tree where every Python file uses v1: the realistic v1 programs of the test data
(tests/data/equivalence, tests/data/v1_program: Flask views, services, sessions, retry loops,
error helpers...) copied N times. Printed side by side, from one run: `rewrite --check` with
`-j 1` and `-j 2`, a bare `libcst.parse_module` loop, a parse + ScopeProvider +
QualifiedNameProvider loop over the same files, `scan` on the same tree, and the engine's
repo-level pre-pass alone. Goals (issue 16): `-j 1` at most 2x the parse + scope +
qualified-name loop, `scan` at most 1.2x; `-j 2` at least 1.7x faster than `-j 1`. Each row
gives wall time and CPU time (user + sys of the whole process tree: the fairer figure on a
shared, loaded machine); `--runs N` repeats every row N times, interleaved, and keeps the best.
The commands run from a private bytecode cache filled by an untimed warm-up (as an installed
package runs). Compare the columns of one run.
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


def timed_cpu(cmd, cwd):
    """(wall seconds, CPU seconds: user + sys of the command and every process it waited for)."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = os.times()
    if proc.returncode not in (0, 1, 2):  # 2: some files did not parse (reported, not fatal here)
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise SystemExit(f"{cmd[2:4]} failed with exit code {proc.returncode}:\n{tail}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return elapsed, cpu


ROOT = Path(__file__).resolve().parents[1]
V1_PROGRAMS = [p for p in sorted((ROOT / "tests" / "data" / "equivalence").glob("*/*.py"))
               if p.name != "scenario.py"] + sorted((ROOT / "tests" / "data" / "v1_program").glob("*.py"))

LOOP = """
import sys, time
import libcst as cst
from libcst.metadata import MetadataWrapper, QualifiedNameProvider, ScopeProvider
paths = sys.argv[2:]
start, cpu = time.perf_counter(), time.process_time()
for path in paths:
    module = cst.parse_module(open(path, encoding="utf-8").read())
    if sys.argv[1] == "metadata":
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        wrapper.resolve(ScopeProvider)
        wrapper.resolve(QualifiedNameProvider)
print(time.perf_counter() - start, time.process_time() - cpu)
"""

PREFILTER = """
import sys, time
from migrate.rewrite import discover, prefilter_paths, select_codemods
codemods = select_codemods()
start, cpu = time.perf_counter(), time.process_time()
files = discover([sys.argv[1]], respect_gitignore=False)
results, candidates, repo = prefilter_paths(files, codemods)
print(time.perf_counter() - start, time.process_time() - cpu, len(candidates))
"""

PREPASS = """
import sys, time
start, cpu = time.perf_counter(), time.process_time()
from codemods.prepass import prepass
result = prepass(sys.argv[1:])
print(time.perf_counter() - start, time.process_time() - cpu, len(result.modules))
"""


def v1_heavy(copies: int, runs: int = 1) -> None:
    _bytecode_as_installed()
    load = _load()
    with tempfile.TemporaryDirectory(prefix="rewrite-bench-v1-") as tmp:
        work = Path(tmp) / "tree"
        files = []
        for i in range(copies):
            for program in V1_PROGRAMS:
                target = work / f"copy_{i}" / program.parent.name / program.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(program, target)
                files.append(target)
        lines = count_lines(files)
        names = [str(f) for f in files]
        rewrite = [sys.executable, "-m", "migrate.cli", "rewrite", "--check", "-q", "--no-gitignore"]
        commands = [
            ("rewrite --check -j 1", lambda: timed_cpu([*rewrite, "-j", "1", str(work)], tmp)),
            ("rewrite --check -j 2", lambda: timed_cpu([*rewrite, "-j", "2", str(work)], tmp)),
            ("scan (-j 1)", lambda: timed_cpu([sys.executable, "-m", "migrate.cli", "scan", "--jobs", "1",
                                               "--no-gitignore", str(work)], tmp)),
            ("bare parse loop (in process)", lambda: _inner([sys.executable, "-c", LOOP, "parse", *names], tmp)),
            ("parse + scope + qualified names", lambda: _inner([sys.executable, "-c", LOOP, "metadata", *names], tmp)),
            ("repo pre-pass alone (in process)", lambda: _inner([sys.executable, "-c", PREPASS, *names], tmp,
                                                                cwd_path=ROOT)),
        ]
        warm = Path(tmp) / "warm-up" / V1_PROGRAMS[0].name  # untimed: fills the bytecode cache
        warm.parent.mkdir()
        shutil.copyfile(V1_PROGRAMS[0], warm)
        timed_cpu([*rewrite, "-j", "1", str(warm.parent)], tmp)
        timed_cpu([sys.executable, "-m", "migrate.cli", "scan", "--no-gitignore", str(warm.parent)], tmp)
        best = {name: (float("inf"), float("inf")) for name, _ in commands}
        for _ in range(runs):  # interleaved, so that a burst of load weighs on every row alike
            for name, run in commands:
                wall, cpu = run()
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    print(f"v1-heavy tree: {len(V1_PROGRAMS)} realistic v1 programs x {copies} = {len(files)} files, {lines} lines;"
          f" best of {runs} run(s); load average before: {load}, after: {_load()}")
    print(f"{'run':<36} {'wall s':>7} {'CPU s':>7} {'files/s':>8} {'lines/s':>9} {'CPU ms/file':>11}")
    for name, (wall, cpu) in best.items():
        print(f"{name:<36} {wall:7.2f} {cpu:7.2f} {len(files) / wall:8.0f} {lines / wall:9.0f}"
              f" {1000 * cpu / len(files):11.1f}")
    floor = best["parse + scope + qualified names"]
    for name, goal in (("rewrite --check -j 1", "<= 2x"), ("scan (-j 1)", "<= 1.2x")):
        wall, cpu = best[name]
        print(f"{name} / (parse + scope + qualified names): {wall / floor[0]:.2f}x wall, {cpu / floor[1]:.2f}x CPU"
              f" (goal: {goal})")
    one, two = best["rewrite --check -j 1"][0], best["rewrite --check -j 2"][0]
    print(f"rewrite -j 1 / -j 2: {one / two:.2f}x wall (goal: >= 1.7x on 2 cores)")
    print("(the rewrite and scan rows include interpreter start-up, from cached bytecode as when installed;"
          " the loops do not; CPU = user + sys of the whole process tree)")


def _bytecode_as_installed() -> None:
    """A pip-installed package runs from compiled bytecode; an editable checkout under
    PYTHONDONTWRITEBYTECODE=1 recompiles every module at each start (about 0.15 s for ours).
    The measured commands get a private bytecode cache, filled by an untimed warm-up."""
    import atexit

    cache = tempfile.mkdtemp(prefix="prelude-migrate-bench-pyc-")
    atexit.register(shutil.rmtree, cache, True)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = cache


def few_v1(args) -> None:
    """Our rewrite --check next to libcst's runner with the hosts codemod, on the same files."""
    _bytecode_as_installed()
    load = _load()
    exclude = {name for name in args.exclude.split(",") if name}
    with tempfile.TemporaryDirectory(prefix="rewrite-bench-") as tmp:
        work, empty, warm = Path(tmp) / "tree", Path(tmp) / "empty", Path(tmp) / "warm-up"
        empty.mkdir()

        def fresh_tree(dest: Path) -> list:
            files = copy_python_files(Path(args.tree), dest, args.max_files, exclude) if dest == work else []
            for i in range(args.v1_files):
                path = dest / "v1_users" / f"client_{i}.py"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(V1_FILE)
                files.append(path)
            return files

        files = fresh_tree(work)
        fresh_tree(warm)
        lines = count_lines(files)
        (Path(tmp) / ".libcst.codemod.yaml").write_text(LIBCST_CONFIG)
        ours = [sys.executable, "-m", "migrate.cli", "rewrite", "--check", "-q", "-j", str(args.jobs), "--no-gitignore"]
        theirs = [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", f"--jobs={args.jobs}",
                  "--hide-progress", "libcst_commands.HostsCodemod"]
        for command, folder in ((ours, work), (theirs, warm)):  # untimed: fills the bytecode cache
            timed_cpu([*command, str(folder)], tmp)

        def libcst_run():
            fresh_tree(work)  # the previous run rewrote files in place
            return timed_cpu([*theirs, str(work)], tmp)

        commands = [
            ("prelude-migrate rewrite --check", lambda: timed_cpu([*ours, str(work)], tmp)),
            ("python -m libcst.tool codemod hosts", libcst_run),
            ("rewrite --check, empty folder", lambda: timed_cpu([*ours, str(empty)], tmp)),
            ("walk + pre-filter + pre-pass", lambda: _inner([sys.executable, "-c", PREFILTER, str(work)], tmp,
                                                            cwd_path=ROOT)),
        ]
        best = {name: (float("inf"), float("inf")) for name, _ in commands}
        for _ in range(args.runs):  # interleaved, so that a burst of load weighs on every row alike
            for name, run in commands:
                wall, cpu = run()
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))

    print(f"tree: {args.tree}")
    print(f"{len(files)} Python files ({args.v1_files} using v1), {lines} lines, {args.jobs} jobs; best of "
          f"{args.runs} run(s); bytecode cached as installed; load average before: {load}, after: {_load()}")
    print(f"{'run':<40} {'wall s':>7} {'CPU s':>7} {'files/s':>8} {'lines/s':>9}")
    for name, (wall, cpu) in best.items():
        print(f"{name:<40} {wall:7.2f} {cpu:7.2f} {len(files) / wall:8.0f} {lines / wall:9.0f}")
    (our_wall, our_cpu), (lib_wall, lib_cpu) = best["prelude-migrate rewrite --check"], \
        best["python -m libcst.tool codemod hosts"]
    print(f"speed-up: {lib_wall / our_wall:.1f}x wall, {lib_cpu / our_cpu:.1f}x CPU (goal: >= 30x)")
    print("(the CLI rows include interpreter start-up; the pre-filter row does not; "
          "CPU = user + sys of the whole process tree)")


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _inner(cmd, tmp, cwd_path=None):
    """(wall, CPU) seconds the snippet reports for its own loop (start-up excluded)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(cmd, cwd=str(cwd_path or tmp), capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    wall, cpu = proc.stdout.split()[:2]
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", nargs="?", default=sysconfig.get_paths()["purelib"])
    parser.add_argument("--max-files", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--v1-files", type=int, default=5, help="files using v1 added to the tree")
    parser.add_argument("--exclude", default="ding,prelude_python_sdk",
                        help="top-level folders left out (default: the SDKs themselves, which are "
                             "implementations of v1/v2 rather than code that uses them)")
    parser.add_argument("--v1-heavy", type=int, metavar="N", default=0,
                        help="instead: a tree where every file uses v1 (the realistic v1 programs x N)")
    parser.add_argument("--runs", type=int, default=1, help="runs of every row, interleaved, best kept")
    args = parser.parse_args()
    args.runs = max(1, args.runs)
    if args.v1_heavy:
        v1_heavy(args.v1_heavy, args.runs)
        return
    few_v1(args)


if __name__ == "__main__":
    main()
