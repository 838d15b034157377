"""`fixable` is exactly "rewrite changes the code of that span", in every language (issue 14):
scan the original tree, rewrite a copy through the CLI, and compare each flagged span with what
the rewrite changed in it. The sum is the summary's "N fixable", and rewrite reports the same
number of sites."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from migrate.scan.fixable import changes_between, span_changed
from paths import DATA

TODAY = "2026-05-01"
PROGRAMS = sorted(p.name for p in (DATA / "equivalence").iterdir() if p.is_dir())
# Sites where scan and rewrite disagree; pinned, so that a change shows. (The programs share one
# tree, so the repository index sees two_modules' imported client: its calls are PM106 findings
# only, the index's PM116 yields to them; see test_a_repository_client_call_libcst_reports_once.)
KNOWN_GAPS: dict = {}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migrate.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def _compare(source: Path, tmp_path: Path):
    """(scan's fixable set, the set of flagged sites rewrite changed, rewrite's stderr, scan's
    summary); sites are (path, rule, line, column)."""
    tree = tmp_path / "tree"
    shutil.copytree(source, tree)
    scan = _cli("scan", ".", "--format", "json", "--today", TODAY, "-j", "1", "--ignore", "PM301", cwd=tree)
    report = json.loads(scan.stdout)
    before = {p.relative_to(tree).as_posix(): p.read_text(encoding="utf-8") for p in tree.rglob("*") if p.is_file()}
    rewrite = _cli("rewrite", ".", "-j", "1", cwd=tree)
    assert rewrite.returncode == 0, rewrite.stderr
    fixable, changed = set(), set()
    for f in report["findings"]:
        site = (f["path"], f["rule"], f["line"], f["column"])
        if f["fixable"]:
            fixable.add(site)
        after = (tree / f["path"]).read_text(encoding="utf-8")
        if span_changed(changes_between(before[f["path"]], after), f["line"], f["column"], f["end_line"], f["end_column"]):
            changed.add(site)
    return fixable, changed, rewrite.stderr, report["summary"]


def test_v1_repo_every_language(tmp_path):
    fixable, changed, stderr, summary = _compare(DATA / "scan" / "v1_repo", tmp_path)
    assert fixable == changed
    assert summary["fixable"] == len(fixable) == 22
    # hand-checked sites: the legacy host swap (YAML), the JS SDK move, the Python SDK and raw HTTP,
    # the v1 response read `res.create_authentication_response.authentication_uuid` (-> `res.id`)
    assert {("deploy/k8s.yaml", "PM102", 3, 12), ("web/otp.ts", "PM105", 3, 14), ("py/otp.py", "PM105", 4, 10),
            ("py/raw.py", "PM108", 8, 60), ("py/otp.py", "PM117", 13, 47)} <= fixable
    # ... and what it only marks: Go, Java and a shell command keep their code below a TODO
    assert not {s for s in fixable if s[0] in ("go/otp.go", "java/Otp.java", "scripts/send.sh")}
    # the route after a moved host stays: the host is fixable, the /v2/transactional route is not
    assert ("deploy/.env.example", "PM102", 2, 12) in fixable
    assert ("deploy/.env.example", "PM201", 2, 33) not in fixable
    # the summary's "N fixable" is rewrite's "(M flagged sites)"
    assert re.search(r"\b20 changed \(22 flagged sites\)", stderr), stderr


@pytest.fixture(scope="module")
def equivalence(tmp_path_factory):
    """Every equivalence program in one tree (one scan, one rewrite: the suite stays lean)."""
    return _compare(DATA / "equivalence", tmp_path_factory.mktemp("equivalence"))


@pytest.mark.parametrize("program", PROGRAMS)
def test_equivalence_programs(program, equivalence):
    fixable, changed, _, _ = equivalence
    mine = lambda sites: {(path.split("/", 1)[1], *rest) for path, *rest in sites if path.split("/")[0] == program}  # noqa: E731
    assert mine(changed) or program in ("httpx_base_url",)  # the program has sites rewrite changes
    assert mine(fixable) ^ mine(changed) == KNOWN_GAPS.get(program, set())


def test_equivalence_summary_counts_the_fixable_sites(equivalence):
    fixable, changed, _, summary = equivalence
    assert len(fixable ^ changed) == sum(len(g) for g in KNOWN_GAPS.values())
    assert summary["fixable"] == len(fixable)
    # (rewrite's "(M flagged sites)" scans each file alone, without the repository index;
    # v1_repo above pins that count)


def test_a_url_in_a_local_variable_is_found_and_fixable(equivalence):
    """`url = BASE_URL + "/check"; requests.post(url, ...)`: the raw-HTTP call is a finding (PM107)
    and fixable, as rewrite rewrites it; the environment name inside the rebuilt header is not."""
    fixable, changed, _, _ = equivalence
    program = "url_in_variable/verify.py"
    assert {(program, "PM107", 13, 12), (program, "PM117", 14, 25), (program, "PM112", 12, 17)} <= fixable
    assert (program, "PM111", 13, 79) not in fixable | changed


def test_hand_checked_python_sites(equivalence):
    """Sites checked by reading the rewrite: what sdk-responses, sdk-errors and sdk-imports change."""
    fixable, _, _, _ = equivalence
    assert {("retry_loop/resender.py", "PM115", 36, 52),  # == "valid" of a rewritten check -> "success"
            ("blocked_exception/signup.py", "PM109", 17, 22),  # errors.Code.BLOCKED_NUMBER -> "blocked_number"
            ("flask_views/views.py", "PM103", 5, 1),  # `errors` leaves the import, `components` stays
            ("retry_loop/resender.py", "PM117", 18, 55)} <= fixable  # .authentication_uuid -> .id
    # the models import stays: a module-level tuple of v1 enums / an uninlined request model read it
    assert not {("already_validated/login.py", "PM103", 3, 1), ("async_wrapper/verify_async.py", "PM103", 6, 1),
                ("error_helpers/otp.py", "PM109", 16, 22)} & fixable  # a helper's parameter: not mapped


def test_a_repository_client_call_libcst_reports_once(equivalence):
    """two_modules' lookup on the client it imports from another module: libcst reports the v1
    SDK call (PM106), and the repository index's "own v1 client" finding (PM116) at the same
    place is not reported beside it, so the site counts once, as rewrite's count does."""
    fixable, changed, _, _ = equivalence
    site = ("two_modules/auth_flow.py", "PM106", 20, 11)
    assert site in fixable and site in changed
    assert not {s for s in fixable | changed if s[0] == site[0] and s[1] == "PM116"}


NARROWED_HANDLERS = '''\
import ding
from ding.models import errors

client = ding.Ding(api_key="test-key")


def narrowed(phone):
    try:
        return client.otp.create_authentication(phone_number=phone)
    except Exception as e:
        if isinstance(e, errors.ErrorResponse):
            if e.code == errors.Code.BLOCKED_NUMBER:
                return None
        raise


def in_a_lambda(phone, later):
    try:
        return client.otp.create_authentication(phone_number=phone)
    except errors.ErrorResponse as e:
        later(lambda: e.code == errors.Code.INVALID_PHONE_NUMBER)
        raise


def nested(phone):
    try:
        return client.otp.create_authentication(phone_number=phone)
    except errors.ErrorResponse as e:
        def blocked():
            return e.code == errors.Code.BLOCKED_NUMBER
        return blocked()
'''


def test_error_code_reads_follow_sdk_errors_own_handler_lookup(tmp_path):
    """`e.code` compared where sdk-errors maps it: inside `if isinstance(e, <v1 error>):` of a
    broad handler, in a lambda and in a function nested in a v1 handler. Scan's fixable flags come
    from the codemod's own handler lookup, so they are exactly what rewrite changes."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "handlers.py").write_text(NARROWED_HANDLERS, encoding="utf-8")
    fixable, changed, _, _ = _compare(source, tmp_path)
    assert fixable == changed
    codes = {("handlers.py", "PM109", 12, 26), ("handlers.py", "PM109", 21, 33), ("handlers.py", "PM109", 30, 30)}
    assert codes <= fixable  # each comparison becomes `(e.body.get("code") ...) == "..."`
    assert ("handlers.py", "PM103", 2, 1) in fixable  # `errors` then leaves the import
