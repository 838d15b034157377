"""ONE TODO comment above each statement with a v1 usage the rewrites leave, in the language's
comment syntax, never inside a string or a continued command, never twice."""
from __future__ import annotations

import pytest

from codemods.lang import engine, rewrite_source
from codemods.lang.edits import Mark


@pytest.fixture
def flag_lines(monkeypatch):
    """Make the detection layer report the given 0-based lines (so placement is tested alone)."""
    def use(*lines, text="v2 needs a change here"):
        def detect(language, source, path, tree):
            return [Mark(i, text) for i, line in enumerate(source.splitlines()) if any(m in line for m in lines)]
        monkeypatch.setattr(engine.v1_marks, "detect", detect)
    return use


@pytest.mark.parametrize("language,before,after", [
    ("go", 'package p\n\nfunc f() {\n\tu := "https://api.ding.live/v1"\n}\n',
     'package p\n\nfunc f() {\n\t// TODO(prelude-migration): v2 needs a change here\n\tu := "https://api.ding.live/v1"\n}\n'),
    ("ruby", 'u = "https://api.ding.live/v1"\n', '# TODO(prelude-migration): v2 needs a change here\nu = "https://api.ding.live/v1"\n'),
    ("markdown", "Call https://api.ding.live/v1 first.\n",
     "<!-- TODO(prelude-migration): v2 needs a change here -->\nCall https://api.ding.live/v1 first.\n"),
    ("xml", '<Project>\n  <PackageReference Include="DingSDK" />\n</Project>\n',
     '<Project>\n  <!-- TODO(prelude-migration): v2 needs a change here -->\n  <PackageReference Include="DingSDK" />\n</Project>\n'),
    ("dotenv", "A=1\r\nURL=https://api.ding.live/v1\r\n",
     "A=1\r\n# TODO(prelude-migration): v2 needs a change here\r\nURL=https://api.ding.live/v1\r\n"),
])
def test_comment_syntax_indent_and_line_endings(flag_lines, language, before, after):
    flag_lines("api.ding.live/v1", "DingSDK")
    result = rewrite_source(language, before, "f")
    assert result.new_source == after
    assert [line for line, _ in result.todos] == [after.splitlines().index(next(
        l for l in after.splitlines() if "TODO(" in l)) + 1]
    assert rewrite_source(language, after, "f").new_source == after  # never twice


def test_continued_shell_command_gets_one_todo_above_its_first_line(flag_lines):
    flag_lines("api.ding.live/v1", "X-API-Key", "customer_uuid")
    before = ('#!/bin/sh\ncurl -s https://api.ding.live/v1/authentication \\\n  -H "X-API-Key: $K" \\\n'
              '  -d "{\\"customer_uuid\\": 1}"\n')
    result = rewrite_source("shell", before, "send.sh")
    assert result.new_source == '#!/bin/sh\n# TODO(prelude-migration): v2 needs a change here\n' + before[len("#!/bin/sh\n"):]
    assert len(result.todos) == 1


def test_no_comment_inside_a_multiline_string(flag_lines):
    flag_lines("api.ding.live/v1")
    before = 'const q = `\n  POST https://api.ding.live/v1/check\n`;\n'
    result = rewrite_source("javascript", before, "f.js")
    assert result.new_source == '// TODO(prelude-migration): v2 needs a change here\n' + before


def test_no_comment_inside_a_yaml_block_scalar(flag_lines):
    flag_lines("api.ding.live/v1")
    before = "run: |\n  curl https://api.ding.live/v1/check\n"
    assert rewrite_source("yaml", before, "ci.yml").new_source == (
        "# TODO(prelude-migration): v2 needs a change here\n" + before)


def test_yaml_env_entry_gets_one_todo_above_its_dash(flag_lines):
    before = ("env:\n  - name: DING_URL\n    value: https://api.ding.live/v1\n"
              "  - name: OTHER\n    value: x\n")
    flag_lines("DING_URL", "api.ding.live/v1")
    result = rewrite_source("yaml", before, "k8s.yaml")
    assert result.new_source == ("env:\n  # TODO(prelude-migration): v2 needs a change here\n  - name: DING_URL\n"
                                 "    value: https://api.ding.live/v1\n  - name: OTHER\n    value: x\n")
    assert rewrite_source("yaml", result.new_source, "k8s.yaml").new_source == result.new_source


def test_yaml_item_holding_a_list_is_not_one_statement(flag_lines):
    before = ("containers:\n  - name: app\n    env:\n      - name: DING_URL\n        value: https://api.ding.live/v1\n")
    flag_lines("api.ding.live/v1")
    result = rewrite_source("yaml", before, "k8s.yaml")
    assert result.new_source.splitlines()[3:5] == ["      # TODO(prelude-migration): v2 needs a change here",
                                                    "      - name: DING_URL"]


def test_no_comment_inside_a_markdown_code_fence(flag_lines):
    flag_lines("api.ding.live/v1")
    before = "Run:\n\n```sh\ncurl https://api.ding.live/v1/check\n```\n"
    assert rewrite_source("markdown", before, "a.md").new_source == (
        "Run:\n\n<!-- TODO(prelude-migration): v2 needs a change here -->\n```sh\ncurl https://api.ding.live/v1/check\n```\n")


def test_two_reasons_on_one_statement_make_one_comment(monkeypatch):
    monkeypatch.setattr(engine.v1_marks, "detect", lambda language, source, path, tree: [
        Mark(0, "first reason"), Mark(0, "second reason"), Mark(0, "first reason")])
    result = rewrite_source("go", 'package p\n', "f.go")
    assert result.new_source == "// TODO(prelude-migration): first reason. second reason.\npackage p\n"


def test_json_gets_no_comment_and_lists_the_lines(flag_lines):
    flag_lines("@ding-live/ding", text="replace with @prelude.so/sdk")
    before = '{\n  "dependencies": {\n    "@ding-live/ding": "^0.22.0"\n  }\n}\n'
    result = rewrite_source("json", before, "package.json")
    assert result.new_source == before and not result.todos
    assert result.unmarked == ((3, "replace with @prelude.so/sdk"),)


def test_existing_todo_is_counted(flag_lines):
    flag_lines("nothing")
    source = "# TODO(prelude-migration): done by hand\nA=1\n"
    result = rewrite_source("dotenv", source, ".env")
    assert result.todos_total == 1 and not result.changed
