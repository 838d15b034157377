"""Language from a name, a #! line, or a sniff of the text; grammars present in the wheel."""
import pytest

from codemods.syntax import language_for_path, language_from_shebang, sniff_language
from codemods.syntax.languages import CODE_GRAMMARS
from codemods.syntax.tree import GrammarUnavailable, parse


@pytest.mark.parametrize("path,language", [
    ("src/a.ts", "typescript"), ("a.tsx", "tsx"), ("x/Otp.kt", "kotlin"), ("Dockerfile", "dockerfile"),
    (".env.example", "dotenv"), ("prod.env", "dotenv"), ("Gemfile", "ruby"), ("notes", "text"), ("a.cs", "csharp"),
])
def test_language_for_path(path, language):
    assert language_for_path(path) == language


@pytest.mark.parametrize("line,language", [
    ("#!/usr/bin/env python3", "python"), ("#!/usr/bin/python2.7", "python"), ("#!/bin/bash", "bash"),
    ("#!/usr/bin/env -S node --no-warnings", "javascript"), ("#!/usr/bin/env ruby", "ruby"),
    ("#!/usr/bin/awk -f", None), ("print 1", None),
])
def test_shebang(line, language):
    assert language_from_shebang(line) == language


@pytest.mark.parametrize("text,language", [
    ("<?php\necho 1;\n", "php"), ("package main\n\nfunc main() {}\n", "go"),
    ("import os\nfrom ding import Ding\n", "python"), ('import { Ding } from "@ding-live/ding";\n', "typescript"),
    ("#!/usr/bin/env python\nprint 'x'\n", "python"), ("require 'ding_sdk'\n", "ruby"),
    ("using System;\nnamespace A { }\n", "csharp"), ("hello world\n", None),
])
def test_sniff(text, language):
    assert sniff_language(text) == language


@pytest.mark.parametrize("language", sorted(CODE_GRAMMARS))
def test_grammar_present(language):
    assert parse(language, "x").kind()


def test_missing_grammar_is_an_exception_not_a_panic():
    with pytest.raises(GrammarUnavailable):
        parse("toml", "a = 1")


@pytest.mark.parametrize("name,grammar", [
    ("typescript", "typescript"), ("shell", "bash"), ("yaml", "yaml"), ("json", "json"),
    ("toml", None), ("requirements", None), ("gomod", None), ("markdown", None), ("dockerfile", None),
])
def test_rewrite_profiles_take_their_grammar_from_the_same_table(name, grammar):
    from codemods.syntax.languages import LANGUAGES

    assert LANGUAGES[name].grammar == grammar


@pytest.mark.parametrize("path,language", [
    ("scripts/send.sh", "shell"), ("go.mod", "gomod"), ("py/requirements.txt", "requirements"),
    ("App.csproj", "xml"), ("docs/a.rst", None), ("app.py", None), ("notes", None), ("Dockerfile", "dockerfile"),
])
def test_rewrite_language_for_path(path, language):
    from codemods.syntax.languages import rewrite_language_for_path

    assert rewrite_language_for_path(path) == language
