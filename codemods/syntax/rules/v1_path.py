"""``v1-path``: a v1 endpoint path (``/authentication``, ``/check``, ``/retry``,
``/authentication/feedback``, ``/authentication/{uuid}``, ``/lookup/{phone}``, with or without
``/v1``) written apart from the host: joined to a v1 base (a constant that holds the host, an
env name such as ``DING_URL``, a ``%s``/``${...}`` placeholder in a file with v1 evidence).
Also a bare segment (``"check"``, ``"retry"``, ``"authentication"``) passed next to other
arguments of a call in a file with v1 evidence that joins a base and a segment (``fmt.Sprintf("%s/%s", base, url)``,
``base + "/" + url``) or names the v1 base with a trailing slash (Guzzle's ``base_uri``, then
``$http->post('check', [...])``): the hand-written ding-go client's ``sendRequest(ctx, a, "check", req)``;
and a bare segment appended by a URL call (``base.appendingPathComponent("authentication")``,
``addPathSegment``, ``url.JoinPath``, ``urljoin``, ``resolve``) in a file with v1 evidence.
v2 paths differ (``/v2/verification``...), so the advice names the v2 endpoint.
"""
from __future__ import annotations

import re

from compat.knowledge.hosts import V1_BASE_PREFIX_RE, V1_UNKNOWN_OPERATION, v1_path_operation
from codemods.syntax.rules.config_name import NAME_RE as CONFIG_NAME_RE, kind_of
from codemods.syntax.rules.host import HOST_RE
from codemods.syntax.fields import v1_field_names
from codemods.syntax.source import Example
from codemods.syntax.tree import expression_around, string_value

KIND = "v1-path"

_PLACEHOLDER = r"(?:\$\{[^}]*\}|\{[^}]*\}|%[sv]|#\{[^}]*\}|\$\w+|\\\([^)]*\)|:\w+)"
_PATH = re.compile(r"^%s?(?:/v1)?(?P<path>/(?:authentication(?:/feedback|/%s|/[\w-]*)?|check|retry|lookup(?:/\S*)?))/?$"
                   % (_PLACEHOLDER, _PLACEHOLDER))
_CANDIDATE = re.compile(r"""["'`][^"'`\n]{0,40}?/(?:authentication|check|retry|lookup)\b[^"'`\n]{0,40}["'`]""")


# A base URL and a path segment joined with a slash (format string, concatenation, template).
_SEGMENT_JOIN = re.compile(r"""["'`]%[sv]/%[sv]["'`]|\+\s*["'`]/["'`]\s*\+|\}/\$\{""")
_SEGMENT = re.compile(r"""(?P<q>["'`])(?P<s>[a-z]+)(?P=q)""")
_ARGUMENT_LISTS = ("argument_list", "arguments", "value_arguments")


def operation_for(path: str) -> str:
    """The operation of a path relative to /v1 (placeholders stand for path parameters)."""
    return v1_path_operation(re.sub(_PLACEHOLDER, "{x}", path))


def _joined_to_base(source, string_node) -> bool:
    expr = expression_around(string_node).text()
    if HOST_RE.search(expr):
        return True
    for m in CONFIG_NAME_RE.finditer(expr):
        if kind_of(m.group(0)) == "base-url":
            return True
    index = source.index
    if index is not None:
        return any(re.search(r"(?<![\w$])%s(?!\w)" % re.escape(name), expr) for name in index.base_constants_for(source))
    return False


# A base URL that takes relative segments: the v1 base with a trailing slash (Guzzle's
# ``base_uri``, Faraday's ``url:``), then ``$client->post('check', [...])``.
_RELATIVE_BASE = re.compile(V1_BASE_PREFIX_RE.pattern.lstrip("^") + r"""/["'`]""", re.IGNORECASE)
# A call that appends a path segment to a URL (Swift ``appendingPathComponent``, OkHttp
# ``addPathSegment``, Go ``url.JoinPath``, Python ``urljoin``), the segment its
# last argument: ``base.appendingPathComponent("authentication")``.
# (Not the generic ``join``/``resolve``/``appending``: ``path.join(dir, 'check')``, a Promise's
# ``resolve('retry')`` and ``','.join(...)`` are no URLs.)
_JOIN_NAMES = ("appendingPathComponent", "addPathSegment", "addPathSegments", "JoinPath", "joinPath", "urljoin")
_JOIN_CALL = re.compile(r"(?<![\w$])(?:%s)\s*\(\s*(?:(?:path\s*:\s*)|[\w$.\[\]]+\s*,\s*)?$" % "|".join(_JOIN_NAMES))
_ARGUMENT = ("argument", "value_argument")


def _segments(source):
    """Bare v1 segments passed as arguments where this file joins base and segment itself, to a
    base that takes relative segments, or to a call that appends a path segment."""
    joins, relative = _SEGMENT_JOIN.search(source.text) is not None, _RELATIVE_BASE.search(source.text) is not None
    join_calls = any(name in source.text for name in _JOIN_NAMES)
    if not (joins or relative or join_calls) or not source.evidence(near=True):
        return
    for m in _SEGMENT.finditer(source.text):
        operation = v1_path_operation("/" + m.group("s"))
        if operation == V1_UNKNOWN_OPERATION:
            continue
        spot = source.spot(m.start() + 1, m.end() - 1)
        if spot is None or spot.where != "string" or string_value(spot.string) != m.group("s"):
            continue
        parent = spot.string.parent()
        if parent is not None and parent.kind() in _ARGUMENT:
            parent = parent.parent()
        if parent is None or parent.kind() not in _ARGUMENT_LISTS:
            continue
        appended = join_calls and _JOIN_CALL.search(source.text[max(0, m.start() - 120):m.start()]) is not None
        # else one of several arguments (the segment and the payload: ``post("check", body)``)
        if appended or ((joins or relative) and sum(1 for c in parent.children() if c.is_named()) >= 2):
            r = spot.string.range()
            yield source.usage(KIND, r.start.index, r.end.index, operation, "string")


# A request path held in a variable or constant without its leading slash, relative to the
# client's base (Stainless's generated Go services: ``path := "check"``; a client's constants
# ``AuthPath = "authentication"``, ``CHECK_ENDPOINT = "check"``, joined to its base elsewhere).
_PATH_VARIABLE = re.compile(r"""(?<![\w$.])(?:[A-Za-z_]\w*?_?)?(?:path|Path|PATH|endpoint|Endpoint|ENDPOINT|route|Route|ROUTE)"""
                            r"""\s*(?::=|=)\s*(?P<q>["'`])(?P<s>[a-z]+(?:/[a-z]+)?)(?P=q)""")


def _body_model(text: str) -> bool:
    """Two v1-only body fields in the file: the shape of a v1 request or response (the index's count)."""
    return len(v1_field_names(text)) >= 2


def _path_variables(source):
    if not any(word in source.lower for word in ("path", "endpoint", "route")):
        return
    matches = [m for m in _PATH_VARIABLE.finditer(source.text)
               if v1_path_operation("/" + m.group("s")) != V1_UNKNOWN_OPERATION]
    if not matches or not (source.evidence(near=True) or _body_model(source.text)):
        return
    for m in matches:
        if source.where(m.start("s"), m.end("s")) == "string":
            yield source.usage(KIND, m.start("q"), m.end("s") + 1, v1_path_operation("/" + m.group("s")), "string")


# An OpenAPI document's path keys (``  /check:``) under a v1 server (``servers: - url:
# https://api.ding.live/v1``): the spec of the v1 API.
_SPEC_PATH = re.compile(r"""(?m)^[ \t]+["']?(?P<p>/[A-Za-z0-9_/{}.-]+)["']?[ \t]*:[ \t]*\{?[ \t]*$""")


def _spec_paths(source):
    if source.language not in ("yaml", "json") or "paths" not in source.text or not HOST_RE.search(source.text):
        return
    for m in _SPEC_PATH.finditer(source.text):
        path = _PATH.match(m.group("p"))
        if path is not None and source.where(m.start("p"), m.end("p")) != "comment":
            yield source.usage(KIND, m.start("p"), m.end("p"), operation_for(path.group("path")), "text")


def find(source):
    yield from _spec_paths(source)  # text: no grammar needed
    if source.tree is None:
        return
    yield from _segments(source)
    yield from _path_variables(source)
    for m in _CANDIDATE.finditer(source.text):
        spot = source.spot(m.start() + 1, m.end() - 1)
        if spot is None or spot.where != "string":
            continue
        value = string_value(spot.string)
        path = _PATH.match(value)
        if path is None or HOST_RE.search(value):
            continue
        if not (_joined_to_base(source, spot.string) or source.evidence(near=True)):
            continue
        r = spot.string.range()
        yield source.usage(KIND, r.start.index, r.end.index, operation_for(path.group("path")), "string")


EXAMPLES = (
    Example("go", 'const baseURL = "https://api.ding.live/v1"\nfunc f() { post(baseURL + "/authentication", b) }\n', (2,)),
    Example("typescript", "const r = await fetch(`${process.env.DING_URL}/check`, { method: 'POST' });\n", (1,)),
    Example("php", "<?php\n$u = 'https://api.ding.live/v1';\n$r = $http->post(sprintf('%s/retry', $u));\n", (3,)),
    Example("go", 'import "github.com/ding-live/go-sdk/pkg/status"\n'
            'func (a *API) Check(r Req) error { return send(a, "check", r) }\n'
            'func url(a *API, p string) string { return fmt.Sprintf("%s/%s", a.base, p) }\n'
            'func name() string { return label("check") }\n', (2,)),
    # a base that takes relative segments (Guzzle base_uri) and a call appending a segment (Swift)
    Example("php", "<?php\n$http = new Client(['base_uri' => 'https://api.ding.live/v1/']);\n"
            "$res = $http->post('retry', ['json' => ['authentication_uuid' => $id]]);\n", (3,)),
    Example("ruby", "conn = Faraday.new(url: '//api.ding.live:443/v1/')\nres = conn.post('check', body)\n", (2,)),  # no scheme
    Example("swift", 'let base = URL(string: "https://api.ding.live/v1")!\n'
            'var req = URLRequest(url: base.appendingPathComponent("check"))\n', (2,)),
    Example("swift", 'let base = URL(string: "https://api.example.com/v1")!\n'
            'var req = URLRequest(url: base.appendingPathComponent("check"))\n'),  # no v1 evidence
    Example("php", "<?php\n$u = 'https://api.ding.live/v1/';\n$log->info('check');\n"),  # one argument, no join
    Example("go", 'func (s *Store) Check(r Req) error { return s.run("check", r) }\n'
            'func url(b, p string) string { return fmt.Sprintf("%s/%s", b, p) }\n'),  # no v1 evidence
    Example("typescript", "router.post('/check', handler);\n"),  # a route of the app, no v1 evidence
    # an OpenAPI document of the v1 API: its path keys under the v1 server
    Example("yaml", "servers:\n  - url: https://api.ding.live/v1\npaths:\n  /retry:\n    post:\n      summary: Retry\n"
            "  /healthz:\n    get: {}\n", (4,)),
    Example("yaml", "servers:\n  - url: https://api.example.com/v1\npaths:\n  /check:\n    post: {}\n"),  # another API
    # generic joins in a file with v1 evidence: a file path, a Promise, a string join
    Example("typescript", "const BASE = 'https://api.ding.live/v1';\nconst tpl = path.join(__dirname, 'check');\n"
            "const p = new Promise((resolve) => resolve('retry'));\n"),
    Example("python", "BASE = 'https://api.ding.live/v1'\nDIR = os.path.join(ROOT, 'lookup')\nx = ','.join('check')\n"),
    # a relative path in a variable (a generated Go service) in a file with v1 evidence
    Example("go", 'type RetryParams struct {\n\tAuthenticationUuid string `json:"authentication_uuid"`\n\tCustomerUuid string `json:"customer_uuid"`\n}\n'
            'func (r *RetryService) New(ctx context.Context) error {\n\tpath := "retry"\n\treturn do(ctx, path)\n}\n', (6,)),
    Example("go", 'func (r *Jobs) New(ctx context.Context) error {\n\tpath := "retry"\n\treturn do(ctx, path)\n}\n'),  # no evidence
    Example("go", 'const (\n\tBaseURL = "https://api.ding.live/v1"\n\tRetryPath = "retry"\n\tCHECK_ENDPOINT = "check"\n'
            '\tlogPath = "logs"\n)\n', (3, 4)),
    # a module of the v1 TS SDK (no manifest, no host): its core class next to a v1 request model
    Example("typescript", 'import { DingCore } from "../core.js";\n\nasync function $do(client: DingCore, '
            "request: components.CreateAuthenticationRequest) {\n  const path = pathToFunc(\"/authentication\")();\n}\n",
            (4,)),
    # the same letters in another core class, and the core class with no v1 model: not the SDK
    Example("typescript", 'import { TradingCore } from "../core.js";\nfunction f(c: TradingCore, r: CreateCheckRequest) '
            '{ return pathToFunc("/check")(); }\n'),
    Example("typescript", 'import { DingCore } from "./core.js";\nfunction f(c: DingCore) { return pathToFunc("/check")(); }\n'),
)
