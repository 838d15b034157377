"""Documentation links: the old docs host, pages that moved (old prefix -> current page), the
ONE list of old-docs-page prefixes every reader matches, and the rewrite of a link. See
docs/reference/mapping.md ("Documentation links")."""
from __future__ import annotations

import re
from typing import Mapping, Optional, Tuple

DOCS_HOSTS_OLD: Tuple[str, ...] = ("docs.ding.live",)
# Old documentation path prefix -> current page (longest prefix first when matching).
DOCS_LINK_MOVES: Mapping[str, str] = {
    "docs.prelude.so/api-reference/v1/lookup": "docs.prelude.so/lookup/v1/api-reference/look-up-for-phone-number",
    "docs.prelude.so/api-reference/v1/otp/send-a-code": "docs.prelude.so/verify/v1/api-reference/send-a-code",
    "docs.prelude.so/api-reference/v1/otp/send-feedback": "docs.prelude.so/verify/v1/api-reference/send-feedback",
    "docs.prelude.so/api-reference/v1/otp/get-authentication-status":
        "docs.prelude.so/verify/v1/api-reference/get-authentication-status",
    "docs.prelude.so/api-reference/v1/errors": "docs.prelude.so/verify/v1/documentation/errors",
    "docs.prelude.so/api-reference/v1/introduction": "docs.prelude.so/verify/v1/documentation/introduction",
    "docs.prelude.so/api-reference/v2/verify/create-or-retry-a-verification":
        "docs.prelude.so/verify/v2/api-reference/create-or-retry-a-verification",
    "docs.prelude.so/api-reference/v2/verify/check-a-code": "docs.prelude.so/verify/v2/api-reference/check-a-code",
    "docs.prelude.so/api-reference/v2/errors": "docs.prelude.so/introduction/errors",
    "docs.prelude.so/api-reference/v1": "docs.prelude.so/verify/v1",
}
MIGRATION_GUIDE_URL = "https://docs.prelude.so/verify/v2/documentation/v2-migration-guide"


def current_docs_link(url: str) -> Optional[str]:
    """The current page for an old docs URL (scheme optional), or None if not an old link."""
    for old in sorted(DOCS_LINK_MOVES, key=len, reverse=True):
        i = url.find(old)
        # Whole pages only: ".../api-reference/v1" must not turn ".../api-reference/v1/otp/check-a-code"
        # into a page that does not exist.
        after = url[i + len(old):i + len(old) + 1]
        if i != -1 and not (after.isalnum() or (after != "" and after in "/-_")):
            return url[:i] + DOCS_LINK_MOVES[old] + url[i + len(old):]
    return None


# Every prefix of an old documentation page: the moved pages and the old docs host, longest
# first (the scanner's PM203, the hosts codemod and the pre-filters read this one list).
OLD_DOCS_PREFIXES: Tuple[str, ...] = tuple(
    sorted(tuple(DOCS_LINK_MOVES) + DOCS_HOSTS_OLD, key=len, reverse=True))
# Only the moved pages, whose current page is known (what ``rewrite_docs_links`` can move).
MOVED_DOCS_PREFIXES: Tuple[str, ...] = tuple(sorted(DOCS_LINK_MOVES, key=len, reverse=True))

# An old docs link in text: optional scheme, anchored host, the rest of the URL.
OLD_DOCS_LINK_RE = re.compile(
    r"(?:https?://)?(?<![\w.\-])(?:%s)(?![\w\-])[^\s\"'<>`)\]},;]*"
    % "|".join(re.escape(p) for p in OLD_DOCS_PREFIXES), re.IGNORECASE)
_MOVED_LINK_RE = re.compile(
    "(?:%s)(?![A-Za-z0-9_/-])" % "|".join(re.escape(p) for p in MOVED_DOCS_PREFIXES))


def is_docs_link(text: str) -> bool:
    """Whether ``text`` contains an old documentation link (moved page or old host)."""
    lowered = text.lower()
    return any(prefix in lowered for prefix in OLD_DOCS_PREFIXES)


def rewrite_docs_links(text: str) -> str:
    """Every moved documentation page linked in ``text`` replaced by its current page (whole
    pages only, see ``current_docs_link``)."""
    out, pos = [], 0
    for match in _MOVED_LINK_RE.finditer(text):
        current = current_docs_link(match.group(0))
        if current is None:
            continue
        out.append(text[pos:match.start()])
        out.append(current)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)
