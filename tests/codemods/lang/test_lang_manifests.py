"""Dependency swaps in manifests, only when certain: through ``prelude-migrate rewrite`` on small
packages, and the text edits alone (expected texts written by hand)."""
from __future__ import annotations

import json

import pytest

from codemods.lang.manifests import swap_npm, swap_requirements
from migrate.cli import cli as main
from paths import DATA, ROOT
from rewrite_helpers import cli_runner

V1_TS = ('import { Ding } from "@ding-live/ding";\n\nconst ding = new Ding({ apiKey: process.env.K });\n\n'
         "export async function send(phoneNumber: string) {\n"
         "  return ding.otp.createAuthentication({ customerUuid: process.env.U, phoneNumber });\n}\n")
PACKAGE = '{\n  "name": "web",\n  "dependencies": {\n    "@ding-live/ding": "^0.22.0",\n    "zod": "3.0.0"\n  }\n}\n'


def _package(root, *sources):
    root.mkdir()
    (root / "package.json").write_text(PACKAGE)
    for name, text in sources:
        (root / name).write_text(text)
    return root


def test_package_json_is_swapped_when_every_v1_file_moved_to_the_v2_sdk(tmp_path):
    root = _package(tmp_path / "web", ("otp.ts", V1_TS), ("util.js", "export const x = 1;\n"))
    check = cli_runner().invoke(main, ["rewrite", "--check", str(root)])
    assert check.exit_code == 1 and "would rewrite" in check.stderr and "package.json (json:dependency)" in check.stderr
    assert (root / "package.json").read_text() == PACKAGE  # --check writes nothing
    result = cli_runner().invoke(main, ["rewrite", str(root)])
    assert result.exit_code == 0, result.stderr
    assert (root / "package.json").read_text() == (
        '{\n  "name": "web",\n  "dependencies": {\n    "@prelude.so/sdk": "^0.10.0",\n    "zod": "3.0.0"\n  }\n}\n')
    assert "left " not in result.stderr.replace("left with", "")  # nothing listed by hand any more
    again = cli_runner().invoke(main, ["rewrite", "--check", str(root)])
    assert again.exit_code == 0, again.stderr


def test_package_json_is_kept_and_listed_while_a_file_still_uses_v1(tmp_path):
    still_v1 = 'import { Ding } from "@ding-live/sdk";\nexport const d = Ding;\n'  # the other v1 SDK: not rewritten
    root = _package(tmp_path / "web", ("otp.ts", V1_TS), ("legacy.ts", still_v1))
    result = cli_runner().invoke(main, ["rewrite", str(root)])
    assert result.exit_code == 0, result.stderr
    assert (root / "package.json").read_text() == PACKAGE
    assert "package.json:4: v1 SDK dependency" in result.stderr


def test_a_nested_package_is_its_own(tmp_path):
    root = _package(tmp_path / "web", ("otp.ts", V1_TS))
    inner = root / "inner"
    inner.mkdir()
    (inner / "package.json").write_text('{"dependencies": {"x": "1"}}\n')
    (inner / "old.js").write_text('const { Ding } = require("@ding-live/sdk");\n')
    result = cli_runner().invoke(main, ["rewrite", str(root)])
    assert result.exit_code == 0, result.stderr
    assert '"@prelude.so/sdk": "^0.10.0"' in (root / "package.json").read_text()


def test_requirements_are_swapped_when_the_python_code_moved(tmp_path):
    root = tmp_path / "py"
    root.mkdir()
    (root / "requirements.txt").write_text("requests>=2.31\nding-api-client==3.9.120  # the SDK\n")
    (root / "otp.py").write_text((DATA / "scan" / "v1_repo" / "py" / "otp.py").read_text())
    result = cli_runner().invoke(main, ["rewrite", str(root)])
    assert result.exit_code == 0, result.stderr
    assert "from prelude_python_sdk import Prelude" in (root / "otp.py").read_text()
    assert (root / "requirements.txt").read_text() == "requests>=2.31\nprelude-python-sdk==0.16.0  # the SDK\n"


def test_requirements_keep_their_todo_while_python_code_uses_v1(tmp_path):
    root = tmp_path / "py"
    root.mkdir()
    (root / "requirements.txt").write_text("ding-api-client==3.9.120\n")
    (root / "otp.py").write_text((DATA / "scan" / "v1_repo" / "py" / "otp.py").read_text())
    (root / "wrapper.py").write_text("import ding.models  # re-exported for plugins\n__all__ = ['ding']\n")
    result = cli_runner().invoke(main, ["rewrite", str(root)])
    assert result.exit_code == 0, result.stderr
    assert (root / "requirements.txt").read_text() == (
        "# TODO(prelude-migration): v1 SDK dependency: replace with prelude-python-sdk\nding-api-client==3.9.120\n")


@pytest.mark.parametrize("text", [
    '{"dependencies": {"@ding-live/ding": "1", "@prelude.so/sdk": "0.10.0"}}',  # v2 already there
    '{"dependencies": {"@ding-live/ding": "1"}, "devDependencies": {"@ding-live/sdk": "1"}}',  # two v1 entries
    '{"dependencies": {"@ding-live/ding": "1",}}',  # not JSON
    '{"scripts": {"x": "echo @ding-live/ding"}}',  # no dependency entry
])
def test_npm_swap_only_when_certain(text):
    assert swap_npm(text) is None


def test_npm_swap_keeps_the_rest_of_the_file():
    text = '{"devDependencies":{"a":"1","@ding-live/ding" : "~0.20.1"},"x":[1]}\r\n'
    assert swap_npm(text) == ('{"devDependencies":{"a":"1","@prelude.so/sdk" : "^0.10.0"},"x":[1]}\r\n', [1])


@pytest.mark.parametrize("text,after", [
    ("ding-api-client==3.9.120\n", "prelude-python-sdk==0.16.0\n"),
    ('flask\r\n# TODO(prelude-migration): v1 SDK dependency: replace with prelude-python-sdk\r\n'
     'ding_api_client[extra]>=3,<4 ; python_version >= "3.8"\r\n',
     'flask\r\nprelude-python-sdk==0.16.0 ; python_version >= "3.8"\r\n'),
    ("ding-api-client @ git+https://example.test/ding.git\n", None),  # not a plain requirement
    ("-e ./ding-api-client\n", None),
    ("ding-api-client==3.9.120\nprelude-python-sdk==0.16.0\n", None),
])
def test_requirements_swap(text, after):
    swapped = swap_requirements(text)
    assert (swapped[0] if swapped else None) == after


def test_the_versions_written_are_the_ones_tests_run():
    node = json.loads((ROOT / "tests" / "node" / "package.json").read_text())
    assert node["dependencies"]["@prelude.so/sdk"] == "0.10.0"
    assert '"prelude-python-sdk==0.16.0"' in (ROOT / "pyproject.toml").read_text()
