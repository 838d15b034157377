"""The trigger pre-filter: it must let through every file a rule flags (or the scan would miss
it), and keep libcst away from files that merely mention an SDK."""
from __future__ import annotations

import pytest

import migrate.scan.engine as engine
from migrate.scan.prefilter import MATCHERS, make_matcher
from migrate.scan.rules import RULE_MODULES
from scan_helpers import scan_tree, write_tree

EXAMPLES = [e for module in RULE_MODULES.values() for e in module.EXAMPLES]


@pytest.mark.parametrize("kind", sorted(MATCHERS))
def test_every_flagged_example_passes_the_prefilter(kind):
    matcher = make_matcher(kind)
    for example in EXAMPLES:
        data = example.source.encode("utf-8")
        text_hit, python_hit = matcher.groups(data.lower(), data, example.path.endswith(".py"))
        if example.flagged:
            assert text_hit or python_hit, example


def test_both_matchers_agree_on_every_example():
    matchers = [make_matcher(kind) for kind in MATCHERS]
    for example in EXAMPLES:
        data = example.source.encode("utf-8")
        results = {m.groups(data.lower(), data, True) for m in matchers}
        assert len(results) == 1, (example, results)


def test_prose_that_looks_like_an_import_is_not_parsed(tmp_path, monkeypatch):
    # Files are scanned in worker processes: the spy records each parsed text in a file.
    record = tmp_path.parent / f"{tmp_path.name}-parsed.txt"
    real = engine.python_usages

    def spy(text, **kw):
        with open(record, "a", encoding="utf-8") as fh:
            fh.write(text.split("\n")[0] + "\n")
        return real(text, **kw)

    monkeypatch.setattr(engine, "python_usages", spy)
    write_tree(tmp_path, {
        "metrics.py": "# Returns the id from SDK. None if absent.\nfrom google import sdk_update_checker\n",
        "stub.py": "def lookup(res):\n    return res.lookup_response.found, svc.lookup.lookup(key)\n",
        "real.py": "import ding\nfrom ding.models import components\n",
        "helper.py": "def send(client, req):\n    return client.otp.create_authentication(request=req)\n",
    })
    findings, _ = scan_tree(tmp_path)
    parsed = record.read_text(encoding="utf-8").splitlines() if record.exists() else []
    assert sorted(parsed) == ["def send(client, req):", "import ding"]
    assert [(f.path, f.rule, f.line) for f in findings] == [
        ("helper.py", "PM106", 2), ("real.py", "PM103", 1), ("real.py", "PM103", 2)]


@pytest.mark.parametrize("spelling", ["authentication_uuid", "authenticationUuid", "AuthenticationUUID",
                                      "check_code", "checkCode", "check-code"])
def test_a_file_naming_only_a_v1_check_field_passes_the_prefilter(spelling):
    data = f'const body = {{ "{spelling}": id }};\n'.encode()
    assert make_matcher().groups(data.lower(), data, False)[0]


def test_a_file_naming_only_authentication_uuid_is_scanned_with_its_folders_evidence(tmp_path):
    # The only v1 word of check.ts is authentication_uuid (PM117); the v1 host is in its folder.
    write_tree(tmp_path, {
        "otp/client.ts": 'export const BASE = "https://api.ding.live/v1";\n',
        "otp/check.ts": "export function body(id: string, code: string) {\n"
                        "  return { authentication_uuid: id, code };\n}\n",
        "other/check.ts": "export function body(id: string) {\n  return { authentication_uuid: id };\n}\n",
        "other/code.ts": "export function body(checkCode: string) {\n  return { check_code: checkCode };\n}\n",
    })
    findings, _ = scan_tree(tmp_path)
    flagged = sorted((f.path, f.rule, f.line) for f in findings if f.rule == "PM117")
    # authentication_uuid is v1 by itself (v2 says id); check_code alone needs evidence near it
    assert flagged == [("other/check.ts", "PM117", 2), ("otp/check.ts", "PM117", 2)]


def test_a_standalone_function_naming_only_the_ts_core_class_is_scanned(tmp_path):
    # The generated TS SDK's src/funcs/*.ts name only `DingCore` and their v1 path: without the
    # core class among the pre-filter's tokens such a file is never read.
    write_tree(tmp_path, {
        "package.json": '{\n  "name": "@ding-live/ding",\n  "version": "0.21.0"\n}\n',
        "src/funcs/otpResend.ts": 'import { DingCore } from "../core.js";\nimport { pathToFunc } from "../lib/url.js";\n\n'
                                  "export async function send(client: DingCore) {\n"
                                  '  return client._post(pathToFunc("/retry")());\n}\n',
    })
    data = (tmp_path / "src/funcs/otpResend.ts").read_bytes()
    assert make_matcher().groups(data.lower(), data, False)[0]
    findings, _ = scan_tree(tmp_path)
    assert [(f.path, f.rule, f.line) for f in findings] == [("src/funcs/otpResend.ts", "PM114", 5)]
