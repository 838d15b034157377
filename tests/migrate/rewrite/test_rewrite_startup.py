"""``prelude-migrate rewrite`` imports a parser only for a file that needs one: a tree without v1
costs a walk and a byte search, never libcst, the codemods or ast-grep; a trigger-free file is
never parsed; Python-only v1 work never loads the other languages' rewriters, and JS-only v1
work never loads libcst. Observed through the CLI in a fresh interpreter whose import system
records every module it looks up, in the whole process tree (the workers are forked from it).
(``-X importtime`` would not do: it misses ``importlib.import_module``.)"""
from __future__ import annotations

import subprocess
import sys

from paths import ROOT

V1_PY = ('import requests\n\n'
         'r = requests.post("https://api.ding.live/v1/authentication",\n'
         '                  json={"customer_uuid": "c", "phone_number": "+33600000000"},\n'
         '                  headers={"X-API-Key": "test-v1-key"})\n')
V1_JS = ('const r = await fetch("https://api.ding.live/v1/authentication", {method: "POST", '
         'headers: {"X-API-Key": key}, body: JSON.stringify({customer_uuid: c, phone_number: p})});\n')
PLAIN = {
    "app/main.py": "import os\n\nprint(os.getcwd())\n",
    "app/util.py": "def encoding(x, encoding='utf-8'):\n    return x.encode(encoding)\n",
    "web/app.js": "console.log('hello');\n",
    "README.md": "# a project\n",
    "config.json": '{"name": "x"}\n',
}
PARSERS = ("libcst", "libcst_native", "ast_grep_py")
OURS = ("codemods.engine", "codemods.lang.engine", "codemods.sdk.analysis", "codemods.http.raw_http",
        "migrate.scan")


def _tree(tmp_path, files):
    for name, text in files.items():
        path = tmp_path / "tree" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "tree"


RECORDER = """
import sys
log = sys.argv[1]

class Recorder:
    def find_spec(self, name, path=None, target=None):
        with open(log, "a", encoding="utf-8") as out:
            out.write(name + "\\n")
        return None

sys.meta_path.insert(0, Recorder())
sys.argv = ["prelude-migrate", *sys.argv[2:]]
from migrate.cli import main
main()
"""


def _rewrite(tree, *options):
    """(exit code, stderr, names of every module imported by the run and its workers)."""
    log = tree.parent / "imported.txt"
    log.unlink(missing_ok=True)
    proc = subprocess.run([sys.executable, "-c", RECORDER, str(log), "rewrite", "--check", "--no-gitignore",
                           *options, str(tree)], cwd=ROOT, capture_output=True, text=True)
    return proc.returncode, proc.stderr, set(log.read_text(encoding="utf-8").split())


def _loaded(imported, names):
    return {name for name in names if name in imported}


def test_a_tree_without_v1_imports_no_parser_and_no_codemod(tmp_path):
    code, err, imported = _rewrite(_tree(tmp_path, PLAIN), "-j", "2")
    assert code == 0, err
    assert "5 files scanned" in err and "0 would change" in err
    assert _loaded(imported, PARSERS + OURS) == set()
    # no worker pool, no ignore file to match, no config file to read, no diff to print
    assert _loaded(imported, ("multiprocessing", "pathspec", "migrate.findings", "migrate.report")) == set()
    assert "codemods.registry" in imported and "click" in imported  # the check sees this run's imports


def test_a_file_without_trigger_tokens_is_never_parsed(tmp_path):
    """A broken file that holds no trigger token is skipped without a parse (no error), next to a
    v1 file that is rewritten; the same broken file holding a trigger token is parsed and reported."""
    broken = "def f(:\n    return ]\n"
    files = dict(PLAIN, **{"app/v1.py": V1_PY, "app/broken.py": broken, "web/broken.js": "function (( {\n"})
    code, err, imported = _rewrite(_tree(tmp_path, files))
    assert code == 1, err  # changes pending, and nothing failed
    assert "would rewrite" in err and "v1.py" in err
    assert "0 failed to parse" in err and "error" not in err
    assert "libcst" in imported  # the v1 file was parsed

    files["app/broken.py"] = broken + "# https://api.ding.live/v2/transactional\n"
    code, err, _ = _rewrite(_tree(tmp_path, files))
    assert code == 2
    assert "broken.py: cannot parse" in err and "1 failed to parse" in err


def test_python_v1_alone_loads_no_other_language_nor_the_scanner_when_quiet(tmp_path):
    code, err, imported = _rewrite(_tree(tmp_path, dict(PLAIN, **{"app/v1.py": V1_PY})), "-q")
    assert code == 1, err
    assert {"libcst", "codemods.engine", "codemods.http.raw_http"} <= imported
    # the summary's flagged-site count (a scan of each changed file) is not computed when not shown
    assert _loaded(imported, ("ast_grep_py", "codemods.lang.engine", "migrate.scan")) == set()


def test_js_v1_alone_loads_no_libcst(tmp_path):
    code, err, imported = _rewrite(_tree(tmp_path, dict(PLAIN, **{"web/v1.js": V1_JS})))
    assert code == 1, err
    assert "would rewrite" in err and "v1.js" in err and "flagged site" in err
    assert {"codemods.lang.engine", "ast_grep_py"} <= imported
    assert _loaded(imported, ("libcst", "libcst_native", "codemods.engine", "codemods.sdk.analysis")) == set()


def test_workers_are_forked_by_candidate_count_and_the_output_stays_the_same(tmp_path, monkeypatch):
    """A handful of v1 files runs in one worker whatever -j says (a second fork costs more than
    it saves); more files get -j workers; the results are the same bytes in the same order."""
    import migrate.workers
    from migrate.rewrite import rewrite_paths, select_codemods

    forked = []
    real = migrate.workers.run_isolated

    def spy(func, items, **options):
        forked.append((len(items), options["jobs"]))
        return real(func, items, **options)

    monkeypatch.setattr(migrate.workers, "run_isolated", spy)
    for count, workers in ((3, 1), (8, 2)):
        tree = _tree(tmp_path / str(count), {**PLAIN, **{f"app/v1_{i}.py": V1_PY for i in range(count)}})
        paths = sorted(p for p in tree.rglob("*") if p.is_file())
        forked.clear()
        two = rewrite_paths(paths, select_codemods(), write=False, jobs=2)
        assert forked == [(count, workers)]
        one = rewrite_paths(paths, select_codemods(), write=False, jobs=1)
        assert [(r.path, r.status, r.new) for r in two] == [(r.path, r.status, r.new) for r in one]
        assert sum(r.status == "changed" for r in two) == count


LIBCST_CODEMOD = ("libcst.codemod", "libcst.matchers", "codemods.core.unused_imports", "codemods.libcst_commands")
V1_SDK_PY = "import ding\n\nclient = ding.Ding(api_key=KEY)\n"


def test_raw_http_v1_alone_imports_neither_libcst_codemod_nor_matchers(tmp_path):
    """Our codemods' bases are not libcst's (whose import pulls in ``libcst.matchers``): a file
    whose codemods ask for no import change never loads them; the rewrite is still done."""
    tree = _tree(tmp_path, dict(PLAIN, **{"app/v1.py": V1_PY, "app/legacy.py": 'U = "https://api.ding.live/v2/x"\n'}))
    code, err, imported = _rewrite(tree, "-q")
    assert code == 1, err
    assert {"libcst", "codemods.engine", "codemods.http.raw_http", "codemods.sdk.common"} <= imported
    assert _loaded(imported, LIBCST_CODEMOD) == set()
    code, out, _ = _diff(tree)
    assert "+r = requests.post(\"https://api.prelude.dev/v2/verification\"," in out
    assert '+U = "https://api.prelude.dev/v2/x"' in out


def test_a_file_that_needs_an_import_change_still_gets_it(tmp_path):
    tree = _tree(tmp_path, dict(PLAIN, **{"app/sdk.py": V1_SDK_PY}))
    code, err, imported = _rewrite(tree, "-q")
    assert code == 1, err
    assert {"libcst.codemod", "codemods.core.unused_imports"} <= imported  # loaded for this file
    code, out, _ = _diff(tree)
    assert "+from prelude_python_sdk import Prelude" in out and "-import ding" in out
    assert "+client = Prelude(api_token=KEY, max_retries=0)" in out


def _diff(tree):
    """(exit code, stdout, stderr) of ``rewrite --diff -q``."""
    proc = subprocess.run([sys.executable, "-m", "migrate.cli", "rewrite", "--diff", "-q", "--no-gitignore",
                           str(tree)], cwd=ROOT, capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def test_the_collector_pauses_for_start_up_only(tmp_path, monkeypatch):
    """``rewrite`` turns the cyclic collector off while it imports, freezes what it imported and
    turns it back on before forking: the workers collect, and an in-process run leaves the
    collector as it found it."""
    import gc

    import migrate.rewrite as rewrite_module
    from rewrite_helpers import cli_runner

    real_task, real_import = rewrite_module._rewrite_file_task, rewrite_module._import_before_fork
    imports_with_collector = []

    def task(args):  # runs in a forked worker
        if not gc.isenabled() or gc.get_freeze_count() == 0:
            raise AssertionError("a worker without a collector, or nothing frozen")
        return real_task(args)

    def import_before_fork(*args):
        imports_with_collector.append(gc.isenabled())
        return real_import(*args)

    monkeypatch.setattr(rewrite_module, "_rewrite_file_task", task)
    monkeypatch.setattr(rewrite_module, "_import_before_fork", import_before_fork)
    for files, code in (({"app/v1.py": V1_PY}, 1), (PLAIN, 0)):
        tree = _tree(tmp_path / str(code), files)
        result = cli_runner().invoke(rewrite_module.rewrite, ["--check", "--no-gitignore", "-j", "1", str(tree)])
        assert result.exit_code == code, (result.output, result.stderr)
        assert gc.isenabled() and gc.get_freeze_count() == 0
    assert imports_with_collector == [False]  # off while importing (only the v1 tree needs imports)
