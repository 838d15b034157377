"""PM203 old-docs-link: a link to the old documentation (``docs.ding.live``,
``docs.prelude.so/api-reference/v1/...`` and the other moved pages), in comments, docstrings,
strings and docs (advice, info). The message gives the current page when
``compat.knowledge.docs_links.DOCS_LINK_MOVES`` knows it; the ``hosts`` codemod rewrites Python links.
A moved page of the v2 reference (``docs.prelude.so/api-reference/v2/...``) is not reported: v2 code
links it, and v2-only code has no finding.
"""
from __future__ import annotations

from compat.knowledge.docs_links import DOCS_LINK_MOVES, MIGRATION_GUIDE_URL, OLD_DOCS_LINK_RE, current_docs_link
from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import claims_kind, docs_url

RULE = RuleInfo(
    id="PM203", name="old-docs-link", title="Link to old Ding/Prelude documentation", deadline=None,
    fixable=True, docs_url=docs_url("PM203"), fixed_severity="info",
)
TEXT_IN_PYTHON = True

_LINK = OLD_DOCS_LINK_RE
# Moved pages of the v2 reference: v2 code links them, and v2-only code has no finding.
_V2_PAGES = tuple(page for page in DOCS_LINK_MOVES if "/v2/" in page)


def _v2_page(text: str) -> bool:
    link = _LINK.search(text)
    lowered = (link.group(0) if link else text).lower()
    return any(page in lowered for page in _V2_PAGES)


def _message(text: str) -> str:
    link = _LINK.search(text)  # a usage's detail may be a whole comment or docstring
    url = link.group(0) if link else text
    current = current_docs_link(url)
    if current is None:
        return f"old documentation link: see {MIGRATION_GUIDE_URL}"
    if "://" not in current:
        current = "https://" + current
    return f"old documentation link: the current page is {current}"


def match(ctx):
    for m in _LINK.finditer(ctx.text):
        if not _v2_page(m.group(0)):
            yield Hit(m.start(), m.end(), _message(m.group(0)))


_docs_link = claims_kind("docs-link")


def claims(usage) -> bool:
    return _docs_link(usage) and not _v2_page(usage.detail)


def usage_message(usage) -> str:
    return _message(usage.detail)


EXAMPLES = (
    Example("SmsService.php", "<?php\n/** @see https://docs.prelude.so/api-reference/v2/errors */\nfunction send() {}\n"),
    Example("README.md", "See [errors](https://docs.prelude.so/api-reference/v1/errors) and\n"
            "<https://docs.ding.live/api/send>.\n", ((1, 14), (2, 2))),
    Example("client.go", "// https://docs.prelude.so/api-reference/v1/otp/send-a-code\nfunc Send() {}\n", ((1, 4),)),
    Example("otp.py", '"""Send a code.\n\nSee https://docs.prelude.so/api-reference/v1/otp/send-a-code\n"""\n', ((1, 1),)),
    Example("current.md", "See https://docs.prelude.so/verify/v2/api-reference/check-a-code\n"),
    Example("other.md", "https://mydocs.ding.live.example.com/x and docs.prelude.so/introduction/errors\n"),
)
