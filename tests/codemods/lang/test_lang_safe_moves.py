"""The safe moves in every language: api.ding.live/v2 -> api.prelude.dev/v2 and old docs links,
inside literal text (and docs links in comments) only; idempotent; bad input untouched."""
from __future__ import annotations

import pytest

from codemods.lang import LANGUAGES, language_for_path, rewrite_source

# (language, before, after): written by hand.
CASES = [
    ("javascript", 'fetch("https://api.ding.live/v2/transactional", o); // api.ding.live/v2 stays\n',
     'fetch("https://api.prelude.dev/v2/transactional", o); // api.ding.live/v2 stays\n'),
    ("typescript", "const u: string = `https://api.ding.live/v2/${path}`;\n",
     "const u: string = `https://api.prelude.dev/v2/${path}`;\n"),
    ("tsx", 'const a = <a href="https://api.ding.live/v2/notify">x</a>;\n',
     'const a = <a href="https://api.prelude.dev/v2/notify">x</a>;\n'),
    ("go", 'package p\n\nconst u = "https://api.ding.live/v2/notify" + `api.ding.live/v2`\n',
     'package p\n\nconst u = "https://api.prelude.dev/v2/notify" + `api.prelude.dev/v2`\n'),
    ("php", '<?php\n$u = "https://api.ding.live/v2/$path";\n$w = \'https://api.ding.live/v2\';\n',
     '<?php\n$u = "https://api.prelude.dev/v2/$path";\n$w = \'https://api.prelude.dev/v2\';\n'),
    ("ruby", 'u = "https://api.ding.live/v2/#{path}" # api.ding.live/v2\n',
     'u = "https://api.prelude.dev/v2/#{path}" # api.ding.live/v2\n'),
    ("java", 'class A { String u = "https://api.ding.live/v2/transactional"; }\n',
     'class A { String u = "https://api.prelude.dev/v2/transactional"; }\n'),
    ("kotlin", 'val u = "https://api.ding.live/v2/${path}"\n', 'val u = "https://api.prelude.dev/v2/${path}"\n'),
    ("csharp", 'var u = $"https://api.ding.live/v2/{path}" + @"api.ding.live/v2";\n',
     'var u = $"https://api.prelude.dev/v2/{path}" + @"api.prelude.dev/v2";\n'),
    ("swift", 'let u = "https://api.ding.live/v2/\\(path)"\n', 'let u = "https://api.prelude.dev/v2/\\(path)"\n'),
    ("shell", 'curl https://api.ding.live/v2/notify "https://api.ding.live/v2/$X" # api.ding.live/v2\n',
     'curl https://api.prelude.dev/v2/notify "https://api.prelude.dev/v2/$X" # api.ding.live/v2\n'),
    ("yaml", "a:\n  url: https://api.ding.live/v2/notify  # api.ding.live/v2\n  b: 'api.ding.live/v2'\n",
     "a:\n  url: https://api.prelude.dev/v2/notify  # api.ding.live/v2\n  b: 'api.prelude.dev/v2'\n"),
    ("json", '{"url": "https://api.ding.live/v2/notify"}\n', '{"url": "https://api.prelude.dev/v2/notify"}\n'),
    ("toml", '# api.ding.live/v2\nurl = "https://api.ding.live/v2/notify"\n',
     '# api.ding.live/v2\nurl = "https://api.prelude.dev/v2/notify"\n'),
    ("dotenv", "NOTIFY_URL=https://api.ding.live/v2/transactional\r\n",
     "NOTIFY_URL=https://api.prelude.dev/v2/transactional\r\n"),
    ("dockerfile", "FROM x\nENV URL=https://api.ding.live/v2/notify\n", "FROM x\nENV URL=https://api.prelude.dev/v2/notify\n"),
    ("markdown", "See https://docs.prelude.so/api-reference/v2/errors and `https://api.ding.live/v2/notify`.\n",
     "See https://docs.prelude.so/introduction/errors and `https://api.prelude.dev/v2/notify`.\n"),
    # the host right before a closing backtick, parenthesis or angle bracket (a markdown code span,
    # a link, a template literal made of the base URL alone)
    ("markdown", "Base URL: `https://api.ding.live/v2` ([docs](https://api.ding.live/v2)), <https://api.ding.live/v2>\n",
     "Base URL: `https://api.prelude.dev/v2` ([docs](https://api.prelude.dev/v2)), <https://api.prelude.dev/v2>\n"),
    ("javascript", "const base = `https://api.ding.live/v2`;\n", "const base = `https://api.prelude.dev/v2`;\n"),
    # docs links move in comments too
    ("go", "package p\n\n// https://docs.prelude.so/api-reference/v2/errors\n",
     "package p\n\n// https://docs.prelude.so/introduction/errors\n"),
]


@pytest.mark.parametrize("language,before,after", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_safe_moves(language, before, after):
    result = rewrite_source(language, before, "f")
    assert result.error is None
    assert result.new_source == after
    again = rewrite_source(language, after, "f")
    assert again.new_source == after and not again.changed


@pytest.mark.parametrize("language", ["javascript", "go", "ruby", "shell", "yaml", "toml", "markdown"])
def test_v1_host_and_lookalikes_are_not_moved(language):
    # v1 endpoints changed shape: no host swap for them; a host that merely ends in the name is not it.
    text = {"javascript": 'f("https://api.ding.live/v1/check", "https://xapi.ding.live/v2");\n',
            "go": 'package p\n\nvar u = "https://api.ding.live/v1/check" + "https://xapi.ding.live/v2"\n',
            "ruby": 'u = "https://api.ding.live/v1/check" + "https://xapi.ding.live/v2"\n',
            "shell": "curl https://api.ding.live/v1/check https://xapi.ding.live/v2\n",
            "yaml": "a: https://api.ding.live/v1/check\nb: https://xapi.ding.live/v2\n",
            "toml": 'a = "https://api.ding.live/v1/check"\nb = "https://xapi.ding.live/v2"\n',
            "markdown": "https://api.ding.live/v1/check and https://xapi.ding.live/v2\n"}[language]
    result = rewrite_source(language, text, "f")
    assert not result.edits  # only a TODO above the v1 URL, nothing moved
    assert "".join(l for l in result.new_source.splitlines(True) if "TODO(prelude-migration)" not in l) == text
    assert len(result.todos) == 1 and "api.prelude.dev/v2" in result.todos[0][1]


def test_code_outside_literals_is_never_touched():
    source = "const api = {ding: {live: 1}};\nconst v2 = 2;\nconst x = api.ding.live/v2;\n"
    assert rewrite_source("javascript", source, "f.js").new_source == source


def test_interpolation_holes_are_not_literal_text():
    # the host split by an interpolation is not one literal: left alone.
    source = 'const u = `https://api.ding.${tld}/v2`;\n'
    assert rewrite_source("javascript", source, "f.js").new_source == source


@pytest.mark.parametrize("language,source", [
    ("go", 'package p\nfunc f( {\nvar u = "https://api.ding.live/v2"\n'),
    ("javascript", 'const u = "https://api.ding.live/v2";\nfunction ( {\n'),
    ("json", '{"a": "https://api.ding.live/v2",,}'),
])
def test_unparsable_file_is_reported_and_untouched(language, source):
    result = rewrite_source(language, source, "f")
    assert result.error and "cannot parse" in result.error
    assert result.new_source == source and not result.changed


def test_unknown_language_is_an_error_not_a_crash():
    result = rewrite_source("cobol", "x", "f")
    assert result.error and result.new_source == "x"


@pytest.mark.parametrize("path,language", [
    ("web/otp.ts", "typescript"), ("a.mjs", "javascript"), ("a.jsx", "javascript"), ("x/Dockerfile", "dockerfile"),
    ("Dockerfile.prod", "dockerfile"), ("deploy/.env.example", "dotenv"), (".env", "dotenv"), ("prod.env", "dotenv"),
    ("go.mod", "gomod"), ("k8s.yml", "yaml"), ("a.kts", "kotlin"), ("Gemfile", "ruby"), ("README.md", "markdown"),
    ("requirements-dev.txt", "requirements"), ("app.csproj", "xml"), ("x.py", None), ("notes.txt", None),
])
def test_language_for_path(path, language):
    assert language_for_path(path) == language


@pytest.mark.parametrize("name", sorted(n for n, lang in LANGUAGES.items() if lang.grammar))
def test_every_grammar_is_bundled_and_parses_offline(name):
    from ast_grep_py import SgRoot

    root = SgRoot("x", LANGUAGES[name].grammar).root()
    assert root.kind()  # a real tree, not an exception
