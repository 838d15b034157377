"""Lint: no API host, API path, v1/v2 error code or configuration name is spelled as a string
literal in the production code of compat/, migrate/ and codemods/ outside compat/knowledge/ (the
one place for API facts).

Read with ``ast``: every string and bytes constant (f-string parts included) except docstrings
and the documented examples next to a rule (``Example(...)`` arguments in the scanner rules and
in codemods.syntax, ``CodemodExample``/``NoOp``/``CodemodDocs(...)`` arguments at the end of each
codemod module, which are test data and documentation by design). What counts as a fact:

- a host: ``api.ding.live``, ``api.prelude.dev``, ``docs.ding.live`` or ``docs.prelude.so``, also
  spelled as a regular expression (``api\\.ding\\.live``);
- an API path: ``/v1/...`` or ``/v2/...`` followed by a segment of a v1 or v2 endpoint
  (``/v1/authentication``, ``/v2/verification``), or a string equal to an operation's path;
- a code: a string equal to a v1 or v2 error code, or prose naming a code that has an
  underscore in it (``bad_request``), as a whole word;
- a configuration name: a v1 env/config name (``DING_CUSTOMER_UUID``) or the v2 base-URL
  variable, as a whole word.

``compat/testing`` (the fakes) is not linted: it is an independent oracle by design (see its
docstring). There is no other allowlist: every other production module is linted.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from paths import ROOT

LINTED = ("codemods", "compat", "migrate")
KNOWLEDGE = ROOT / "compat" / "knowledge"
# The fakes spell the codes and statuses they answer with on purpose: they are an oracle
# independent of the tables, so a wrong table fact shows up in the fake-vs-adapter tests.
INDEPENDENT_ORACLES = {"compat/testing": "see the compat.testing docstring"}
# A host, also as the source of a regular expression (a backslash before each dot).
_HOSTS = re.compile(r"(?:api|docs)\\?\.ding\\?\.live|api\\?\.prelude\\?\.dev|docs\\?\.prelude\\?\.so",
                    re.IGNORECASE)


def _codes():
    # Read from the knowledge layer on purpose: the lint is about where facts are spelled,
    # the facts themselves are pinned by the test_pinned_* modules.
    from compat.knowledge.errors import V1_ERROR_CODES, V2_ERROR_CODES

    return frozenset(V1_ERROR_CODES) | frozenset(V2_ERROR_CODES)


def _paths():
    from compat.knowledge.operations import OPERATIONS

    v1 = {op.v1_path for op in OPERATIONS.values()}
    v2 = {op.v2_path for op in OPERATIONS.values() if op.v2_path}
    segments = {p.strip("/").split("/")[0] for p in v1} | {p.strip("/").split("/")[1] for p in v2}
    return frozenset(v1 | {"/v1" + p for p in v1} | v2), segments


def _config_names():
    from compat.knowledge.config_names import V1_CONFIG_NAMES, V2_BASE_URL_ENV

    return frozenset(V1_CONFIG_NAMES) | {V2_BASE_URL_ENV}


CODES = _codes()
PATHS, _SEGMENTS = _paths()
_PATH_PROSE = re.compile(r"/v[12]/(%s)(?![A-Za-z0-9_])" % "|".join(sorted(_SEGMENTS)))
_CONFIG_NAMES = re.compile(r"(?<![A-Za-z0-9_])(%s)(?![A-Za-z0-9_])" % "|".join(sorted(_config_names())))
_WORDY_CODES = re.compile(r"(?<![A-Za-z0-9_])(%s)(?![A-Za-z0-9_])" % "|".join(
    sorted((re.escape(c) for c in CODES if "_" in c), key=len, reverse=True)))


# Calls whose arguments are a rule's or a codemod's documented examples and docs (test data and
# prose next to the rule or codemod; codemods.core.examples).
_EXAMPLES = frozenset({"Example", "CodemodExample", "NoOp", "CodemodDocs"})


def _exempt_nodes(tree: ast.AST) -> set:
    """Docstrings and the arguments of ``Example(...)`` calls."""
    exempt = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                exempt.add(id(body[0].value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in _EXAMPLES:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                exempt.update(id(n) for n in ast.walk(arg))
    return exempt


def fact_literals(path: Path) -> Iterator[Tuple[int, str, str]]:
    """(line, fact, literal) for each host, path, code or config name spelled in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    exempt = _exempt_nodes(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))) or id(node) in exempt:
            continue
        text = node.value if isinstance(node.value, str) else node.value.decode("latin-1")
        for match in _HOSTS.finditer(text):
            yield node.lineno, match.group(0).lower().replace("\\", ""), text
        if text in CODES or text in PATHS:
            yield node.lineno, text, text
        else:
            for match in _WORDY_CODES.finditer(text):
                yield node.lineno, match.group(1), text
            for match in _PATH_PROSE.finditer(text):
                yield node.lineno, match.group(0), text
        for match in _CONFIG_NAMES.finditer(text):
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


def test_no_api_fact_literal_outside_the_knowledge_layer():
    bad = [f"{rel}:{line}: {fact!r} in {text[:70]!r}" for rel, line, fact, text in _findings(LINTED)]
    assert not bad, "import these facts from compat.knowledge instead:\n" + "\n".join(bad)


@pytest.mark.parametrize("source,facts", [
    ('URL = "https://api.ding.live/v1"\n', ["api.ding.live"]),
    ('x = f"https://API.PRELUDE.DEV/{p}"\n', ["api.prelude.dev"]),
    ('if code == "negative_balance": pass\n', ["negative_balance"]),
    ('msg = "map bad_request by hand"\n', ["bad_request"]),
    ('"""Docstring naming api.ding.live and bad_request."""\n', []),
    ('EXAMPLES = (Example("a.py", "https://api.ding.live/v1"),)\n', []),
    ('DOCS = CodemodDocs(what="moves api.ding.live/v2", examples=(CodemodExample("/v1/check", "b"),))\n', []),
    ('x = "internal error: "; y = "blocked by v2"\n', []),
    ('# a comment about api.ding.live\nx = 1\n', []),
    ('TRIGGERS = (b"api.ding.live/v2",)\n', ["api.ding.live"]),
    ('HOST = re.compile(r"^(?:https?://)?api\\.ding\\.live/v1")\n', ["api.ding.live"]),
    ('LINK = "see https://docs.prelude.so/x or docs.ding.live"\n', ["docs.prelude.so", "docs.ding.live"]),
    ('TODO = "send POST /v2/watch/feedback instead"\n', ["/v2/watch"]),
    ('PATH = "/check"; OTHER = "GET /v1/lookup/+33"\n', ["/check", "/v1/lookup"]),
    ('x = "/v2/verifications and /v1/checks, /health"\n', []),
    ('NAME = "DING_CUSTOMER_UUID"; MSG = "set PRELUDE_BASE_URL"\n', ["DING_CUSTOMER_UUID", "PRELUDE_BASE_URL"]),
    ('NAME = "MY_DING_URL_2"\n', []),
])
def test_the_lint_reads_string_constants_only(tmp_path, source, facts):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert [fact for _line, fact, _text in fact_literals(path)] == facts
