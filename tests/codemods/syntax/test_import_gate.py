"""The second pass's cheap gate (``RepoIndex.may_change``) never hides a file that the index's
exact rules (``references`` / ``base_constants_for``) would change, and it turns away files that
only name an index word outside an import (a node_modules tree is full of them)."""
from __future__ import annotations

import os

import pytest

from codemods.syntax.index import RepoIndex, file_facts
from codemods.syntax.languages import language_for_path
from codemods.syntax.source import Source
from paths import DATA

WRAPPER_TS = ('import axios from "axios";\n'
              'const api = axios.create({ baseURL: "https://api.ding.live/v1" });\n'
              "export async function sendCode(p) { return api.post('/authentication', { phone_number: p }); }\n")
WRAPPER_GO = 'package otp\n\nconst Base = "https://api.ding.live/v1"\n\nfunc Start(p string) error { return nil }\n'
WRAPPER_INDEX = ('const BASE = "https://api.ding.live/v1";\n'
                 "export class DingClient { async check(id) { return fetch(`${BASE}/check`); } }\n")
WRAPPER_PY = 'BASE_URL = "https://api.ding.live/v1"\n\n\nclass DingGateway:\n    def start(self):\n        pass\n'
WRAPPER_JAVA = ('package app.otp;\nclass DingOtp {\n  static final String BASE = "https://api.ding.live/v1";\n'
                "  public String check(String id) { return id; }\n}\n")

INDEX = RepoIndex.build(file_facts(path, language_for_path(path), text) for path, text in {
    "src/v1/otp.ts": WRAPPER_TS, "svc/otp/otp.go": WRAPPER_GO, "lib/ding/index.js": WRAPPER_INDEX,
    "py/gateway.py": WRAPPER_PY, "java/app/otp/DingOtp.java": WRAPPER_JAVA}.items())

# (path, text): each changes through the index, in one of the ways the exact rules know
USERS = {
    "named import": ("src/app.ts", 'import { sendCode } from "./v1/otp";\nawait sendCode(p);\n'),
    "require": ("src/app.js", "const { sendCode } = require('./v1/otp');\nsendCode(p);\n"),
    "require split": ("src/b.js", "const otp = require\n\n  ('./v1/otp.ts');\notp.sendCode(1);\n"),
    "bare package": ("web/x.ts", 'import * as sender from "otp";\nsender.sendCode(1);\n'),
    "index folder": ("lib/ding/test/t.js", "const { DingClient } = require('..');\nnew DingClient();\n"),
    "index by folder name": ("lib/use.js", 'import { DingClient } from "./ding";\nnew DingClient();\n'),
    "go import": ("cmd/main.go", 'package main\n\nimport "example.test/svc/otp"\n\nfunc main() { otp.Start("p") }\n'),
    "go same package": ("svc/otp/other.go", "package otp\n\nfunc Again() error { return Start(\"p\") }\n"),
    "python import": ("py/app.py", "from gateway import DingGateway\n\nDingGateway().start()\n"),
    "python base constant": ("py/urls.py", "from gateway import BASE_URL\n\nURL = BASE_URL + '/check'\n"),
    "java same package": ("java/app/otp/Use.java", "package app.otp;\nclass Use { void f() { new DingOtp().check(\"x\"); } }\n"),
    "own base constant": ("svc/otp/otp.go", WRAPPER_GO),
    "a later occurrence on the line": ("src/d.js", "f(sendCode) || g(); const m = require(sendCode);\n"),
}
# Files that name an index word, but nowhere an import can take it from another file.
STRANGERS = {
    "a call of a same-named function": ("vendor/sock.js", "export function sendCode(s, d) { return s.sendCode(d); }\n"),
    "a minified bundle": ("vendor/min.js", 'var x=require("http");function sendCode(a){return a.sendCode()}x.send(sendCode);\n'),
    "a longer word on an import line": ("vendor/b64.ts", 'import { Base64, BaseURLs } from "./codec";\nBase64.x(Base);\n'),
    "a parent index that declares nothing": ("vendor/pkg/test/t.js", "var DingClient = require('../');\nDingClient();\n"),
    "another language's folder": ("svc/otp/notes.py", "def Start():\n    pass\n\nStart()\n"),
    "parentheses closed on the next line": ("vendor/e.js", "const m = require(sendCode\n);\nsendCode();\n"),
    "parentheses closed before the word": ("vendor/f.js", "g(require(a), sendCode); require(b)(sendCode);\n"),
}


def _exact(path, text):
    source = Source(language_for_path(path), text, path=path, index=INDEX)
    return bool(INDEX.references(source) or INDEX.base_constants_for(source))


@pytest.mark.parametrize("case", sorted(USERS))
def test_a_file_the_index_changes_passes_the_gate(case):
    path, text = USERS[case]
    assert _exact(path, text), case  # the exact rules take it (so the case is a real one)...
    assert INDEX.may_change(path, language_for_path(path), text), case  # ...and the gate lets it through


@pytest.mark.parametrize("case", sorted(STRANGERS))
def test_a_file_that_only_names_an_index_word_is_turned_away(case):
    path, text = STRANGERS[case]
    assert not _exact(path, text), case
    assert not INDEX.may_change(path, language_for_path(path), text), case


def _tree_files(root):
    for folder, _dirs, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as fh:
                data = fh.read()
            if b"\0" not in data[:4096]:
                yield os.path.relpath(path, root).replace(os.sep, "/"), data.decode("utf-8", "replace")


@pytest.mark.parametrize("tree", ["scan/team_v1", "scan/v1_repo", "scan/public", "lang", "equivalence"])
def test_the_gate_is_a_superset_of_the_exact_rules_on_the_test_trees(tree):
    files = dict(_tree_files(DATA / tree))
    index = RepoIndex.build(file_facts(path, language_for_path(path), text) for path, text in files.items())
    changed = 0
    for path, text in files.items():
        language = language_for_path(path)
        source = Source(language, text, path=path, index=index)
        if index.references(source) or index.base_constants_for(source):
            changed += 1
            assert index.may_change(path, language, text), path
    assert changed or tree == "equivalence"
