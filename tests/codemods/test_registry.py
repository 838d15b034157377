"""codemods.registry is data that rewrite reads before any codemod is imported: each entry's
name and trigger tokens must be those of its class, and a codemod must really never change a
file that holds none of its trigger tokens (else the pre-filter would skip a file the codemod
rewrites). Checked on every Python example and no-op the codemods document, each codemod run
alone (as libcst's own runner runs it: no pre-filter, no engine)."""
from __future__ import annotations

import pytest

from codemods import docs as codemod_docs
from codemods.core.examples import PYTHON
from codemods.registry import CODEMODS, codemod_names, triggers_of
from rewrite_helpers import run_codemod

ENTRIES = {entry.name: entry for entry in CODEMODS}


def _sources():
    """Every Python text the codemods' docs show (befores, no-ops, the other files of a tree)."""
    found = {}
    for _cls, docs in codemod_docs.python_codemods().values():
        for example in docs.examples:
            if example.language == PYTHON:
                found[example.before] = None
                found.update((text, None) for path, text in example.tree if path.endswith(".py"))
        found.update((n.source, None) for n in docs.no_ops if n.language == PYTHON)
    return list(found)


SOURCES = _sources()


def _lacks(source: str, triggers) -> bool:
    lowered = source.encode("utf-8").lower()
    return not any(t in lowered for t in triggers)


@pytest.mark.parametrize("name", list(ENTRIES))
def test_entry_is_its_class(name):
    entry = ENTRIES[name]
    cls = entry.load()
    assert cls.NAME == name
    assert tuple(cls.TRIGGERS) == entry.triggers
    assert all(isinstance(t, bytes) and t and t == t.lower() for t in entry.triggers)


def test_names_and_triggers_in_run_order_without_import():
    assert codemod_names()[:2] == ("sdk-value-flow", "sdk-responses")
    assert codemod_names()[-1] == "v1-leftovers"
    assert b"api.ding.live" in triggers_of(["raw-http"])
    assert triggers_of(["hosts", "lang-hosts"]) == (b"api.ding.live/v2", b"docs.prelude.so/api-reference")
    assert triggers_of(["cross-module"]) == ()  # run only on the files the repo pre-pass names
    assert len(triggers_of()) == len(set(triggers_of()))


def _changed_without_tokens(cls, triggers, sources):
    """The sources without any of ``triggers`` that ``cls``, run alone, changes."""
    return [s for s in sources if _lacks(s, triggers) and run_codemod(cls, s) != s]


@pytest.mark.parametrize("name", [n for n in ENTRIES if n != "cross-module"])
def test_a_file_without_the_trigger_tokens_is_never_changed(name):
    entry = ENTRIES[name]
    cls = entry.load()
    # both kinds of file are among the examples, so the check below is not empty
    assert any(_lacks(s, entry.triggers) for s in SOURCES)
    assert any(not _lacks(s, entry.triggers) for s in SOURCES)
    assert _changed_without_tokens(cls, entry.triggers, SOURCES) == []
    # and the codemod's own examples do hold its tokens (what the pre-filter lets through)
    _cls, docs = codemod_docs.python_codemods()[name]
    assert all(not _lacks(e.before, entry.triggers) for e in docs.examples if not e.tree)


def test_the_check_would_catch_a_trigger_too_narrow():
    """The check above fails for a codemod whose declared tokens miss what it rewrites: the
    hosts codemod with the docs-link token alone changes a file holding only the legacy host."""
    cls = ENTRIES["hosts"].load()
    legacy_only = 'URL = "https://api.ding.live/v2/transactional"\n'
    narrowed = (b"docs.prelude.so/api-reference",)
    assert _changed_without_tokens(cls, narrowed, SOURCES + [legacy_only]) == [legacy_only]
    assert _changed_without_tokens(cls, ENTRIES["hosts"].triggers, [legacy_only]) == []
