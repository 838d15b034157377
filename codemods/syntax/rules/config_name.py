"""``config-name``: a v1 configuration name (``compat.knowledge.config_names.V1_CONFIG_NAMES``: ``DING_API_KEY``,
``DING_CUSTOMER_UUID``, ``DING_URL``...) in any spelling: any letter case and any word separator
(``_``, ``-``, ``.`` or none: the camelCase / PascalCase / kebab forms code and config files use for
the same setting, ``dingCustomerUuid``, ``DingApiKey``, ``ding-api-token``, ``ding.customer_uuid``). The name
must stand alone (``MY_DING_URL_2``, ``DING_TALK_TOKEN`` are other names). Customer-UUID names and
``PRELUDE_X_API`` only ever meant v1; the generic ones need other v1 evidence (this file, a
customer UUID in it, its folder, or a v1 SDK repository). A URL name on the line of the v1 host is left to the host.
"""
from __future__ import annotations

import re

from compat.knowledge.config_names import V1_CONFIG_NAMES, V1_CONFIG_NAMES_DISTINCTIVE
from codemods.syntax.languages import has_grammar
from codemods.syntax.rules.host import HOST_RE
from codemods.syntax.source import Example

KIND = "config-name"


_SEPARATORS = "_-."


def normalised(spelling: str) -> str:
    """The letters of a name without case or separators: every spelling of one setting is equal."""
    return "".join(c for c in spelling.lower() if c not in _SEPARATORS)


def _forms():
    forms = {}
    for name in V1_CONFIG_NAMES:
        words = [w for w in name.lower().split("_") if w]
        for sep in ("_", "-", ".", ""):
            forms[sep.join(words)] = name
    return forms


_CUSTOMER_UUID = re.compile(r"customer[_\-]?uuid", re.IGNORECASE)  # the v1 account id: evidence
FORMS = _forms()  # lower-case spelling (snake, kebab, dotted, joined) -> table name
_BY_LETTERS = {normalised(name): name for name in V1_CONFIG_NAMES}
DISTINCTIVE = frozenset(normalised(name) for name in V1_CONFIG_NAMES_DISTINCTIVE)
NAME_RE = re.compile(r"(?<![A-Za-z0-9_])(?:%s)(?![A-Za-z0-9_])" % "|".join(
    "[_.-]?".join(re.escape(w) for w in words) for words in sorted(
        {tuple(w for w in name.lower().split("_") if w) for name in V1_CONFIG_NAMES}, key=len, reverse=True)),
    re.IGNORECASE)


def table_name(spelling: str) -> str:
    return _BY_LETTERS[normalised(spelling)]


def kind_of(spelling: str) -> str:
    """api-key, customer-uuid or base-url."""
    return V1_CONFIG_NAMES[table_name(spelling)]


def names_v1_only(text: str) -> bool:
    """A name that only ever meant v1 (``DING_CUSTOMER_UUID``...) stands in ``text``: evidence for
    every rule of the file (``codemods.syntax.find`` asks before the rules run, so that
    ``new Ding(customerUuid, token)`` next to ``process.env.DING_CUSTOMER_UUID`` counts too)."""
    return any(normalised(m.group(0)) in DISTINCTIVE for m in NAME_RE.finditer(text))


def _local_variables(text: str, found) -> set:
    """The joined (camelCase) spellings this file declares as local variables (``const dingApiKey
    = Deno.env.get('DING_API_KEY')``, ``dingURL := os.Getenv(...)``): the declaration is the
    configuration read, the later reads of the variable are the program's own name."""
    names = set()
    for spelling in {m.group(0) for m in found}:
        if any(c in spelling for c in _SEPARATORS) or spelling.isupper():
            continue
        if re.search(r"\b(?:const|let|var|val)\s+%s\b|(?<![\w$.])%s\s*:=" % (spelling, spelling), text):
            names.add(spelling)
    return names


def _local_read(source, m, local: set) -> bool:
    """A bare read of such a variable (not its declaration, an object key or a member)."""
    if m.group(0) not in local:
        return False
    before = source.text[max(0, m.start() - 8):m.start()]
    after = source.text[m.end():m.end() + 3]
    if re.search(r"(?:\b(?:const|let|var|val)\s+|[.$>])$", before) or re.match(r"\s*(?::=|:(?!:))", after):
        return False
    return True


def find(source):
    found = list(NAME_RE.finditer(source.text))
    if not found:
        return
    grammar = has_grammar(source.language)
    local = _local_variables(source.text, found) if grammar else set()
    for m in found:
        spelling = m.group(0)
        if local and _local_read(source, m, local):
            continue
        if normalised(spelling) not in DISTINCTIVE and not (source.evidence(near=True) or _CUSTOMER_UUID.search(source.text)):
            continue
        if kind_of(spelling) == "base-url":
            line = source.lines.position(m.start())[0]
            if HOST_RE.search(source.lines.line_text(line)):
                continue
        where = source.where(m.start(), m.end()) if grammar else "text"
        if where == "comment" or source.in_trace(m.start()):
            continue
        yield source.usage(KIND, m.start(), m.end(), table_name(spelling), where)


EXAMPLES = (
    Example("dotenv", "DING_API_KEY=test-v1-key\nDING_CUSTOMER_UUID=00000000-0000-0000-0000-000000000000\n", (1, 2)),
    Example("typescript", "const cfg = { dingCustomerUuid: process.env.DING_CUSTOMER_UUID };\n", (1, 1)),
    Example("yaml", "ding_customer_uuid: abc\n", (1,)),
    Example("ruby", 'ACCOUNT = ENV.fetch("DING_API_CUSTOMER_UUID")\n', (1,)),
    Example("typescript", "const token = process.env.DING_API_TOKEN;\nconst uuid = cfg['ding-customer-uuid'];\n", (1, 2)),
    # a local variable holding a setting: its declaration counts, its later reads are the program's
    Example("typescript", "import { Ding } from '@ding-live/ding';\nconst dingApiKey = Deno.env.get('DING_API_KEY');\n"
            "if (!dingApiKey) {\n  throw new Error('missing');\n}\nconst cfg = { dingApiKey: dingApiKey };\n", (2, 2, 6)),
    Example("dotenv", "DING_URL=https://sounds.example.test/ding.mp3\nDING_API_KEY=abc\n"),
    Example("yaml", "DING_TALK_TOKEN: x\nDINGTALK_API_KEY: y\nMY_DING_CUSTOMER_UUID_OLD: z\n"),
)
