"""Lower-case byte tokens the pre-filters look for before any parse: a file containing none of
a group's tokens cannot hold what that group's readers detect. Built from the other topic
modules where the token is a fact kept there (hosts, packages, config names, SDK shapes)."""
from __future__ import annotations

from typing import FrozenSet, Tuple

from compat.knowledge.config_names import V1_CONFIG_NAMES
from compat.knowledge.docs_links import DOCS_HOSTS_OLD
from compat.knowledge.hosts import LEGACY_V2_HOST_PREFIX, V1_AUTH_HEADER, V1_HOST
from compat.knowledge.packages import V1_EVIDENCE_TOKENS, V1_WEAK_PACKAGE_TOKENS
from compat.knowledge.sdk_shapes import SDK_V1_PAYLOAD_ATTRS

# v1 SDK method names no other library is likely to have (evidence on any receiver).
DISTINCTIVE_METHODS: FrozenSet[str] = frozenset({
    "create_autentication", "create_authentication", "get_authentication_status",
    "post_authentication", "post_check", "post_retry", "post_lookup"})

# --- Python: the shared libcst detection (codemods.detect, codemods.urls) -------------------

# ("ding" alone would match every "encoding=", so the import forms are used instead.)
IMPORT_TRIGGERS: Tuple[bytes, ...] = (b"import ding", b"from ding", b"import sdk", b"from sdk")
CALL_TRIGGERS: Tuple[bytes, ...] = (b".otp.", b".lookup.")
# (`except requests...` handlers matter only around v1 calls, hence the call triggers.)
ERROR_TRIGGERS: Tuple[bytes, ...] = (b"errorresponse", b"sdkerror") + CALL_TRIGGERS
SDK_TRIGGERS: Tuple[bytes, ...] = IMPORT_TRIGGERS + (b".otp.", b"lookup.lookup", b"autentication") + tuple(
    sorted({attr.encode() for attr in SDK_V1_PAYLOAD_ATTRS.values()}))

OLD_DOCS_TRIGGER = b"docs.prelude.so/api-reference"  # every moved page starts with it
LEGACY_TRANSACTIONAL_PATH = b"/v2/transactional"
HTTP_TRIGGERS: Tuple[bytes, ...] = (
    V1_HOST.encode(), OLD_DOCS_TRIGGER, *(h.encode() for h in DOCS_HOSTS_OLD), LEGACY_TRANSACTIONAL_PATH)

# --- Python: each codemod's own tokens (codemods.registry reads them without importing the
# codemods, so that a tree without v1 never imports libcst) --------------------------------

# raw-http: the v1 host, plus the usual names of a v1 base URL kept in the environment
RAW_HTTP_TRIGGERS: Tuple[bytes, ...] = (
    V1_HOST.encode(), b"ding_url", b"ding_base", b"ding_api_url", b"ding_host", b"ding_endpoint")
HOSTS_TRIGGERS: Tuple[bytes, ...] = (LEGACY_V2_HOST_PREFIX.encode(), OLD_DOCS_TRIGGER)
V1_LEFTOVERS_TRIGGERS: Tuple[bytes, ...] = (V1_HOST.encode(),)
# cross-module: none of its own; the engine runs it on the files the repo pre-pass names
CROSS_MODULE_TRIGGERS: Tuple[bytes, ...] = ()

# --- any file: v1 evidence and the text rules -------------------------------------------------

# Lower-case substrings only v1 code contains: one of them makes weak signatures (``.otp.check(``,
# ``new Ding(``) count in the same file.
V1_EVIDENCE: Tuple[str, ...] = (V1_HOST, "autentication") + tuple(
    token for tokens in V1_EVIDENCE_TOKENS.values() for token in tokens)

# Messaging/transactional calls (PM201, PM202).
MESSAGING_TRIGGERS: Tuple[bytes, ...] = (
    LEGACY_TRANSACTIONAL_PATH, b"/v2/notify", b"transactional.send", b"transactional->send",
    b"transactional().send", b"notify.send", b"notify->send", b"notify().send")
# v1 method names (every language's spelling) and v1 authentication.
V1_METHOD_AND_AUTH_TRIGGERS: Tuple[bytes, ...] = (
    b"autentication", b"createauthentication", b"create_authentication", b"getauthenticationstatus",
    b"get_authentication_status", V1_AUTH_HEADER.lower().encode(), b"customeruuid")

# Every text pattern of the scanner's rules: a file with none of these is not read by them.
TEXT_TRIGGERS: Tuple[bytes, ...] = tuple(dict.fromkeys(
    HTTP_TRIGGERS + MESSAGING_TRIGGERS
    + tuple(token.encode() for tokens in V1_EVIDENCE_TOKENS.values() for token in tokens)
    + tuple(token.encode() for token in V1_WEAK_PACKAGE_TOKENS)
    + V1_METHOD_AND_AUTH_TRIGGERS
    + tuple(sorted({name.lower().encode() for name in V1_CONFIG_NAMES}))))
