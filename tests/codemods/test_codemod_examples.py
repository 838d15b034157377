"""Every example a codemod module declares (``DOCS``, codemods.core.examples) is true, through
the public entry points: the engine for Python (with the repo pre-pass when the example has
other files of its tree); for the other languages ``prelude-migrate rewrite``'s per-file path
(``migrate.rewrite.rewrite_bytes``: ``codemods.lang.rewrite_source`` plus the scanner's findings
for manifests), with the language taken from the file name. Each
``after`` is exactly what comes out and is left alone by a second run; each no-op comes out
unchanged. docs/codemods.md is generated from the same declarations and must be current."""
from __future__ import annotations

import subprocess
import sys

import pytest

from codemods import docs as codemod_docs
from codemods.core.examples import PYTHON, CodemodDocs
from codemods.engine import RewriteOptions, rewrite_source
from codemods.lang import LANGUAGES, language_for_path
from codemods.prepass import prepass
from migrate.cli import cli
from migrate.rewrite import rewrite_bytes, rewrite_paths, select_codemods
from paths import ROOT
from rewrite_helpers import cli_runner

PYTHON_CODEMODS = codemod_docs.python_codemods()
REWRITERS = codemod_docs.lang_rewriters()


def _cases(kind):
    out = []
    for name, (_cls, docs) in PYTHON_CODEMODS.items():
        out += [pytest.param(name, e, id=f"{name}-{i}") for i, e in enumerate(getattr(docs, kind), 1)]
    for name, docs in REWRITERS.items():
        out += [pytest.param(name, e, id=f"{name}-{e.language}-{i}") for i, e in enumerate(getattr(docs, kind), 1)]
    return out


def _where(name):
    """The module that declares ``name``'s examples, for the failure message."""
    module = PYTHON_CODEMODS[name][0].__module__ if name in PYTHON_CODEMODS else codemod_docs.LANG_REWRITERS[name]
    return (f"the example of {name} at the end of {module.replace('.', '/')}.py is no longer true: if the new "
            f"output is right, update the example there and run python -m codemods.docs --write")


def _python(source, path, tree, tmp_path):
    """The engine on ``source``; with ``tree``, the files are written out and the repo
    pre-pass runs over them first, as ``prelude-migrate rewrite`` does on a folder."""
    options = None
    if tree:
        paths = []
        for name, text in ((path, source), *tree):
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            paths.append(str(target))
        options = RewriteOptions(repo=prepass(paths))
        path = str(tmp_path / path)
    return rewrite_source(source, path, options)


def _run(example_language, source, path, tree, tmp_path):
    """(new source, names of what changed it, error)."""
    if example_language == PYTHON:
        result = _python(source, path, tree, tmp_path)
        return result.new_source, result.applied, result.error
    assert language_for_path(path) == example_language  # the file name says which language it is
    if tree:  # a run over the folder (manifest swaps look at the run's code files)
        for name, text in ((path, source), *tree):
            (tmp_path / name).write_text(text, encoding="utf-8")
        paths = [tmp_path / path] + [tmp_path / name for name, _ in tree]
        result = rewrite_paths(paths, select_codemods(), write=False, jobs=1)[0]
        return (result.new or source.encode("utf-8")).decode("utf-8"), result.applied, result.error
    result = rewrite_bytes(source.encode("utf-8"), path, select_codemods())
    return (result.new or result.original).decode("utf-8"), result.applied, result.error


@pytest.mark.parametrize("name,example", _cases("examples"))
def test_example_rewrites_exactly_and_once(name, example, tmp_path):
    new, applied, error = _run(example.language, example.before, example.path, example.tree, tmp_path)
    assert error is None
    assert new == example.after, _where(name)
    if example.language == PYTHON:
        assert name in applied  # the example shows the codemod it documents at work
    again, _, _ = _run(example.language, example.after, example.path, example.tree, tmp_path)
    assert again == example.after, "not idempotent: a second run changes the example's after"


@pytest.mark.parametrize("name,no_op", _cases("no_ops"))
def test_no_op_is_left_alone(name, no_op, tmp_path):
    new, applied, error = _run(no_op.language, no_op.source, no_op.path, (), tmp_path)
    assert error is None
    assert new == no_op.source and not applied, _where(name)


def test_every_codemod_and_rewriter_documents_itself_with_examples():
    from codemods.registry import CODEMOD_CLASSES

    assert len(PYTHON_CODEMODS) == len(CODEMOD_CLASSES) >= 10
    documented = [docs for _cls, docs in PYTHON_CODEMODS.values()] + list(REWRITERS.values())
    for docs in documented:
        assert isinstance(docs, CodemodDocs)
        assert docs.what and docs.why and docs.fix_safety
        assert docs.examples and docs.no_ops
        assert all(e.before != e.after for e in docs.examples)


def test_every_non_python_rewriter_is_documented():
    from codemods.lang.registry import LANG_REWRITERS

    assert set(codemod_docs.LANG_REWRITERS) == set(LANG_REWRITERS)


def test_every_language_has_a_before_after_example():
    shown = {e.language for docs in REWRITERS.values() for e in docs.examples}
    assert set(LANGUAGES) - shown == set()
    for docs in REWRITERS.values():
        assert {e.language for e in docs.examples + docs.no_ops} <= set(docs.languages or LANGUAGES)


def test_the_page_is_generated_from_the_examples():
    page = (ROOT / "docs" / "codemods.md").read_text(encoding="utf-8")
    for name, (_cls, docs) in PYTHON_CODEMODS.items():
        block = page.split(codemod_docs.begin_marker(f"codemod {name}"), 1)[1].split(
            codemod_docs.end_marker(f"codemod {name}"), 1)[0]
        first = docs.examples[0]
        assert codemod_docs.as_diff(first.before, first.after) in block
    done = subprocess.run([sys.executable, "-m", "codemods.docs", "--check"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_check_reports_a_stale_or_missing_block(tmp_path):
    generated = codemod_docs.blocks()
    page = "\n".join(f"{codemod_docs.begin_marker(k)}\nSTALE TEXT\n{codemod_docs.end_marker(k)}" for k in generated)
    fresh = codemod_docs.with_blocks(page, generated)
    assert "STALE TEXT" not in fresh and codemod_docs.with_blocks(fresh, generated) == fresh
    missing = page.replace(codemod_docs.begin_marker("codemod hosts"), "")
    with pytest.raises(codemod_docs.StalePage, match="hosts"):
        codemod_docs.with_blocks(missing, generated)
    unknown = page + "\n" + codemod_docs.begin_marker("codemod gone") + "\n" + codemod_docs.end_marker("codemod gone")
    with pytest.raises(codemod_docs.StalePage, match="gone"):
        codemod_docs.with_blocks(unknown, generated)


def test_rewrite_explain_prints_a_codemods_docs_and_examples():
    shown = cli_runner().invoke(cli, ["rewrite", "--explain", "sdk-errors"])
    assert shown.exit_code == 0, shown.output
    text = shown.stdout
    assert text.startswith("sdk-errors\n") and "What it does." in text and "Fix safety." in text
    assert '+        if (e.body.get("code") if isinstance(e.body, dict) else None) == "insufficient_balance":' in text
    assert "<!--" not in text and "```" not in text and "**" not in text  # plain text for a terminal
    marks = cli_runner().invoke(cli, ["rewrite", "--explain", "lang-todos"])  # a non-Python rewriter
    assert marks.exit_code == 0 and "<!-- TODO(prelude-migration)" in marks.stdout  # the Markdown example
    unknown = cli_runner().invoke(cli, ["rewrite", "--explain", "no-such-codemod"])
    assert unknown.exit_code == 2 and "unknown codemod 'no-such-codemod'" in unknown.stderr
    assert "hosts" in unknown.stderr and "js-sdk" in unknown.stderr
