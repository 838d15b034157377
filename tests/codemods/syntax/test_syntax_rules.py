"""Every syntax rule's documented examples, through the public ``codemods.syntax.usages``."""
import pytest

from codemods.syntax import usages
from codemods.syntax.rules import RULES


def _kinds(rule):
    return set(getattr(rule, "KINDS", None) or (rule.KIND,))


CASES = [(rule.__name__.rsplit(".", 1)[-1], i, rule, example)
         for rule in RULES for i, example in enumerate(rule.EXAMPLES)]


@pytest.mark.parametrize("name,i,rule,example", CASES, ids=[f"{c[0]}-{c[1]}-{c[3].language}" for c in CASES])
def test_example(name, i, rule, example):
    found = usages(example.language, example.source, path=example.path or f"src/file{i}")
    lines = tuple(u.line for u in found if u.kind in _kinds(rule))
    assert lines == example.lines, [(u.kind, u.line, u.text) for u in found]


def test_every_rule_has_flagged_and_clean_examples():
    for rule in RULES:
        if rule.__name__.endswith("client_call"):
            continue  # needs a repository: test_index.py
        assert any(e.lines for e in rule.EXAMPLES), rule.__name__
        assert any(not e.lines for e in rule.EXAMPLES), rule.__name__


LANGUAGE_SAMPLES = {
    "typescript": 'const h = { "x-api-key": k, customer_uuid: u };\nconst B = "https://api.ding.live/v1";\n',
    "tsx": 'const B = "https://api.ding.live/v1";\nexport const C = () => <div data-x={B}>{"x-api-key"}</div>;\n',
    "javascript": 'const B = "https://api.ding.live/v1";\nconst h = { "x-api-key": k };\n',
    "go": 'package x\nconst B = "https://api.ding.live/v1"\nvar h = map[string]string{"x-api-key": k}\n',
    "php": "<?php\n$b = 'https://api.ding.live/v1';\n$h = ['x-api-key' => $k];\n",
    "ruby": "B = 'https://api.ding.live/v1'\nh = { 'x-api-key' => k }\n",
    "java": 'class A { String b = "https://api.ding.live/v1"; void f() { h.put("x-api-key", k); } }\n',
    "kotlin": 'val b = "https://api.ding.live/v1"\nfun f() { h["x-api-key"] = k }\n',
    "csharp": 'class A { string b = "https://api.ding.live/v1"; void F() { h.Add("x-api-key", k); } }\n',
    "swift": 'let b = "https://api.ding.live/v1"\nreq.setValue(k, forHTTPHeaderField: "x-api-key")\n',
    "python": 'B = "https://api.ding.live/v1"\nh = {"x-api-key": k}\n',
    "rust": 'const B: &str = "https://api.ding.live/v1";\nfn f() { req.header("x-api-key", k); }\n',
}


@pytest.mark.parametrize("language", sorted(LANGUAGE_SAMPLES))
def test_each_grammar_sees_strings(language):
    found = usages(language, LANGUAGE_SAMPLES[language], path="a/b")
    got = {(u.kind, u.context) for u in found}
    assert ("v1-host", "string") in got and ("api-key-header", "string") in got, found


def test_comments_are_not_usages_except_the_host():
    src = '// customer_uuid and x-api-key, see api.ding.live\nconst u = "https://api.ding.live/v1";\n'
    kinds = [(u.kind, u.line) for u in usages("typescript", src, path="a.ts")]
    assert kinds == [("v1-host", 1), ("v1-host", 2)]


def test_v2_code_is_clean():
    src = ('import Prelude from "@prelude.so/sdk";\nconst c = new Prelude({ apiToken: process.env.API_TOKEN });\n'
           'const v = await c.verification.create({ target: { type: "phone_number", value: p } });\n'
           'if (v.status === "success") {}\nconst r = await c.verification.check({ target, code });\n'
           'switch (r.status) { case "failure": break; case "expired_or_not_found": break; }\n')
    assert usages("typescript", src, path="v2.ts") == []


def test_unknown_language_is_text():
    found = usages("toml", '[ding]\nurl = "https://api.ding.live/v1"\n', path="x.toml")
    assert [(u.kind, u.line, u.context) for u in found] == [("v1-host", 2, "text")]
