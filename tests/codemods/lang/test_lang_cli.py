"""``prelude-migrate rewrite`` on non-Python files: dispatched to codemods.lang, the same CLI
contract as Python (--diff, --check, atomic writes keeping line endings, BOM and mode), and a
summary that says what it did per language."""
from __future__ import annotations

import os
import stat

from migrate.cli import cli as main
from rewrite_helpers import cli_runner


def _tree(tmp_path):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "notify.ts").write_bytes(b'export const URL = "https://api.ding.live/v2/notify";\r\n')
    (tmp_path / "k8s.yaml").write_bytes(b"\xef\xbb\xbfenv:\n  - value: https://api.ding.live/v2/notify\n")
    (tmp_path / "notes.json").write_text('{"a": 1}\n')
    (tmp_path / "broken.go").write_text('package p\nfunc f( {\nvar u = "https://api.ding.live/v2"\n')
    return tmp_path


def test_check_and_diff_write_nothing(tmp_path):
    root = _tree(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    check = cli_runner().invoke(main, ["rewrite", "--check", str(root)])
    assert check.exit_code == 2  # broken.go could not be processed; the others still were
    assert "would rewrite" in check.stderr and "notify.ts" in check.stderr
    assert "broken.go: cannot parse as go" in check.stderr
    diff = cli_runner().invoke(main, ["rewrite", "--diff", str(root / "web"), str(root / "k8s.yaml")])
    assert diff.exit_code == 1
    assert '+export const URL = "https://api.prelude.dev/v2/notify";' in diff.stdout
    assert "+  - value: https://api.prelude.dev/v2/notify" in diff.stdout
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_write_keeps_line_endings_bom_and_mode(tmp_path):
    root = _tree(tmp_path)
    ts = root / "web" / "notify.ts"
    os.chmod(ts, 0o640)
    result = cli_runner().invoke(main, ["rewrite", str(root / "web"), str(root / "k8s.yaml")])
    assert result.exit_code == 0, result.stderr
    assert ts.read_bytes() == b'export const URL = "https://api.prelude.dev/v2/notify";\r\n'
    assert stat.S_IMODE(os.stat(ts).st_mode) == 0o640
    assert (root / "k8s.yaml").read_bytes() == b"\xef\xbb\xbfenv:\n  - value: https://api.prelude.dev/v2/notify\n"
    assert "2 files scanned (1 typescript, 1 yaml), 2 changed" in result.stderr
    again = cli_runner().invoke(main, ["rewrite", "--check", str(root / "web"), str(root / "k8s.yaml")])
    assert again.exit_code == 0 and "0 would change" in again.stderr


def test_an_explicit_non_python_file_is_counted(tmp_path):
    path = tmp_path / "server.go"
    path.write_text('package p\n\nvar u = "https://example.test"\n')
    result = cli_runner().invoke(main, ["rewrite", "--diff", str(path)])
    assert result.exit_code == 0
    assert "1 file scanned (1 go), 0 would change" in result.stderr


def test_stdin_is_rewritten_as_the_language_of_its_name():
    result = cli_runner().invoke(main, ["rewrite", "-", "--stdin-filename", "web/notify.ts"],
                                 input='export const u = "https://api.ding.live/v2/notify";\n')
    assert result.exit_code == 0, result.stderr
    assert result.stdout == 'export const u = "https://api.prelude.dev/v2/notify";\n'


V1_SDK_TS = ('import { Ding } from "@ding-live/ding";\n\nconst ding = new Ding({ apiKey: process.env.K });\n\n'
             "export async function send(phoneNumber: string) {\n"
             "  return ding.otp.createAuthentication({ customerUuid: process.env.U, phoneNumber });\n}\n")
K8S = "env:\n  - name: NOTIFY_URL\n    value: https://api.ding.live/v2/notify\n  - name: BASE\n    value: https://api.ding.live/v1\n"
PACKAGE = '{"dependencies": {"@ding-live/ding": "^0.22.0"}}\n'
PY_LEGACY = 'URL = "https://api.ding.live/v2/notify"\n'


def _selection_tree(root):
    (root / "web").mkdir(parents=True)
    (root / "web" / "otp.ts").write_text(V1_SDK_TS)
    (root / "web" / "package.json").write_text(PACKAGE)
    (root / "k8s.yaml").write_text(K8S)
    (root / "app.py").write_text(PY_LEGACY)
    return root


def test_only_and_skip_select_the_other_languages_rewriters(tmp_path):
    root = _selection_tree(tmp_path / "a")
    result = cli_runner().invoke(main, ["rewrite", "--only", "lang-hosts", str(root)])
    assert result.exit_code == 0, result.stderr
    assert (root / "k8s.yaml").read_text() == K8S.replace("api.ding.live/v2", "api.prelude.dev/v2")  # no TODO
    assert (root / "web" / "otp.ts").read_text() == V1_SDK_TS
    assert (root / "web" / "package.json").read_text() == PACKAGE
    assert (root / "app.py").read_text() == PY_LEGACY  # Python's `hosts` codemod was not selected

    root = _selection_tree(tmp_path / "b")
    result = cli_runner().invoke(main, ["rewrite", "--skip", "lang-todos,manifests", str(root)])
    assert result.exit_code == 0, result.stderr
    ts = (root / "web" / "otp.ts").read_text()
    assert 'import Prelude from "@prelude.so/sdk";' in ts and "ding.verification.create(" in ts
    assert "api.ding.live/v1" in (root / "k8s.yaml").read_text()
    assert "TODO" not in (root / "k8s.yaml").read_text()  # the v1 base URL is left unmarked
    assert (root / "web" / "package.json").read_text() == PACKAGE
    assert (root / "app.py").read_text() == PY_LEGACY.replace("api.ding.live", "api.prelude.dev")

    root = _selection_tree(tmp_path / "c")
    result = cli_runner().invoke(main, ["rewrite", "--only", "js-sdk", "--only", "manifests", str(root)])
    assert result.exit_code == 0, result.stderr
    assert (root / "web" / "package.json").read_text() == '{"dependencies": {"@prelude.so/sdk": "^0.10.0"}}\n'
    assert (root / "k8s.yaml").read_text() == K8S


def test_the_other_languages_rewriters_are_listed_and_checked():
    listed = cli_runner().invoke(main, ["rewrite", "--list-codemods"])
    names = [line.split("\t")[0] for line in listed.stdout.splitlines()]
    assert {"hosts", "lang-hosts", "js-raw-http", "js-sdk", "lang-todos", "manifests"} <= set(names)
    assert "js-sdk" in cli_runner().invoke(main, ["rewrite", "--help"]).stdout
    bad = cli_runner().invoke(main, ["rewrite", "--only", "js-fetch", "."])
    assert bad.exit_code == 2 and "unknown codemod 'js-fetch'" in bad.stderr and "js-raw-http" in bad.stderr


def test_yaml_second_entry_marked_once_and_a_second_run_adds_nothing(tmp_path):
    path = tmp_path / "deploy.yaml"
    path.write_text("env:\n  - name: NOTIFY_URL\n    value: https://api.ding.live/v2/notify\n"
                    "  - name: OTP_URL\n    value: https://api.ding.live/v1/authentication\n")
    assert cli_runner().invoke(main, ["rewrite", str(path)]).exit_code == 0
    once = path.read_text()
    assert once.count("TODO(prelude-migration)") == 1
    assert once.splitlines()[3].startswith("  # TODO(prelude-migration)") and once.splitlines()[4] == "  - name: OTP_URL"
    again = cli_runner().invoke(main, ["rewrite", "--check", str(path)])
    assert again.exit_code == 0, again.stderr
