"""The API facts ``codemods.lang`` uses, all from compat's knowledge layer (never spelt here)."""
from __future__ import annotations

from compat.knowledge.docs_links import is_docs_link, rewrite_docs_links  # noqa: F401
from compat.knowledge.hosts import (  # noqa: F401
    LEGACY_V2, V1_AUTH_HEADER, V1_CUSTOMER_HEADER, V1_HOST, V1_UNKNOWN_OPERATION, V2_AUTH_HEADER,
    V2_AUTH_SCHEME, V2_BASE_URL, V2_HOST, V2_ORIGIN, classify_url, replace_legacy_host)
from compat.knowledge.operations import CHECK_FIELD_MOVES, CREATE_FIELD_MOVES, OPERATIONS  # noqa: F401
from compat.knowledge.statuses import (  # noqa: F401
    CHECK_STATUS_V1_TO_V2, CREATE_STATUS_V1_TO_V2, RETRY_STATUS_V1_TO_V2)
from compat.knowledge.todos import TODO_MARKER, V2_KEY_TODO  # noqa: F401
