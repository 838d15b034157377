"""The second pass (files that name something of the repository index) reuses the first pass's
libcst analysis of a Python file: each Python file is analysed once, and the findings are the
same as when it is analysed again."""
from __future__ import annotations

import pytest

from migrate.scan import engine
from scan_helpers import run_cli, scan_tree, write_tree

WRAPPER = ('import requests\n\nBASE = "https://api.ding.live/v1"\n\n\n'
           "class DingGateway:\n"
           "    def start(self, phone):\n"
           '        return requests.post(f"{BASE}/authentication", json={"phone_number": phone})\n')
APP = ("from gateway import DingGateway\n\n"
       "import ding\n\n"
       "gateway = DingGateway()\n\n\n"
       "def login(phone):\n"
       "    client = ding.Ding(api_key='fake-key', customer_uuid='fake-uuid')\n"
       "    return gateway.start(phone)\n")


def _findings(tmp_path):
    findings, _summary = scan_tree(tmp_path)
    return sorted((f.path, f.rule, f.line, f.column) for f in findings)


def test_each_python_file_is_analysed_once_and_the_findings_do_not_change(tmp_path, monkeypatch):
    write_tree(tmp_path, {"gateway.py": WRAPPER, "app.py": APP})
    log = tmp_path.parent / f"{tmp_path.name}-analyses.log"
    real = engine.python_usages

    def counted(text, **kw):
        with open(log, "a", encoding="utf-8") as fh:  # the workers are forked: count in a file
            fh.write(text.splitlines()[0] + "\n")
        return real(text, **kw)

    monkeypatch.setattr(engine, "python_usages", counted)
    once = _findings(tmp_path)
    analysed = log.read_text(encoding="utf-8").splitlines()
    assert sorted(analysed) == sorted([WRAPPER.splitlines()[0], APP.splitlines()[0]])
    assert ("app.py", "PM105", 9, 14) in once  # the first pass's libcst finding survives the second

    monkeypatch.setattr(engine.ScanOptions, "known_usages", None, raising=False)
    monkeypatch.setattr(engine, "python_usages", real)
    assert _findings(tmp_path) == once


WRAPPER_JS = ('const BASE = "https://api.ding.live/v1";\n'
              "export class DingClient {\n"
              "  async send(phone) { return fetch(`${BASE}/authentication`, { method: 'POST' }); }\n"
              "}\n")
APP_JS = ('import { DingClient } from "./ding";\n'
          "const client = new DingClient();\n"
          "export const start = (phone) => client.send(phone);\n")
UNRELATED_JS = ("// a socket library: names the same words, imports nothing of the wrapper\n"
                "export class DingClient2 {}\n"
                "export function send(socket, data) { return socket.send(data); }\n")


def test_the_second_pass_skips_files_that_only_name_an_index_word(tmp_path, monkeypatch):
    write_tree(tmp_path, {"lib/ding.js": WRAPPER_JS, "lib/app.js": APP_JS, "vendor/socket.js": UNRELATED_JS})
    log = tmp_path.parent / f"{tmp_path.name}-hits.log"
    real = engine.FileScanner._hits

    def counted(self, ctx, *args):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{ctx.path} {'second' if self.index is not None else 'first'}\n")
        return real(self, ctx, *args)

    monkeypatch.setattr(engine.FileScanner, "_hits", counted)
    found = _findings(tmp_path)
    second = sorted(line.split()[0] for line in log.read_text(encoding="utf-8").splitlines()
                    if line.endswith(" second"))
    assert "vendor/socket.js" not in " ".join(second)
    assert any(path.endswith("lib/app.js") for path in second)
    assert any(p == "lib/app.js" and rule == "PM116" for p, rule, _l, _c in found)
    assert not any(p == "vendor/socket.js" for p, *_ in found)


# A Go package of a v1 client that names nothing of v1 but its status words: no pre-filter token.
VERDICT_GO = ('package verdict\n\ntype Result string\n\nconst (\n'
              '\tResultValid   Result = "valid"\n'
              '\tResultExpiredAuth Result = "expired_auth"\n)\n\n'
              'func Known(s string) bool {\n\tswitch s {\n\tcase "valid", "expired_auth":\n\t\treturn true\n\t}\n'
              '\treturn false\n}\n')


def _go_client(module_path):
    return ('package otpclient\n\nimport (\n\t"net/http"\n\n\t"%s/pkg/verdict"\n)\n\n'
            'const base = "https://api.ding.live/v1"\n\n'
            'func Check(c *http.Client) verdict.Result { return verdict.ResultValid }\n' % module_path)


def test_a_go_package_that_v1_code_imports_from_dings_organisation_is_read_past_the_prefilter(tmp_path):
    write_tree(tmp_path, {"client.go": _go_client("github.com/ding-live/otp-client/v2"),
                          "pkg/verdict/verdict.go": VERDICT_GO,
                          "pkg/other/verdict.go": VERDICT_GO.replace("package verdict", "package other")})
    found = _findings(tmp_path)
    assert sorted({line for path, rule, line, _ in found if path == "pkg/verdict/verdict.go" and rule == "PM115"}) == [6, 7, 12]
    assert not [f for f in found if f[0] == "pkg/other/verdict.go"]  # a folder nothing imports


def test_a_go_package_is_matched_by_its_whole_import_path_not_its_ending(tmp_path):
    """The app imports ``github.com/ding-live/otp-client/v2/pkg/verdict``: that module's folder is v1
    code (vendored, or the module's own tree); the same ending under the app's own module or
    another vendored SDK is not."""
    app_mod = "module example.test/shop\n\ngo 1.22\n\nrequire github.com/ding-live/otp-client/v2 v2.0.0\n"
    write_tree(tmp_path, {"go.mod": app_mod, "client.go": _go_client("github.com/ding-live/otp-client/v2"),
                          "vendor/github.com/ding-live/otp-client/v2/pkg/verdict/verdict.go": VERDICT_GO,
                          "vendor/github.com/acme/pay/pkg/verdict/verdict.go": VERDICT_GO,
                          "internal/k8s/pkg/verdict/verdict.go": VERDICT_GO,
                          "pkg/verdict/verdict.go": VERDICT_GO})  # the app's own module: not the imported one
    found = {path for path, rule, _, _ in _findings(tmp_path) if rule == "PM115"}
    assert found == {"vendor/github.com/ding-live/otp-client/v2/pkg/verdict/verdict.go"}


def test_the_imported_modules_own_tree_is_v1_code(tmp_path):
    write_tree(tmp_path, {"go.mod": "module github.com/ding-live/otp-client/v2\n\ngo 1.22\n",
                          "cmd/demo/main.go": _go_client("github.com/ding-live/otp-client/v2"),
                          "pkg/verdict/verdict.go": VERDICT_GO,
                          "tools/x/pkg/verdict/verdict.go": VERDICT_GO})
    found = {path for path, rule, _, _ in _findings(tmp_path) if rule == "PM115"}
    assert found == {"pkg/verdict/verdict.go"}


def test_files_left_past_the_read_cap_are_counted_and_said(tmp_path, monkeypatch):
    import migrate.scan

    write_tree(tmp_path, {"client.go": _go_client("github.com/ding-live/otp-client/v2"),
                          "pkg/verdict/a.go": VERDICT_GO, "pkg/verdict/b.go": VERDICT_GO, "pkg/verdict/c.go": VERDICT_GO})
    monkeypatch.setattr(migrate.scan, "MAX_UNREAD_V1_FILES", 1)
    findings, summary = scan_tree(tmp_path)
    assert summary.files_over_v1_read_cap == 2
    assert len({f.path for f in findings if f.rule == "PM115"}) == 1
    result = run_cli(["."], tmp_path)
    assert "2 file(s) in v1 code folders without a pre-filter token were not read" in result.stderr


def test_the_same_package_imported_from_another_organisation_stays_unread(tmp_path):
    write_tree(tmp_path, {"client.go": _go_client("github.com/acme/otp-client"), "pkg/verdict/verdict.go": VERDICT_GO})
    found = _findings(tmp_path)
    assert ("client.go", "PM101") in {(p, r) for p, r, _, _ in found}
    assert not [f for f in found if f[0] == "pkg/verdict/verdict.go"]


# A generated status enum of the v1 TypeScript / Python SDK: only its values, no pre-filter token.
CHECK_STATUS_TS = ('export const CheckStatus = {\n  Valid: "valid",\n  Invalid: "invalid",\n'
                   '  RateLimited: "rate_limited",\n} as const;\nexport type CheckStatus = (typeof CheckStatus)[keyof typeof CheckStatus];\n')
CHECK_STATUS_PY = ("from enum import Enum\n\n\nclass CheckStatus(str, Enum):\n"
                   "    VALID = 'valid'\n    WITHOUT_ATTEMPT = 'without_attempt'\n")


@pytest.mark.parametrize("manifest", ["package.json", "jsr.json"])
def test_files_of_a_v1_sdks_own_tree_are_read_past_the_prefilter(tmp_path, manifest):
    write_tree(tmp_path, {"sdk/" + manifest: '{\n  "name": "@ding-live/ding",\n  "version": "0.0.1"\n}\n',
                          "sdk/src/models/components/checkstatus.ts": CHECK_STATUS_TS,
                          "app/src/status.ts": CHECK_STATUS_TS})  # beside the SDK, not in it
    found = _findings(tmp_path)
    assert sorted(line for path, rule, line, _ in found if path == "sdk/src/models/components/checkstatus.ts") == [2, 3, 4]
    assert not [f for f in found if f[0].startswith("app/")]


def test_modules_of_the_v1_python_package_are_read_past_the_prefilter(tmp_path):
    write_tree(tmp_path, {"src/ding/models/components/checkstatus.py": CHECK_STATUS_PY,
                          "src/ding/otp.py": "from ding import utils\nfrom ding.models import components\n\nX = utils.X\n",
                          "src/ding/models/components/createcheck.py":
                              "from ding import utils\n\n\nclass CreateCheckRequest:\n    authentication_uuid: str\n",
                          "tools/checkstatus.py": CHECK_STATUS_PY})  # outside the package
    found = _findings(tmp_path)
    assert sorted(line for path, rule, line, _ in found if path == "src/ding/models/components/checkstatus.py") == [5, 6]
    assert not [f for f in found if f[0].startswith("tools/")]


LOOKUP_WRAPPER_PY = ('import requests\n\nBASE = "https://api.ding.live/v1"\n\n\n'
                     "def lookup(phone):\n    return requests.get(f\"{BASE}/lookup/{phone}\").json()\n")


def test_a_python_import_must_name_the_wrappers_module_not_a_module_of_the_same_name(tmp_path):
    write_tree(tmp_path, {
        "billing/lookup.py": LOOKUP_WRAPPER_PY,
        "billing/views.py": "from billing import lookup\n\n\ndef show(p):\n    return lookup.lookup(p)\n",
        "billing/near.py": "from . import lookup\n\n\ndef show(p):\n    return lookup.lookup(p)\n",
        # another package's own ``lookup`` module (webencodings has one): not the v1 wrapper
        "codecs_x/lookup.py": "def lookup(label):\n    return label.lower()\n",
        "codecs_x/tests.py": "from . import lookup\n\n\ndef test_it():\n    assert lookup.lookup('UTF-8') == 'utf-8'\n",
        "other/tests.py": "from codecs_x import lookup\n\nlookup.lookup('x')\n",
    })
    calls = {(path, line) for path, rule, line, _ in _findings(tmp_path) if rule == "PM116"}
    assert ("billing/views.py", 5) in calls and ("billing/near.py", 5) in calls
    assert not {c for c in calls if c[0].startswith(("codecs_x/", "other/"))}


def test_a_bare_import_names_the_module_beside_the_script_only(tmp_path):
    """``import lookup`` is a top-level module: the wrapper ``billing/lookup.py`` for a script in
    ``billing/``, not for one in ``tools/`` (whose own folder has no ``lookup.py``)."""
    write_tree(tmp_path, {
        "billing/lookup.py": LOOKUP_WRAPPER_PY,
        "billing/run.py": "import lookup\n\nlookup.lookup('+1555')\n",
        "tools/run.py": "import lookup\n\nlookup.lookup('x')\n",
        "tools/names.py": "from lookup import lookup\n\nlookup('x')\n",
    })
    calls = {(path, line) for path, rule, line, _ in _findings(tmp_path) if rule == "PM116"}
    assert ("billing/run.py", 3) in calls
    assert not {c for c in calls if c[0].startswith("tools/")}



# The Stainless v1 prototype under Prelude's name: a resource declared with its v1 path and the v1
# body (the customer UUID) marks the SDK's tree, whose models name nothing of v1 but a field and
# their statuses. The same resource without the v1 body is any service's.
PROTOTYPE_TREES = {
    "ruby": {
        "lib/acme/resources/retry.rb": ("module Acme\n  module Resources\n    class Retry\n"
                                        "      # @option params [String] :authentication_uuid\n"
                                        "      # @option params [String] :customer_uuid\n      def create(params = {}, opts = {})\n"
                                        '        @client.request({method: :post, path: "/retry", body: params}, opts)\n'
                                        "      end\n    end\n  end\nend\n"),
        "lib/acme/models/retry_create_response.rb": ("module Acme\n  module Models\n    class RetryCreateResponse < Acme::BaseModel\n"
                                                     "      optional :authentication_uuid, String\n"
                                                     "      class Status < Acme::Enum\n        APPROVED = :approved\n"
                                                     "        DENIED = :denied\n      end\n    end\n  end\nend\n"),
    },
    "python": {
        "src/acme/resources/retry.py": ("from .._resource import SyncAPIResource\n\n\nclass RetryResource(SyncAPIResource):\n"
                                        "    def create(self, *, authentication_uuid: str, customer_uuid: str):\n"
                                        "        return self._post(\"/retry\", body={\"authentication_uuid\": authentication_uuid})\n"),
        "src/acme/types/retry_create_response.py": ("from typing import Literal, Optional\n\nfrom .._models import BaseModel\n\n\n"
                                                    "class RetryCreateResponse(BaseModel):\n    authentication_uuid: Optional[str] = None\n"
                                                    "    status: Optional[Literal[\"approved\", \"denied\"]] = None\n"),
    },
    "typescript": {
        "src/resources/retry.ts": ("import { APIResource } from 'acme/resource';\n\nexport class Retry extends APIResource {\n"
                                   "  create(body: RetryCreateParams) { return this._client.post('/retry', { body }); }\n}\n"
                                   "export interface RetryCreateParams { customer_uuid: string; authentication_uuid: string }\n"),
        "src/models/status.ts": "export type RetryStatus = 'approved' | 'denied';\n",
    },
    "go": {
        "retry.go": ('package acme\n\nfunc (r *RetryService) New(ctx context.Context, body RetryNewParams) error {\n'
                     '\tpath := "retry"\n\treturn do(ctx, path, body)\n}\n\n'
                     'type RetryNewParams struct {\n\tCustomerUuid string `json:"customer_uuid"`\n}\n'),
        "status.go": 'package acme\n\ntype RetryStatus string\n\nconst (\n\tRetryStatusApproved RetryStatus = "approved"\n'
                     '\tRetryStatusDenied RetryStatus = "denied"\n)\n',
    },
}
PROTOTYPE_LINES = {"ruby": ("lib/acme/models/retry_create_response.rb", [4, 6, 7]),
                   "python": ("src/acme/types/retry_create_response.py", [7, 8]),
                   "typescript": ("src/models/status.ts", [1]),
                   "go": ("status.go", [6, 7])}
_DROP_ANCHOR = {"customer_uuid: str": "phone: str", "# @option params [String] :customer_uuid\n": "",
                " customer_uuid: string;": "", "CustomerUuid string `json:\"customer_uuid\"`": "Phone string"}


def _without_anchor(tree):
    out = {}
    for path, text in tree.items():
        for old, new in _DROP_ANCHOR.items():
            text = text.replace(old, new)
        out[path] = text
    return out


@pytest.mark.parametrize("language", sorted(PROTOTYPE_TREES))
def test_the_tree_of_a_prototype_sdk_resource_is_v1_code(tmp_path, language):
    write_tree(tmp_path, PROTOTYPE_TREES[language])
    model, lines = PROTOTYPE_LINES[language]
    found = _findings(tmp_path)
    assert sorted({line for path, _, line, _ in found if path == model}) == lines


@pytest.mark.parametrize("language", sorted(PROTOTYPE_TREES))
def test_a_resource_of_that_name_without_the_v1_body_marks_nothing(tmp_path, language):
    """Another vendor's Stainless SDK, a Rails model, a Go service: a class Authentication /
    Check / Retry posting to /check is not v1 by itself."""
    write_tree(tmp_path, _without_anchor(PROTOTYPE_TREES[language]))
    model, _ = PROTOTYPE_LINES[language]
    # its statuses are any enum's (an authentication_uuid field, v1 by itself, is still reported)
    assert not [f for f in _findings(tmp_path) if f[0] == model and f[1] != "PM117"]


def test_a_rails_model_named_authentication_marks_nothing(tmp_path):
    write_tree(tmp_path, {
        "app/models/authentication.rb": ("# OmniAuth identity resource\nclass Authentication\n  def self.from(auth)\n"
                                         '    Authentication.create(provider: auth["provider"], kind: "authentication")\n  end\nend\n'),
        "app/models/order.rb": 'class Order\n  def paid?\n    status == "approved"\n  end\nend\n',
    })
    assert _findings(tmp_path) == []


def test_a_v2_resource_of_the_same_shape_marks_nothing(tmp_path):
    write_tree(tmp_path, {
        "src/resources/lookup.ts": ("import { APIResource } from 'acme/resource';\n\nexport class Lookup extends APIResource {\n"
                                    "  lookup(phone: string) { return this._client.get(`/v2/lookup/${phone}`); }\n}\n"),
        "src/resources/verification.ts": ("import { APIResource } from 'acme/resource';\n\nexport class Verification extends APIResource {\n"
                                          "  check(body: P) { return this._client.post('/v2/verification/check', { body }); }\n}\n"),
        "src/models/status.ts": "export type Status = 'approved' | 'denied';\nexport const retry = { id: 'x' };\n",
    })
    assert _findings(tmp_path) == []


# Files declared in a v1 SDK's namespace (no manifest in the tree): the SDK's own code, and the
# folder's files with no pre-filter token (a status enum) are read too.
@pytest.mark.parametrize("namespace", ["ding\\sdk\\Models\\Shared", "Ding\\DingSDK\\Models\\Shared"])
def test_files_declared_in_a_v1_sdk_namespace_are_its_code(tmp_path, namespace):
    write_tree(tmp_path, {
        "src/Models/Shared/CreateCheckResponse.php": (f"<?php\n\nnamespace {namespace};\n\nclass CreateCheckResponse\n{{\n"
                                                      "    #[SerializedName('authentication_uuid')]\n"
                                                      "    public ?string $authenticationUuid = null;\n}}\n"),
        "src/Models/Shared/CheckOutcome.php": (f"<?php\n\nnamespace {namespace};\n\nenum CheckOutcome: string\n{{\n"
                                               "    case Valid = 'valid';\n    case ExpiredAuth = 'expired_auth';\n}}\n"),
        "app/Outcome.php": "<?php\n\nnamespace App;\n\nenum Outcome: string\n{\n    case Valid = 'valid';\n}\n",
    })
    found = _findings(tmp_path)
    assert sorted({(path, line) for path, _, line, _ in found}) == [
        ("src/Models/Shared/CheckOutcome.php", 7), ("src/Models/Shared/CheckOutcome.php", 8),
        ("src/Models/Shared/CreateCheckResponse.php", 7), ("src/Models/Shared/CreateCheckResponse.php", 8)]


def test_a_sorbet_interface_file_is_ruby(tmp_path):
    write_tree(tmp_path, {"lib/ding_sdk/models/operations/status_request.rbi":
                          "# typed: true\nclass DingSDK::Models::Operations::GetAuthenticationStatusRequest\n"
                          "  def auth_uuid(); end\nend\n"})
    assert [(p, line) for p, _, line, _ in _findings(tmp_path)] == [("lib/ding_sdk/models/operations/status_request.rbi", 3)]


def test_the_sdks_own_configuration_accessors_are_no_client_call(tmp_path):
    write_tree(tmp_path, {
        "setup.py": "from setuptools import setup\n\nsetup(name='ding-api-client', version='1.1.0')\n",
        "src/sdk/sdkconfiguration.py": ('SERVERS = ["https://api.ding.live/v1"]\n\n\nclass SDKConfiguration:\n'
                                        "    def get_server_details(self):\n        return SERVERS[0], {}\n\n"
                                        "    def send_code(self, phone):\n        return phone\n"),
        "src/sdk/otp.py": ("from sdk.sdkconfiguration import SDKConfiguration\n\n\nclass Otp:\n"
                           "    def check(self, request):\n"
                           "        base_url, _ = self.sdk_configuration.get_server_details()\n"
                           "        return self.sdk_configuration.send_code(request)\n"),
    })
    calls = {(path, line) for path, rule, line, _ in _findings(tmp_path) if rule == "PM116"}
    assert ("src/sdk/otp.py", 6) not in calls


def test_authentication_uuid_alone_is_v1_only_in_a_repository_with_v1_evidence(tmp_path):
    model = "from dataclasses import dataclass\n\n\n@dataclass\nclass Pending:\n    authentication_uuid: str\n"
    write_tree(tmp_path / "plain", {"models/pending.py": model})
    write_tree(tmp_path / "v1", {"models/pending.py": model,
                                 "client/otp.py": 'BASE = "https://api.ding.live/v1"\n'})
    assert _findings(tmp_path / "plain") == []
    assert ("models/pending.py", "PM117", 6) in {(p, rule, line) for p, rule, line, _ in _findings(tmp_path / "v1")}
