"""codemods.core.import_requests and codemods.core.context: our codemods ask for imports without
importing libcst.codemod, and the requests end up with libcst's own import passes, in libcst's
own keys and shapes, once per file."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import fields

import libcst as cst
import pytest

from codemods.core.context import RewriteContext, as_libcst_context
from codemods.core.import_requests import (
    ADD_KEY, REMOVE_KEY, add_needed_import, apply_import_requests, has_requests, remove_unused_import)
from paths import ROOT


def test_the_context_and_the_keys_are_libcsts():
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

    assert [f.name for f in fields(RewriteContext)] == [f.name for f in fields(CodemodContext)]
    assert (ADD_KEY, REMOVE_KEY) == (AddImportsVisitor.CONTEXT_KEY, RemoveImportsVisitor.CONTEXT_KEY)
    ours = RewriteContext(filename="a.py")
    theirs = as_libcst_context(ours)
    assert isinstance(theirs, CodemodContext) and theirs.scratch is ours.scratch and theirs.filename == "a.py"
    assert as_libcst_context(theirs) is theirs


def test_requests_give_what_libcsts_own_requests_give():
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

    source = "import ding\nfrom os import path\n\nclient = Client()\n"
    libcst_context = CodemodContext()
    AddImportsVisitor.add_needed_import(libcst_context, "prelude_python_sdk", "Prelude")
    AddImportsVisitor.add_needed_import(libcst_context, "json")
    RemoveImportsVisitor.remove_unused_import(libcst_context, "ding")
    RemoveImportsVisitor.remove_unused_import(libcst_context, "os", "path")
    expected = AddImportsVisitor(libcst_context).transform_module(cst.parse_module(source))
    expected = RemoveImportsVisitor(libcst_context).transform_module(expected).code
    assert expected == "import json\nfrom prelude_python_sdk import Prelude\n\nclient = Client()\n"

    context = RewriteContext()
    add_needed_import(context, "prelude_python_sdk", "Prelude")
    add_needed_import(context, "json")
    remove_unused_import(context, "ding")
    remove_unused_import(context, "os", "path")
    assert context.scratch[REMOVE_KEY] == libcst_context.scratch[REMOVE_KEY]  # libcst's shape
    assert has_requests(context)
    module, removed = apply_import_requests(cst.parse_module(source), context)
    assert module.code == expected and removed
    assert apply_import_requests(cst.parse_module(expected), context)[0].code == expected  # applied once


def test_no_request_no_change_and_no_libcst_codemod():
    module = cst.parse_module("x = 1\n")
    assert not has_requests(RewriteContext())
    assert apply_import_requests(module, RewriteContext()) == (module, False)
    probe = ("import sys, libcst as cst\n"
             "from codemods.core.context import RewriteContext\n"
             "from codemods.core.import_requests import apply_import_requests\n"
             "apply_import_requests(cst.parse_module('x = 1\\n'), RewriteContext())\n"
             "print(sorted(m for m in sys.modules if m.startswith(('libcst.codemod', 'libcst.matchers'))))\n")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_future_module_alone_is_refused_when_asked():
    with pytest.raises(ValueError):
        add_needed_import(RewriteContext(), "__future__")
