"""The API facts ``codemods.lang`` uses, imported from compat's knowledge layer (never spelt
here): the legacy v2 host swap, the docs-link moves, v1 URL classification, the TODO marker."""
from __future__ import annotations

from codemods.http.urls import (  # noqa: F401  (re-exported: the Python codemods share them)
    LEGACY_V2, V1_UNKNOWN_OPERATION, classify_url, is_docs_link, replace_legacy_host, rewrite_docs_links)
from compat.tables import (  # noqa: F401
    CHECK_STATUS_V1_TO_V2, CREATE_FIELD_MOVES, CREATE_STATUS_V1_TO_V2, DEVICE_TYPE_V1_TO_V2,
    OPERATIONS, RETRY_STATUS_V1_TO_V2, TODO_MARKER, V1_AUTH_HEADER, V1_CUSTOMER_HEADER, V1_TO_V2_ERRORS,
    V2_AUTH_HEADER, V2_AUTH_SCHEME, V2_BASE_URL, V2_ORIGIN, V2_PACKAGES,
)
