"""``v1-field``: the other v1-only body fields, ``authentication_uuid`` (check/retry requests and
every v1 response; v2 names the verification ``id``) and ``check_code`` (v2: ``code`` next to a
``target``), wherever code spells them: object and dict keys, struct tags, ``@JsonProperty`` /
``[JsonProperty]`` / ``SerializedName`` / ``field :name`` declarations, response reads
(``body.authentication_uuid``, ``json('authentication_uuid')``) and the identifiers generated for
them (``AuthenticationUUID``, ``getCheckCode``, ``withAuthenticationUuid``). Not in comments.
Needs v1 evidence in the file or its folder, or a second v1-only field in the same file (the
rest of a v1 body): ``checkCode`` alone is an ordinary function name. Also every value passed by
position to the v1 check or retry request model (``new CreateCheckRequest("e0e7...", "123456",
"8f11...")``): all their parameters are v1-only fields, in an order that depends on the version.
And the status operation's path parameter ``auth_uuid`` (``AuthUUID``, ``getAuthUuid``) in a file
that names it as a string or tag with v1 evidence near (a generated model of
``GET /authentication/{auth_uuid}``; an application variable called ``auth_uuid`` is not enough).
"""
from __future__ import annotations

import re

from compat.knowledge.operations import CHECK_FIELD_MOVES, OPERATIONS
from compat.knowledge.sdk_shapes import SDK_V1_REQUEST_MODELS
from codemods.syntax.fields import field_pattern
from codemods.syntax.languages import family
from codemods.syntax.sdk_namespace import declared_in_v1_namespace
from codemods.syntax.source import Example
from codemods.syntax.ts_sdk_layout import ts_sdk_file

KIND = "v1-field"

# The v1 check body's fields other than customer_uuid (which has its own rule and advice).
FIELDS = tuple(name for name in CHECK_FIELD_MOVES if name != "customer_uuid")
_CORE = field_pattern(FIELDS)
_TOKEN = re.compile(r"(?<![A-Za-z0-9_$])[A-Za-z0-9_$@-]*?(?:%s)[A-Za-z0-9_]*" % _CORE.pattern, re.IGNORECASE)
_PREFIXES = ("", "get", "set", "with", "has", "_", "m_", "$", "@", ":", "get_", "set_", "with_", "this.")
_SUFFIXES = ("", "_", "s", "Str", "String", "Value")
_OTHER_FIELD = re.compile(r"customer[_-]?uuid", re.IGNORECASE)
_ALONE = "authentication_uuid"  # the field that is v1 with no other evidence


def _accepted(token: str, core=_CORE) -> bool:
    m = core.search(token)
    return token[:m.start()].lower() in _PREFIXES and token[m.end():] in _SUFFIXES


# The status operation's path parameter (``GET /authentication/{auth_uuid}``) is the v1
# authentication UUID under another name. Its spellings alone are any program's variable
# (``authUUID``), so they count only in a file that names the parameter itself (the generated
# model's ``name=auth_uuid``, a ``{auth_uuid}`` path) and shows v1 evidence near it.
AUTH_PARAMETER = re.search(r"\{(\w+)\}", OPERATIONS["status"].v1_path).group(1)
_AUTH_CORE = re.compile(AUTH_PARAMETER.replace("_", "[_-]?"), re.IGNORECASE)
_AUTH_TOKEN = re.compile(r"(?<![A-Za-z0-9_$])[A-Za-z0-9_$@-]*?(?:%s)[A-Za-z0-9_]*" % _AUTH_CORE.pattern, re.IGNORECASE)
# The parameter's own name as a string, tag value or path segment (not a variable called so).
_AUTH_NAMED = re.compile(r"""[\"'=/{]%s[\"'}`]""" % AUTH_PARAMETER)
# The status operation itself (its request model ``GetAuthenticationStatusRequest``, the TS
# standalone function ``otpGetAuthenticationStatus``): named in a file of the SDK itself (an MCP
# tool, a Sorbet interface), the spellings of the parameter there are the SDK's own.
_STATUS_NAMED = re.compile(OPERATIONS["status"].sdk_methods[0].replace("_", "_?"), re.IGNORECASE)


def _sdk_own_file(source) -> bool:
    if family(source.language) == "js" and ts_sdk_file(source.text):
        return True
    if declared_in_v1_namespace(source.language, source.text):
        return True
    return source.index is not None and source.index.v1_code_folder(source.path, source.language)


# The status operation's own SDK method (``getAuthenticationStatus``, ``get_authentication_status``,
# ``GetAuthenticationStatusAsync``: a name only v1 has), whose call takes the parameter by its name:
# ``authUuid: '...'`` (PHP, C#, Kotlin, Swift), ``auth_uuid: / auth_uuid=`` (Ruby, Python) or a
# builder setter ``.authUuid("...")`` (Java). Such a name is the SDK's, not the application's.
_STATUS_METHOD = re.compile(r"(?<![\w$])%s(?:_?async)?\s*\(" % OPERATIONS["status"].sdk_methods[0].replace("_", "_?"),
                            re.IGNORECASE)
_NAMED_ARGUMENT = re.compile(r"(?<![\w$.])(?P<name>[A-Za-z_]\w*)\s*(?::(?!:)|=(?![=>]))"
                             r"|\.(?P<setter>[A-Za-z_]\w*)\s*\(")
_CALL_REACH = 400  # characters after the call's name that its arguments and builder chain may take


_CHAIN = re.compile(r"(?:\s*(?:\.|->)[^\n;]*)*")


def _status_call_arguments(source):
    """The status parameter named in a call of the v1 status operation's SDK method."""
    lower = source.lower
    if "authentication" not in lower or "status" not in lower:
        return
    for m in _STATUS_METHOD.finditer(source.text):
        if source.where(m.start(), m.end()) not in ("code", "text"):
            continue
        arguments = list(_arguments(source.text, m.end() - 1))
        end = arguments[-1][1] + 1 if arguments else m.end()  # after the call's ``)``
        # a builder chain continuing the call (``.authUuid(id).call()``), never the next statement
        chain = _CHAIN.match(source.text, end, min(len(source.text), end + _CALL_REACH)).group(0)
        for offset, span in ((m.end(), source.text[m.end():end]), (end, chain)):
            for a in _NAMED_ARGUMENT.finditer(span):
                group = "name" if a.group("name") else "setter"
                word = a.group(group)
                if word.lower().replace("_", "") == AUTH_PARAMETER.replace("_", ""):
                    start = offset + a.start(group)
                    where = source.where(start, start + len(word))  # Ruby's ``auth_uuid:`` is a symbol
                    if where != "comment" and not source.in_trace(start):
                        yield source.usage(KIND, start, start + len(word), AUTH_PARAMETER, where)


def _status_parameter(source):
    seen = set()
    for usage in _status_call_arguments(source):
        seen.add(usage.start)
        yield usage
    if "uuid" not in source.lower or not source.evidence(near=True):
        return
    if not (_AUTH_NAMED.search(source.text) or (_STATUS_NAMED.search(source.text) and _sdk_own_file(source))):
        return
    matches = [m for m in _AUTH_TOKEN.finditer(source.text) if _accepted(m.group(0), _AUTH_CORE)]
    for start, end, _, where in source.field_spans(matches, _AUTH_CORE):
        if start not in seen:
            yield source.usage(KIND, start, end, AUTH_PARAMETER, where)


def _canonical(word: str) -> str:
    flat = re.sub(r"[_-]", "", word).lower()
    return next(name for name in FIELDS if name.replace("_", "") == flat)


# The v1 check and retry request models take only v1-only fields, so whatever is passed to them
# by position is one: their order changed between SDK versions ((authentication_uuid,
# check_code, customer_uuid) up to 2.0.0, the customer UUID first from 3.0.0; sdk-surfaces), which
# is why the detail is "positional" and not a field name.
POSITIONAL = "positional"
_POSITIONAL_MODELS = tuple(name for name, op in SDK_V1_REQUEST_MODELS.items() if op in ("check", "retry"))
_MODEL_CALL = re.compile(r"(?<![\w$])(?:%s)\s*\(" % "|".join(_POSITIONAL_MODELS))
# An argument that is a value, not a keyword/named argument or an expression with its own calls.
_VALUE = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)""")


def _arguments(text: str, open_paren: int):
    """(start, end) of each top-level argument of the call whose ``(`` is at ``open_paren``."""
    depth, quote, start = 0, "", open_paren + 1
    for i in range(open_paren, min(len(text), open_paren + 2000)):
        c = text[i]
        if quote:
            if c == "\\":
                continue
            if c == quote and text[i - 1] != "\\":
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                yield start, i
                return
        elif c == "," and depth == 1:
            yield start, i
            start = i + 1


def _positional(source):
    if not any(name in source.text for name in _POSITIONAL_MODELS) or not source.evidence(near=True):
        return
    for m in _MODEL_CALL.finditer(source.text):
        if source.where(m.start(), m.end()) != "code" or source.defines(m.start()):
            continue  # ``class CreateCheckRequest(BaseModel):`` declares the model, passes nothing
        for start, end in _arguments(source.text, m.end() - 1):
            raw = source.text[start:end]
            value = raw.strip()
            if not value or not _VALUE.fullmatch(value):
                continue
            start += len(raw) - len(raw.lstrip())
            yield source.usage(KIND, start, start + len(value), POSITIONAL, source.where(start, start + 1))


def find(source):
    yield from _positional(source)
    yield from _status_parameter(source)
    lower = source.lower
    if "uuid" not in lower and "code" not in lower:
        return
    matches = [m for m in _TOKEN.finditer(source.text) if _accepted(m.group(0))]
    if not matches:
        return
    distinct = {_canonical(_CORE.search(m.group(0)).group(0)) for m in matches}
    if not (source.evidence(near=True) or len(distinct) > 1 or _OTHER_FIELD.search(source.text)):
        # ``authentication_uuid`` names the v1 API by itself (v2 says ``id``), in a repository with
        # v1 evidence somewhere (elsewhere it is any auth system's field); ``checkCode`` alone is an
        # ordinary function name
        matches = [m for m in matches if _canonical(_CORE.search(m.group(0)).group(0)) == _ALONE]
        if not matches or not source.evidence(repo=True):
            return
    for start, end, word, where in source.field_spans(matches, _CORE):
        if _plain_function(source, start):
            continue
        yield source.usage(KIND, start, end, _canonical(word), where)


# A free function declared under the name (Go ``func checkCode() {``, ``function checkCode(``,
# ``def check_code(``): no receiver, no return type, so no model accessor; a program's own name.
_FREE_FUNCTION = re.compile(r"\s*(?:export\s+)?(?:async\s+)?(?:func|function|def|fn)\s+$")


def _plain_function(source, start: int) -> bool:
    line, column = source.lines.position(start)
    return _FREE_FUNCTION.fullmatch(source.lines.line_text(line)[:column - 1]) is not None


EXAMPLES = (
    Example("typescript", "const body = JSON.stringify({ authentication_uuid: id, check_code: code });\n", (1, 1)),
    Example("go", 'type CheckRequest struct {\n\tAuthenticationUUID string `json:"authentication_uuid"`\n'
            '\tCheckCode string `json:"check_code"`\n}\n', (2, 2, 3, 3)),
    Example("php", "<?php\n$u = 'https://api.ding.live/v1';\n$id = $response->json('authentication_uuid');\n", (3,)),
    Example("java", '@JsonProperty("check_code") String checkCode; // with customer_uuid\n', (1, 1)),
    Example("ruby", "field :authentication_uuid, String\nfield :check_code, String\n", (1, 2)),
    Example("kotlin", "import live.ding.dingSdk.models.shared.RetryAuthenticationRequest\n"
            "val req = RetryAuthenticationRequest(\n    pendingId,\n    settings.account)\n", (3, 4)),
    Example("csharp", "using DingSDK.Models.Components;\n"
            'var req = new CreateCheckRequest(AuthenticationUuid: id, CheckCode: "1234", CustomerUuid: u);\n', (2, 2)),
    Example("kotlin", "import live.ding.dingSdk.utils.SpeakeasyMetadata\n\nclass StatusRequest(\n"
            '    @SpeakeasyMetadata("pathParam:style=simple,explode=false,name=auth_uuid")\n    val authUuid: String,\n)\n', (4, 5)),
    # the status operation's parameter named in a call of its SDK method (a name only v1 has)
    Example("php", "<?php\n$res = $client->otp->getAuthenticationStatus(\n    authUuid: $pending->ref,\n);\n", (3,)),
    Example("ruby", "res = ding.otp.get_authentication_status(auth_uuid: session[:ding_ref])\n", (1,)),
    Example("java", 'var res = sdk.otp().getAuthenticationStatus()\n    .authUuid(pending.ref())\n    .call();\n', (2,)),
    Example("csharp", "var res = await sdk.Otp.GetAuthenticationStatusAsync(authUuid: pendingRef);\n", (1,)),
    # the status operation named in the file (an MCP tool or Sorbet interface of the SDK): its parameter
    Example("typescript", 'import { otpGetAuthenticationStatus } from "../../funcs/otpGetAuthenticationStatus.js";\n'
            "const args = { authUuid: z.string() };\nawait otpGetAuthenticationStatus(client, args.authUuid);\n", (2, 3)),
    Example("ruby", "class DingSDK::Models::Operations::GetAuthenticationStatusRequest\n  def auth_uuid(); end\nend\n", (2,)),
    # positional: the value is the application's own variable, named as it likes
    Example("php", "<?php\n$res = $client->otp->getAuthenticationStatus($authUuid);\n"),
    Example("php", "<?php\n$res = $audit->log(authUuid: $ref);\n"),  # not the v1 status method
    # the statement after the status call is no builder chain
    Example("python", "import ding_api_client\nres = client.otp.get_authentication_status(ref)\nauth_uuid = res.id\n"),
    Example("ruby", "require 'ding_sdk'\nres = ding.otp.get_authentication_status(ref)\nlog(auth_uuid: ref)\n"),
    Example("go", 'import "github.com/ding-live/ding-golang/models/components"\n\nfunc f(authUUID string) { use(authUUID) }\n'),
    Example("python", "import ding_api_client\n\ndef view(auth_uuid):\n    return client.otp.get_authentication_status(auth_uuid)\n"),
    Example("java", "var req = new CreateCheckRequest(a, c, u);\n"),  # no v1 evidence
    # the model declared, not called: its base class is not a value passed by position
    Example("python", "import ding_api_client\n\nclass CreateCheckRequest(BaseModel):\n    pass\n"),
    Example("typescript", "export async function checkCode(phone: string, code: string) {}\n"),  # v2 app code
    # authentication_uuid alone in a repository with no v1 evidence: any auth system's field (with
    # v1 evidence elsewhere in the repository it is reported: tests/migrate/scan/test_scan_second_pass.py)
    Example("python", "from dataclasses import dataclass\n\n@dataclass\nclass Pending:\n    authentication_uuid: str\n"),
    # a free function named so in v1 code is the program's own name; an accessor is the field's
    Example("go", 'import ding "github.com/ding-live/ding-go"\n\nfunc checkCode() {\n\t_ = 1\n}\n'
            'func (r *Req) GetCheckCode() string { return r.CheckCode }\n', (6, 6)),
    Example("python", "# authentication_uuid and check_code were v1 fields\nx = 1\n"),
)
