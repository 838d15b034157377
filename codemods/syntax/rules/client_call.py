"""``v1-client-call``: a call of the repository's own v1 client - a class, function or package
defined in another file that talks to v1 (``new Ding(uuid, token)``, ``dingclient.New(...)``,
``client.Check(...)`` on it) - found through the repository index (``codemods.syntax.index``):
the file must import the defining module or share its folder (Go/Java/C# packages); or a class
named after Ding used in a file that itself shows v1 evidence (``codemods.syntax.brand_class``:
its own file may not be in the scan). Code only.
"""
from __future__ import annotations

import re

from codemods.syntax.brand_class import brand_class_calls
from codemods.syntax.source import Example

KIND = "v1-client-call"
_NO_CODE = ("text", "dotenv", "yaml", "json", "toml", "markdown")

def find(source):
    if source.language in _NO_CODE:
        return
    seen = set()
    yield from _index_calls(source, seen)
    for start, end, detail in brand_class_calls(source):
        if start not in seen:
            seen.add(start)
            yield source.usage(KIND, start, end, detail, "code")


def _index_calls(source, seen):
    index = source.index
    if index is None:
        return
    refs = index.references(source)
    if not refs:
        return
    names = sorted({name for name, _ in refs}, key=len, reverse=True)
    # methods of the wrappers; inside a v1 SDK's own tree its configuration accessors are no client
    # operation (``self.sdk_configuration.get_server_details()`` in the SDK's otp.py)
    methods = index.methods_of(refs)
    if index.v1_code_folder(source.path, source.language):
        methods = {m for m in methods if not m.startswith(("get_", "set_"))}
    methods = sorted(methods, key=len, reverse=True)
    parts = [r"(?:\bnew\s+)?(?<![\w$.])(?P<name>%s)\s*(?:\(|\.|::|->|\{)" % "|".join(map(re.escape, names))]
    if methods:
        parts.append(r"(?:\.|->|::)(?P<method>%s)\s*\(" % "|".join(map(re.escape, methods)))
    pattern = re.compile("|".join(parts))
    for m in pattern.finditer(source.text):
        group = "name" if m.group("name") else "method"
        start, end = m.start(group), m.end(group)
        where = source.where(start, end)
        if where != "code":
            continue
        line, column = source.lines.position(start)
        text = source.lines.line_text(line)
        if re.match(r"\s*(?:import|from|use|using|require|require_relative|include|package)\b", text):
            continue
        if source.defines(start):
            continue  # the wrapper's own method or function being defined, not a call
        source.strong = True
        seen.add(start)
        yield source.usage(KIND, start, end, m.group(group), where)


EXAMPLES = (  # the index-based calls need a repository: tests/codemods/syntax/test_index.py
    # a class named after Ding, resolved or built in a file with v1 evidence (its own file not scanned)
    Example("php", "<?php\nuse App\\Sms\\DingVerifier;\n\nHttp::fake(['api.ding.live/v1/check' => Http::response([])]);\n"
            "$ok = app(DingVerifier::class)->confirm('ref-1', '0000');\n$v = new DingVerifier($key);\n$v->start($phone);\n",
            (5, 6, 7)),
    Example("typescript", "const BASE = process.env.DING_URL ?? 'https://api.ding.live/v1';\n"
            "const otp = new DingGateway(BASE);\nexport const start = (p: string) => otp.sendCode(p);\n", (2, 3)),
    # typed holders and a facade, the class's file elsewhere
    Example("php", "<?php\nclass OtpController {\n  public function __construct(private DingGateway $gateway) {}\n"
            "  public function store() {\n    config('services.ding.url', 'https://api.ding.live/v1');\n"
            "    return $this->gateway->start(request('phone'));\n  }\n}\nDingOtp::check($id, $code);\n", (6, 9)),
    Example("java", 'class Otp {\n  static final String BASE = "https://api.ding.live/v1";\n  private final DingClient client;\n'
            "  boolean ok(String id, String c) { return client.verify(id, c); }\n}\n", (4,)),
    Example("python", 'BASE = "https://api.ding.live/v1"\nsms = DingSms(BASE)\n\n\ndef start(p):\n    return sms.send_code(p)\n',
            (2, 6)),
    Example("typescript", "const URL = 'https://api.ding.live/v1';\nclass Login {\n  constructor(private ding: DingService) {}\n"
            "  go(p: string) { return this.ding.start(p); }\n}\n", (4,)),
    # the v1 SDK's client assigned to a name: calls that sdk-call cannot tell from any check()
    Example("typescript", 'import Ding from "@ding-live/sdk";\nconst sms = new Ding(uuid, token);\n'
            "const ok = await sms.check(pending.id, code);\n", (3,)),
    # the v1 SDK's own files building its classes
    Example("php", "<?php\nnamespace Ding\\DingSDK;\n\nclass DingBuilder {\n  public function build(): Ding {\n"
            "    return new Ding($this->sdkConfig);\n  }\n}\n"),
    Example("csharp", 'var sdk = new DingSDK.Ding(security: s, serverUrl: "https://api.ding.live/v1");\nsdk.Otp.Check(r);\n'),
    # no v1 evidence in the file: a class of that name says nothing
    Example("php", "<?php\n$ok = app(DingVerifier::class)->confirm('ref-1', '0000');\n"),
    # the names hold the letters but not the word: Padding, Coding
    Example("typescript", "const BASE = 'https://api.ding.live/v1';\nconst p = new PaddingCalc();\np.run();\n"),
    # DingTalk (Alibaba's messenger) is not Ding; toString() is no API call
    Example("java", 'class Notify {\n  String ding = "https://api.ding.live/v1";\n'
            '  void f() { DingTalkClient c = new DefaultDingTalkClient(hook);\n    c.execute(req, token);\n  }\n}\n'),
    Example("typescript", "const BASE = 'https://api.ding.live/v1';\nconst d = new DingVerifier(BASE);\nd.toString();\n", (2,)),
)
