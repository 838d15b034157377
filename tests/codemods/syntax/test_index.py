"""Repository evidence: a v1 wrapper defined in one file is found where another file uses it."""
from codemods.syntax import usages
from codemods.syntax.index import RepoIndex, file_facts

WRAPPER_JS = ('const BASE = "https://api.ding.live/v1";\n'
              "export default class DingClient {\n"
              "  constructor(customerUuid, token) { this.c = customerUuid; }\n"
              "  async authenticate(phone) { return post(`${BASE}/authentication`, { phone }); }\n"
              "  async check(id, code) { return post(`${BASE}/check`, { id, code }); }\n"
              "}\n")
APP_JS = ('import DingClient from "../lib/ding";\n'
          "const client = new DingClient(process.env.UUID, process.env.TOKEN);\n"
          "export async function verify(id, code) {\n"
          "  const r = await client.check(id, code);\n"
          '  return r.status === "valid";\n'
          "}\n")
OTHER_JS = ("import { check } from './validators';\nexport const ok = (x) => x.check(1);\n")

WRAPPER_GO = ('package dingclient\n\nconst baseURL = "https://api.ding.live/v1"\n\n'
              "type Client struct{ key string }\n\nfunc NewClient(key string) *Client { return &Client{key} }\n\n"
              "func (c *Client) Check(id, code string) error { return nil }\n")
APP_GO = ('package main\n\nimport "example.test/app/dingclient"\n\n'
          'func main() {\n\tc := dingclient.NewClient("k")\n\t_ = c.Check("a", "1")\n}\n')
V2_GO = ('package main\n\nimport "github.com/prelude-so/go-sdk"\n\nfunc main() { _ = prelude.NewClient() }\n')


def _index(files):
    return RepoIndex.build(file_facts(path, lang, text) for path, (lang, text) in files.items())


def test_js_wrapper_calls_in_another_file():
    files = {"lib/ding.js": ("javascript", WRAPPER_JS), "app/verify.js": ("javascript", APP_JS),
             "app/other.js": ("javascript", OTHER_JS)}
    index = _index(files)
    assert index.any_evidence and "DingClient" in index.names() and "BASE" in index.base_constants
    found = [(u.kind, u.line) for u in usages("javascript", APP_JS, path="app/verify.js", index=index)]
    assert ("v1-client-call", 2) in found and ("v1-client-call", 4) in found and ("v1-status", 5) in found
    assert usages("javascript", OTHER_JS, path="app/other.js", index=index) == []
    # without the index the app file shows nothing: the evidence is in the other file
    assert usages("javascript", APP_JS, path="app/verify.js") == []


def test_go_package_calls():
    files = {"dingclient/client.go": ("go", WRAPPER_GO), "main.go": ("go", APP_GO), "v2/main.go": ("go", V2_GO)}
    index = _index(files)
    found = [(u.kind, u.line, u.detail) for u in usages("go", APP_GO, path="main.go", index=index)]
    assert ("v1-client-call", 6, "dingclient") in found and ("v1-client-call", 7, "Check") in found
    assert usages("go", V2_GO, path="v2/main.go", index=index) == []


def test_v1_sdk_repository_marks_its_own_security_metadata():
    gomod = "module github.com/ding-live/ding-golang\n\ngo 1.20\n"
    security = ('package components\n\ntype Security struct {\n'
                '\tAPIKey string `security:"scheme,type=apiKey,subtype=header,name=x-api-key"`\n}\n')
    index = _index({"go.mod": ("text", gomod), "models/components/security.go": ("go", security)})
    assert index.v1_sdk_repo
    found = [(u.kind, u.line) for u in usages("go", security, path="models/components/security.go", index=index)]
    assert found == [("api-key-header", 4)]
    assert usages("go", security, path="models/components/security.go") == []


CONFIG_TS = "export const baseUrl = 'https://api.ding.live/v1'\n"
CLIENT_TS = ('import { check } from "./check";\n'
             "class Client {\n"
             "    constructor(customerUuid: string, apiToken: string) { this.customerUuid = customerUuid; }\n"
             "    async check(authUuid: string, code: string) {\n"
             "        return check(this.apiToken, this.customerUuid, authUuid, code);\n"
             "    }\n"
             "}\n"
             "export { Client as default };\n")
EXAMPLE_TS = ('import Ding from "../src";\n'
              "const client = new Ding(process.env.UUID || '', process.env.TOKEN || '');\n"
              "client.check(process.env.AUTH || '', '1234').then(console.debug);\n")


def test_js_default_import_of_a_folder_binds_the_wrapper_under_any_name():
    # the client has no host of its own: its folder does (config.ts), and it names customerUuid
    files = {"./src/config.ts": ("typescript", CONFIG_TS), "./src/index.ts": ("typescript", CLIENT_TS),
             "./examples/check.ts": ("typescript", EXAMPLE_TS)}
    index = _index(files)
    assert index.wrappers["Client"][0] == "./src/index.ts"
    found = [(u.kind, u.line, u.text) for u in usages("typescript", EXAMPLE_TS, path="./examples/check.ts",
                                                      index=index) if u.kind == "v1-client-call"]
    assert found == [("v1-client-call", 2, "Ding"), ("v1-client-call", 3, "check")]
    # the wrapper's own method definition is not a call of it
    own = [(u.kind, u.line) for u in usages("typescript", CLIENT_TS, path="./src/index.ts", index=index)
           if u.kind == "v1-client-call"]
    assert ("v1-client-call", 4) not in own


def test_a_wrapper_needs_v1_evidence_next_to_it():
    # the same client in a repository without the v1 base URL wraps nothing
    index = _index({"./src/index.ts": ("typescript", CLIENT_TS), "./examples/check.ts": ("typescript", EXAMPLE_TS)})
    assert "Client" not in index.wrappers
    assert [u for u in usages("typescript", EXAMPLE_TS, path="./examples/check.ts", index=index)
            if u.kind == "v1-client-call"] == []


def test_a_v1_body_model_is_evidence_for_its_folder():
    model = ("class CreateCheckRequest:\n    customer_uuid: str\n    authentication_uuid: str\n"
             "    check_code: str\n")
    security = "SECURITY = {'type': 'apiKey', 'field_name': 'x-api-key'}\n"
    index = _index({"src/models.py": ("python", model), "src/security.py": ("python", security),
                    "other/security.py": ("python", security)})
    assert index.any_evidence and index.folder_has_evidence("src")
    assert [(u.kind, u.line) for u in usages("python", security, path="src/security.py", index=index)] == [
        ("api-key-header", 1)]
    assert usages("python", security, path="other/security.py", index=index) == []


def test_a_class_declared_in_two_files_of_one_package_is_not_a_call_of_the_other():
    # Two runnable samples in one JVM folder, each with its own `Main` class on the v1 SDK: the
    # index sees `Main` declared next to v1 evidence, but a declaration is not a call.
    first = ("import live.ding.dingSdk.Ding;\n\nfinal class Main {\n"
             "    static void run() { Ding sdk = Ding.builder().build(); }\n}\n")
    second = ("import live.ding.dingSdk.Ding;\n\nfinal class Main {\n"
              "    static void other() { Main.run(); }\n}\n")
    index = _index({"samples/First.java": ("java", first), "samples/Second.java": ("java", second)})
    found = [(u.kind, u.line) for u in usages("java", second, path="samples/Second.java", index=index)]
    assert ("v1-client-call", 3) not in found
    assert ("v1-client-call", 4) in found  # Main.run() is a call of the other file's class


def test_a_module_deep_inside_the_v1_python_package_has_its_evidence():
    # The v1 SDK's own modules: ding/otp.py shows the SDK; ding/models/shared/answer.py only
    # imports `from ding import utils`, which is no evidence by itself.
    otp = "from ding.models import operations\n\nclass Otp:\n    pass\n"
    answer = ("from enum import Enum\nfrom ding import utils\n\n\nclass Answer(str, Enum):\n"
              "    APPROVED = 'approved'\n    DENIED = 'denied'\n")
    index = _index({"lib/ding/otp.py": ("python", otp), "lib/ding/models/shared/answer.py": ("python", answer)})
    found = [(u.kind, u.line) for u in usages("python", answer, path="lib/ding/models/shared/answer.py", index=index)]
    assert found == [("sdk-self-import", 2), ("v1-status", 6), ("v1-status", 7)]
    # a package folder of another name, or one without evidence, is not the v1 SDK
    other = _index({"lib/dong/otp.py": ("python", otp), "lib/dong/models/shared/answer.py": ("python", answer)})
    assert usages("python", answer, path="lib/dong/models/shared/answer.py", index=other) == []
    # alone, at the SDK's layout (ding/models/<components, operations, errors, shared>/), it is the
    # SDK's generated module; elsewhere in a package named ding it is not
    bare = _index({"lib/ding/models/shared/answer.py": ("python", answer)})
    found = [(u.kind, u.line) for u in usages("python", answer, path="lib/ding/models/shared/answer.py", index=bare)]
    assert found == [("sdk-self-import", 2), ("v1-status", 6), ("v1-status", 7)]
    elsewhere = _index({"lib/ding/helpers/answer.py": ("python", answer)})
    assert usages("python", answer, path="lib/ding/helpers/answer.py", index=elsewhere) == []


def test_a_django_app_called_ding_that_uses_v1_in_one_module_is_not_the_v1_sdk():
    # ding/services.py wraps the v1 SDK; the rest of the app imports its own modules and compares
    # its own states: neither is the SDK importing itself nor v1 evidence below the app folder.
    services = "import ding_api_client\n\nCLIENT = ding_api_client.Ding(api_key='k')\n"
    command = ("from ding import services\nfrom ding.models import Profile\n\n\n"
               "def sync(user):\n    return user.state == 'valid'\n")
    index = _index({"site/ding/services.py": ("python", services),
                    "site/ding/management/commands/sync.py": ("python", command)})
    assert not index.v1_python_package("site/ding")
    assert usages("python", command, path="site/ding/management/commands/sync.py", index=index) == []


def test_a_company_sdk_package_is_not_the_v1_sdk_by_its_name():
    # `sdk` is a v1 import package name (ding-api-client 1.1.0), and a company's own `sdk/`
    # package wrapping v1 is not the v1 SDK: its other modules import `sdk` freely.
    wrapper = "import ding_api_client\n\nclass Otp:\n    pass\n"
    helper = "from sdk import config, settings\nimport sdk.helpers\n\nOK = 'approved'\nif x == 'approved':\n    pass\n"
    index = _index({"sdk/client.py": ("python", wrapper), "sdk/helpers/text.py": ("python", helper)})
    assert usages("python", helper, path="sdk/helpers/text.py", index=index) == []
    # the v1 SDK's own modules import its sub-modules: that makes the folder the SDK's
    model = "from sdk import utils\n"
    sdk = _index({"sdk/client.py": ("python", wrapper), "sdk/models/shared/x.py": ("python", model)})
    assert [(u.kind, u.line) for u in usages("python", model, path="sdk/models/shared/x.py", index=sdk)] == [
        ("sdk-self-import", 1)]


def test_a_module_of_the_v1_python_sdk_importing_its_own_package_is_a_v1_import():
    otp = "from ding.models import operations\n\nclass Otp:\n    pass\n"
    model = "import dataclasses\nfrom ding import utils\nfrom enum import Enum\n"
    index = _index({"pkg/ding/otp.py": ("python", otp), "pkg/ding/models/shared/model.py": ("python", model)})
    found = [(u.kind, u.line, u.detail) for u in usages("python", model, path="pkg/ding/models/shared/model.py", index=index)]
    assert found == [("sdk-self-import", 2, "ding")]
    # a Django app called ding, with no v1 evidence in its folder, imports itself freely
    app = _index({"dingapp/ding/models.py": ("python", "from django.db import models\n"),
                  "dingapp/ding/views.py": ("python", model)})
    assert usages("python", model, path="dingapp/ding/views.py", index=app) == []
