"""No silent clean: stdin without a name, scripts known by their #! line, Python that does not
parse (Python 2), the reports this tool writes, manifests that name their own package."""
from __future__ import annotations

import json

from click.testing import CliRunner

from migrate.cli import cli
from scan_helpers import run_cli, scan_tree, write_tree

PY2_V1 = ("import ding\nfrom ding.models import components\n\n"
          "s = ding.Ding(api_key='test-v1-key')\n"
          "print 'sending'\n"
          "res = s.otp.create_authentication(request=components.CreateAuthenticationRequest(\n"
          "    customer_uuid='c', phone_number='+33600000000'))\n")


def _stdin(args, text):
    return CliRunner().invoke(cli, ["scan", "-", "--format", "json", "--today", "2026-05-01", *args],
                              input=text, catch_exceptions=False)


def test_stdin_python_is_sniffed_without_a_name():
    source = "from ding.models import components\nimport ding\n\ns = ding.Ding(api_key='k')\n"
    result = _stdin([], source)
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "PM105" in rules and "PM103" in rules, result.stdout
    assert "read as python" in result.stderr
    assert result.exit_code == 1


def test_stdin_in_an_unknown_language_says_so():
    result = _stdin([], "see https://api.ding.live/v1/check for the endpoint\n")
    assert "could not tell the language of stdin" in result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["PM101"]


def test_stdin_php_is_sniffed():
    result = _stdin([], "<?php\nuse Ding\\DingSDK;\n$sdk = DingSDK\\Ding::builder()->build();\n")
    rules = sorted(f["rule"] for f in json.loads(result.stdout)["findings"])
    assert rules == ["PM103", "PM105"] and "read as php" in result.stderr


def test_python_script_without_suffix_found_by_its_shebang(tmp_path):
    write_tree(tmp_path, {"bin/send-otp": "#!/usr/bin/env python3\nimport ding\n"
                          "from ding.models import components\n\ns = ding.Ding(api_key='k')\n"})
    findings, _ = scan_tree(tmp_path)
    assert sorted((f.rule, f.line) for f in findings) == [("PM103", 2), ("PM103", 3), ("PM105", 5)]


def test_python2_file_is_searched_as_text_and_not_clean(tmp_path):
    write_tree(tmp_path, {"legacy/otp.py": PY2_V1})
    findings, summary = scan_tree(tmp_path)
    assert [p for p, _ in summary.files_parse_failed] == ["legacy/otp.py"]
    got = sorted((f.rule, f.line) for f in findings)
    assert ("PM103", 2) in got and ("PM105", 4) in got and ("PM106", 6) in got and ("PM112", 7) in got
    result = run_cli(["."], tmp_path)
    assert result.exit_code == 1
    assert "No deprecated usage found" not in result.stdout


def test_reports_the_tool_wrote_are_not_scanned(tmp_path):
    write_tree(tmp_path, {"otp.ts": 'const r = await fetch("https://api.ding.live/v1/check", o);\n'})
    first = run_cli([".", "--today", "2026-05-01", "-o", "scan.sarif", "--format", "sarif"], tmp_path)
    assert first.exit_code == 1
    for fmt, name in (("json", "report.json"), ("text", "report.txt"), ("junit", "junit.xml")):
        run_cli([".", "--today", "2026-05-01", "--format", fmt, "-o", name], tmp_path)
    again = run_cli([".", "--today", "2026-05-01", "--format", "json"], tmp_path)
    paths = {f["path"] for f in json.loads(again.stdout)["findings"]}
    assert paths == {"otp.ts"}


def test_a_manifest_naming_its_own_package_is_not_a_dependency(tmp_path):
    write_tree(tmp_path, {
        "go.mod": "module github.com/ding-live/ding-golang\n\ngo 1.20\n",
        "package.json": '{\n  "name": "@ding-live/ding",\n  "dependencies": {"zod": "^3"}\n}\n',
        "app/package.json": '{\n  "name": "app",\n  "dependencies": {"@ding-live/ding": "^0.22.0"}\n}\n',
    })
    findings, _ = scan_tree(tmp_path, select=["PM104"])
    assert [(f.path, f.line) for f in findings] == [("app/package.json", 3)]


def test_an_error_message_naming_a_constructor_is_not_a_client(tmp_path):
    write_tree(tmp_path, {"Client.php": "<?php\nuse Ding\\DingSDK;\n"
                          "throw new \\LogicException('call DingSDK\\Ding::builder() before send()');\n"})
    findings, _ = scan_tree(tmp_path)
    assert [(f.rule, f.line) for f in findings] == [("PM103", 2)]
