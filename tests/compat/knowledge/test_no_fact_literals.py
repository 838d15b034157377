"""Lint: no API host and no v1/v2 error code is spelled as a string literal in the production
code of compat/ and migrate/ outside compat/knowledge/ (the one place for API facts).

Read with ``ast``: every string constant (f-string parts included) except docstrings and the
documented examples next to a scanner rule (``Example(...)`` arguments, which are test data by
design). A host literal contains ``api.ding.live`` or ``api.prelude.dev``; a code literal is a
string equal to a v1 or v2 error code, or prose naming a code that has an underscore in it
(``bad_request``), as a whole word.

``compat/testing`` (the fakes) is not linted: it is an independent oracle by design (see its
docstring). Two allowlists, both checked for staleness (an entry that no longer matches fails, so they only
shrink): ``IN_FLIGHT`` names (file, literal) pairs in files another helper is rewriting right
now; ``PENDING_TREES`` names trees not linted yet because their switch to compat.knowledge is
still under way.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from paths import ROOT

LINTED = ("compat", "migrate")
KNOWLEDGE = ROOT / "compat" / "knowledge"
# Trees not linted yet, with who is moving them onto compat.knowledge. Each must still hold
# literals (else move it into LINTED).
PENDING_TREES = {"codemods": "the engine helper is switching codemods/ to compat.knowledge (TODO prose, "
                             "per-language rules)"}
# The fakes spell the codes and statuses they answer with on purpose: they are an oracle
# independent of the tables, so a wrong table fact shows up in the fake-vs-adapter tests.
INDEPENDENT_ORACLES = {"compat/testing": "see the compat.testing docstring"}
# (path, literal) pairs in files another helper owns and is rewriting now.
IN_FLIGHT = {
    ("compat/retries.py", "api.prelude.dev"): "compat helper: new retry-policy module",
}

_HOSTS = re.compile(r"api\.ding\.live|api\.prelude\.dev", re.IGNORECASE)


def _codes():
    # Read from the knowledge layer on purpose: the lint is about where facts are spelled,
    # the facts themselves are pinned by the test_pinned_* modules.
    from compat.knowledge.errors import V1_ERROR_CODES, V2_ERROR_CODES

    return frozenset(V1_ERROR_CODES) | frozenset(V2_ERROR_CODES)


CODES = _codes()
_WORDY_CODES = re.compile(r"(?<![A-Za-z0-9_])(%s)(?![A-Za-z0-9_])" % "|".join(
    sorted((re.escape(c) for c in CODES if "_" in c), key=len, reverse=True)))


def _exempt_nodes(tree: ast.AST) -> set:
    """Docstrings and the arguments of ``Example(...)`` calls."""
    exempt = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                exempt.add(id(body[0].value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Example":
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                exempt.update(id(n) for n in ast.walk(arg))
    return exempt


def fact_literals(path: Path) -> Iterator[Tuple[int, str, str]]:
    """(line, fact, literal) for each host or code spelled in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    exempt = _exempt_nodes(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in exempt:
            continue
        text = node.value
        for match in _HOSTS.finditer(text):
            yield node.lineno, match.group(0).lower(), text
        if text in CODES:
            yield node.lineno, text, text
        else:
            for match in _WORDY_CODES.finditer(text):
                yield node.lineno, match.group(1), text


def _production_files(tree: str):
    for path in sorted((ROOT / tree).rglob("*.py")):
        if KNOWLEDGE not in path.parents and not any(ROOT / o in path.parents for o in INDEPENDENT_ORACLES):
            yield path


def _findings(trees):
    for tree in trees:
        for path in _production_files(tree):
            rel = path.relative_to(ROOT).as_posix()
            for line, fact, text in fact_literals(path):
                yield rel, line, fact, text


def test_no_host_or_error_code_literal_outside_the_knowledge_layer():
    bad = [f"{rel}:{line}: {fact!r} in {text[:70]!r}" for rel, line, fact, text in _findings(LINTED)
           if (rel, fact) not in IN_FLIGHT]
    assert not bad, "import these facts from compat.knowledge instead:\n" + "\n".join(bad)


def test_the_in_flight_allowlist_has_no_stale_entry():
    seen = {(rel, fact) for rel, _line, fact, _text in _findings(LINTED)}
    stale = sorted(set(IN_FLIGHT) - seen)
    assert not stale, f"fixed, remove from IN_FLIGHT: {stale}"


@pytest.mark.parametrize("tree", sorted(PENDING_TREES))
def test_pending_trees_are_still_pending(tree):
    assert any(True for _ in _findings([tree])), f"{tree} is clean: move it from PENDING_TREES into LINTED"


@pytest.mark.parametrize("source,facts", [
    ('URL = "https://api.ding.live/v1"\n', ["api.ding.live"]),
    ('x = f"https://API.PRELUDE.DEV/{p}"\n', ["api.prelude.dev"]),
    ('if code == "negative_balance": pass\n', ["negative_balance"]),
    ('msg = "map bad_request by hand"\n', ["bad_request"]),
    ('"""Docstring naming api.ding.live and bad_request."""\n', []),
    ('EXAMPLES = (Example("a.py", "https://api.ding.live/v1"),)\n', []),
    ('x = "internal error: "; y = "blocked by v2"\n', []),
    ('# a comment about api.ding.live\nx = 1\n', []),
])
def test_the_lint_reads_string_constants_only(tmp_path, source, facts):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert [fact for _line, fact, _text in fact_literals(path)] == facts
