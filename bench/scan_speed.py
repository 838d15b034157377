"""Wall time of ``prelude-migrate scan`` on a large real tree, next to ``rg`` (or ``grep -r``)
looking for ``api\\.ding\\.live`` and ``ruff check --select UP`` on the same tree.

    python bench/scan_speed.py                 # default trees: /usr/share, /usr/lib, /usr/include
    python bench/scan_speed.py PATH... --runs 5 --jobs 2
    python bench/scan_speed.py --prefilter     # also: trigger automaton vs re alternation
    python bench/scan_speed.py --v1-files 400  # a tree of v1 files: scan vs a bare parse of them

Each command runs ``--runs`` times (files stay in the page cache after the first, untimed,
warm-up run); the median wall time is printed. Nothing is asserted: the figures are the output.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_TREES = ("/usr/share", "/usr/lib", "/usr/include")
BIN = Path(sys.executable).parent


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, runs: int):
    """(median wall, best wall, median CPU seconds): CPU time is the steadier figure on a
    machine shared with other jobs."""
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        cpu_before, started = _children_cpu(), time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
        cpus.append(_children_cpu() - cpu_before)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def count_files(trees) -> int:
    from migrate.files import iter_file_paths

    return sum(1 for _ in iter_file_paths(trees))


def commands(trees, jobs):
    scan = [str(BIN / "prelude-migrate"), "scan", *trees, "--format", "json", "--output", os.devnull,
            "--fail-on", "never"] + (["--jobs", str(jobs)] if jobs else [])
    rows = [("prelude-migrate scan" + (f" -j {jobs}" if jobs else ""), scan)]
    if shutil.which("rg"):
        rows.append(("rg -uu -c api\\.ding\\.live", ["rg", "-uu", "-c", r"api\.ding\.live", *trees]))
    else:
        rows.append(("grep -r api\\.ding\\.live", ["grep", "-rIcE", r"api\.ding\.live", *trees]))
    ruff = shutil.which("ruff") or (str(BIN / "ruff") if (BIN / "ruff").exists() else None)
    if ruff:
        rows.append(("ruff check --select UP", [ruff, "check", "--isolated", "--select", "UP", "--no-cache",
                                                "--exit-zero", "--output-format", "concise", *trees]))
    return rows


def prefilter_comparison(trees) -> None:
    """The two pre-filter matchers over the same lower-cased text files, in memory (the
    Python-parse group only for .py files, as in the scan)."""
    from migrate.files import iter_file_paths, is_binary
    from migrate.scan.prefilter import MATCHERS, make_matcher

    texts = []
    for path in iter_file_paths(trees):
        try:
            with open(path, "rb") as fh:
                data = fh.read(2 << 20)
        except OSError:
            continue
        if not is_binary(data):
            texts.append((data.lower(), data, path.endswith(".py")))
    size = sum(len(t) for t, _, _ in texts) / 1e6
    print(f"\npre-filter over {len(texts)} text files, {size:.0f} MB (lower-cased, in memory):")
    for name in MATCHERS:
        matcher = make_matcher(name)
        started = time.perf_counter()
        hits = sum(1 for lower, data, python in texts if any(matcher.groups(lower, data, python)))
        print(f"  {name:14s} {time.perf_counter() - started:7.3f} s  ({hits} files with a trigger)")


def _bytecode_as_installed() -> None:
    """A pip-installed package runs from compiled bytecode; an editable checkout under
    PYTHONDONTWRITEBYTECODE=1 (set on some CI machines) recompiles every module at each start
    (~50 ms). The measured commands get a private bytecode cache, filled by the untimed warm-up."""
    import atexit
    import tempfile

    cache = tempfile.mkdtemp(prefix="prelude-migrate-bench-pyc-")
    atexit.register(shutil.rmtree, cache, True)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = cache


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--prefilter", action="store_true")
    parser.add_argument("--v1-files", type=int, default=0,
                        help="also: a tree of N copies of the v1 sample files, scan vs a bare parse")
    args = parser.parse_args(argv)
    trees = args.trees or [t for t in DEFAULT_TREES if os.path.isdir(t)]
    _bytecode_as_installed()
    print(f"tree: {' '.join(trees)}: {count_files(trees)} files; {os.cpu_count()} cores; "
          f"median of {args.runs} runs")
    results = []
    for label, command in commands(trees, args.jobs):
        median, best, cpu = timed(command, args.runs)
        results.append((label, median, best, cpu))
        print(f"  {label:28s} {median:7.2f} s wall (best {best:.2f} s), {cpu:.2f} s CPU")
    _, scan_median, scan_best, scan_cpu = results[0]
    for label, median, best, cpu in results[1:]:
        print(f"  scan / {label}: {scan_median / median:.1f}x median wall, {scan_best / best:.1f}x best wall, "
              f"{scan_cpu / cpu:.1f}x CPU")
    if args.prefilter:
        prefilter_comparison(trees)
    if args.v1_files:
        v1_tree_comparison(args.v1_files, args.runs, args.jobs)
    return 0


def v1_tree_comparison(count: int, runs: int, jobs) -> None:
    """A tree where every file uses v1 (copies of tests/data/scan/v1_repo), scan next to a bare
    parse of the same files in one process (libcst for Python, ast-grep for the rest) and rg."""
    import tempfile

    sample = Path(__file__).resolve().parent.parent / "tests" / "data" / "scan" / "v1_repo"
    files = [p for p in sample.rglob("*") if p.is_file()]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            src = files[i % len(files)]
            dest = Path(tmp) / f"copy{i // len(files)}" / src.relative_to(sample)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(src.read_bytes())
        parse = [sys.executable, "-c", _BARE_PARSE, tmp]
        print(f"v1 tree: {count} files, every one with v1 usage")
        rows = [(label, cmd) for label, cmd in commands([tmp], jobs) if not label.startswith("ruff")]
        rows.append(("bare parse (libcst + ast-grep)", parse))
        results = []
        for label, command in rows:
            median, best, cpu = timed(command, runs)
            results.append((label, median))
            print(f"  {label:32s} {median:7.2f} s wall (best {best:.2f} s), {cpu:.2f} s CPU")
        for label, median in results[1:]:
            print(f"  scan / {label}: {results[0][1] / median:.1f}x")


_BARE_PARSE = """
import sys, pathlib, libcst
from ast_grep_py import SgRoot
from codemods.syntax.languages import language_for_path, has_grammar
for p in pathlib.Path(sys.argv[1]).rglob('*'):
    if not p.is_file():
        continue
    text = p.read_text(errors='replace')
    lang = language_for_path(str(p))
    if lang == 'python':
        try:
            libcst.parse_module(text)
        except Exception:
            pass
    elif has_grammar(lang):
        SgRoot(text, lang).root()
"""


if __name__ == "__main__":
    sys.exit(main())
