"""``v1-status``: a v1 status string (``compat.knowledge.statuses``: check ``valid`` / ``invalid`` /
``without_attempt`` / ``expired_auth``..., create ``pending`` / ``spam_detected``..., retry
``approved`` / ``denied``...; ``compat.knowledge.enums``: feedback ``onboarded`` /
``not_onboarded``, which the app sends rather than reads, only declared, as v1 SDK enum members
or in a file naming ``FeedbackRequestStatus``) compared (``==``, ``===``, ``equals``), switched on (``case``, ``when``,
``match``) or declared as the value of a name that spells the same status (an enum member or
constant: ``WithoutAttempt = 'without_attempt'``, ``CheckValid Check = "valid"``,
``VALID("valid")``) or listed as a schema literal (``literal("approved")``, ``z.literal(...)`` of
superstruct/zod response schemas); or a member of a v1 SDK status enum compared or switched on
(``CheckStatus.Valid``, Go ``components.CheckStatusValid``). In a file with v1 evidence or in its
folder: v2 statuses are different words (``success``, ``failure``, ``expired_or_not_found``,
``blocked``). Languages with a grammar only.
"""
from __future__ import annotations

import re

from compat.knowledge.enums import FEEDBACK_STATUS_V1_TO_V2
from compat.knowledge.packages import V1_ORG_PREFIXES
from compat.knowledge.sdk_shapes import SDK_V1_ENUMS
from compat.knowledge.statuses import V1_CHECK_STATUSES, V1_CREATE_STATUSES, V1_RETRY_STATUSES
from codemods.syntax.import_gate import go_import_specs
from codemods.syntax.source import Example
from codemods.syntax.tree import is_compared, string_value

KIND = "v1-status"
STATUSES = (frozenset(V1_CHECK_STATUSES) | frozenset(V1_CREATE_STATUSES) | frozenset(V1_RETRY_STATUSES)
            | frozenset(FEEDBACK_STATUS_V1_TO_V2))
_QUOTED = re.compile(r"""(?P<q>["'`])(?P<s>%s)(?P=q)""" % "|".join(sorted(STATUSES, key=len, reverse=True)))

# A member of a v1 SDK status enum compared or switched on (``CheckStatus.Valid``, Go's
# ``components.CheckStatusValid``, ``CheckStatus::VALID``). The bare ``Status`` enum is left out:
# the name is too common to tell apart without its import.
_STATUS_ENUMS = tuple(sorted((name for name, kind in SDK_V1_ENUMS.items() if kind.endswith("-status")
                              and name != "Status"), key=len, reverse=True))
_ENUM_MEMBER = re.compile(r"(?<![\w$])(?:[A-Za-z_$][\w$]*(?:\.|::|\\))*(?:%s)(?:(?:\.|::|->)(?P<member>[A-Za-z_]\w*)"
                          r"|(?P<go>[A-Z]\w*))(?![\w$])" % "|".join(_STATUS_ENUMS))
_BY_LETTERS = {status.replace("_", ""): status for status in STATUSES}


# The feedback words are what the app SENDS in a v1 feedback request, not an answer it reads:
# as plain strings compared (``state == 'onboarded'``) they are ordinary app code, so only their
# enum declarations, the v1 SDK's ``FeedbackRequestStatus`` members and comparisons in a file
# that names that enum count.
_FEEDBACK_WORDS = frozenset(FEEDBACK_STATUS_V1_TO_V2)
_FEEDBACK_ENUMS = tuple(name for name, kind in SDK_V1_ENUMS.items() if kind == "feedback-status")


# The catch-all member client libraries declare for answers they do not know (``Unknown = 'unknown'``):
# as a declaration it says nothing about v1; compared, it still counts.
_FALLBACK = "unknown"


def _declares(source, m):
    """The name spelling the same words that the status is the value of on its line (``Valid =
    'valid'``), or None."""
    if m.group("s") == _FALLBACK:
        return None
    line = source.lines.line_text(source.lines.position(m.start())[0])
    words = m.group("s").replace("_", "_?")
    quoted = re.escape(m.group(0))
    # ``VALID = 'valid'``, ``Valid: "valid"``, ``VALID("valid")``, Ruby Sorbet's ``VALID = new('valid')``
    found = re.search(r"(?i)(?<![\w$])(?P<name>[\w$]*%s[\w$]*)\s*(?:[A-Za-z_][\w.]*\s*)?(?:=|:|=>|\()\s*(?:new\s*\(\s*)?%s"
                      % (words, quoted), line)
    return found.group("name") if found else None


# The serialized value of an enum member given by an attribute or annotation (C#
# ``[JsonProperty("valid")] Valid,``, ``[EnumMember(Value = "valid")]``, Java/Kotlin
# ``@JsonProperty("valid")``, ``@SerializedName("valid")``, ``@Json(name = "valid")``).
_ANNOTATION = re.compile(r"(?:\[|@)\s*(?:JsonProperty|JsonPropertyName|EnumMember|SerializedName|JsonValue|Json|"
                         r"SerialName)\s*\(\s*(?:\w+\s*=\s*)?$")


def _annotated(source, m) -> bool:
    line_start = source.text.rfind("\n", 0, m.start()) + 1
    return _ANNOTATION.search(source.text[line_start:m.start()]) is not None and m.group("s") != _FALLBACK


# A schema literal: the status as the only argument of a ``literal`` call (superstruct, zod, io-ts).
_SCHEMA_LITERAL = re.compile(r"""(?<![\w$])(?:[\w$]+\.)?literal\s*\(\s*$""")


def _schema_literal(source, m) -> bool:
    before = source.text[max(0, m.start() - 40):m.start()]
    after = source.text[m.end():m.end() + 3].lstrip()
    return _SCHEMA_LITERAL.search(before) is not None and after.startswith(")")


_LITERAL_OPEN = re.compile(r"(?<![\w$])Literal\s*\[[^\[\]]*$")


def _union_member(source, m) -> bool:
    """A member of a union type of string literals next to another v1 status (TS
    ``status?: 'valid' | 'invalid' | ...``, Python ``Literal["valid", "invalid", ...]``); ``||``
    is no union."""
    before = source.text[max(0, m.start() - 40):m.start()].rstrip()
    after = source.text[m.end():m.end() + 40].lstrip()
    separator = "|"
    if _LITERAL_OPEN.search(source.text[max(0, m.start() - 300):m.start()]):
        separator = ","
    sep = re.escape(separator)
    left = before.endswith(separator) and not before.endswith("||") and re.search(
        r"""(?P<q>["'`])(?P<s>[a-z_]+)(?P=q)\s*%s$""" % sep, before)
    right = after.startswith(separator) and not after.startswith("||") and re.match(
        r"""%s\s*(?P<q>["'`])(?P<s>[a-z_]+)(?P=q)""" % sep, after)
    return any(side and side.group("s") in STATUSES for side in (left, right))


# Ruby constants holding a status symbol (``VALID = :valid``, generated model enums).
_RUBY_SYMBOL = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Z0-9_]*)[ \t]*=[ \t]*:(?P<s>%s)\b(?![?!])"
                          % "|".join(sorted(STATUSES, key=len, reverse=True)))


def _ruby_symbols(source):
    if source.language != "ruby":
        return
    for m in _RUBY_SYMBOL.finditer(source.text):
        if m.group("s") == _FALLBACK or m.group("name").replace("_", "").lower() != m.group("s").replace("_", ""):
            continue
        if source.where(m.start("s"), m.end("s")) != "comment":
            yield source.usage(KIND, m.start("s") - 1, m.end("s"), m.group("s"), "code")


# An enum whose members are the statuses by name alone (Swift ``enum CheckStatus: String { case
# valid, invalid }`` - the raw value is the name -, Rust ``Valid,`` under ``serde(rename_all =
# "snake_case")``, Kotlin/Java/C#/TS members serialised by name): the body up to its first brace
# or ``;`` (Java/Kotlin members end there). Two members spelling v1 statuses make it a v1 status
# enum; members with a value or an attribute are the other rules'.
_ENUM_BODY = re.compile(r"\benum\s+(?:class\s+)?[A-Za-z_]\w*[^{};=\n]*\{(?P<body>[^{};]*)")
_BARE_MEMBER = re.compile(r"(?:^|,)\s*(?:case\s+)?(?P<name>[A-Za-z_]\w*)\s*(?=,|$)")


def _bare_enum_members(source):
    if source.language == "python" or "enum" not in source.text:
        return
    for body in _ENUM_BODY.finditer(source.text):
        text = body.group("body")
        members = []
        for line_start, line in _lines_of(text):
            for m in _BARE_MEMBER.finditer(line):
                status = _BY_LETTERS.get(m.group("name").lower().replace("_", ""))
                if status is not None and status != _FALLBACK:
                    members.append((body.start("body") + line_start + m.start("name"), m.group("name"), status))
        if len({status for _, _, status in members}) < 2:
            continue
        for start, name, status in members:
            if source.where(start, start + len(name)) == "code":
                yield source.usage(KIND, start, start + len(name), status, "code")


def _lines_of(text: str):
    at = 0
    for line in text.split("\n"):
        yield at, line.split("//")[0].rstrip()
        at += len(line) + 1


# Go: a constant of a status package imported from Ding's organisation (ding-go's ``pkg/status``:
# ``status.CheckValid``, ``status.AuthPending``), wherever it is used: the package holds nothing else.
_GO_STATUS_PREFIXES = re.compile(r"^(?:Authentication|Auth|Check|Retry|Create|Status)")


def _go_status_constants(source):
    if source.language != "go" or V1_ORG_PREFIXES["go"] not in source.text:
        return
    aliases = {m.group("alias") or "status" for m in go_import_specs(source.text)
               if m.group("path").startswith(V1_ORG_PREFIXES["go"]) and m.group("path").rsplit("/", 1)[-1] == "status"}
    if not aliases:
        return
    pattern = re.compile(r"(?<![\w.])(?:%s)\.(?P<member>[A-Z]\w*)" % "|".join(map(re.escape, sorted(aliases))))
    for m in pattern.finditer(source.text):
        status = _BY_LETTERS.get(_GO_STATUS_PREFIXES.sub("", m.group("member")).lower())
        if status is not None and status != _FALLBACK and source.where(m.start(), m.end()) == "code":
            yield source.usage(KIND, m.start(), m.end(), status, "code")


def _enum_members(source):
    for m in _ENUM_MEMBER.finditer(source.text):
        member = (m.group("member") or m.group("go")).lower().replace("_", "")
        status = _BY_LETTERS.get(member)
        if status is None:
            continue
        spot = source.spot(m.start(), m.end())
        if spot is None or spot.where != "code":
            continue
        node = next((n for n in spot.chain if n.range().start.index <= m.start() and n.range().end.index >= m.end()),
                    None)
        if node is not None and is_compared(node):
            yield source.usage(KIND, m.start(), m.end(), status, "code")


# An OpenAPI document of the v1 API (the v1 host among its servers): the status enums' values
# (``enum:`` then ``- valid`` lines; two v1 statuses at least).
_SPEC_ENUM = re.compile(r"(?m)^[ \t]*enum:[ \t]*\n(?P<items>(?:[ \t]+-[ \t]+[\"']?[a-z_]+[\"']?[ \t]*\n?)+)")
_SPEC_ITEM = re.compile(r"(?m)^[ \t]+-[ \t]+[\"']?(?P<s>[a-z_]+)[\"']?[ \t]*$")


def _spec_enums(source):
    if source.language not in ("yaml", "json") or "enum" not in source.text or "paths" not in source.text \
            or not source.evidence(near=True):
        return
    for block in _SPEC_ENUM.finditer(source.text):
        items = [m for m in _SPEC_ITEM.finditer(source.text, block.start("items"), block.end("items"))
                 if m.group("s") in STATUSES and m.group("s") != _FALLBACK]
        if len({m.group("s") for m in items}) >= 2:
            for m in items:
                yield source.usage(KIND, m.start("s"), m.end("s"), m.group("s"), "text")


def find(source):
    yield from _spec_enums(source)  # text: no grammar needed
    if source.tree is None or not source.evidence(near=True):
        return
    if any(name in source.text for name in _STATUS_ENUMS):
        yield from _enum_members(source)
    yield from _ruby_symbols(source)
    yield from _bare_enum_members(source)
    yield from _go_status_constants(source)
    if not _QUOTED.search(source.text):
        return
    feedback_enum = any(name in source.text for name in _FEEDBACK_ENUMS)
    constants = {}  # names declared with a v1 status as their value -> the status
    for m in _QUOTED.finditer(source.text):
        spot = source.spot(m.start("s"), m.end("s"))
        if spot is None or spot.where != "string" or string_value(spot.string) != m.group("s"):
            continue
        if m.group("s") in _FEEDBACK_WORDS:
            # compared, they are the app's own words as often as not: only where the file names
            # the v1 feedback enum itself (its generated ``UnmarshalJSON`` switching on them)
            if _declares(source, m) or feedback_enum:
                yield source.usage(KIND, m.start(), m.end(), m.group("s"), "string")
            continue
        declared = _declares(source, m)
        if declared and len(declared) > 3:  # the constant's own name (``CheckStatusValid``), never a keyword
            constants[declared] = m.group("s")
        if is_compared(spot.string) or declared or _schema_literal(source, m) or _annotated(source, m) \
                or _union_member(source, m):
            yield source.usage(KIND, m.start(), m.end(), m.group("s"), "string")
    yield from _constants_switched_on(source, constants)


def _constants_switched_on(source, constants):
    """A ``case`` listing constants this file declares with v1 statuses (Go's generated
    ``IsKnown``: ``case CheckStatusValid, CheckStatusInvalid:``)."""
    if not constants:
        return
    names = re.compile(r"(?<![\w$.])(?:%s)(?![\w$])" % "|".join(map(re.escape, sorted(constants, key=len, reverse=True))))
    for line in re.finditer(r"(?m)^[ \t]*case\b[^\n:]*", source.text):
        if re.search(r"(?<![=!<>])=(?!=)", line.group(0)):
            continue  # a Swift/Kotlin member declared (``case valid = "valid"``), nothing switched on
        hit = names.search(line.group(0))
        if hit and source.where(line.start() + hit.start(), line.start() + hit.end()) == "code":
            start = line.start() + hit.start()
            yield source.usage(KIND, start, start + len(hit.group(0)), constants[hit.group(0)], "code")


EXAMPLES = (
    Example("typescript", 'const r = await fetch("https://api.ding.live/v1/check", o);\nif (body.status === "valid") ok();\n', (2,)),
    Example("go", 'const base = "https://api.ding.live/v1"\nfunc f(s string) {\n\tswitch s {\n\tcase "without_attempt":\n\t}\n}\n', (4,)),
    Example("php", "<?php\n$u = 'https://api.ding.live/v1/check';\nif ($r['status'] == 'valid') {}\n", (3,)),
    Example("ruby", "U = 'https://api.ding.live/v1'\ncase res['status']\nwhen 'expired_auth' then 1\nend\n", (3,)),
    Example("java", 'String u = "https://api.ding.live/v1";\nboolean ok = "valid".equals(res.status);\n', (2,)),
    Example("typescript", "const baseUrl = 'https://api.ding.live/v1'\nconst r = await fetch(`${baseUrl}/check`, o);\n"
            "export enum Status {\n    Valid = 'valid',\n    WithoutAttempt = 'without_attempt',\n    Other = 'invalid',\n}\n",
            (4, 5), path="src/check.ts"),
    Example("go", 'import "github.com/ding-live/go-sdk/pkg/status"\nconst (\n\tCheckExpiredAuth Check = "expired_auth"\n)\n', (3,)),
    Example("typescript", "const baseUrl = 'https://api.ding.live/v1'\nconst Ok = object({\n  status: union([literal(\"approved\"), literal(\"denied\")]),\n})\n", (3, 3)),
    Example("go", 'import c "github.com/ding-live/ding-golang/models/components"\n'
            'func ok(s c.CheckStatus) bool { return s == c.CheckStatusValid }\n', (2,)),
    Example("csharp", "using DingSDK.Models.Components;\nswitch (res.Status) {\n"
            "    case CheckStatus.Valid: return true;\n    case CheckStatus.Invalid: return false;\n}\n", (3, 4)),
    Example("ruby", "module DingSDK\n  class CheckStatus < T::Enum\n    enums do\n      VALID = new('valid')\n"
            "      WITHOUT_ATTEMPT = new('without_attempt')\n      OTHER = new('invalid')\n    end\n  end\nend\n", (4, 5)),
    Example("csharp", "namespace DingSDK.Models.Components\n{\n    public enum RetryStatus\n    {\n"
            '        [JsonProperty("approved")]\n        Approved,\n        [EnumMember(Value = "denied")]\n        Denied,\n'
            '        [JsonProperty("unknown")]\n        Unknown,\n    }\n}\n', (5, 7)),
    Example("csharp", 'public enum Answer\n{\n    [JsonProperty("approved")]\n    Approved,\n}\n'),  # no v1 evidence
    Example("go", 'import c "github.com/ding-live/ding-golang/models/components"\nconst (\n\tRetryApproved RetryStatus = "approved"\n'
            '\tRetryDenied RetryStatus = "denied"\n)\n\nfunc (r RetryStatus) IsKnown() bool {\n\tswitch r {\n'
            '\tcase RetryApproved, RetryDenied:\n\t\treturn true\n\t}\n\treturn false\n}\n', (3, 4, 9)),
    Example("go", 'import c "github.com/ding-live/ding-golang/models/components"\nvar v = c.CheckStatusValid\n'),  # not compared
    Example("python", "import ding_api_client\n\nclass Answer(str, Enum):\n    ONBOARDED = 'onboarded'\n", (4,)),
    Example("python", "import ding_api_client\n\nif user.state == 'onboarded' or user.state == 'not_onboarded':\n    pass\n"),
    Example("typescript", 'const Shape = z.object({ kind: z.literal("approved") });\n'),  # no v1 evidence
    Example("typescript", 'if (form.state === "valid") submit();\n'),  # no v1 evidence
    # a union type of v1 statuses (not one v1 word among others); a fallback with || is none
    Example("typescript", "const u = 'https://api.ding.live/v1';\ntype Answer = {\n  state: \"approved\"\n    | \"denied\";\n"
            "  kind?: 'valid' | 'other';\n};\nconst label = x || 'invalid';\n", (3, 4)),
    Example("python", "import ding_api_client\n\nclass Answer(BaseModel):\n    status: Optional[Literal[\n"
            "        \"approved\", \"denied\"]] = None\n    kind: Literal[\"valid\", \"other\"]\n    tags = (\"valid\", \"invalid\")\n", (5, 5)),
    # a Swift enum: ``case`` declares its members, it switches on nothing
    Example("swift", 'let base = "https://api.ding.live/v1"\nenum Answer: String {\n    case approvedNow = "approved"\n'
            '    case other\n    case late\n}\n', (3,)),
    # a constant of ding-go's status package, used as a value
    Example("go", 'import (\n\t"github.com/ding-live/go-sdk/pkg/status"\n)\n\nvar want = Answer{Status: status.RetryApproved, '
            'Label: status.Describe(x)}\n', (5,)),
    # enums whose members are the statuses by name (two of them at least)
    Example("swift", 'let base = URL(string: "https://api.ding.live/v1")!\nenum Answer: String, Decodable {\n    case approved, denied\n'
            '    case noAttempt = "no_attempt"\n}\nenum Form { case valid, other }\n', (3, 3, 4)),
    Example("rust", 'const BASE: &str = "https://api.ding.live/v1";\n#[serde(rename_all = "snake_case")]\nenum CheckStatus {\n'
            '    Valid,\n    Invalid,\n    WithoutAttempt,\n    Unknown,\n}\n', (4, 5, 6)),
    Example("kotlin", 'private const val BASE = "https://api.ding.live/v1"\nenum class RetryStatus { APPROVED, DENIED; fun ok() = this == APPROVED }\n',
            (2, 2)),
    Example("kotlin", 'enum class RetryStatus { APPROVED, DENIED }\n'),  # no v1 evidence
    # an OpenAPI document of the v1 API: its status enums
    Example("yaml", "servers:\n  - url: https://api.ding.live/v1\npaths: {}\ncomponents:\n  schemas:\n    RetryStatus:\n"
            "      type: string\n      enum:\n        - approved\n        - denied\n        - other\n", (9, 10)),
    Example("yaml", "paths: {}\ncomponents:\n  schemas:\n    S:\n      enum:\n        - approved\n        - denied\n"),  # no v1
    # Ruby constants holding the status symbols
    Example("ruby", "require 'ding_sdk'\nclass Answer < Base::Enum\n  EXPIRED_AUTH = :expired_auth\n  DENIED = :denied\n"
            "  UNKNOWN = :unknown\n  LABEL = :valid\nend\n", (3, 4)),
    Example("typescript", 'const r = await fetch("https://api.ding.live/v1/check", o);\nconst label = "valid";\n'),
)
